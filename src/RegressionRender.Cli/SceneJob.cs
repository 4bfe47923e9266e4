using System.Diagnostics;
using RegressionRender.Core;
using RegressionRender.Core.Config;
using RegressionRender.Encoding;

namespace RegressionRender.Cli;

/// <summary>How one config of a render or batch ended.</summary>
internal enum JobStatus
{
    Rendered,
    Skipped,
    Invalid,
    Failed,
}

/// <summary>The outcome of one config: for the summary table, the JSON summary and the exit code.</summary>
internal sealed record JobResult(string Config, string Name, JobStatus Status, IReadOnlyList<RenderedOutput> Outputs, double Seconds, string? Message, IReadOnlyList<string> Warnings)
{
    public int ExitCode => Status switch
    {
        JobStatus.Invalid => ExitCodes.InvalidInput,
        JobStatus.Failed => ExitCodes.RenderFailed,
        _ => ExitCodes.Success,
    };
}

/// <summary>Renders one loaded config, skipping it when its outputs are up to date; failures become results, not exceptions.</summary>
internal static class SceneJob
{
    public static async Task<JobResult> RunAsync(LoadedScene scene, PreparedScene? prepared, string outputFolder, bool force, Func<string, IProgress<RenderProgress>> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var hash = RenderCache.Hash(scene);
            Host.Trace("content hash computed");
            if (!force && RenderCache.IsUpToDate(scene, outputFolder, hash))
            {
                var existing = RenderCache.Outputs(scene, outputFolder)
                    .Select(path => new RenderedOutput(Enum.Parse<OutputFormat>(Path.GetExtension(path)[1..], ignoreCase: true), path, SceneRenderer.SizeOnDisk(path), 0, 0)).ToList();
                return new JobResult(scene.SourcePath, scene.Name, JobStatus.Skipped, existing, clock.Elapsed.TotalSeconds, "up to date", []);
            }
            prepared ??= PreparedScene.Prepare(scene, cancellationToken);
            Host.Trace("data loaded and fitted");
            RenderCache.Forget(scene, outputFolder);
            var outputs = await SceneRenderer.RenderAsync(prepared, outputFolder, null, progress(scene.Name), cancellationToken);
            RenderCache.Remember(scene, outputFolder, hash);
            return new JobResult(scene.SourcePath, scene.Name, JobStatus.Rendered, outputs, clock.Elapsed.TotalSeconds, null, prepared.Warnings);
        }
        catch (InvalidInputException e)
        {
            return new JobResult(scene.SourcePath, scene.Name, JobStatus.Invalid, [], clock.Elapsed.TotalSeconds, e.ToString(), []);
        }
        catch (Exception e) when (e is EncoderException or IOException or UnauthorizedAccessException)
        {
            return new JobResult(scene.SourcePath, scene.Name, JobStatus.Failed, [], clock.Elapsed.TotalSeconds, ErrorReporter.Describe(e).Line, []);
        }
    }
}
