using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegressionRender.Core.Config;

/// <summary>
/// The config records' JSON metadata, generated at build time: reading a config needs neither reflection nor code
/// generated at run time (measured: the reflection reader cost a render about 0.1 s of start-up), and it works in a
/// native AOT build. Comments and trailing commas are allowed; unknown keys are errors (the shape checker names them first).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SceneConfig))]
[JsonSerializable(typeof(List<FitConfig>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(IReadOnlyList<FitConfig>))]
public sealed partial class ConfigJsonContext : JsonSerializerContext;

/// <summary>An enum written as its camelCase name (<c>"sgd"</c>, <c>"mp4"</c>); numbers are refused.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
