using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Timing;

public sealed class TimelineTests
{
    private static readonly Dataset Seed = Scenes.SeedData;

    private static readonly Viewport Panel = new(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(100, 100, 700, 700));

    private static FitRecord SeedSgd() => Fitter.Fit(Seed, new RegressionModel(ModelKind.Linear, 1),
        new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.0001, Epochs = 1000, Init = [0.01, 0.01] }, "SGD", "seed");

    [Fact]
    public void Frame_Count_Comes_From_Duration_Fps_And_Holds()
    {
        var animation = new AnimationConfig { Duration = 8, Fps = 30, HoldStart = 0.5, HoldEnd = 2 };
        var timeline = Timeline.Build([SeedSgd()], animation, 30, Panel);
        Assert.Equal(15, timeline.HoldStartFrames);
        Assert.Equal(240, timeline.AnimateFrames);
        Assert.Equal(60, timeline.HoldEndFrames);
        Assert.Equal(315, timeline.FrameCount);
        Assert.Equal(timeline.FrameCount, Timeline.FrameCountFor(animation, 30));
        Assert.Equal(10.5, timeline.Duration, 9);
        Assert.Equal(1.0 / 30, timeline.Frames[1].Time, 12);
    }

    [Fact]
    public void Cancelled_Fitting_And_Pacing_Stop_With_OperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var fit = new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.0001, Epochs = 10_000, Init = [0.01, 0.01] };
        Assert.ThrowsAny<OperationCanceledException>(() => Fitter.Fit(Seed, new RegressionModel(ModelKind.Linear, 1), fit, "SGD", "seed", cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Timeline.Build([SeedSgd()], new AnimationConfig(), 30, Panel, cancelled.Token));
    }

    [Theory]
    [InlineData(8, 30, 0.5, 2)]
    [InlineData(1, 7, 0.13, 0.07)]
    [InlineData(0.01, 120, 0, 0)]
    [InlineData(3.3, 15, 0.49, 0.51)]
    public void The_Frame_Count_Known_Before_Planning_Is_The_Planned_One(double duration, int fps, double holdStart, double holdEnd)
    {
        var animation = new AnimationConfig { Duration = duration, Fps = fps, HoldStart = holdStart, HoldEnd = holdEnd };
        Assert.Equal(Timeline.Build([SeedSgd()], animation, fps, Panel).FrameCount, Timeline.FrameCountFor(animation, fps));
    }

    [Theory]
    [InlineData("visual")]
    [InlineData("log")]
    [InlineData("iterations")]
    public void First_Animated_Frame_Shows_The_Initial_Fit_And_The_Last_The_Final_Fit_Exactly(string pacing)
    {
        var record = SeedSgd();
        var animation = new AnimationConfig { Duration = 2, Fps = 30, HoldStart = 0.5, HoldEnd = 1, Pacing = PacingSpec.Single(pacing) };
        var timeline = Timeline.Build([record], animation, 30, Panel);
        var first = timeline.Frames[timeline.HoldStartFrames];
        var last = timeline.Frames[timeline.HoldStartFrames + timeline.AnimateFrames - 1];
        Assert.Equal(FramePhase.Animate, first.Phase);
        Assert.Equal(0, first.Fits[0].Iteration);
        Assert.Equal(record.ParametersAt(0).ToArray(), first.Fits[0].Parameters);
        Assert.Equal(FramePhase.Animate, last.Phase);
        Assert.Equal(record.Steps, last.Fits[0].Iteration);
        Assert.Equal(record.Final.ToArray(), last.Fits[0].Parameters);
        Assert.All(timeline.Frames.Take(timeline.HoldStartFrames), f => Assert.Equal(record.ParametersAt(0).ToArray(), f.Fits[0].Parameters));
        Assert.All(timeline.Frames.Skip(timeline.HoldStartFrames + timeline.AnimateFrames), f =>
        {
            Assert.Equal(FramePhase.HoldEnd, f.Phase);
            Assert.Equal(record.Final.ToArray(), f.Fits[0].Parameters);
        });
    }

    [Fact]
    public void Iterations_Never_Go_Backwards_With_A_Monotone_Easing()
    {
        var timeline = Timeline.Build([SeedSgd()], new AnimationConfig { Duration = 4, Fps = 30 }, 30, Panel);
        for (var i = 1; i < timeline.FrameCount; i++)
        {
            Assert.True(timeline.Frames[i].Fits[0].Iteration >= timeline.Frames[i - 1].Fits[0].Iteration);
        }
    }

    [Fact]
    public void Trail_Fades_By_Age_In_Seconds_At_Any_Fps()
    {
        foreach (var fps in new[] { 15, 60 })
        {
            var timeline = Timeline.Build([SeedSgd()], new AnimationConfig { Duration = 4, Fps = fps, Trail = 1 }, fps, Panel);
            var frame = timeline.Frames[timeline.FrameCount / 2];
            Assert.Equal(fps, frame.Trail.Count);
            Assert.True(frame.Trail[0].Opacity < frame.Trail[^1].Opacity, "oldest first, fading");
            Assert.Equal(1 - (1.0 / (fps + 1)), frame.Trail[^1].Opacity, 9);
            Assert.Same(timeline.Frames[(timeline.FrameCount / 2) - 1].Fits[0].Parameters, frame.Trail[^1].Parameters);
        }
        var none = Timeline.Build([SeedSgd()], new AnimationConfig { Duration = 1, Fps = 10, Trail = 0 }, 10, Panel);
        Assert.All(none.Frames, f => Assert.Empty(f.Trail));
    }

    [Fact]
    public void A_Long_Trail_Is_Read_From_Earlier_Frames_Not_Stored_With_Each_Frame()
    {
        // 20 s at 120 fps with a 60 s trail: stored per frame, the trails would hold 2,700²/2 ≈ 3.6 million lines.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var timeline = Timeline.Build([SeedSgd()], new AnimationConfig { Duration = 20, Fps = 120, Trail = 60 }, 120, Panel);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var last = timeline.Frames[^1];
        Assert.Equal(timeline.FrameCount - 1, last.Trail.Count);
        Assert.Same(timeline.Frames[0].Fits[0].Parameters, last.Trail[0].Parameters);
        Assert.Same(timeline.Frames[^2].Fits[0].Parameters, last.Trail[^1].Parameters);
        Assert.True(allocated < 60_000_000, $"planning allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Displacement_Is_Zero_In_Holds_And_Positive_While_Moving()
    {
        var timeline = Timeline.Build([SeedSgd()], new AnimationConfig { Duration = 4, Fps = 30 }, 30, Panel);
        Assert.All(timeline.Frames.Where(f => f.Phase != FramePhase.Animate), f => Assert.Equal(0, f.DisplacementPx));
        Assert.True(timeline.Frames.Where(f => f.Phase == FramePhase.Animate).Sum(f => f.DisplacementPx) > 100);
    }
}
