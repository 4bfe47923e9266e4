using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Fitting;

public sealed class FitterTests
{
    private static readonly Dataset Seed = Scenes.SeedData;

    private static readonly RegressionModel Line = new(ModelKind.Linear, 1);

    [Fact]
    public void Sgd_On_The_Seed_Reproduces_The_Learners_Numbers()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.0001, Epochs = 1000, Init = [0.01, 0.01] };
        var record = Fitter.Fit(Seed, Line, fit, "SGD", "seed.json");
        Assert.Equal(9000, record.Steps);
        Assert.Equal(9, record.Info.StepsPerEpoch);
        Assert.Equal(-0.0024, record.Final[0], 4);
        Assert.Equal(1.0730, record.Final[1], 4);
        Assert.Equal(3.2559, record.FinalLoss, 4);
        Assert.False(record.Info.Diverged);
    }

    [Fact]
    public void Sgd_Step_Is_Exactly_The_Seed_Update_In_Data_Order()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.001, Epochs = 1, Init = [0.01, 0.01] };
        var record = Fitter.Fit(Seed, Line, fit, "SGD", "seed.json");
        double m = 0.01, b = 0.01;
        for (var i = 0; i < Seed.Count; i++)
        {
            var err = Seed.Y[i] - ((m * Seed.X[i]) + b);
            m += Seed.X[i] * err * 0.001;
            b += err * 0.001;
            Assert.Equal(b, record.ParametersAt(i + 1)[0], 12);
            Assert.Equal(m, record.ParametersAt(i + 1)[1], 12);
        }
    }

    [Fact]
    public void Least_Squares_Target_Of_The_Seed_Is_The_Known_Optimum()
    {
        var target = LeastSquares.Solve(Seed.X, Seed.Y, 2)!;
        Assert.Equal(-0.6434, target[0], 4);
        Assert.Equal(1.1432, target[1], 4);
    }

    [Fact]
    public void Gd_With_Enough_Epochs_Reaches_The_Closed_Form_Target()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.01, Epochs = 20000 };
        var record = Fitter.Fit(Seed, Line, fit, "GD", "seed.json");
        var target = record.Info.Target!;
        Assert.Equal(target[0], record.Final[0], 5);
        Assert.Equal(target[1], record.Final[1], 5);
        Assert.Equal(record.Info.TargetLoss!.Value, record.FinalLoss, 8);
    }

    [Fact]
    public void Records_Loss_And_Gradient_Norm_Of_Every_Step()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.01, Epochs = 5 };
        var record = Fitter.Fit(Seed, Line, fit, "GD", "seed.json");
        Assert.Equal(5, record.Steps);
        for (var step = 0; step <= record.Steps; step++)
        {
            var theta = record.ParametersAt(step).ToArray();
            var mse = Enumerable.Range(0, Seed.Count).Average(i => Math.Pow(Seed.Y[i] - theta[0] - (theta[1] * Seed.X[i]), 2));
            Assert.Equal(mse, record.LossAt(step), 10);
            var g0 = -Enumerable.Range(0, Seed.Count).Average(i => Seed.Y[i] - theta[0] - (theta[1] * Seed.X[i]));
            var g1 = -Enumerable.Range(0, Seed.Count).Average(i => (Seed.Y[i] - theta[0] - (theta[1] * Seed.X[i])) * Seed.X[i]);
            Assert.Equal(Math.Sqrt((g0 * g0) + (g1 * g1)), record.GradientNormAt(step), 10);
        }
        Assert.True(record.LossAt(5) < record.LossAt(0));
    }

    [Fact]
    public void A_Learning_Rate_Too_High_Is_Marked_As_Diverged_Not_Thrown()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.1, Epochs = 1000 };
        var record = Fitter.Fit(Seed, Line, fit, "GD", "seed.json");
        Assert.True(record.Info.Diverged);
        Assert.Equal(record.Steps, record.Info.DivergedAtStep);
        Assert.True(record.Steps < 1000);
        Assert.True(record.FinalLoss > 1e6 * record.LossAt(0));
        Assert.True(double.IsFinite(record.FinalLoss));
    }

    [Fact]
    public void Interpolates_Parameters_Between_Steps()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Gd, LearningRate = 0.01, Epochs = 3 };
        var record = Fitter.Fit(Seed, Line, fit, "GD", "seed.json");
        var middle = new double[2];
        record.Interpolate(1.25, middle);
        Assert.Equal(record.ParametersAt(1)[1] + (0.25 * (record.ParametersAt(2)[1] - record.ParametersAt(1)[1])), middle[1], 12);
        record.Interpolate(3, middle);
        Assert.Equal(record.Final[1], middle[1]);
    }

    [Fact]
    public void Least_Squares_Is_Stable_For_A_High_Degree_Polynomial_On_Raw_X()
    {
        // y = 1 + 2x − 0.5x² + 0.01x⁵ exactly on x in [100, 130]: the normal equations lose every digit here.
        var xs = Enumerable.Range(0, 31).Select(i => 100.0 + i).ToArray();
        double[] truth = [1, 2, -0.5, 0, 0, 0.01];
        var ys = xs.Select(x => RegressionModel.Polynomial(truth, x)).ToArray();
        var solved = LeastSquares.Solve(xs, ys, 6)!;
        var worst = xs.Max(x => Math.Abs(RegressionModel.Polynomial(solved, x) - RegressionModel.Polynomial(truth, x)) / Math.Abs(RegressionModel.Polynomial(truth, x)));
        Assert.True(worst < 1e-6, $"relative error {worst}");
    }

    [Fact]
    public void Any_Minimizer_Fits_The_Mean_At_Each_Distinct_X_When_Least_Squares_Has_Many()
    {
        // Two distinct x values (Anscombe IV's shape) and a quadratic: three parameters, two equations.
        double[] xs = [8, 8, 8, 19, 8, 8];
        double[] ys = [6.6, 5.8, 7.7, 12.5, 8.8, 7.0];
        Assert.Null(LeastSquares.Solve(xs, ys, 3));
        var any = LeastSquares.AnyMinimizer(xs, ys, 3)!;
        Assert.Equal((6.6 + 5.8 + 7.7 + 8.8 + 7.0) / 5, RegressionModel.Polynomial(any, 8), 9);
        Assert.Equal(12.5, RegressionModel.Polynomial(any, 19), 9);
        Assert.Null(LeastSquares.AnyMinimizer(Seed.X, Seed.Y, 2)); // unique: Solve's
    }

    [Fact]
    public void Record_Limit_Is_Checked_Before_Fitting()
    {
        var fit = new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.001, Epochs = 10_000_000 };
        var error = Assert.Throws<Core.InvalidInputException>(() => Fitter.Fit(Seed, Line, fit, "SGD", "seed.json"));
        Assert.Contains("over the limit of 50,000,000", error.Message);
    }
}
