using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RegressionRender.Core.Config;

/// <summary>
/// A pacing mode, or a weighted blend of modes: <c>"visual"</c>, or <c>{ "visual": 0.7, "log": 0.3 }</c>.
/// Blending averages the frame positions of the modes, so the first and last frames stay exact.
/// </summary>
[JsonConverter(typeof(PacingSpecConverter))]
public sealed record PacingSpec(IReadOnlyDictionary<string, double> Weights)
{
    /// <summary>The pacing modes.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["visual", "log", "iterations"];

    /// <summary>The default: visual pacing alone.</summary>
    public static PacingSpec Visual { get; } = Single("visual");

    /// <summary>One mode with weight 1.</summary>
    public static PacingSpec Single(string mode) => new(new Dictionary<string, double> { [mode] = 1 });

    /// <inheritdoc/>
    public override string ToString() =>
        Weights.Count == 1 ? Weights.Keys.First() : string.Join(" + ", Weights.Select(w => $"{w.Value:0.##}·{w.Key}"));

    /// <inheritdoc/>
    public bool Equals(PacingSpec? other) =>
        other is not null && Weights.Count == other.Weights.Count && Weights.All(w => other.Weights.TryGetValue(w.Key, out var v) && v.Equals(w.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => Weights.Aggregate(0, (hash, w) => hash ^ HashCode.Combine(w.Key, w.Value));
}

/// <summary>Reads and writes <see cref="PacingSpec"/> as a string or an object of weights.</summary>
public sealed class PacingSpecConverter : JsonConverter<PacingSpec>
{
    public override PacingSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return PacingSpec.Single(reader.GetString()!);
        }
        var weights = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<Dictionary<string, double>>)options.GetTypeInfo(typeof(Dictionary<string, double>))) ?? throw new JsonException("expected a pacing mode or an object of weights");
        return new PacingSpec(weights);
    }

    public override void Write(Utf8JsonWriter writer, PacingSpec value, JsonSerializerOptions options)
    {
        if (value.Weights.Count == 1 && value.Weights.Values.First() == 1)
        {
            writer.WriteStringValue(value.Weights.Keys.First());
            return;
        }
        JsonSerializer.Serialize(writer, value.Weights, (JsonTypeInfo<IReadOnlyDictionary<string, double>>)options.GetTypeInfo(typeof(IReadOnlyDictionary<string, double>)));
    }
}
