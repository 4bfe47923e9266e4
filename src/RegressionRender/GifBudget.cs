using RegressionRender.Core;
using RegressionRender.Core.Config;
using RegressionRender.Encoding;
using RegressionRender.Rendering;

namespace RegressionRender;

/// <summary>
/// A GIF within a size limit (<c>output.gif.maxBytes</c>): the best quality that fits. Measured on the seed at
/// 640×640 (bench/gif.sh), fewer colours cost the least fidelity per byte saved — 96 → 24 colours takes the GIF
/// from 1.60 MB to 0.98 MB and its PSNR from 57 to 46.5 dB — while a lower frame rate or a smaller width costs far more
/// (15 fps: 35 dB, frames then lag the motion; 512 px wide: 32 dB, text blurs). So the colours go first, from the
/// GIF's own count (<see cref="GifSettings.Colors"/>) down to 8; only when 8 colours do not fit does the frame rate drop
/// (to 10, then 5 fps: rates whose frame delays are whole centiseconds), and then the width (80%, 64%, 50%).
/// Colours go no lower than a palette fidelity of <see cref="FloorPsnr"/> before the rate and width do (except at the
/// smallest rate and width). The colour count is found by bisection (a GIF's size falls with its colours), each try a
/// full encode.
/// </summary>
internal static class GifBudget
{

    /// <summary>
    /// The least fidelity (dB) of a GIF's palette before a lower frame rate or a smaller width is tried instead: on
    /// the seed 24 colours (46.5 dB) fit 1,000,000 bytes; on a scene with a colour surface 8 colours reach only 31 dB
    /// (the surface collapses into flat bands) where 80% of the width at half the rate keeps 40 colours and 41 dB.
    /// </summary>
    private const double FloorPsnr = 40;

    /// <summary>Frame rates tried below the configured one.</summary>
    private static readonly int[] Rates = [10, 5];

    /// <summary>Widths tried, as shares of the configured one.</summary>
    private static readonly double[] Widths = [1, 0.8, 0.64, 0.5];

    /// <summary>What a try was made with and how large it came out.</summary>
    private readonly record struct Try(int Colors, int Fps, int Width, int Height, long Bytes)
    {
        public override string ToString() => $"{Colors} colours at {Fps} fps, {Width}×{Height}";
    }

    /// <summary>
    /// Writes the GIF of <paramref name="scene"/> to <paramref name="target"/> within <paramref name="maxBytes"/>,
    /// and says in one line what it chose; refuses (<see cref="InvalidInputException"/>) a limit that even the smallest
    /// settings exceed, with the size they reach — tried first, so the refusal is quick. Tries not kept are deleted.
    /// </summary>
    public static async Task<(string Note, int Frames)> WriteAsync(PreparedScene scene, FontSet fonts, string target, int maxBytes, EncoderOptions encoder, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var gif = scene.Config.Output.Gif;
        var (width, height) = scene.GifSize();
        var levels = Widths
            .Select(share => Math.Max(SceneValidator.Limits.MinSize, (int)Math.Round(width * share)))
            .SelectMany(w => Rates.Where(r => r < gif.Fps).Prepend(gif.Fps).Select(fps => (Width: w, Height: Math.Max(16, (int)Math.Round((double)w * height / width)), Fps: fps)))
            .ToList();
        async Task<(AtomicOutput Output, Try Made)> EncodeAt((int Width, int Height, int Fps) level, int? colors)
        {
            using var stage = new FrameStage(scene, fonts, level.Width, level.Height, level.Fps, keepAlpha: false, cancellationToken);
            var output = new AtomicOutput(target);
            try
            {
                var used = await VideoEncoder.WriteGifAsync(new TimelineFrameSource(stage), new GifSettings(gif.Loop, colors, Core.Timing.Timeline.Seconds(scene.Config.Animation)), output, encoder, progress, cancellationToken);
                return (output, new Try(used, level.Fps, level.Width, level.Height, new FileInfo(output.TempPath).Length));
            }
            catch
            {
                output.Dispose();
                throw;
            }
        }
        int FloorColors((int Width, int Height, int Fps) level)
        {
            using var stage = new FrameStage(scene, fonts, level.Width, level.Height, level.Fps, keepAlpha: false, cancellationToken);
            return GifPalette.FewestColors(new TimelineFrameSource(stage), FloorPsnr, cancellationToken);
        }
        // The smallest settings first (a quick encode): a limit they exceed is refused at once.
        var (floor, smallest) = await EncodeAt(levels[^1], GifPalette.Ladder[0]);
        floor.Dispose();
        if (smallest.Bytes > maxBytes)
        {
            throw new InvalidInputException($"{scene.Scene.SourcePath}: $.output.gif.maxBytes",
                $"{maxBytes:N0} bytes cannot be met: the smallest GIF ({smallest}) is {smallest.Bytes:N0} bytes; allow at least that, or shorten the video");
        }
        foreach (var level in levels)
        {
            // The GIF as it would be without a limit (its own colour count) first; then the fewest colours this level
            // may use: where even they do not fit, this rate and width are skipped; else bisection between the two.
            // A level may not go below FloorPsnr (a colour surface at 8 colours is flat bands), except the last.
            var fewest = level == levels[^1] ? GifPalette.Ladder[0] : FloorColors(level);
            var (kept, made) = await EncodeAt(level, null);
            try
            {
                if (made.Bytes > maxBytes)
                {
                    var colors = GifPalette.Ladder.Where(c => c >= fewest && c < made.Colors).ToList();
                    if (colors.Count == 0)
                    {
                        continue;
                    }
                    kept.Dispose();
                    (kept, made) = await EncodeAt(level, colors[0]);
                    if (made.Bytes > maxBytes)
                    {
                        continue;
                    }
                    // colors[low] fits, colors[high] (or the GIF without a limit, at the end) does not.
                    var (low, high) = (0, colors.Count);
                    while (high - low > 1)
                    {
                        var middle = (low + high) / 2;
                        var (output, tried) = await EncodeAt(level, colors[middle]);
                        if (tried.Bytes <= maxBytes)
                        {
                            kept.Dispose();
                            (kept, made, low) = (output, tried, middle);
                        }
                        else
                        {
                            output.Dispose();
                            high = middle;
                        }
                    }
                }
                kept.Commit();
                return ($"{made} to fit output.gif.maxBytes {maxBytes:N0}", Core.Timing.Timeline.FrameCountFor(scene.Config.Animation, made.Fps));
            }
            finally
            {
                kept.Dispose();
            }
        }
        // The last level's fewest colours are the smallest settings, which fit (checked first): a level always keeps a GIF.
        throw new InvalidOperationException("the smallest GIF fit, yet no settings kept one");
    }
}
