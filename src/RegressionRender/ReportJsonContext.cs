using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegressionRender;

/// <summary>JSON metadata generated at build time for what this library writes: the plan report and the render cache's sidecar.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(FiniteOrNullConverter)])]
[JsonSerializable(typeof(PlanReport))]
[JsonSerializable(typeof(LayoutReport))]
[JsonSerializable(typeof(RenderCache.Sidecar))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>
/// Numbers in reports: JSON has no infinity or NaN, and a diverging fit's loss and parameters overflow to them, so a
/// number that is not finite is written as null ("no number": it flew off).
/// </summary>
internal sealed class FiniteOrNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
