using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Rendering;
using RegressionRender.Tests.Support;
using SkiaSharp;

namespace RegressionRender.Tests.Rendering;

/// <summary>From 480p to 4K, in every aspect ratio and panel set, nothing overlaps and nothing is clipped.</summary>
public sealed class LayoutTests
{
    public static TheoryData<int, int, string> Canvases()
    {
        var data = new TheoryData<int, int, string>();
        (int, int)[] sizes = [(854, 480), (1280, 720), (1920, 1080), (3840, 2160), (640, 480), (1024, 768), (720, 720), (1080, 1080), (480, 854), (1080, 1920)];
        foreach (var (width, height) in sizes)
        {
            data.Add(width, height, SceneBuilder.SeedThreePanels);
            data.Add(width, height, SceneBuilder.SeedRaceTwoPanels);
        }
        data.Add(854, 480, SceneBuilder.PenguinsLogistic);
        data.Add(1080, 1920, SceneBuilder.PenguinsLogistic);
        return data;
    }

    [Theory]
    [MemberData(nameof(Canvases))]
    public void No_Text_Box_Overlaps_Another_Or_Leaves_The_Canvas(int width, int height, string json)
    {
        var (_, plan, timeline) = SceneBuilder.Build(json, width, height);
        using var fonts = FontSet.Load();
        var boxes = new TextBoxes();
        using (var renderer = new FrameRenderer(plan, fonts, boxes: boxes))
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, height));
            renderer.Draw(surface.Canvas, timeline.Frames[timeline.FrameCount / 3]);
        }
        var canvas = new PixelRect(0, 0, width, height);
        Assert.NotEmpty(boxes.Texts);
        foreach (var text in boxes.Texts)
        {
            Assert.True(canvas.Contains(text.Box), $"'{text.Drawn}' at {text.Box} leaves the {width}×{height} canvas");
        }
        for (var i = 0; i < boxes.Texts.Count; i++)
        {
            for (var j = i + 1; j < boxes.Texts.Count; j++)
            {
                var (a, b) = (boxes.Texts[i], boxes.Texts[j]);
                Assert.False(Shared(a.Box, b.Box) > 1, $"'{a.Drawn}' {a.Box} overlaps '{b.Drawn}' {b.Box} at {width}×{height}");
            }
        }
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1024, 768)]
    [InlineData(1080, 1080)]
    [InlineData(1080, 1920)]
    public void Panels_Do_Not_Overlap_And_Plots_Stay_Inside_Their_Panels(int width, int height)
    {
        var layout = FrameLayout.Create(width, height, [PanelKind.Fit, PanelKind.Loss, PanelKind.Surface]);
        Assert.Equal(3, layout.Panels.Count);
        foreach (var panel in layout.Panels)
        {
            Assert.True(panel.Bounds.Contains(panel.Plot));
            Assert.True(new PixelRect(0, 0, width, height).Contains(panel.Bounds));
            Assert.False(panel.Bounds.Overlaps(layout.TitleArea));
            Assert.True(panel.Plot.Width > width / 5f && panel.Plot.Height > height / 10f, $"{panel.Kind} plot is {panel.Plot.Width}×{panel.Plot.Height}");
        }
        for (var i = 0; i < 3; i++)
        {
            for (var j = i + 1; j < 3; j++)
            {
                Assert.False(layout.Panels[i].Bounds.Overlaps(layout.Panels[j].Bounds));
            }
        }
        Assert.True(layout.Panels[0].Plot.Width * layout.Panels[0].Plot.Height > layout.Panels[1].Plot.Width * layout.Panels[1].Plot.Height, "the fit panel is the largest");
    }

    /// <summary>The area two boxes share (0 when they do not overlap).</summary>
    private static float Shared(PixelRect a, PixelRect b) =>
        Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left)) * Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));
}
