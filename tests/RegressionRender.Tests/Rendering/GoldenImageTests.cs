using RegressionRender.Rendering;
using RegressionRender.Tests.Support;
using SkiaSharp;

namespace RegressionRender.Tests.Rendering;

/// <summary>
/// Small frames of each panel, theme and aspect ratio against reviewed PNGs in Golden/, with a tolerant diff.
/// Regenerate with REGRENDER_UPDATE_GOLDEN=1 dotnet test, then look at the PNGs before committing them.
/// </summary>
public sealed class GoldenImageTests
{
    public static TheoryData<string, string, int, int> Cases() => new()
    {
        { "three-panels-light-16x9", SceneBuilder.SeedThreePanels, 640, 360 },
        { "three-panels-light-1x1", SceneBuilder.SeedThreePanels, 400, 400 },
        { "three-panels-dark-9x16", SceneBuilder.SeedThreePanels.Replace("\"residuals\"", "\"theme\": \"dark\", \"residuals\"", StringComparison.Ordinal), 300, 534 },
        { "race-two-panels-dark-4x3", SceneBuilder.SeedRaceTwoPanels, 480, 360 },
        { "logistic-surface-light-16x9", SceneBuilder.PenguinsLogistic, 640, 360 },
        { "fit-only-residual-lines-16x9", SceneBuilder.SeedThreePanels.Replace("\"panels\": [\"fit\", \"loss\", \"surface\"], \"residuals\": \"squares\"", "\"residuals\": \"lines\"", StringComparison.Ordinal), 480, 270 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frame_Matches_The_Reviewed_Golden_Image(string name, string json, int width, int height)
    {
        var (_, plan, timeline) = SceneBuilder.Build(json, width, height);
        using var fonts = FontSet.Load();
        using var renderer = new FrameRenderer(plan, fonts);
        var png = renderer.DrawPng(timeline.Frames[timeline.FrameCount / 3]);
        var golden = Repo.Path_("tests", "RegressionRender.Tests", "Golden", name + ".png");
        if (Environment.GetEnvironmentVariable("REGRENDER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, png);
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run with REGRENDER_UPDATE_GOLDEN=1 and review it");
        using var expected = SKBitmap.Decode(golden);
        using var actual = SKBitmap.Decode(png);
        var share = ImageDiff.DifferentShare(expected, actual);
        if (share > ImageDiff.PixelShare)
        {
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), name + ".actual.png"), png);
        }
        Assert.True(share <= ImageDiff.PixelShare, $"{name}: {share:P2} of pixels differ (actual written to {Path.GetTempPath()}{name}.actual.png)");
    }

    [Fact]
    public void Image_Diff_Sees_A_Moved_Line()
    {
        // 640×360: the smallest 16:9 canvas that keeps the surface panel (a 320×180 one leaves it out).
        var (_, plan, timeline) = SceneBuilder.Build(SceneBuilder.SeedThreePanels, 640, 360);
        Assert.NotNull(plan.Layout.Panel(Core.Config.PanelKind.Surface));
        using var fonts = FontSet.Load();
        using var renderer = new FrameRenderer(plan, fonts);
        using var early = SKBitmap.Decode(renderer.DrawPng(timeline.Frames[timeline.FrameCount / 3]));
        using var late = SKBitmap.Decode(renderer.DrawPng(timeline.Frames[^1]));
        Assert.True(ImageDiff.DifferentShare(early, late) > ImageDiff.PixelShare);
        Assert.Equal(0, ImageDiff.DifferentShare(early, early));
    }

    [Fact]
    public void The_Contour_Is_Computed_Once_Per_Video_Not_Per_Frame()
    {
        // 640×360: the smallest 16:9 canvas that keeps the surface panel (a 320×180 one leaves it out).
        var (_, plan, timeline) = SceneBuilder.Build(SceneBuilder.SeedThreePanels, 640, 360);
        Assert.NotNull(plan.Layout.Panel(Core.Config.PanelKind.Surface));
        using var fonts = FontSet.Load();
        using var renderer = new FrameRenderer(plan, fonts);
        var pixels = new byte[renderer.FrameBytes];
        foreach (var frame in timeline.Frames)
        {
            renderer.DrawInto(frame, pixels);
        }
        Assert.True(timeline.FrameCount > 30);
        Assert.Equal(1, renderer.ContoursComputed);
    }
}
