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
        foreach (var file in new[] { "cars.csv", "penguins.csv", "co2-concentration.csv" })
        {
            File.Copy(Repo.Path_("examples", "data", file), folder.File(file));
        }
        return PreparedScene.Load(folder.Write("scene.json", json));
    }

    [Theory]
    [InlineData("rmsprop", 0.05, 8)]
    [InlineData("adam", 0.02, 9)]
    public void A_High_Degree_Fit_On_Years_Draws_The_Curve_It_Fitted(string optimizer, double rate, int degree)
    {
        // A standardized polynomial of high degree on dates (x near 2000): written in powers of x its coefficients
        // reach 1e15 and evaluate to rounding noise (an independent review saw a jagged curve under "MSE = 5.61").
        // The curve drawn, the loss shown and the loss of the record must agree, and the steps must run forward.
        var scene = Load($$"""
            { "data": { "csv": "co2-concentration.csv", "x": "Date", "y": "CO2" },
              "model": { "type": "polynomial", "degree": {{degree}} },
              "fit": { "optimizer": "{{optimizer}}", "learningRate": {{rate}}, "epochs": 1500, "standardize": true },
              "animation": { "duration": 4, "fps": 30 }, "view": { "width": 640, "height": 360 } }
            """);
        var fit = scene.Fits[0];
        foreach (var entry in new[] { 0, fit.EntryCount / 3, fit.EntryCount - 1 })
        {
            var parameters = fit.Entry(entry).ToArray();
            var drawn = Enumerable.Range(0, scene.Data.Count).Average(i => Math.Pow(scene.Data.Y[i] - fit.Info.Model.Predict(parameters, scene.Data.X[i]), 2));
            Assert.True(Math.Abs(drawn - fit.EntryLoss(entry)) <= 1e-9 * fit.EntryLoss(entry), $"entry {entry}: the curve drawn has MSE {drawn}, the record {fit.EntryLoss(entry)}");
        }
        var plan = PlanReport.Build(scene);
        var animated = plan.Frames.Where(f => f.Phase == "animate").ToList();
        for (var j = 1; j < animated.Count; j++)
        {
            Assert.True(animated[j].Fits[0].Iteration >= animated[j - 1].Fits[0].Iteration, $"frame {animated[j].Frame} goes back");
            Assert.True(animated[j].Fits[0].Loss >= 0.99 * animated[j].Fits[0].LossBetween.Min(), $"frame {animated[j].Frame} shows a fit better than its steps");
        }
        var moves = animated.Skip(1).Select(f => f.DisplacementPx).ToArray();
        Assert.True(Core.Timing.Smoothness.Score(moves) <= 1, $"score {Core.Timing.Smoothness.Score(moves):F2}");
    }

    [Fact]
    public void A_Standardized_Curve_Is_Written_In_Z_With_Its_Definition_And_A_Line_In_X()
    {
        var curve = Load("""
            { "data": { "csv": "co2-concentration.csv", "x": "Date", "y": "CO2" },
              "model": { "type": "polynomial", "degree": 3 },
              "fit": { "optimizer": "gd", "learningRate": 0.1, "epochs": 200, "standardize": true } }
            """).Fits[0];
        var line = Load("""
            { "data": { "csv": "cars.csv", "x": "Horsepower", "y": "Miles_per_Gallon" },
              "fit": { "optimizer": "gd", "learningRate": 0.3, "epochs": 100, "standardize": true } }
            """).Fits[0];

        var inZ = new Core.Text.ReadoutText(curve, xName: "Date");
        var inX = new Core.Text.ReadoutText(line, xName: "Horsepower");

        // Written in powers of years, the cubic's coefficients would be 1e-6-sized and would not reproduce the curve.
        Assert.Matches(@"^y = −?[0-9.]+z³ [+−] [0-9.]+z² [+−] [0-9.]+z [+−] [0-9.]+$", inZ.Equation(curve.Final));
        var (mean, scale) = (curve.Info.Scaling.Mean, curve.Info.Scaling.Scale);
        Assert.Equal(FormattableString.Invariant($"z = (Date − {mean:G5}) / {scale:G5}"), inZ.Variable);
        Assert.InRange(mean, 1985, 1992); // years, the mean of 1958–2019
        Assert.Null(inX.Variable);
        Assert.Matches(@"^y = −[0-9.]+x \+ [0-9.]+$", inX.Equation(line.Final));
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
        var target = fit.InDataUnits(fit.Info.Target!);
        var final = fit.InDataUnits(fit.Final);
        Assert.Equal(target[0], final[0], 4);
        Assert.Equal(target[1], final[1], 6);
        Assert.Equal(target[2], final[2], 8);
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
        var (a, b, ta, tb) = (fit.Final[0], fit.Final[1], target[0], target[1]);
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
        var caption = Assert.Single(boxes.Texts, b => b.Drawn == $"diverged at step {scene.Fits[0].Info.DivergedAtStep} — learning rate too high").Box;
        // The caption hides no data point (the seed has one in the bottom-left corner, where captions used to sit)
        // and no readout text.
        for (var i = 0; i < scene.Data.Count; i++)
        {
            Assert.False(caption.Contains(plan.FitViewport.PixelX(scene.Data.X[i]), plan.FitViewport.PixelY(scene.Data.Y[i])), $"the caption hides point {i}");
        }
        Assert.DoesNotContain(boxes.Texts, b => b.Box != caption && b.Box.Overlaps(caption));
        var first = new RegressionRender.Rendering.TextBoxes();
        using var early = new RegressionRender.Rendering.FrameRenderer(plan, fonts, boxes: first);
        early.Draw(surface.Canvas, timeline.Frames[0]);
        Assert.DoesNotContain(first.Texts, b => b.Text.Contains("diverged", StringComparison.Ordinal));
    }
}
