using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting.Optimizers;

namespace RegressionRender.Core.Fitting;

/// <summary>Runs one optimizer over a dataset and records every step.</summary>
public static class Fitter
{
    /// <summary>Most steps a single fit may record (epochs × steps per epoch); beyond it the config is refused.</summary>
    public const int MaxRecordedSteps = 2_000_000;

    /// <summary>The loss counts as diverged when it grows past this multiple of its starting value.</summary>
    public const double DivergenceFactor = 1e6;

    /// <summary>Fits <paramref name="data"/> with one optimizer and returns the record of every step.</summary>
    public static FitRecord Fit(Dataset data, PolynomialModel model, FitConfig fit, string label, string configPath)
    {
        var n = data.Count;
        var p = model.ParameterCount;
        var batchSize = BatchSize(fit, n);
        var stepsPerEpoch = (n + batchSize - 1) / batchSize;
        var totalSteps = (long)fit.Epochs * stepsPerEpoch;
        if (totalSteps > MaxRecordedSteps)
        {
            throw new InvalidInputException(configPath,
                $"{label}: {fit.Epochs} epochs × {stepsPerEpoch} steps per epoch = {totalSteps:N0} steps, over the record limit of {MaxRecordedSteps:N0}; use fewer epochs or a larger batch");
        }
        var loss = new SquaredLoss(data, model);
        var rule = CreateRule(fit, p);
        var parameters = fit.Init is { } init ? (double[])init.Clone() : new double[p];
        var point = new double[p];
        var gradient = new double[p];
        var all = Enumerable.Range(0, n).ToArray();
        var order = (int[])all.Clone();
        var random = new Random(fit.Seed);

        var recorded = new List<double>((int)Math.Min((totalSteps + 1) * p, 1 << 20));
        var losses = new List<double>((int)Math.Min(totalSteps + 1, 1 << 20));
        var norms = new List<double>((int)Math.Min(totalSteps + 1, 1 << 20));
        Record(parameters);
        var startLoss = losses[0];
        int? divergedAt = null;
        for (var epoch = 0; epoch < fit.Epochs && divergedAt is null; epoch++)
        {
            if (fit.Shuffle)
            {
                random.Shuffle(order);
            }
            for (var start = 0; start < n; start += batchSize)
            {
                var batch = order.AsSpan(start, Math.Min(batchSize, n - start));
                rule.GradientPoint(parameters, point);
                loss.Gradient(point, batch, gradient);
                rule.Step(parameters, gradient);
                var current = loss.Mse(parameters);
                if (!double.IsFinite(current) || !parameters.All(double.IsFinite))
                {
                    divergedAt = losses.Count;
                    break;
                }
                Record(parameters, current);
                if (current > DivergenceFactor * Math.Max(startLoss, 1e-12))
                {
                    divergedAt = losses.Count - 1;
                    break;
                }
            }
        }

        var target = LeastSquares.Solve(data, model);
        var info = new FitRecordInfo(label, p, stepsPerEpoch, fit.Epochs, divergedAt, target, target is null ? null : loss.Mse(target));
        return new FitRecord(info, [.. recorded], [.. losses], [.. norms]);

        void Record(double[] theta, double? mse = null)
        {
            recorded.AddRange(theta);
            losses.Add(mse ?? loss.Mse(theta));
            loss.Gradient(theta, all, gradient);
            norms.Add(Math.Sqrt(gradient.Sum(g => g * g)));
        }
    }

    /// <summary>Samples per step: all for gd, one for sgd, <c>batchSize</c> (default 32) for minibatch, all unless given otherwise.</summary>
    public static int BatchSize(FitConfig fit, int sampleCount) => Math.Min(sampleCount, fit.Optimizer switch
    {
        OptimizerKind.Gd => sampleCount,
        OptimizerKind.Sgd => 1,
        OptimizerKind.Minibatch => fit.BatchSize ?? 32,
        _ => fit.BatchSize ?? sampleCount,
    });

    private static IUpdateRule CreateRule(FitConfig fit, int parameterCount) => fit.Optimizer switch
    {
        OptimizerKind.Momentum => new MomentumStep(fit.LearningRate, fit.Momentum, parameterCount, nesterov: false),
        OptimizerKind.Nesterov => new MomentumStep(fit.LearningRate, fit.Momentum, parameterCount, nesterov: true),
        OptimizerKind.Rmsprop => new RmsPropStep(fit.LearningRate, fit.Beta2, fit.Epsilon, parameterCount),
        OptimizerKind.Adam => new AdamStep(fit.LearningRate, fit.Beta1, fit.Beta2, fit.Epsilon, parameterCount),
        _ => new PlainStep(fit.LearningRate),
    };
}
