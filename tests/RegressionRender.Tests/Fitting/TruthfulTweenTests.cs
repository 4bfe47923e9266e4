using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Fitting;

/// <summary>A tween between two kept steps never shows a fit better than both of them.</summary>
public sealed class TruthfulTweenTests
{
    private static readonly RegressionModel Line = new(ModelKind.Linear, 1);

    /// <summary>Flipper lengths (mm) and whether the penguin is a Gentoo: classes that overlap, on raw x.</summary>
    private static readonly Core.Data.Dataset Flippers = new(
        [172, 178, 181, 185, 187, 190, 191, 193, 195, 196, 198, 201, 203, 208, 210, 212, 215, 217, 220, 222, 225, 230],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1], "flipper", "gentoo", 0);

    public static TheoryData<OptimizerKind, double, bool> Runs() => new()
    {
        { OptimizerKind.Gd, 0.04, false },        // diverges: every step overshoots to the other side
        { OptimizerKind.Gd, 0.028, false },       // oscillates and converges
        { OptimizerKind.Momentum, 0.01, false },  // overshoots along the valley
        { OptimizerKind.Sgd, 0.01, true },        // noise around the optimum
        { OptimizerKind.Gd, 0.3, true },          // standardized: converges from one side
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Tweens_Stay_Above_The_Lower_Loss_Of_Their_Two_Steps(OptimizerKind optimizer, double rate, bool standardize)
    {
        var record = Fitter.Fit(Scenes.SeedData, Line, new FitConfig { Optimizer = optimizer, LearningRate = rate, Epochs = 30, Standardize = standardize, Init = [6, 0.2] }, "fit", "seed");
        var drawn = new double[2];
        for (var step = 0; step < record.Steps; step++)
        {
            var lower = Math.Min(record.LossAt(step), record.LossAt(step + 1));
            for (var i = 1; i < 16; i++)
            {
                record.Tween(step + (i / 16.0), drawn);
                Assert.True(record.LossOf(drawn) >= 0.99 * lower,
                    $"{optimizer} η={rate}: at step {step + (i / 16.0)} the loss {record.LossOf(drawn)} is below {lower}");
            }
            record.Tween(step, drawn);
            Assert.Equal(record.ParametersAt(step).ToArray(), drawn);
        }
    }

    [Fact]
    public void A_Fit_Converging_From_One_Side_Is_Tweened_Along_The_Straight_Line()
    {
        var record = Fitter.Fit(Scenes.SeedData, Line, new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.3, Epochs = 10, Standardize = true }, "GD", "seed");
        double[] tweened = new double[2], straight = new double[2];
        record.Tween(2.5, tweened);
        record.Interpolate(2.5, straight);
        Assert.Equal(straight, tweened);
    }

    [Fact]
    public void A_Diverging_Fit_Is_Lifted_Round_The_Optimum_Instead_Of_Passing_Through_It()
    {
        var record = Fitter.Fit(Scenes.SeedData, Line, new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.04, Epochs = 8, Init = [0.01, 0.01] }, "GD", "seed");
        double[] tweened = new double[2], straight = new double[2];
        record.Tween(5.5, tweened);
        record.Interpolate(5.5, straight);
        Assert.True(record.LossOf(straight) < 0.5 * Math.Min(record.LossAt(5), record.LossAt(6)), "the straight line would pass the valley floor");
        Assert.True(record.LossOf(tweened) >= Math.Min(record.LossAt(5), record.LossAt(6)) * 0.99);
    }

    [Fact]
    public void Where_The_Straight_Line_Dips_A_Little_The_Tween_Stays_Close_To_It()
    {
        // Momentum overshooting in a narrow valley: some straight tweens dip a few percent below the lower step.
        var data = new Core.Data.Dataset([10, 11, 12.5, 13, 14.2, 15, 16.1, 17.3, 18, 19.5], [3.1, 4.0, 4.2, 5.9, 6.1, 6.4, 8.2, 8.0, 9.7, 10.1], "x", "y", 0);
        var record = Fitter.Fit(data, Line, new FitConfig { Optimizer = OptimizerKind.Momentum, LearningRate = 0.002, Momentum = 0.93, Epochs = 200, Init = [8, -0.3] }, "M", "ravine");
        double[] tweened = new double[2], straight = new double[2];
        var lifted = 0;
        for (var step = 0; step < record.Steps; step++)
        {
            var a = record.ParametersAt(step).ToArray();
            var b = record.ParametersAt(step + 1).ToArray();
            // What the viewer sees: how far the curves are apart over the data's x range.
            var length = data.X.Max(x => Math.Abs(RegressionModel.Polynomial(b, x) - RegressionModel.Polynomial(a, x)));
            for (var i = 1; i < 8; i++)
            {
                record.Tween(step + (i / 8.0), tweened);
                record.Interpolate(step + (i / 8.0), straight);
                var apart = data.X.Max(x => Math.Abs(RegressionModel.Polynomial(tweened, x) - RegressionModel.Polynomial(straight, x)));
                lifted += apart > 0 ? 1 : 0;
                var dip = 1 - (record.LossOf(straight) / Math.Min(record.LossAt(step), record.LossAt(step + 1)));
                if (dip < 0.05)
                {
                    Assert.True(apart <= 0.5 * length, $"step {step + (i / 8.0)}: {apart} away from the straight line for a {dip:P1} dip (step length {length})");
                }
            }
        }
        Assert.True(lifted > 0, "no tween needed lifting: the case does not test anything");
    }
    [Theory]
    [InlineData(2.2, true)]    // standardized: every step is exactly opposite the last (the bowl is round)
    [InlineData(0.04, false)]  // raw x: nearly opposite, the lines more than 90° apart: they pivot through the vertical
    public void A_Tween_Across_The_Optimum_Turns_Continuously_Instead_Of_Cutting(double rate, bool standardize)
    {
        // The viewer sees the curve on a panel framing the data: of 400 equal slices of a step, none may carry much of its
        // movement on screen (a cut would carry all of it), though the turn is faster near the horizontal.
        var record = Fitter.Fit(Scenes.SeedData, Line, new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = rate, Epochs = 4, Standardize = standardize, Init = [0.01, 0.01] }, "GD", "seed");
        var probe = new CurveProbe(new Viewport(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(0, 0, 600, 600)));
        double[] before = new double[2], after = new double[2];
        for (var step = 0; step < 2; step++)
        {
            var moves = new List<double>();
            record.Tween(step, before);
            for (var i = 1; i <= 400; i++)
            {
                record.Tween(step + (i / 400.0), after);
                moves.Add(Math.Sqrt(probe.SquaredDisplacement(Line, before, after)));
                Assert.True(record.LossOf(after) >= 0.99 * Math.Min(record.LossAt(step), record.LossAt(step + 1)));
                after.CopyTo(before, 0);
            }
            Assert.True(moves.Average() > 0, $"step {step}: nothing moves on screen");
            Assert.True(moves.Max() <= 0.05 * moves.Sum(), $"step {step}: one slice moves {moves.Max():F3} px of the step's {moves.Sum():F1} px");
        }
    }

    [Fact]
    public void A_Diverging_Line_Pivots_About_The_Point_Its_Two_Steps_Share()
    {
        // GD at 0.04 on raw x flips from too steep one way to too steep the other: the tween turns about the point where
        // the two steps' lines cross (never a line that misses it), through the vertical, never through the good fits.
        var record = Fitter.Fit(Scenes.SeedData, Line, new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.04, Epochs = 6, Init = [0.01, 0.01] }, "GD", "seed");
        var (a, b) = (record.ParametersAt(2).ToArray(), record.ParametersAt(3).ToArray());
        var x = (a[0] - b[0]) / (b[1] - a[1]);
        var y = a[0] + (a[1] * x);
        var drawn = new double[2];
        var slopes = new List<double>();
        for (var i = 1; i < 20; i++)
        {
            record.Tween(2 + (i / 20.0), drawn);
            Assert.Equal(y, drawn[0] + (drawn[1] * x), 6);
            slopes.Add(drawn[1]);
        }
        // Slopes leave the interval between the two steps' (that is where the better fits are) and never enter it.
        var (low, high) = (Math.Min(a[1], b[1]), Math.Max(a[1], b[1]));
        Assert.All(slopes, slope => Assert.False(slope > low && slope < high, $"slope {slope} lies between {low} and {high}"));
    }

    [Fact]
    public void A_Swing_From_A_Flat_Start_Keeps_The_Slope_Rising()
    {
        // Standardized GD at 2.2 from the origin: step 1 lies exactly opposite step 0 round the optimum, so the swing turns
        // through a direction of its own choosing; of the two mirror images it takes the one whose lines keep rising
        // (the optimizer went from flat to rising, never through falling lines).
        var record = Fitter.Fit(Scenes.SeedData, Line, new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 2.2, Epochs = 3, Standardize = true, Init = [0, 0] }, "GD", "seed");
        Assert.Equal(0, record.ParametersAt(0)[1]);
        Assert.True(record.ParametersAt(1)[1] > 0, $"step 1 falls: {record.ParametersAt(1)[1]}");
        var lower = Math.Min(record.LossAt(0), record.LossAt(1));
        var drawn = new double[2];
        for (var i = 1; i < 40; i++)
        {
            record.Tween(i / 40.0, drawn);
            Assert.True(drawn[1] >= 0, $"at step {i / 40.0} the line falls: slope {drawn[1]}");
        }
    }
    [Theory]
    [InlineData(OptimizerKind.Adam, 0.5)]   // the first step, lr · sign(gradient), flips the sigmoid right across the data
    [InlineData(OptimizerKind.Gd, 0.001)]   // overshoots on raw x and oscillates
    public void A_Logistic_Tween_That_Would_Flatter_Is_Raised_Continuously(OptimizerKind optimizer, double rate)
    {
        // Flipper lengths on raw x: the log-loss is only roughly the bowl the tween is shaped by, and the tween of the
        // first steps dips below both steps' losses (at a few thousandths of the step, where a check of a few points
        // misses it). Every point of the tween keeps the truth rule, and the curve moves continuously: of 2,000 equal
        // slices of a step none carries much of its movement on screen (a cut carries all of it).
        var logistic = new RegressionModel(ModelKind.Logistic, 1);
        var record = Fitter.Fit(Flippers, logistic, new FitConfig { Optimizer = optimizer, LearningRate = rate, Epochs = 6 }, "fit", "flippers");
        var probe = new CurveProbe(new Viewport(new AxisRange(170, 232), new AxisRange(-0.05, 1.05), new PixelRect(0, 0, 800, 500)));
        double[] before = new double[2], after = new double[2], straight = new double[2];
        var raised = 0;
        for (var step = 0; step < 3; step++)
        {
            var lower = Math.Min(record.LossAt(step), record.LossAt(step + 1));
            var moves = new List<double>();
            record.Tween(step, before);
            for (var i = 1; i <= 2000; i++)
            {
                record.Tween(step + (i / 2000.0), after);
                Assert.True(record.LossOf(after) >= 0.99 * lower, $"{optimizer} at step {step + (i / 2000.0)}: loss {record.LossOf(after)} is below {lower}");
                // A raised point is the nearest on its ray that does not flatter: its loss is the floor, 99.5% of the lower.
                record.Interpolate(step + (i / 2000.0), straight);
                if (record.LossOf(straight) < 0.995 * lower)
                {
                    Assert.True(Math.Abs(record.LossOf(after) - (0.995 * lower)) <= 1e-6 * lower, $"{optimizer} at step {step + (i / 2000.0)}: raised to loss {record.LossOf(after)}, the floor is {0.995 * lower}");
                    raised++;
                }
                moves.Add(Math.Sqrt(probe.SquaredDisplacement(logistic, before, after)));
                after.CopyTo(before, 0);
            }
            Assert.True(moves.Max() <= 0.05 * moves.Sum(), $"{optimizer} step {step}: one slice moves {moves.Max():F1} px of the step's {moves.Sum():F1} px");
        }
        Assert.True(raised > 0, $"{optimizer}: no point of the first three steps was raised");
    }
    [Fact]
    public void A_Logistic_Tween_Never_Turns_The_Sigmoid_The_Wrong_Way()
    {
        // Standardized GD at η = 80 jumps from the flat start past the optimum to a far steeper rising sigmoid. Shaped by
        // the least-squares bowl, the tween swung round the optimum through falling sigmoids the optimizer never had
        // (an independent review: 7 s of wrong-way curves); on the straight line, raised where it would flatter, every
        // curve on the way rises.
        var record = Fitter.Fit(Flippers, new RegressionModel(ModelKind.Logistic, 1), new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 80, Epochs = 3, Standardize = true }, "fit", "flippers");
        Assert.True(record.ParametersAt(1)[1] > 0, $"step 1 falls: {record.ParametersAt(1)[1]}");
        var lower = Math.Min(record.LossAt(0), record.LossAt(1));
        var drawn = new double[2];
        for (var i = 1; i < 400; i++)
        {
            record.Tween(i / 400.0, drawn);
            Assert.True(drawn[1] >= 0, $"at step {i / 400.0} the sigmoid falls: slope {drawn[1]}");
            Assert.True(record.LossOf(drawn) >= 0.99 * lower, $"at step {i / 400.0} the loss {record.LossOf(drawn)} is below {lower}");
        }
    }
}
