using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Fitting;

/// <summary>Polynomials, logistic regression, standardization, ridge, thinning — on the real data sets.</summary>
public sealed class ModelTests
{
    private static PreparedScene Load(string json)
    {
        using var folder = new TempFolder();
        foreach (var file in new[] { "cars.csv", "penguins.csv" })
        {
            File.Copy(Repo.Path_("examples", "data", file), folder.File(file));
        }
        return PreparedScene.Load(folder.Write("scene.json", json));
    }

    [Fact]
    public void Quadratic_On_Cars_With_Standardized_Gd_Reaches_The_Closed_Form_Target()
    {
        var scene = Load("""
            { "data": { "csv": "cars.csv", "x": "Horsepower", "y": "Miles_per_Gallon" },
              "model": { "type": "polynomial", "degree": 2 },
              "fit": { "optimizer": "gd", "learningRate": 0.3, "epochs": 2000, "standardize": true } }
            """);
        var fit = scene.Fits[0];
        var target = fit.Info.Target!;
        Assert.Equal(target[0], fit.Final[0], 4);
        Assert.Equal(target[1], fit.Final[1], 6);
        Assert.Equal(target[2], fit.Final[2], 8);
        Assert.Equal(fit.Info.TargetLoss!.Value, fit.FinalLoss, 6);
        // The published quadratic fit of mpg on horsepower: about 56.9 − 0.466·hp + 0.00123·hp².
        Assert.Equal(56.9, target[0], 1);
        Assert.Equal(-0.466, target[1], 3);
        Assert.Equal(0.00123, target[2], 5);
    }

    [Fact]
    public void Logistic_On_Penguins_Reaches_The_Newton_Solution()
    {
        var scene = Load("""
            { "data": { "csv": "penguins.csv", "x": "Flipper Length (mm)", "y": "Species", "positive": "Gentoo" },
              "model": { "type": "logistic" },
              "fit": { "optimizer": "gd", "learningRate": 1, "epochs": 20000, "standardize": true } }
            """);
        var fit = scene.Fits[0];
        var target = fit.Info.Target!;
        Assert.True(fit.Info.Model.IsLogistic);
        Assert.Equal(342, scene.Data.Count);
        // 124 Gentoos, one of them without a flipper length (skipped).
        Assert.Equal(123, scene.Data.Y.Count(y => y == 1));
        // Within 1e-4 in the optimizer's (standardized) coordinates, where the problem is well conditioned.
        var (a, b) = fit.Info.Scaling.LineToScaled(fit.Final[0], fit.Final[1]);
        var (ta, tb) = fit.Info.Scaling.LineToScaled(target[0], target[1]);
        Assert.True(Math.Abs(a - ta) < 1e-4 && Math.Abs(b - tb) < 1e-4, $"({a}, {b}) vs Newton ({ta}, {tb})");
        Assert.True(target[1] > 0, "longer flippers mean Gentoo");
    }

    [Fact]
    public void Perfectly_Separable_Classes_Have_No_Target_And_The_Plan_Says_Why()
    {
        var scene = Load("""
            { "data": { "points": [[1, 0], [2, 0], [3, 0], [4, 1], [5, 1], [6, 1]] },
              "model": { "type": "logistic" }, "fit": { "optimizer": "gd", "learningRate": 0.5, "epochs": 50 } }
            """);
        Assert.Null(scene.Fits[0].Info.Target);
        Assert.Contains("separable", scene.Fits[0].Info.NoTargetReason);
        var plan = PlanReport.Build(scene);
        Assert.Null(plan.Fits[0].Target);
        Assert.Contains("no finite minimum", plan.Fits[0].NoTarget);
    }

    [Fact]
    public void Ridge_Target_Shrinks_The_Slope_And_Gd_Reaches_It()
    {
        var plain = Load("""{ "data": { "points": [[1, 1], [2, 3], [3, 2], [4, 5]] }, "fit": { "optimizer": "gd", "learningRate": 0.05, "epochs": 5000 } }""").Fits[0];
        var ridge = Load("""{ "data": { "points": [[1, 1], [2, 3], [3, 2], [4, 5]] }, "fit": { "optimizer": "gd", "learningRate": 0.05, "epochs": 5000, "l2": 0.5 } }""").Fits[0];
        Assert.True(Math.Abs(ridge.Info.Target![1]) < Math.Abs(plain.Info.Target![1]));
        Assert.Equal(ridge.Info.Target[0], ridge.Final[0], 6);
        Assert.Equal(ridge.Info.Target[1], ridge.Final[1], 6);
        // Ridge normal equations by hand: minimise mean(r²) + λw² ⇒ w = cov(x, y) / (var(x) + λ).
        double[] x = [1, 2, 3, 4], y = [1, 3, 2, 5];
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Average(p => (p.First - mx) * (p.Second - my));
        var variance = x.Average(v => (v - mx) * (v - mx));
        Assert.Equal(cov / (variance + 0.5), ridge.Info.Target[1], 9);
    }

    [Fact]
    public void Standardized_Seed_Converges_Within_A_Few_Epochs()
    {
        var scene = PreparedScene.Load(Repo.Path_("examples", "seed-standardize.json"));
        var fit = scene.Fits[0];
        var epoch = Enumerable.Range(0, fit.EntryCount).First(i => fit.EntryLoss(i) < fit.Info.TargetLoss!.Value * 1.01);
        Assert.True(epoch <= 6, $"within 1% of the optimum after {epoch} epochs");
    }

    [Fact]
    public void Long_Runs_Are_Thinned_But_Keep_The_Final_Step_And_Interpolate_Between_Kept_Steps()
    {
        var scene = Load("""{ "data": { "points": [[1, 1], [2, 3], [3, 2], [4, 5]] }, "fit": { "optimizer": "sgd", "learningRate": 0.001, "epochs": 300000 } }""");
        var fit = scene.Fits[0];
        Assert.Equal(1_200_000, fit.Steps);
        Assert.Equal(3, fit.Stride);
        Assert.True(fit.EntryCount <= Fitter.RecordLimit + 1);
        Assert.Equal(fit.Steps, fit.EntryStep(fit.EntryCount - 1));
        var between = new double[2];
        fit.Interpolate(4.5, between);
        Assert.Equal(fit.ParametersAt(3)[1] + (0.5 * (fit.ParametersAt(6)[1] - fit.ParametersAt(3)[1])), between[1], 12);
        var plan = PlanReport.Build(scene);
        Assert.Equal(3, plan.Fits[0].KeptEvery);
    }

    [Fact]
    public void A_Learning_Rate_Too_High_Diverges_And_The_Video_Says_So()
    {
        var scene = PreparedScene.Load(Repo.Path_("examples", "learning-rate-too-high.json"));
        Assert.True(scene.Fits[0].Info.Diverged);
        Assert.Contains(scene.Warnings, w => w.Contains("diverged at step", StringComparison.Ordinal));
        var plan = scene.PlanFor(640, 360);
        var timeline = scene.TimelineFor(plan, 10);
        using var fonts = RegressionRender.Rendering.FontSet.Load();
        var boxes = new RegressionRender.Rendering.TextBoxes();
        using var renderer = new RegressionRender.Rendering.FrameRenderer(plan, fonts, boxes: boxes);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(640, 360));
        renderer.Draw(surface.Canvas, timeline.Frames[^1]);
        var caption = Assert.Single(boxes.Boxes, b => b.Text == $"diverged at step {scene.Fits[0].Info.DivergedAtStep} — learning rate too high").Box;
        // The caption hides no data point (the seed has one in the bottom-left corner, where captions used to sit)
        // and no readout text.
        for (var i = 0; i < scene.Data.Count; i++)
        {
            Assert.False(caption.Contains(plan.FitViewport.PixelX(scene.Data.X[i]), plan.FitViewport.PixelY(scene.Data.Y[i])), $"the caption hides point {i}");
        }
        Assert.DoesNotContain(boxes.Boxes, b => b.Box != caption && b.Box.IntersectsWith(caption));
        var first = new RegressionRender.Rendering.TextBoxes();
        using var early = new RegressionRender.Rendering.FrameRenderer(plan, fonts, boxes: first);
        early.Draw(surface.Canvas, timeline.Frames[0]);
        Assert.DoesNotContain(first.Boxes, b => b.Text.Contains("diverged", StringComparison.Ordinal));
    }
}
