using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Timing;

/// <summary>The walk along the trend (<see cref="TrendWalk"/>), for a stochastic fit in its noise and a fit oscillating faster than the frames: a small record in, frame positions out.</summary>
public sealed class TrendWalkTests
{
    private static readonly Viewport Panel = new(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(100, 100, 700, 700));

    /// <summary>Per-sample SGD with a large step on the seed data: a short descent, then a long wander in its noise.</summary>
    private static FitRecord NoisySgd() => Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
        new FitConfig { Optimizer = OptimizerKind.Sgd, Shuffle = true, LearningRate = 0.05, Epochs = 300, Standardize = true }, "SGD", "seed");

    /// <summary>The window for steady noise: six frames' worth of steps at an even pace.</summary>
    private static readonly TrendWindow NoiseWindow = new(6, FollowsFrames: false);

    private static (RunClock Clock, double[] Positions, double[] Moves) Walk(FitRecord record, int frames = 240)
    {
        var clock = new RunClock([record], new CurveProbe(Panel));
        var positions = TrendWalk.Positions(EasedProgress.For(Easing.Get("cubic-in-out"), frames), clock, NoiseWindow)!;
        var moves = new double[positions.Length - 1];
        for (var j = 1; j < positions.Length; j++)
        {
            moves[j - 1] = clock.Displacement(positions[j - 1], positions[j]);
        }
        return (clock, positions, moves);
    }

    [Fact]
    public void Starts_On_Step_0_Ends_On_The_Last_Step_And_Only_Runs_Forward()
    {
        var (clock, positions, _) = Walk(NoisySgd());
        Assert.Equal(0, positions[0]);
        Assert.Equal(clock.End, positions[^1]);
        for (var j = 1; j < positions.Length; j++)
        {
            Assert.True(positions[j] >= positions[j - 1], $"frame {j} goes back from {positions[j - 1]} to {positions[j]}");
        }
    }

    [Fact]
    public void The_Noise_Moves_Smoothly_By_The_Readme_Rule()
    {
        var (_, _, moves) = Walk(NoisySgd());
        Assert.True(Smoothness.Holds(moves), $"score {Smoothness.Score(moves):F2}, busiest {Smoothness.BusiestShare(moves):F2}");
    }

    [Fact]
    public void The_Noise_Is_Shown_As_A_Calm_Drift_Not_As_Every_Step()
    {
        // Tracing every step of the noise would move the line by the record's whole path length; the walk skips
        // iterates, so the frames in the noise (the second half) travel a small fraction of the path they span.
        var record = NoisySgd();
        var (clock, positions, moves) = Walk(record);
        var half = positions.Length / 2;
        var shown = moves[half..].Sum();
        var traced = 0.0;
        for (var step = (int)Math.Ceiling(positions[half]); step < clock.End; step++)
        {
            traced += clock.Displacement(step, step + 1);
        }
        Assert.True(shown < 0.2 * traced, $"frames move {shown:F0} px over a noise path of {traced:F0} px");
    }

    [Fact]
    public void Steady_Noise_Gets_Frames_In_Proportion_To_Its_Steps()
    {
        // With an even easing, every tenth of the steps in the noise (after the descent) gets about as many frames as
        // the others: the epochs run at an even rate, neither racing through the noise nor crawling at the end.
        var record = NoisySgd();
        var clock = new RunClock([record], new CurveProbe(Panel));
        var positions = TrendWalk.Positions(EasedProgress.For(Easing.Get("linear"), 240), clock, NoiseWindow)!;
        var tenths = new int[10];
        foreach (var u in positions)
        {
            tenths[Math.Min(9, (int)(10 * u / clock.End))]++;
        }
        var noise = tenths[2..];
        Assert.True(noise.Max() <= 2.5 * noise.Min(), $"frames per tenth of the steps: {string.Join(' ', tenths)}");
    }

    [Fact]
    public void Consecutive_Frames_Continue_Their_Motion_Rather_Than_Jitter()
    {
        // The turn between consecutive moves, relative to the move: 0 on a straight glide, about 1.4 for random directions.
        var (clock, positions, _) = Walk(NoisySgd());
        var rows = positions.Select(u =>
        {
            var row = new float[clock.RowLength];
            clock.Sample(u, row);
            return row;
        }).ToArray();
        var turns = new List<double>();
        for (var j = rows.Length / 2; j < rows.Length - 30; j++)
        {
            var move = clock.Distance(rows[j - 1], rows[j]);
            var bend = Enumerable.Range(0, clock.RowLength).Select(s => (double)rows[j + 1][s] - (2 * rows[j][s]) + rows[j - 1][s]);
            var turn = Math.Sqrt(bend.Sum(b => b * b) / clock.RowLength);
            if (move > 0.5)
            {
                turns.Add(turn / move);
            }
        }
        turns.Sort();
        Assert.NotEmpty(turns);
        Assert.True(turns[turns.Count / 2] < 1, $"median turn {turns[turns.Count / 2]:F2}");
    }

    /// <summary>Full-batch GD on raw x just below its largest stable learning rate: every step flips across the valley, far faster than frames come.</summary>
    private static FitRecord OscillatingGd() => Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
        new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.015, Epochs = 400, Init = [6, 0.2] }, "GD", "seed");

    [Fact]
    public void A_Deterministic_Fit_Oscillating_Faster_Than_The_Frames_Glides_Too()
    {
        // Frames spaced by movement land on either side of the valley at random: the line flickers. The walk along
        // the trend shows the oscillation's drift instead, and the whole pacing stage chooses it.
        var record = OscillatingGd();
        var clock = new RunClock([record], new CurveProbe(Panel));
        var progress = EasedProgress.For(Easing.Get("cubic-in-out"), 120);
        var walked = TrendWalk.Positions(progress, clock, new TrendWindow(3, FollowsFrames: true))!;
        Assert.True(clock.Reversals(walked) <= Smoothness.FlickerShare * 120, $"the trend walk reverses in {clock.Reversals(walked)} frames");
        var paced = VisualPacing.Positions(progress, clock);
        Assert.True(clock.Reversals(paced) <= Smoothness.FlickerShare * 120, $"pacing reverses in {clock.Reversals(paced)} frames");
        var moves = Enumerable.Range(1, paced.Length - 1).Select(j => clock.Displacement(paced[j - 1], paced[j])).ToArray();
        Assert.True(Smoothness.Holds(moves), $"score {Smoothness.Score(moves):F2}, busiest {Smoothness.BusiestShare(moves):F2}");
    }

    [Fact]
    public void Reversals_Count_The_Frames_Whose_Movement_Turns_Back()
    {
        var gd = Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
            new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.1, Epochs = 100, Standardize = true }, "GD", "seed");
        var clock = new RunClock([gd], new CurveProbe(Panel));
        Assert.Equal(0, clock.Reversals([0, 1, 2, 3, 4, 5]));
        Assert.Equal(3, clock.Reversals([0, 3, 0, 3, 0]));
        // Moves below the visible floor do not count, however they turn.
        Assert.Equal(0, clock.Reversals([50, 50.0001, 50, 50.0001]));
    }
}
