using System.CommandLine;
using System.Diagnostics;
using RegressionRender.Encoding;

namespace RegressionRender.Cli;

/// <summary><c>regrender render CONFIG... [-o DIR]</c>: every format a config asks for, written atomically.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext cli)
    {
        var configs = new Argument<string[]>("CONFIG") { Description = "Scene config files (JSON)", Arity = ArgumentArity.OneOrMore };
        var outputFolder = new Option<string>("--output", "-o") { Description = "Folder for the outputs", DefaultValueFactory = _ => "output" };
        var scene = new SceneOptions();
        var command = new Command("render", "Render configs to MP4, GIF and/or PNG") { configs, outputFolder };
        scene.AddTo(command, withFormats: true);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            var overrides = scene.Read(result);
            var folder = result.GetValue(outputFolder)!;
            foreach (var config in result.GetValue(configs)!)
            {
                await RenderOneAsync(cli, config, overrides, folder, cancellationToken);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task RenderOneAsync(CliContext cli, string configPath, SceneOverrides overrides, string folder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var prepared = PreparedScene.Load(configPath, overrides);
        foreach (var warning in prepared.Warnings)
        {
            await cli.Error.WriteLineAsync($"warning: {warning}");
        }
        var outputs = await new ProgressDisplay(cli.Error, cli.IsTerminal).RunAsync(prepared.Scene.Name,
            progress => SceneRenderer.RenderAsync(prepared, folder, new EncoderOptions(), progress, cancellationToken));
        foreach (var output in outputs)
        {
            var what = output.Frames > 1 ? $"{output.Frames} frames, {output.Seconds:0.##} s, " : "";
            await cli.Error.WriteLineAsync($"wrote {Shown(output.Path)} ({what}{Size(output.Bytes)})");
        }
        await cli.Error.WriteLineAsync($"rendered {configPath} in {clock.Elapsed.TotalSeconds:0.0} s");
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
