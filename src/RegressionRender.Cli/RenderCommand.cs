using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary><c>regrender render CONFIG... [-o DIR]</c>: every format a config asks for, written atomically.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext cli)
    {
        var configs = new Argument<string[]>("CONFIG") { Description = "Scene config files (JSON)", Arity = ArgumentArity.OneOrMore };
        var outputFolder = new Option<string>("--output", "-o") { Description = "Folder for the outputs", DefaultValueFactory = _ => "output" };
        var force = new Option<bool>("--force") { Description = "Render even when the outputs are up to date" };
        var record = new Option<string?>("--record") { Description = "Also write the fit record (every kept step: loss, gradient norm, parameters) to this CSV file" };
        var scene = new SceneOptions();
        var command = new Command("render", "Render configs to MP4, GIF and/or PNG (skipped when up to date)") { configs, outputFolder, force, record };
        scene.AddTo(command, withFormats: true);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            Host.PrepareEncoder();
            var items = BatchPlan.Load(result.GetValue(configs)!, scene.Read(result));
            Host.Trace("configs read and validated");
            if (items.Count == 1 && items[0].Error is { } error)
            {
                throw new Core.InvalidInputException("", error);
            }
            BatchPlan.RefuseCollisions(items, OptionChecks.OutputFolder(result.GetValue(outputFolder)!));
            if (result.GetValue(record) is { } recordPath)
            {
                if (items.Count != 1)
                {
                    throw new Core.InvalidInputException("--record", "records one config at a time; give a single CONFIG");
                }
                var prepared = PreparedScene.Prepare(items[0].Scene!, cancellationToken);
                RecordExport.Write(prepared, recordPath);
                items = [items[0] with { Prepared = prepared }];
                await cli.Error.WriteLineAsync($"wrote {Shown(recordPath)} (fit record)");
            }
            var results = await new JobRunner(cli).RunAsync(items, result.GetValue(outputFolder)!, result.GetValue(force), jobs: 1, cancellationToken);
            return JobRunner.ExitCode(results);
        }));
        return command;
    }

    /// <summary>A path relative to the working folder when it is inside it, else absolute.</summary>
    internal static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.##} MB",
    };
}
