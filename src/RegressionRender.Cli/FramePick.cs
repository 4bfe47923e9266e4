using System.CommandLine;
using RegressionRender.Core;

namespace RegressionRender.Cli;

/// <summary>
/// Which frame of the video a command draws (<c>still</c>, <c>layout</c>): <c>--at S</c>, <c>--frame N</c> or
/// <c>--progress P</c> (one of them; the last frame by default), at the config's size or <c>--width W</c>.
/// </summary>
internal sealed class FramePick
{
    public Option<double?> At { get; } = OptionChecks.Number("--at", "Time in seconds of the frame (default: the last frame)");

    public Option<int?> Frame { get; } = new("--frame") { Description = "Index of the frame, from 0" };

    public Option<double?> Progress { get; } = OptionChecks.Number("--progress", "Position in the video from 0 (first frame) to 1 (last frame)");

    public Option<int?> Width { get; } = new("--width") { Description = "Draw at this width, keeping the config's aspect ratio (thumbnails)" };

    public void AddTo(Command command)
    {
        OptionChecks.Check(Progress, p => p is >= 0 and <= 1 or null ? null : $"must be between 0 and 1 (got {p})");
        OptionChecks.Check(Width, w => w is null or >= 64 ? null : $"must be at least 64 pixels (got {w})");
        OptionChecks.Check(Frame, f => f is null or >= 0 ? null : $"frames count from 0 (got {f})");
        OptionChecks.OneOf(At, Frame, Progress);
        command.Options.Add(At);
        command.Options.Add(Frame);
        command.Options.Add(Progress);
        command.Options.Add(Width);
    }

    /// <summary>The scene at the size asked for, as a PNG (the video formats' rules, an even size for H.264, do not apply).</summary>
    public PreparedScene Load(ParseResult result, string config, SceneOptions scene, CancellationToken cancellationToken) =>
        PreparedScene.Load(config, scene.Read(result) with { ThumbnailWidth = result.GetValue(Width), Formats = [Core.Config.OutputFormat.Png] }, cancellationToken);

    /// <summary>The frame asked for; one outside the video is refused, not silently replaced by the last.</summary>
    public int Index(ParseResult result, PreparedScene prepared)
    {
        var fps = prepared.Config.Animation.Fps;
        var total = prepared.FrameCount;
        var index = result.GetValue(Frame)
            // Frame k is on screen from k / fps until the next one.
            ?? (result.GetValue(At) is { } seconds ? (int)Math.Floor((seconds * fps) + 1e-9)
            : result.GetValue(Progress) is { } fraction ? (int)Math.Round(fraction * (total - 1))
            : total - 1);
        if (index < 0 || index >= total)
        {
            var length = (double)total / fps;
            throw result.GetValue(Frame) is not null
                ? new InvalidInputException("--frame", $"{index} is not a frame of the video: it has frames 0 to {total - 1} ({length:0.###} s at {fps} fps)")
                : new InvalidInputException("--at", $"{result.GetValue(At)} s is not in the video: it lasts {length:0.###} s (frames 0 to {total - 1} at {fps} fps)");
        }
        return index;
    }
}
