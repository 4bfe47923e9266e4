using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RegressionRender.Core.Config;

/// <summary>Reads a single object or an array of them as a list (a fit, or a race of fits).</summary>
public sealed class OneOrManyConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return JsonSerializer.Deserialize(ref reader, Metadata<List<T>>(options)) ?? [];
        }
        var one = JsonSerializer.Deserialize(ref reader, Metadata<T>(options)) ?? throw new JsonException("expected an object");
        return [one];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            JsonSerializer.Serialize(writer, value[0], Metadata<T>(options));
        }
        else
        {
            JsonSerializer.Serialize(writer, value, Metadata<IReadOnlyList<T>>(options));
        }
    }

    // The options' (generated) metadata, not reflection: works in a trimmed native build.
    private static JsonTypeInfo<TValue> Metadata<TValue>(JsonSerializerOptions options) => (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
}
