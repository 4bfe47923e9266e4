using System.CommandLine;
using RegressionRender.Core;
using RegressionRender.Encoding;

namespace RegressionRender.Cli;

/// <summary><c>regrender still CONFIG [--at S | --frame N] [-o FILE.png]</c>: one frame as PNG, no ffmpeg needed.</summary>
internal static class StillCommand
{
    public static Command Create(CliContext cli)
    {
        var config = new Argument<string>("CONFIG") { Description = "Scene config file (JSON)" };
        var at = new Option<double?>("--at") { Description = "Time in seconds of the frame to draw (default: the last frame)" };
        var frame = new Option<int?>("--frame") { Description = "Index of the frame to draw, from 0" };
        var output = new Option<string?>("--output", "-o") { Description = "PNG file to write (default: output/NAME-frameN.png)" };
        var scene = new SceneOptions();
        var command = new Command("still", "Draw one frame of the video as a PNG") { config, at, frame, output };
        scene.AddTo(command, withFormats: false);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            if (result.GetValue(at) is not null && result.GetValue(frame) is not null)
            {
                throw new InvalidInputException("--at/--frame", "give one of --at and --frame, not both");
            }
            var prepared = PreparedScene.Load(result.GetValue(config)!, scene.Read(result));
            var fps = prepared.Config.Animation.Fps;
            var index = result.GetValue(frame) ?? (result.GetValue(at) is { } seconds ? (int)Math.Round(seconds * fps) : int.MaxValue);
            var png = SceneRenderer.Still(prepared, index, out var shown);
            var target = result.GetValue(output) ?? Path.Combine("output", $"{prepared.Scene.Name}-frame{shown}.png");
            AtomicOutput.WriteAllBytes(target, png);
            await cli.Error.WriteLineAsync($"wrote {target} (frame {shown})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
