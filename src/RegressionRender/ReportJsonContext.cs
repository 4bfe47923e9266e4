using System.Text.Json.Serialization;

namespace RegressionRender;

/// <summary>JSON metadata generated at build time for what this library writes: the plan report and the render cache's sidecar.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanReport))]
[JsonSerializable(typeof(RenderCache.Sidecar))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
