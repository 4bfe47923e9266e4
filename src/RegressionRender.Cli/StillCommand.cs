using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary><c>regrender still CONFIG [--at S | --frame N] [-o FILE.png]</c>: one frame as PNG, no ffmpeg needed.</summary>
internal static class StillCommand
{
    public static Command Create(CliContext cli)
    {
        var config = new Argument<string>("CONFIG") { Description = "Scene config file (JSON)" };
        var output = new Option<string?>("--output", "-o") { Description = "PNG file to write (default: output/NAME-frameN.png); - for standard output" };
        var pick = new FramePick();
        var scene = new SceneOptions();
        var command = new Command("still", "Draw one frame of the video as a PNG") { config, output };
        pick.AddTo(command);
        scene.AddTo(command, withFormats: false);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            var prepared = pick.Load(result, result.GetValue(config)!, scene, cancellationToken);
            var index = pick.Index(result, prepared);
            var png = SceneRenderer.Still(prepared, index, out var shown, cancellationToken);
            var target = result.GetValue(output) ?? Path.Combine("output", $"{prepared.Scene.Name}-frame{shown}.png");
            OutputFile.WriteAllBytes(target, png);
            await cli.Error.WriteLineAsync($"wrote {target} (frame {shown})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
