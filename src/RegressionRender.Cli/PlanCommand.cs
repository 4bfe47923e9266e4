using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary><c>regrender plan CONFIG [--json]</c>: the frame timeline without drawing.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext cli)
    {
        var config = new Argument<string>("CONFIG") { Description = "Scene config file (JSON)" };
        var json = new Option<bool>("--json") { Description = "Print the whole plan as one JSON object on stdout" };
        var scene = new SceneOptions();
        var command = new Command("plan", "Print the frame plan: which step and parameters each frame shows") { config, json };
        scene.AddTo(command, withFormats: false);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            var prepared = PreparedScene.Load(result.GetValue(config)!, scene.Read(result), cancellationToken);
            foreach (var warning in prepared.Warnings)
            {
                await cli.Error.WriteLineAsync(ErrorReporter.Warning(result.GetValue(config)!, warning));
            }
            var report = PlanReport.Build(prepared, cancellationToken);
            if (result.GetValue(json))
            {
                await cli.Output.WriteLineAsync(report.ToJson());
            }
            else
            {
                await WriteTableAsync(cli.Output, report);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"2nd", "3rd", "11th", "22nd".</summary>
    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static async Task WriteTableAsync(TextWriter output, PlanReport report)
    {
        await output.WriteLineAsync($"{report.FrameCount} frames at {report.Fps} fps = {report.Duration:0.##} s, {report.Width}×{report.Height}");
        foreach (var fit in report.Fits)
        {
            var target = fit.Target is { } t ? $"[{string.Join(", ", t.Select(v => v.ToString("0.####")))}] (loss {fit.TargetLoss:0.####})" : $"none: {fit.NoTarget}";
            var kept = fit.KeptEvery > 1 ? $"; kept every {Ordinal(fit.KeptEvery)} step ({fit.KeptSteps:N0} of {fit.Steps:N0})" : "";
            var diverged = fit.Diverged ? $"  DIVERGED at step {fit.DivergedAtStep}" : "";
            await output.WriteLineAsync($"{fit.Label}: {fit.Steps} steps ({fit.Epochs} epochs × {fit.StepsPerEpoch}), final [{string.Join(", ", fit.Final.Select(v => v.ToString("0.####")))}] loss {fit.FinalLoss:0.####}, target {target}{diverged}{kept}");
        }
        var motion = report.Motion;
        await output.WriteLineAsync(
            $"motion: {(motion.KeepsRules ? "keeps the rules" : "BREAKS the rules")}: largest change of movement {motion.JumpScore:0.00} of the allowed, " +
            $"busiest tenth of the frames {motion.BusiestShare:0%} of the movement; {motion.Reversals} of {motion.AnimatedFrames} animated frames reverse, {motion.EmptyFrames} {(motion.EmptyFrames == 1 ? "shows" : "show")} no fit");
        await output.WriteLineAsync($"{"frame",6} {"time",7} {"phase",-10} {"progress",8} {"move px",8}  fits (iteration: parameters)");
        var every = Math.Max(1, report.FrameCount / 40);
        foreach (var frame in report.Frames.Where(f => f.Frame % every == 0 || f.Frame == report.FrameCount - 1))
        {
            var fits = string.Join("  ", frame.Fits.Select(f => $"{f.Iteration,9:0.00}: [{string.Join(", ", f.Parameters.Select(v => v.ToString("0.0000")))}]"));
            await output.WriteLineAsync($"{frame.Frame,6} {frame.Time,7:0.000} {frame.Phase,-10} {frame.Progress,8:0.000} {frame.DisplacementPx,8:0.00}  {fits}");
        }
    }
}
