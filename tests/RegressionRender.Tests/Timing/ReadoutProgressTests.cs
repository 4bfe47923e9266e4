using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Timing;

/// <summary>Readouts describe what a frame draws: epoch and step never contradict each other.</summary>
public sealed class ReadoutProgressTests
{
    private static readonly Viewport Panel = new(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(100, 100, 700, 700));

    [Fact]
    public void A_Tween_Says_Which_Step_Is_Being_Made_And_Its_Epoch()
    {
        var record = Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
            new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.001, Epochs = 3000 }, "GD", "seed");
        var readout = new ReadoutText(record);
        Assert.Equal("epoch 0 / 3000  ·  step 0 / 3000", readout.Progress(0, 0));
        Assert.Equal("epoch 1 / 3000  ·  step 0\u21921 / 3000", readout.Progress(0, 1));
        Assert.Equal("epoch 3000 / 3000  ·  step 3000 / 3000", readout.Progress(3000, 3000));
    }

    [Fact]
    public void Every_Frame_Of_A_Timeline_Shows_A_Step_Or_A_Tween_Between_Neighbouring_Kept_Steps()
    {
        var record = Fitter.Fit(Scenes.SeedData, new RegressionModel(ModelKind.Linear, 1),
            new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.0001, Epochs = 100, Init = [0.01, 0.01] }, "SGD", "seed");
        var timeline = Timeline.Build([record], new AnimationConfig { Duration = 2, Fps = 30 }, 30, Panel);
        foreach (var frame in timeline.Frames)
        {
            var fit = frame.Fits[0];
            Assert.True(fit.ToStep - fit.FromStep is 0 or 1, $"frame {frame.Frame}: between {fit.FromStep} and {fit.ToStep}");
            Assert.Equal(fit.FromStep == fit.ToStep ? FitDisplay.Iterate : FitDisplay.Tween, fit.Display);
            Assert.Equal(record.EpochOf(fit.ToStep), fit.Epoch);
            Assert.Equal(record.LossOf(fit.Parameters), fit.Loss, 12);
        }
    }
}
