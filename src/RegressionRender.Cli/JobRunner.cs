using System.Text.Json;
using Spectre.Console;

namespace RegressionRender.Cli;

/// <summary>The machinery render and batch share: configs run several at a time under one progress display, a line per finished config, a summary.</summary>
internal sealed class JobRunner(CliContext cli)
{
    public async Task<IReadOnlyList<JobResult>> RunAsync(IReadOnlyList<BatchItem> items, string outputFolder, bool force, int jobs, CancellationToken cancellationToken)
    {
        var results = new JobResult?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Scene is null)
            {
                results[i] = new JobResult(items[i].Path, Path.GetFileNameWithoutExtension(items[i].Path), JobStatus.Invalid, [], 0, items[i].Error, []);
                await cli.Error.WriteLineAsync(items[i].Error);
            }
        }
        var display = new ProgressDisplay(cli.Error, cli.IsTerminal);
        await display.RunAsync(async progress =>
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count).Where(i => items[i].Scene is not null), options, async (i, token) =>
            {
                var result = await SceneJob.RunAsync(items[i].Scene!, items[i].Prepared, outputFolder, force, progress, token);
                results[i] = result;
                display.Lines(Report(result));
            });
            return 0;
        });
        return [.. results.Select(r => r!)];
    }

    private static List<string> Report(JobResult result)
    {
        var lines = new List<string>();
        lines.AddRange(result.Warnings.Select(w => ErrorReporter.Warning(result.Config, w)));
        switch (result.Status)
        {
            case JobStatus.Rendered:
                lines.AddRange(result.Outputs.Select(o => $"wrote {RenderCommand.Shown(o.Path)} ({(o.Frames > 1 ? $"{o.Frames} frames, {o.Seconds:0.##} s, " : "")}{RenderCommand.Size(o.Bytes)}){(o.Note is null ? "" : $": {o.Note}")}"));
                lines.Add($"rendered {result.Config} in {result.Seconds:0.0} s");
                break;
            case JobStatus.Skipped:
                lines.Add($"up to date: {result.Config} (use --force to render again)");
                break;
            default:
                lines.Add(result.Message ?? $"{result.Config}: failed");
                break;
        }
        return lines;
    }

    /// <summary>Exit code of a set of results: 2 if any config was invalid, else 1 if any render failed, else 0.</summary>
    public static int ExitCode(IEnumerable<JobResult> results)
    {
        var codes = results.Select(r => r.ExitCode).ToList();
        return codes.Contains(ExitCodes.InvalidInput) ? ExitCodes.InvalidInput : codes.Contains(ExitCodes.RenderFailed) ? ExitCodes.RenderFailed : ExitCodes.Success;
    }

    /// <summary>The summary table on stderr.</summary>
    public void PrintTable(IReadOnlyList<JobResult> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Error), Ansi = cli.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No });
        if (!cli.IsTerminal)
        {
            console.Profile.Width = 160;
        }
        var table = new Table().AddColumns("name", "formats", "frames", "video s", "sizes", "render s", "status");
        foreach (var r in results)
        {
            var video = r.Outputs.FirstOrDefault(o => o.Frames > 1);
            table.AddRow(
                Markup.Escape(r.Name),
                Markup.Escape(string.Join(" ", r.Outputs.Select(o => o.Format.ToString().ToLowerInvariant()))),
                video is null ? "" : video.Frames.ToString(System.Globalization.CultureInfo.InvariantCulture),
                video is null ? "" : video.Seconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(" ", r.Outputs.Select(o => RenderCommand.Size(o.Bytes)))),
                r.Seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(r.Status.ToString().ToLowerInvariant()));
        }
        console.Write(table);
    }

    /// <summary>The machine-readable summary on stdout.</summary>
    public async Task PrintJsonAsync(IReadOnlyList<JobResult> results)
    {
        var summary = results.Select(r => new BatchSummaryItem(
            r.Config,
            r.Name,
            r.Status.ToString().ToLowerInvariant(),
            Math.Round(r.Seconds, 3),
            r.Message,
            [.. r.Outputs.Select(o => new BatchSummaryOutput(o.Format.ToString().ToLowerInvariant(), o.Path, o.Bytes, o.Frames, o.Seconds))]));
        await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new BatchSummary(ExitCode(results), [.. summary]), BatchJsonContext.Default.BatchSummary));
    }
}
