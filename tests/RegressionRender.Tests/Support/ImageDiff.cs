using SkiaSharp;

namespace RegressionRender.Tests.Support;

/// <summary>
/// A tolerant image comparison for golden images: pixels count as different when any channel differs by more
/// than <see cref="ChannelTolerance"/>; images match when at most <see cref="PixelShare"/> of pixels differ
/// (anti-aliasing and font hinting may move a few edge pixels between Skia builds, never a whole line).
/// </summary>
internal static class ImageDiff
{
    public const int ChannelTolerance = 40;
    public const double PixelShare = 0.004;

    /// <summary>The share of pixels that differ beyond the tolerance (1 when the sizes differ).</summary>
    public static double DifferentShare(SKBitmap expected, SKBitmap actual)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return 1;
        }
        var different = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var a = expected.GetPixel(x, y);
                var b = actual.GetPixel(x, y);
                if (Math.Abs(a.Red - b.Red) > ChannelTolerance || Math.Abs(a.Green - b.Green) > ChannelTolerance || Math.Abs(a.Blue - b.Blue) > ChannelTolerance)
                {
                    different++;
                }
            }
        }
        return (double)different / (expected.Width * expected.Height);
    }
}
