using System.CommandLine;
using RegressionRender.Core;

namespace RegressionRender.Cli;

/// <summary><c>regrender still CONFIG [--at S | --frame N] [-o FILE.png]</c>: one frame as PNG, no ffmpeg needed.</summary>
internal static class StillCommand
{
    public static Command Create(CliContext cli)
    {
        var config = new Argument<string>("CONFIG") { Description = "Scene config file (JSON)" };
        var at = OptionChecks.Number("--at", "Time in seconds of the frame to draw (default: the last frame)");
        var frame = new Option<int?>("--frame") { Description = "Index of the frame to draw, from 0" };
        var output = new Option<string?>("--output", "-o") { Description = "PNG file to write (default: output/NAME-frameN.png); - for standard output" };
        var progress = OptionChecks.Number("--progress", "Position in the video from 0 (first frame) to 1 (last frame)");
        OptionChecks.Check(progress, p => p is >= 0 and <= 1 or null ? null : $"must be between 0 and 1 (got {p})");
        var width = new Option<int?>("--width") { Description = "Draw at this width, keeping the config's aspect ratio (thumbnails)" };
        OptionChecks.Check(width, w => w is null or >= 64 ? null : $"must be at least 64 pixels (got {w})");
        OptionChecks.Check(frame, f => f is null or >= 0 ? null : $"frames count from 0 (got {f})");
        var scene = new SceneOptions();
        var command = new Command("still", "Draw one frame of the video as a PNG") { config, at, frame, progress, output, width };
        scene.AddTo(command, withFormats: false);
        OptionChecks.OneOf(at, frame, progress);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            // A still is a PNG: the video formats' rules (an even size for H.264) do not apply to it.
            var overrides = scene.Read(result) with { ThumbnailWidth = result.GetValue(width), Formats = [Core.Config.OutputFormat.Png] };
            var prepared = PreparedScene.Load(result.GetValue(config)!, overrides, cancellationToken);
            var fps = prepared.Config.Animation.Fps;
            var total = prepared.FrameCount;
            var index = result.GetValue(frame)
                // Frame k is on screen from k / fps until the next one.
                ?? (result.GetValue(at) is { } seconds ? (int)Math.Floor((seconds * fps) + 1e-9)
                : result.GetValue(progress) is { } fraction ? (int)Math.Round(fraction * (total - 1))
                : total - 1);
            if (index < 0 || index >= total)
            {
                // Not silently the last frame: the frame asked for is not in the video.
                var length = (double)total / fps;
                throw result.GetValue(frame) is not null
                    ? new InvalidInputException("--frame", $"{index} is not a frame of the video: it has frames 0 to {total - 1} ({length:0.###} s at {fps} fps)")
                    : new InvalidInputException("--at", $"{result.GetValue(at)} s is not in the video: it lasts {length:0.###} s (frames 0 to {total - 1} at {fps} fps)");
            }
            var png = SceneRenderer.Still(prepared, index, out var shown, cancellationToken);
            var target = result.GetValue(output) ?? Path.Combine("output", $"{prepared.Scene.Name}-frame{shown}.png");
            OutputFile.WriteAllBytes(target, png);
            await cli.Error.WriteLineAsync($"wrote {target} (frame {shown})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
