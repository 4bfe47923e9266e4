using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Rendering.Layers;
using RegressionRender.Tests.Support;
using SkiaSharp;

namespace RegressionRender.Tests.Rendering;

/// <summary>What the pictures teach: square residual squares, honest logistic points and boundaries, a loss panel without its future on request.</summary>
public sealed class TeachingGeometryTests
{
    private static SKBitmap Still(TempFolder folder, string json, int frame)
    {
        var path = folder.Write($"scene{Guid.NewGuid():N}.json", json);
        return SKBitmap.Decode(SceneRenderer.Still(PreparedScene.Load(path), frame, out _));
    }

    [Fact]
    public void A_Residual_Square_Is_Square_On_Screen_When_The_Axes_Scales_Differ()
    {
        // x spans 0–100 and y 0–10 on a 16:9 canvas: a square of side |r| in data units would be ten times wider than tall.
        const string json = """
            {
              "data": { "points": [[10, 2], [50, 9], [90, 3]] },
              "fit": { "optimizer": "gd", "learningRate": 0.0001, "epochs": 5 },
              "animation": { "duration": 1, "fps": 10, "holdStart": 0, "holdEnd": 0, "trail": 0 },
              "view": { "width": 960, "height": 540, "x": [0, 100], "y": [0, 10], "residuals": "squares", "readout": "none", "colors": { "residual": "#FF0000" } }
            }
            """;
        using var folder = new TempFolder();
        using var frame = Still(folder, json, 0);
        var plan = SceneBuilder.Build(json, 960, 540).Plan;
        // The middle point (50, 9): its square starts at its x, between y = 9 and the fitted line near 0.
        var (px, top, bottom) = (plan.FitViewport.PixelX(50), plan.FitViewport.PixelY(9), plan.FitViewport.PixelY(0));
        var row = (int)((top + bottom) / 2);
        var tinted = Enumerable.Range((int)px + 3, 600).TakeWhile(x => x < frame.Width && IsTinted(frame.GetPixel(x, row))).Count() + 3;
        var height = bottom - top;
        Assert.InRange(tinted, height * 0.9, height * 1.1);
    }

    private static bool IsTinted(SKColor c) => c.Red > 200 && c.Green < 235 && c.Red - c.Green > 15;

    [Fact]
    public void A_Flat_Logistic_Fit_Has_No_Boundary_And_One_That_Crosses_The_View_Has_One()
    {
        var model = RegressionModel.From(new ModelConfig { Type = ModelKind.Logistic });

        Assert.Null(ThresholdLayer.Boundary(model, [0, 0], 170, 235));
        Assert.Null(ThresholdLayer.Boundary(model, [0.3, 0], 170, 235));
        Assert.Null(ThresholdLayer.Boundary(model, [-500, 1], 170, 235)); // crosses at 500, outside the view
        Assert.Equal(205, ThresholdLayer.Boundary(model, [-41, 0.2], 170, 235)!.Value, 3);
    }

    [Fact]
    public void Logistic_Points_Spread_Over_A_Thin_Band_Around_Their_Class()
    {
        var plan = SceneBuilder.Build(SceneBuilder.PenguinsLogistic, 854, 480).Plan;

        var drawn = plan.Points.Y;
        Assert.Equal(plan.Data.Count, plan.Points.Count);
        for (var i = 0; i < drawn.Length; i++)
        {
            Assert.InRange(drawn[i] - plan.Data.Y[i], -ScenePlan.ClassSpread, ScenePlan.ClassSpread);
            Assert.Equal(plan.Data.X[i], plan.Points.X[i]);
        }
        Assert.True(drawn.Distinct().Count() > drawn.Length / 2, "the points of a class still sit on one line");
        var linear = SceneBuilder.Build(SceneBuilder.SeedThreePanels, 854, 480).Plan;
        Assert.Equal(linear.Data.Y, linear.Points.Y);
    }

    [Fact]
    public void The_Loss_Panel_Hides_The_Future_When_Asked()
    {
        var with = SceneBuilder.SeedThreePanels;
        var without = with.Replace("\"view\": {", "\"view\": { \"lossPreview\": false,", StringComparison.Ordinal);
        Assert.NotEqual(with, without);
        using var folder = new TempFolder();
        using var shown = Still(folder, with, 0);
        using var hidden = Still(folder, without, 0);
        var loss = SceneBuilder.Build(with, shown.Width, shown.Height).Plan.LossViewport!.Area;
        // At the first frame nothing of the curve is travelled: the preview is all the loss panel shows of it.
        int Coloured(SKBitmap b) => Enumerable.Range((int)loss.Left + 2, (int)loss.Width - 4)
            .Sum(x => Enumerable.Range((int)loss.Top + 2, (int)loss.Height - 4).Count(y => { var c = b.GetPixel(x, y); return Math.Abs(c.Red - c.Blue) > 40; }));
        Assert.True(Coloured(shown) > 50, $"{Coloured(shown)} coloured pixels of the preview");
        Assert.True(Coloured(hidden) < Coloured(shown) / 5, $"{Coloured(hidden)} coloured pixels left without the preview");
    }
}
