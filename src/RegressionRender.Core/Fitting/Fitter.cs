using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting.Optimizers;

namespace RegressionRender.Core.Fitting;

/// <summary>Runs one optimizer over a dataset and records its steps.</summary>
public static class Fitter
{
    /// <summary>Most entries a record keeps; longer runs keep every k-th step so that memory stays bounded.</summary>
    public const int RecordLimit = 500_000;

    /// <summary>Most optimizer steps a fit may take (epochs × steps per epoch).</summary>
    public const long MaxSteps = 50_000_000;

    /// <summary>The loss counts as diverged when it grows past this multiple of its starting value.</summary>
    public const double DivergenceFactor = 1e6;

    /// <summary>Fits <paramref name="data"/> with one optimizer and returns its record.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked every 16,384 steps).</exception>
    public static FitRecord Fit(Dataset data, RegressionModel model, FitConfig fit, string label, string configPath, CancellationToken cancellationToken = default)
    {
        var n = data.Count;
        var p = model.ParameterCount;
        var batchSize = BatchSize(fit, n);
        var stepsPerEpoch = (n + batchSize - 1) / batchSize;
        var totalSteps = (long)fit.Epochs * stepsPerEpoch;
        if (totalSteps > MaxSteps)
        {
            throw new InvalidInputException(configPath,
                $"{label}: {fit.Epochs} epochs × {stepsPerEpoch} steps per epoch = {totalSteps:N0} steps, over the limit of {MaxSteps:N0}; use fewer epochs or a larger batch");
        }
        var stride = (int)Math.Max(1, (totalSteps + RecordLimit - 1) / RecordLimit);
        var scaling = fit.Standardize ? FeatureScaling.Of(data.X) : FeatureScaling.Identity;
        var z = data.X.Select(scaling.Apply).ToArray();
        IObjective objective = model.IsLogistic ? new LogLoss(z, data.Y, p, fit.L2) : new SquaredLoss(z, data.Y, p, fit.L2);
        var rule = CreateRule(fit, p);
        var parameters = fit.Init is { } init ? (double[])init.Clone() : new double[p];
        var point = new double[p];
        var gradient = new double[p];
        var all = Enumerable.Range(0, n).ToArray();
        var order = (int[])all.Clone();
        var random = new Random(fit.Seed);

        var (optimum, reason) = Target(model, fit, z, data.Y);
        // The bowl needs a minimiser: the optimum, or, where least squares has many (too few distinct x), any one of them.
        var center = optimum ?? (model.IsLogistic || fit.L2 > 0 ? null : LeastSquares.AnyMinimizer(z, data.Y, p));
        var bowl = center is null ? null : new LossBowl(center, objective.HalfHessian(center));
        var capacity = (int)Math.Min((totalSteps / stride) + 2, RecordLimit + 2);
        var recorded = new List<double>(capacity * p);
        var losses = new List<double>(capacity);
        var norms = new List<double>(capacity);
        Record(objective.Loss(parameters));
        var startLoss = losses[0];
        var step = 0;
        var lastRecorded = 0;
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
                objective.Gradient(point, batch, gradient);
                rule.Step(parameters, gradient);
                step++;
                if ((step & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var last = step == totalSteps;
                if (!parameters.All(double.IsFinite))
                {
                    divergedAt = step;
                    break;
                }
                if (step % stride != 0 && !last)
                {
                    continue;
                }
                var loss = objective.Loss(parameters);
                if (!double.IsFinite(loss))
                {
                    divergedAt = step;
                    break;
                }
                Record(loss);
                lastRecorded = step;
                if (loss > DivergenceFactor * Math.Max(startLoss, 1e-12))
                {
                    divergedAt = step;
                    break;
                }
            }
        }

        var target = optimum;
        var targetLoss = optimum is null ? (double?)null : objective.Loss(optimum);
        var info = new FitRecordInfo(label, model with { Scaling = scaling }, stepsPerEpoch, fit.Epochs, divergedAt, target, targetLoss, reason, scaling, fit.L2);
        return new FitRecord(info, lastRecorded, stride, [.. recorded], [.. losses], [.. norms], bowl?.ToPath(center!, objective.Loss(center!), model.Degree == 1 && !model.IsLogistic ? Spread(z) / Math.Max(Spread(data.Y), 1e-300) : null), objective);

        void Record(double loss)
        {
            recorded.AddRange(parameters);
            losses.Add(loss);
            bowl?.Add(parameters);
            objective.Gradient(parameters, all, gradient);
            norms.Add(Math.Sqrt(gradient.Sum(g => g * g)));
        }
    }

    /// <summary>The optimum in the fitted (possibly standardized) coordinates.</summary>
    /// <summary>Standard deviation (population).</summary>
    private static double Spread(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private static (double[]? Optimum, string? Reason) Target(RegressionModel model, FitConfig fit, double[] z, double[] y)
    {
        if (model.IsLogistic)
        {
            return LogisticNewton.Solve(z, y, model.ParameterCount, fit.L2);
        }
        var solution = LeastSquares.Solve(z, y, model.ParameterCount, fit.L2);
        return (solution, solution is null ? "the least-squares solution is not unique (fewer distinct x values than parameters)" : null);
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
