using RegressionRender.Core.Layout;
using RegressionRender.Rendering;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Rendering;

/// <summary>The loss panel's epoch axis: log (1 + epoch) when the descent is crowded into the first tenth, else linear.</summary>
public sealed class LossPanelTests
{
    [Fact]
    public void An_Early_Descent_Puts_Epochs_On_A_Log_Axis()
    {
        var (_, plan, _) = SceneBuilder.Build(SceneBuilder.SeedThreePanels, 640, 360);
        var fit = plan.Fits[0];
        // The seed's per-sample SGD makes 90% of its drop early: find that epoch from the record itself.
        var (first, lowest) = (fit.EntryLoss(0), Enumerable.Range(0, fit.EntryCount).Min(fit.EntryLoss));
        var entry = Enumerable.Range(0, fit.EntryCount).First(i => fit.EntryLoss(i) <= first - (0.9 * (first - lowest)));
        var epochs = (double)fit.Steps / fit.Info.StepsPerEpoch;
        Assert.True((double)fit.EntryStep(entry) / fit.Info.StepsPerEpoch < 0.1 * epochs);

        Assert.True(plan.EpochScale.IsLog);
        Assert.Equal(Math.Log10(1 + epochs), plan.LossViewport!.X.Max, 12);
        Assert.Equal(plan.LossViewport.Area.Left, plan.LossViewport.PixelX(plan.EpochScale.ToAxis(0)));
        Assert.Equal(0.5, plan.EpochScale.ToAxis(Math.Sqrt(10) - 1), 12);
    }

    [Fact]
    public void A_Descent_Spread_Over_The_Run_Or_A_Short_Run_Keeps_Epochs_Linear()
    {
        // Full-batch GD at a small rate descends steadily over all 300 epochs.
        var slow = SceneBuilder.SeedThreePanels.Replace("\"optimizer\": \"sgd\", \"learningRate\": 0.0001", "\"optimizer\": \"gd\", \"learningRate\": 0.00002", StringComparison.Ordinal);
        var (_, steady, _) = SceneBuilder.Build(slow, 640, 360);
        Assert.False(steady.EpochScale.IsLog);
        Assert.Equal(300, steady.LossViewport!.X.Max, 9);

        var (_, shortRun, _) = SceneBuilder.Build(SceneBuilder.SeedThreePanels.Replace("\"epochs\": 300", "\"epochs\": 12", StringComparison.Ordinal), 640, 360);
        Assert.False(shortRun.EpochScale.IsLog);
        Assert.Equal(12, shortRun.EpochScale.ToAxis(12));
    }

    [Theory]
    [InlineData("linear", "\"optimizer\": \"sgd\", \"learningRate\": 0.0001", false)]
    [InlineData("log", "\"optimizer\": \"gd\", \"learningRate\": 0.00002", true)]
    public void View_EpochAxis_Overrides_The_Automatic_Choice(string axis, string fit, bool log)
    {
        var json = SceneBuilder.SeedThreePanels
            .Replace("\"optimizer\": \"sgd\", \"learningRate\": 0.0001", fit, StringComparison.Ordinal)
            .Replace("\"panels\":", $"\"epochAxis\": \"{axis}\", \"panels\":", StringComparison.Ordinal);
        var (_, automatic, _) = SceneBuilder.Build(json.Replace($"\"epochAxis\": \"{axis}\", ", "", StringComparison.Ordinal), 640, 360);
        var (_, chosen, _) = SceneBuilder.Build(json, 640, 360);

        Assert.Equal(!log, automatic.EpochScale.IsLog);
        Assert.Equal(log, chosen.EpochScale.IsLog);
    }

    [Fact]
    public void Log_Epoch_Ticks_Are_0_1_10_100_Up_To_The_Last_Epoch()
    {
        var labels = AxisLabels.Epochs(300);

        Assert.Equal(["0", "1", "10", "100"], labels.Values.Select(labels.Label));
        Assert.Equal([0, Math.Log10(2), Math.Log10(11), Math.Log10(101)], labels.Values);
    }
}
