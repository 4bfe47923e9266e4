using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;

namespace RegressionRender.Tests.Fitting;

/// <summary>
/// The first two steps of every optimizer against values worked by hand on two points, (1, 2) and (3, 4), from
/// θ = (0, 0) with learning rate 0.1 on the line model. The least-squares gradient is of ½·mean(r²):
/// g = −mean(r·(1, x)); at θ = 0, r = (2, 4), so g = −(3, 7).
/// </summary>
public sealed class OptimizerTests
{
    private static readonly Dataset Two = new([1, 3], [2, 4], "x", "y", 0);
    private static readonly RegressionModel Line = new(ModelKind.Linear, 1);

    private static (double[] First, double[] Second) TwoSteps(FitConfig fit)
    {
        var record = Fitter.Fit(Two, Line, fit with { LearningRate = 0.1, Init = [0, 0] }, "t", "t.json");
        return (record.ParametersAt(1).ToArray(), record.ParametersAt(2).ToArray());
    }

    private static void Near(double[] expected, double[] actual) =>
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 9));

    [Fact]
    public void Gd_Steps_Against_The_Full_Gradient()
    {
        // θ1 = 0.1·(3, 7) = (0.3, 0.7); r = (2 − 1.0, 4 − 2.4) = (1, 1.6); g = −(1.3, 2.9); θ2 = (0.43, 0.99).
        var (first, second) = TwoSteps(new FitConfig { Optimizer = OptimizerKind.Gd, Epochs = 2 });
        Near([0.3, 0.7], first);
        Near([0.43, 0.99], second);
    }

    [Fact]
    public void Sgd_Steps_One_Sample_At_A_Time_In_Data_Order()
    {
        // Sample (1, 2): r = 2 → θ = (0.2, 0.2). Sample (3, 4): r = 4 − 0.8 = 3.2 → θ = (0.52, 1.16).
        var (first, second) = TwoSteps(new FitConfig { Optimizer = OptimizerKind.Sgd, Epochs = 1 });
        Near([0.2, 0.2], first);
        Near([0.52, 1.16], second);
    }

    [Fact]
    public void Minibatch_Handles_The_Last_Partial_Batch()
    {
        var three = new Dataset([1, 3, 5], [2, 4, 6], "x", "y", 0);
        var record = Fitter.Fit(three, Line, new FitConfig { Optimizer = OptimizerKind.Minibatch, BatchSize = 2, LearningRate = 0.1, Epochs = 1, Init = [0, 0] }, "t", "t.json");
        Assert.Equal(2, record.Steps);
        // Batch {1, 3}: θ = (0.3, 0.7) as for GD on two points. Batch {5}: r = 6 − 0.3 − 3.5 = 2.2 → θ = (0.52, 1.8).
        Near([0.3, 0.7], record.ParametersAt(1).ToArray());
        Near([0.52, 1.8], record.ParametersAt(2).ToArray());
    }

    [Fact]
    public void Momentum_Accumulates_Velocity()
    {
        // v1 = 0.1·(3, 7) = (0.3, 0.7) = θ1. g at θ1 = −(1.3, 2.9); v2 = 0.9·v1 + 0.1·(1.3, 2.9) = (0.4, 0.92); θ2 = (0.7, 1.62).
        var (first, second) = TwoSteps(new FitConfig { Optimizer = OptimizerKind.Momentum, Momentum = 0.9, Epochs = 2 });
        Near([0.3, 0.7], first);
        Near([0.7, 1.62], second);
    }

    [Fact]
    public void Nesterov_Takes_The_Gradient_Ahead()
    {
        // Step 1 as momentum (v0 = 0). Look-ahead θ1 + 0.9·v1 = (0.57, 1.33): r = (2 − 1.9, 4 − 4.56) = (0.1, −0.56);
        // g = −(mean(0.1, −0.56), mean(0.1, −1.68)) = (0.23, 0.79); v2 = (0.27, 0.63) − (0.023, 0.079) = (0.247, 0.551).
        var (first, second) = TwoSteps(new FitConfig { Optimizer = OptimizerKind.Nesterov, Momentum = 0.9, Epochs = 2 });
        Near([0.3, 0.7], first);
        Near([0.547, 1.251], second);
    }

    [Fact]
    public void RmsProp_Scales_By_The_Root_Mean_Square()
    {
        // β = 0.9, ε = 0. s1 = 0.1·g² = (0.9, 4.9); step = 0.1·g/√s1 = 0.1·(3/0.948683, 7/2.213594) = (0.316228, 0.316228).
        var fit = new FitConfig { Optimizer = OptimizerKind.Rmsprop, Beta2 = 0.9, Epsilon = 1e-300, Epochs = 2 };
        var (first, second) = TwoSteps(fit);
        Near([0.316227766, 0.316227766], first);
        // At θ1 = (c, c), c = 0.1·3/√0.9: r = (2 − 2c, 4 − 4c), g = −(mean(r), mean(r·x)) = −(3 − 3c, 7 − 7c);
        // s2 = 0.9·s1 + 0.1·g²; θ2 = θ1 − 0.1·g/√s2.
        var c = 0.3 / Math.Sqrt(0.9);
        double[] g = [-(3 - (3 * c)), -(7 - (7 * c))];
        double[] s1 = [0.9, 4.9];
        Near([c - (0.1 * g[0] / Math.Sqrt((0.9 * s1[0]) + (0.1 * g[0] * g[0]))), c - (0.1 * g[1] / Math.Sqrt((0.9 * s1[1]) + (0.1 * g[1] * g[1])))], second);
    }

    [Fact]
    public void Adam_First_Step_Is_The_Learning_Rate_In_Every_Coordinate()
    {
        // Bias correction makes m̂/√v̂ = g/|g| on step 1: θ1 = (0.1, 0.1).
        var (first, second) = TwoSteps(new FitConfig { Optimizer = OptimizerKind.Adam, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-300, Epochs = 2 });
        Near([0.1, 0.1], first);
        // At θ1: r = (1.8, 3.6), g = −(2.7, 6.3). m2 = 0.9·0.1·(−3, −7) + 0.1·g = −(0.54, 1.26); v2 = 0.999·0.001·(9, 49) + 0.001·g².
        double[] g1 = [-3, -7], g2 = [-2.7, -6.3];
        var expected = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var m = (0.9 * 0.1 * g1[k]) + (0.1 * g2[k]);
            var v = (0.999 * 0.001 * g1[k] * g1[k]) + (0.001 * g2[k] * g2[k]);
            expected[k] = 0.1 - (0.1 * (m / (1 - (0.9 * 0.9))) / Math.Sqrt(v / (1 - (0.999 * 0.999))));
        }
        Near(expected, second);
    }

    [Fact]
    public void Shuffled_Sgd_Is_Reproducible_From_Its_Seed_And_Differs_From_Data_Order()
    {
        var data = new Dataset([1, 2, 3, 4, 5, 6], [1, 3, 2, 5, 4, 6], "x", "y", 0);
        FitConfig Fit(bool shuffle, int seed) => new() { Optimizer = OptimizerKind.Sgd, LearningRate = 0.01, Epochs = 3, Shuffle = shuffle, Seed = seed };
        var a = Fitter.Fit(data, Line, Fit(true, 7), "a", "t").Final.ToArray();
        var b = Fitter.Fit(data, Line, Fit(true, 7), "b", "t").Final.ToArray();
        var ordered = Fitter.Fit(data, Line, Fit(false, 7), "c", "t").Final.ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, ordered);
    }
}
