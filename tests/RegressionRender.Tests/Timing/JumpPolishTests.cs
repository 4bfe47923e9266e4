using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Timing;

/// <summary>The frame-by-frame polish of a plan that breaks the smoothness rule (<see cref="JumpPolish"/>): a small record in, frame positions out.</summary>
public sealed class JumpPolishTests
{
    private static readonly Viewport Panel = new(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(100, 100, 700, 700));

    /// <summary>A converging GD and a diverging one (η = 2.2 on standardized x) on one clock: every step of the second swings harder.</summary>
    private static RunClock Race()
    {
        FitRecord Fit(double rate) => Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
            new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = rate, Epochs = 40, Standardize = true }, "GD", "seed");
        return new RunClock([Fit(0.1), Fit(2.2)], new CurveProbe(Panel));
    }

    private static double[] Moves(double[] positions, RunClock clock) => FrameRefiner.Displacements(positions, clock)[1..];

    [Fact]
    public void A_Plan_That_Jumps_Is_Polished_Into_The_Rule_With_The_Ends_And_Order_Kept()
    {
        var clock = Race();
        // Linear in steps: the diverging fit's growing swings make each later frame move far more than the one before.
        var linear = Enumerable.Range(0, 120).Select(j => j * clock.End / 119).ToArray();
        var before = Smoothness.Score(Moves(linear, clock));

        var polished = JumpPolish.Polish(linear, clock);

        Assert.True(before > 1, $"the linear plan keeps the rule already ({before:F2}): the case tests nothing");
        var after = Smoothness.Score(Moves(polished, clock));
        Assert.True(after < before / 2, $"score {before:F2} -> {after:F2}");
        Assert.Equal(0, polished[0]);
        Assert.Equal(clock.End, polished[^1]);
        Assert.True(polished[^2] < clock.End, "a frame before the last shows the end");
        for (var j = 1; j < polished.Length; j++)
        {
            Assert.True(polished[j] >= polished[j - 1], $"frame {j} goes back");
        }
        Assert.Equal(before, Smoothness.Score(Moves(linear, clock))); // the input is not changed
    }

    [Fact]
    public void A_Smooth_Plan_Is_Left_As_It_Is()
    {
        // Two converging fits: pacing keeps the rule with room to spare, and the polish has nothing to do.
        FitRecord Fit(double rate) => Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
            new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = rate, Epochs = 40, Standardize = true }, "GD", "seed");
        var clock = new RunClock([Fit(0.1), Fit(0.5)], new CurveProbe(Panel));
        var smooth = VisualPacing.Positions(EasedProgress.For(Easing.Get("cubic-in-out"), 120), clock);
        Assert.True(Smoothness.Score(Moves(smooth, clock)) <= Smoothness.Headroom * 0.9, $"the case is not smooth ({Smoothness.Score(Moves(smooth, clock)):F2}, busiest {Smoothness.BusiestShare(Moves(smooth, clock)):F2}): it tests nothing");

        Assert.Equal(smooth, JumpPolish.Polish(smooth, clock));
    }
}
