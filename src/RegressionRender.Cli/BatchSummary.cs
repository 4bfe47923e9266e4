using System.Text.Json.Serialization;

namespace RegressionRender.Cli;

/// <summary>The JSON summary of <c>render</c>/<c>batch --json</c>: the exit code and one entry per config.</summary>
internal sealed record BatchSummary(int ExitCode, IReadOnlyList<BatchSummaryItem> Results);

/// <summary>One config's outcome; <paramref name="Status"/> is rendered, skipped, invalid or failed.</summary>
internal sealed record BatchSummaryItem(string Config, string Name, string Status, double Seconds, string? Message, IReadOnlyList<BatchSummaryOutput> Outputs);

/// <summary>One file written.</summary>
internal sealed record BatchSummaryOutput(string Format, string Path, long Bytes, int Frames, double Seconds);

/// <summary>The summary's JSON metadata, generated at build time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BatchSummary))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
