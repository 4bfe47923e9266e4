using RegressionRender.Core.Config;
using RegressionRender.Encoding;
using RegressionRender.Rendering;

namespace RegressionRender;

/// <summary>One file written by a render.</summary>
/// <param name="Format">Its format.</param>
/// <param name="Path">Where it is.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Frames">Frames in it (1 for PNG).</param>
/// <param name="Seconds">Play time (0 for PNG).</param>
/// <param name="Note">What the render chose, when it had a choice (a GIF within its size limit), else null.</param>
public sealed record RenderedOutput(OutputFormat Format, string Path, long Bytes, int Frames, double Seconds, string? Note = null);

/// <summary>Progress of one output: frames done out of total.</summary>
public readonly record struct RenderProgress(OutputFormat Format, int Done, int Total);

/// <summary>Renders a prepared scene to every format it asks for.</summary>
public static class SceneRenderer
{
    /// <summary>Writes <c>NAME.mp4</c>, <c>NAME.gif</c>, <c>NAME.webm</c>, <c>NAME.frames/</c>, … into <paramref name="outputFolder"/>, each atomically.</summary>
    public static async Task<IReadOnlyList<RenderedOutput>> RenderAsync(
        PreparedScene scene,
        string outputFolder,
        EncoderOptions? encoder = null,
        IProgress<RenderProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        encoder ??= new EncoderOptions();
        using var fonts = FontSet.Load();
        var results = new List<RenderedOutput>();
        var config = scene.Config;
        // Outputs of one size and rate share their timeline and their static layers (and the surface contour):
        // planned and drawn once, not once per format. A transparent background needs its own renderer for the
        // formats that keep alpha.
        var stages = new Dictionary<(int, int, int, bool), FrameStage>();
        var newFolder = !Directory.Exists(outputFolder);
        try
        {
            var targets = config.Output.Formats.ToDictionary(f => f, f => OutputFile.Replaceable(Path.Combine(outputFolder, f.FileName(scene.Scene.Name)), folder: f == OutputFormat.Frames));
            // A GIF with a size limit goes first: a limit that cannot be met is refused before any other output is written.
            var budgeted = config.Output.Gif.MaxBytes is not null;
            foreach (var format in config.Output.Formats.OrderBy(f => budgeted && f == OutputFormat.Gif ? 0 : 1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = targets[format];
                var keepAlpha = format.KeepsAlpha() && scene.IsTransparent;
                var key = format == OutputFormat.Gif
                    ? (scene.GifSize().Width, scene.GifSize().Height, config.Output.Gif.Fps, false)
                    : (config.View.Width, config.View.Height, config.Animation.Fps, keepAlpha);
                if (!stages.TryGetValue(key, out var stage))
                {
                    stage = stages[key] = new FrameStage(scene, fonts, key.Item1, key.Item2, key.Item3, keepAlpha, cancellationToken);
                }
                results.Add(await WriteAsync(scene, fonts, format, target, stage, encoder, progress, cancellationToken));
            }
        }
        catch
        {
            // A render that fails before its first output leaves no trace, not even the folder it made for it.
            // (Checked here, not in a filter: the temporary files are removed by the time a catch block runs.)
            if (newFolder && Directory.Exists(outputFolder) && !Directory.EnumerateFileSystemEntries(outputFolder).Any())
            {
                Directory.Delete(outputFolder);
            }
            throw;
        }
        finally
        {
            foreach (var stage in stages.Values)
            {
                stage.Dispose();
            }
        }
        return results;
    }

    private static async Task<RenderedOutput> WriteAsync(
        PreparedScene scene,
        FontSet fonts,
        OutputFormat format,
        string target,
        FrameStage stage,
        EncoderOptions encoder,
        IProgress<RenderProgress>? progress,
        CancellationToken cancellationToken)
    {
        var config = scene.Config;
        var frames = new FrameProgress(format, stage.FrameCount, progress);
        var source = new TimelineFrameSource(stage);
        switch (format)
        {
            case OutputFormat.Mp4:
                await VideoEncoder.EncodeMp4Async(source, new Mp4Settings(config.Output.Mp4.Crf, config.Output.Mp4.Preset), target, encoder, frames, cancellationToken);
                break;
            case OutputFormat.Gif when config.Output.Gif.MaxBytes is { } maxBytes:
                var (note, count) = await GifBudget.WriteAsync(scene, fonts, target, maxBytes, encoder, frames, cancellationToken);
                return new RenderedOutput(format, target, SizeOnDisk(target), count, Core.Timing.Timeline.Seconds(config.Animation), note);
            case OutputFormat.Gif:
                // A GIF's frame delays are centiseconds: it lasts exactly the configured length, whatever its rate.
                await VideoEncoder.EncodeGifAsync(source, new GifSettings(config.Output.Gif.Loop, Seconds: Core.Timing.Timeline.Seconds(config.Animation)), target, encoder, frames, cancellationToken);
                return new RenderedOutput(format, target, SizeOnDisk(target), stage.FrameCount, Core.Timing.Timeline.Seconds(config.Animation));
            case OutputFormat.Webm:
                await VideoEncoder.EncodeWebmAsync(source, new WebmSettings(config.Output.Webm.Crf), target, encoder, frames, cancellationToken);
                break;
            case OutputFormat.Frames:
                await VideoEncoder.EncodeFramesAsync(source, target, encoder, frames, cancellationToken);
                break;
            case OutputFormat.Vtt:
                AtomicOutput.WriteAllBytes(target, System.Text.Encoding.UTF8.GetBytes(Captions.WebVtt(scene, stage.Timeline.Value)));
                progress?.Report(new RenderProgress(format, 1, 1));
                break;
            case OutputFormat.Raw:
                await RawFrameWriter.WriteAsync(source, target, frames, cancellationToken);
                break;
            default:
                AtomicOutput.WriteAllBytes(target, stage.Renderer.Value.DrawPng(stage.Timeline.Value.Frames[^1]));
                progress?.Report(new RenderProgress(format, 1, 1));
                break;
        }
        var moving = format.IsMoving();
        return new RenderedOutput(format, target, SizeOnDisk(target), moving ? stage.Timeline.Value.FrameCount : 1, moving ? stage.Timeline.Value.Duration : 0);
    }

    /// <summary>Bytes of a file, or of every file in a folder (frames).</summary>
    public static long SizeOnDisk(string path) => Directory.Exists(path)
        ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : new FileInfo(path).Length;

    /// <summary>The family name of the bundled font, loaded the way frames load it (a doctor check).</summary>
    public static string BundledFontName()
    {
        using var fonts = FontSet.Load();
        return fonts.FamilyName;
    }

    /// <summary>Reports frames of one output synchronously, on the encoder's thread, without allocating per frame.</summary>
    private sealed class FrameProgress(OutputFormat format, int total, IProgress<RenderProgress>? progress) : IProgress<int>
    {
        public void Report(int value) => progress?.Report(new RenderProgress(format, value, total));
    }

    /// <summary>Draws one frame of the video as PNG bytes; <paramref name="shown"/> is the frame drawn (clamped to the video).</summary>
    public static byte[] Still(PreparedScene scene, int frame, out int shown, CancellationToken cancellationToken = default)
    {
        var drawn = Draw(scene, [frame], FrameImage.Png, cancellationToken)[0];
        shown = drawn.Frame;
        return drawn.Image;
    }

    /// <summary>
    /// Draws frames of the video, planned once: each as PNG bytes (<see cref="FrameImage.Png"/>), its BGRA pixels
    /// (<see cref="FrameImage.Pixels"/>, straight alpha) or no image, with every text it drew, the plan it was laid out by
    /// and the frame drawn (clamped to the video). A still and the layout report are both this.
    /// </summary>
    internal static List<(byte[] Image, IReadOnlyList<DrawnText> Texts, Core.Layout.ScenePlan Plan, int Frame)> Draw(PreparedScene scene, IReadOnlyList<int> frames, FrameImage image, CancellationToken cancellationToken)
    {
        using var fonts = FontSet.Load();
        var plan = scene.PlanFor(scene.Config.View.Width, scene.Config.View.Height);
        var timeline = scene.TimelineFor(plan, scene.Config.Animation.Fps, cancellationToken);
        var texts = new TextBoxes();
        using var renderer = new FrameRenderer(plan, fonts, keepAlpha: true, boxes: texts);
        // The static layers report their texts once, when the renderer records them; each frame adds its own.
        var statics = texts.Texts.Count;
        var pixels = new byte[renderer.FrameBytes];
        var drawn = new List<(byte[], IReadOnlyList<DrawnText>, Core.Layout.ScenePlan, int)>();
        foreach (var frame in frames)
        {
            texts.KeepFirst(statics);
            var shown = Math.Clamp(frame, 0, timeline.FrameCount - 1);
            if (image == FrameImage.Png)
            {
                drawn.Add((renderer.DrawPng(timeline.Frames[shown]), [.. texts.Texts], plan, shown));
            }
            else
            {
                renderer.DrawInto(timeline.Frames[shown], pixels);
                drawn.Add((image == FrameImage.Pixels ? [.. pixels] : [], [.. texts.Texts], plan, shown));
            }
        }
        return drawn;
    }
}

/// <summary>What <see cref="SceneRenderer.Draw"/> keeps of each frame's image.</summary>
internal enum FrameImage
{
    /// <summary>Nothing (the texts and layout only).</summary>
    None,

    /// <summary>PNG bytes.</summary>
    Png,

    /// <summary>Width × height BGRA bytes, straight alpha.</summary>
    Pixels,
}
