using System.CommandLine;
using System.Globalization;
using RegressionRender.Core;

namespace RegressionRender.Cli;

/// <summary><c>regrender batch DIR|CONFIG... [-o DIR] [-j N] [--shard K/N] [--force] [--json]</c> and the options that override every config.</summary>
internal static class BatchCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = new Argument<string[]>("DIR|CONFIG") { Description = "Folders of configs (*.json) and/or config files", Arity = ArgumentArity.OneOrMore };
        var outputFolder = new Option<string>("--output", "-o") { Description = "Folder for the outputs", DefaultValueFactory = _ => "output" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Configs rendered at once (default: half the cores, since x264 uses several)", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount / 2) };
        var shard = new Option<string?>("--shard") { Description = "Render only shard K of N (e.g. 2/4), stable across machines" };
        var force = new Option<bool>("--force") { Description = "Render even when the outputs are up to date" };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable summary on stdout instead of the table" };
        var command = new Command("batch", "Render every config of folders or a list, several at a time; up-to-date outputs are skipped")
        {
            inputs, outputFolder, jobs, shard, force, json,
        };
        var scene = new SceneOptions();
        scene.AddTo(command, withFormats: true);
        OptionChecks.Check(jobs, j => j >= 1 ? null : "must be at least 1");
        OptionChecks.Check(shard, s => s is null || ParseShard(s) is not null ? null : $"'{s}' is not K/N with 1 ≤ K ≤ N (e.g. 2/4)");
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            Host.PrepareEncoder();
            var (k, n) = result.GetValue(shard) is { } given ? ParseShard(given)!.Value : (1, 1);
            var folder = OptionChecks.OutputFolder(result.GetValue(outputFolder)!);
            var paths = BatchPlan.Discover(result.GetValue(inputs)!).Where(p => BatchPlan.InShard(p, k, n)).ToList();
            var missing = result.GetValue(inputs)!.Where(i => !Directory.Exists(i) && !File.Exists(i)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidInputException(missing[0], "no such folder or config file");
            }
            var items = BatchPlan.Load(paths, scene.Read(result));
            BatchPlan.RefuseCollisions(items, folder);
            var runner = new JobRunner(cli);
            var results = await runner.RunAsync(items, folder, result.GetValue(force), result.GetValue(jobs), cancellationToken);
            if (result.GetValue(json))
            {
                await runner.PrintJsonAsync(results);
            }
            else
            {
                runner.PrintTable(results);
            }
            return JobRunner.ExitCode(results);
        }));
        return command;
    }

    /// <summary>K and N of "K/N", or null when it is not one.</summary>
    private static (int K, int N)? ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return (k, n);
        }
        return null;
    }
}
