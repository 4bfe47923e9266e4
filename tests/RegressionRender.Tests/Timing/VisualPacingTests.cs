using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Timing;

/// <summary>The pacing stage itself (<see cref="VisualPacing"/> and its objective, <see cref="Smoothness.Verdict"/>): a small record in, frame positions out.</summary>
public sealed class VisualPacingTests
{
    private static readonly Viewport Panel = new(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(100, 100, 700, 700));

    private static FitRecord Fit(OptimizerKind optimizer, double rate, bool standardize, int epochs = 60, bool shuffle = false) =>
        Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
            new FitConfig { Optimizer = optimizer, LearningRate = rate, Epochs = epochs, Standardize = standardize, Shuffle = shuffle }, "fit", "seed");

    /// <summary>Records of the behaviours pacing must serve: a tame descent, a huge first step on raw x, momentum's overshoot, SGD's noise, a race with a diverging fit.</summary>
    public static TheoryData<string> Behaviours => ["descent", "huge-first-step", "momentum", "sgd-noise", "diverging-race"];

    private static RunClock Clock(string behaviour) => new(behaviour switch
    {
        "descent" => [Fit(OptimizerKind.Gd, 0.1, standardize: true)],
        "huge-first-step" => [Fit(OptimizerKind.Gd, 0.01, standardize: false, epochs: 200)],
        "momentum" => [Fit(OptimizerKind.Momentum, 0.3, standardize: true)],
        "sgd-noise" => [Fit(OptimizerKind.Sgd, 0.05, standardize: true, epochs: 200, shuffle: true)],
        _ => [Fit(OptimizerKind.Gd, 0.1, standardize: true, epochs: 20), Fit(OptimizerKind.Gd, 2.2, standardize: true, epochs: 20)],
    }, new CurveProbe(Panel));

    private static double[] Moves(double[] positions, RunClock clock) => FrameRefiner.Displacements(positions, clock)[1..];

    [Theory]
    [MemberData(nameof(Behaviours))]
    public void Frames_Run_Forward_On_The_Clock_From_Step_0_And_Only_The_Last_Shows_The_End(string behaviour)
    {
        var clock = Clock(behaviour);
        var positions = VisualPacing.Positions(EasedProgress.For(Easing.Get("cubic-in-out"), 120), clock);

        Assert.Equal(120, positions.Length);
        Assert.Equal(0, positions[0]);
        Assert.Equal(clock.End, positions[^1]);
        Assert.True(positions[^2] < clock.End, "a frame before the last already shows the final step");
        for (var j = 1; j < positions.Length; j++)
        {
            Assert.True(positions[j] >= positions[j - 1], $"frame {j} goes back from {positions[j - 1]} to {positions[j]}");
        }
    }

    [Theory]
    [MemberData(nameof(Behaviours))]
    public void The_Plan_Keeps_The_Objective_It_Ranks_By(string behaviour)
    {
        var clock = Clock(behaviour);
        var positions = VisualPacing.Positions(EasedProgress.For(Easing.Get("cubic-in-out"), 120), clock);
        var verdict = VisualPacing.Judge(positions, clock);

        Assert.True(verdict.Keeps(headroom: 1), $"score {verdict.Score:F2}, busiest {verdict.Busiest:F2}, {verdict.Empty} frames without a fit");
        if (behaviour is not ("momentum" or "diverging-race"))
        {
            // Momentum's overshoot and a diverging fit's swings turn back truthfully, once a step; nothing else may flicker.
            Assert.True(verdict.Reversals <= verdict.Calm, $"{verdict.Reversals} of 120 frames reverse");
        }
    }

    [Fact]
    public void Epochs_Of_Steady_Noise_Run_At_An_Even_Rate_Under_An_Even_Easing()
    {
        // Per-sample SGD: a short descent, then noise. Under a linear easing every tenth of the steps in the noise
        // gets about as many frames as the others (a window that followed the frames raced through the middle of
        // the noise, 0 frames in some tenths, and spent the frames at the end).
        var clock = Clock("sgd-noise");
        var positions = VisualPacing.Positions(EasedProgress.For(Easing.Get("linear"), 240), clock);
        var tenths = new int[10];
        foreach (var u in positions)
        {
            tenths[Math.Min(9, (int)(10 * u / clock.End))]++;
        }
        var noise = tenths[2..];
        Assert.True(noise.Max() <= 2.5 * noise.Min(), $"frames per tenth of the steps: {string.Join(' ', tenths)}");
    }

    [Theory]
    [InlineData("descent")]
    [InlineData("huge-first-step")]
    [InlineData("momentum")]
    public void Each_Frame_Moves_The_Curves_By_Its_Eased_Share_Of_The_Movement(string behaviour)
    {
        // Under a linear easing every frame has the same share: the curve moves by equal distances on screen, however
        // unevenly the steps move it (GD's first step on raw x moves it more than all the others together).
        var clock = Clock(behaviour);
        var progress = EasedProgress.For(Easing.Get("linear"), 90);
        var moves = Moves(VisualPacing.Positions(progress, clock), clock);
        var bySteps = Moves(Pacing.Positions(PacingSpec.Single("iterations"), progress, clock), clock);

        var mean = moves.Average();
        Assert.All(moves, move => Assert.InRange(move, 0.9 * mean, 1.1 * mean));
        // The same frames spread evenly in steps move unevenly: the check can fail.
        Assert.Contains(bySteps, move => move > 2 * bySteps.Average());
    }

    [Fact]
    public void A_Fit_Seen_Only_While_It_Crosses_The_Panel_Gets_The_Frames_Of_The_Crossing()
    {
        // Body mass (g) against flipper length (mm), GD far too fast on standardized x from the all-zero start: the line
        // starts far below the view, crosses it once during the first step and never comes back. Step to step nothing
        // is seen (below, then above); the frames must go to the crossing, not spread evenly over invisible steps.
        var data = new Core.Data.Dataset([181, 186, 195, 193, 190, 210, 217, 221, 230, 215], [3750, 3800, 3250, 3450, 3650, 4200, 4700, 5300, 5700, 5000], "flipper", "mass", 0);
        var fit = Fitter.Fit(data, new RegressionModel(ModelKind.Linear, 1), new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 2.6, Epochs = 100, Standardize = true }, "GD", "penguins");
        var panel = new Viewport(new AxisRange(170, 235), new AxisRange(3000, 6000), new PixelRect(100, 100, 1100, 700));
        var clock = new RunClock([fit], new CurveProbe(panel));

        var positions = VisualPacing.Positions(EasedProgress.For(Easing.Get("cubic-in-out"), 120), clock);
        var verdict = VisualPacing.Judge(positions, clock);

        Assert.True(verdict.Empty <= verdict.Calm, $"{verdict.Empty} of 120 frames show no fit");
        Assert.True(verdict.Keeps(headroom: 1), $"score {verdict.Score:F2}, busiest {verdict.Busiest:F2}");
    }

    [Fact]
    public void Curves_That_Never_Show_Get_Frames_Even_In_Steps()
    {
        // A panel far above the data: no fit is ever inside it, nothing moves on screen.
        var offPanel = new Viewport(new AxisRange(0, 15), new AxisRange(1000, 1015), new PixelRect(100, 100, 700, 700));
        var clock = new RunClock([Fit(OptimizerKind.Gd, 0.1, standardize: true)], new CurveProbe(offPanel));
        var progress = EasedProgress.For(Easing.Get("linear"), 11);

        var positions = VisualPacing.Positions(progress, clock);

        Assert.Equal(progress.Select(p => p * clock.End), positions);
    }

    [Fact]
    public void The_Objective_Prefers_A_Calm_Plan_To_A_Smoother_One_That_Flickers()
    {
        var calm = new Smoothness.Verdict(Score: 0.8, Busiest: 0.2, Reversals: 2, Empty: 0, EndsEarly: false, Frames: 100);
        var flickering = calm with { Score = 0.3, Reversals = 20 };
        var smootherCalm = calm with { Score = 0.5, Reversals = 5 };

        Assert.True(calm.Settles);
        Assert.False(flickering.Settles);
        Assert.True(calm.Rank.CompareTo(flickering.Rank) < 0, "a flickering plan beats a calm one");
        // Up to the calm share (5 of 100 frames), reversals count alike: the smoother of two calm plans wins.
        Assert.True(smootherCalm.Rank.CompareTo(calm.Rank) < 0, "the rougher of two calm plans wins");
    }

    [Fact]
    public void Where_Every_Plan_Breaks_The_Rule_The_Calmest_Of_Those_Breaking_It_Little_Wins()
    {
        // Adam caught in a cycle (a degree-9 curve flipping between two shapes every ~130 steps): the plans that break
        // the rule least land on alternate shapes, the trend walk's on one phase of the cycle.
        var flickering = new Smoothness.Verdict(Score: 1.11, Busiest: 0.31, Reversals: 72, Empty: 1, EndsEarly: false, Frames: 153);
        var calm = flickering with { Score = 1.59, Busiest = 0.13, Reversals = 2 };
        var calmButJolting = calm with { Score = 2.9 };
        var calmer = calm with { Score = 1.8, Reversals = 0 };

        Assert.Equal(1, VisualPacing.Least([flickering, calm, calmButJolting]));
        // Beyond 2.5 times the least breach a jolt is worse than flicker.
        Assert.Equal(0, VisualPacing.Least([flickering, calmButJolting]));
        // Up to the calm share (7 of 153 frames), reversals count alike: the smoother wins.
        Assert.Equal(0, VisualPacing.Least([calm, calmer]));
    }

    [Fact]
    public void The_Objective_Refuses_Plans_That_End_Early_Leave_The_Panel_Empty_Or_Jump()
    {
        var good = new Smoothness.Verdict(Score: 0.5, Busiest: 0.3, Reversals: 0, Empty: 5, EndsEarly: false, Frames: 100);

        Assert.True(good.Keeps());
        Assert.False((good with { EndsEarly = true }).Keeps(headroom: double.PositiveInfinity));
        Assert.False((good with { Empty = 6 }).Keeps(headroom: double.PositiveInfinity));
        Assert.False((good with { Score = 0.95 }).Keeps());
        Assert.True((good with { Score = 0.95 }).Keeps(headroom: 1));
        Assert.False((good with { Busiest = 0.345 }).Keeps(), "with room to spare the busiest share keeps a margin");
        Assert.True((good with { Busiest = 0.345 }).Keeps(headroom: 1));
        Assert.Equal(1.2, (good with { Score = 1.2 }).Breach, 12);
        Assert.Equal(0.4 / Smoothness.BusiestLimit, (good with { Busiest = 0.4 }).Breach, 12);
    }
}
