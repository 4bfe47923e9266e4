using RegressionRender.Tests.Support;
using SkiaSharp;

namespace RegressionRender.Tests.Rendering;

public sealed class FrameRendererTests
{
    private static SKBitmap Still(TempFolder folder, string json, int frame = int.MaxValue)
    {
        var path = folder.Write($"scene{Guid.NewGuid():N}.json", json);
        var png = SceneRenderer.Still(PreparedScene.Load(path), frame, out _);
        return SKBitmap.Decode(png);
    }

    private static int DarkPixels(SKBitmap bitmap, SKRectI region)
    {
        var count = 0;
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                count += (c.Red + c.Green + c.Blue) / 3 < 100 ? 1 : 0;
            }
        }
        return count;
    }

    [Fact]
    public void Draws_Text_With_The_Bundled_Font()
    {
        using var folder = new TempFolder();
        var withTitle = Scenes.Tiny().Replace("\"Tiny\"", "\"Gradient descent\"", StringComparison.Ordinal).Replace("160", "640", StringComparison.Ordinal).Replace("120", "360", StringComparison.Ordinal);
        var withoutTitle = withTitle.Replace("\"title\": \"Gradient descent\",", "", StringComparison.Ordinal);
        using var titled = Still(folder, withTitle);
        using var plain = Still(folder, withoutTitle);
        Assert.Equal(640, titled.Width);
        var titleBand = new SKRectI(0, 0, 640, 40);
        Assert.True(DarkPixels(titled, titleBand) > 150, $"{DarkPixels(titled, titleBand)} dark pixels where the title should be");
        Assert.Equal(0, DarkPixels(plain, titleBand));
    }

    [Fact]
    public void Same_Config_Gives_Identical_Pixels()
    {
        using var folder = new TempFolder();
        using var a = Still(folder, Scenes.Tiny(), 5);
        using var b = Still(folder, Scenes.Tiny(), 5);
        Assert.Equal(a.Bytes, b.Bytes);
    }

    [Fact]
    public void Draws_The_Current_Fit_In_The_Fit_Colour()
    {
        using var folder = new TempFolder();
        var json = Scenes.Tiny(extra: "").Replace("\"epochs\": 50", "\"epochs\": 50, \"color\": \"#00FF00\"", StringComparison.Ordinal);
        using var last = Still(folder, json);
        var green = 0;
        for (var y = 0; y < last.Height; y++)
        {
            for (var x = 0; x < last.Width; x++)
            {
                var c = last.GetPixel(x, y);
                green += c.Green > 200 && c.Red < 80 && c.Blue < 80 ? 1 : 0;
            }
        }
        Assert.True(green > 50, $"{green} green pixels");
    }

    [Theory]
    [InlineData(1000, -10, true)]
    [InlineData(-1000, 10, false)]
    public void A_Fit_Wholly_Off_The_Panel_Is_Marked_On_The_Edge_It_Lies_Beyond(double intercept, double slope, bool above)
    {
        // A line far above (below) every point, nearest the panel at its right end, and a learning rate too small to
        // bring it in: the line itself is never drawn, and an arrowhead in its colour on the panel's top (bottom) edge,
        // at the right, says where it is. (The readout's equation, in the same colour, is on the left.)
        using var folder = new TempFolder();
        var json = Scenes.Tiny(extra: "").Replace("\"learningRate\": 0.01, \"epochs\": 50", $"\"learningRate\": 1e-12, \"epochs\": 5, \"init\": [{intercept}, {slope}], \"color\": \"#00FF00\"", StringComparison.Ordinal)
            .Replace("160", "640", StringComparison.Ordinal).Replace("120", "360", StringComparison.Ordinal);
        using var first = Still(folder, json, 0);
        var rows = new List<int>();
        for (var y = 0; y < first.Height; y++)
        {
            for (var x = 2 * first.Width / 3; x < first.Width; x++)
            {
                var c = first.GetPixel(x, y);
                if (c.Green > 200 && c.Red < 80 && c.Blue < 80)
                {
                    rows.Add(y);
                }
            }
        }
        Assert.True(rows.Count > 20, $"{rows.Count} green pixels in the right third");
        // All of them in one small mark, in the upper (lower) half of the frame.
        Assert.True(rows.Max() - rows.Min() < 30, $"green from row {rows.Min()} to {rows.Max()}");
        Assert.Equal(above, rows.Average() < first.Height / 2.0);
    }
}
