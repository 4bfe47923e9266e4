namespace RegressionRender.Core.Fitting;

/// <summary>
/// Logistic regression: the recorded loss is the mean log-loss + (λ/2)‖w‖², and optimizers follow its gradient,
/// mean((p − y)·φ(x)) + λ·w. Computed through softplus so that confident predictions never produce log(0).
/// </summary>
internal sealed class LogLoss(double[] z, double[] y, int parameterCount, double l2) : IObjective
{
    public int Count => z.Length;

    public double Loss(ReadOnlySpan<double> parameters)
    {
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            var logit = RegressionModel.Polynomial(parameters, z[i]);
            sum += Softplus(logit) - (y[i] * logit);
        }
        return (sum / z.Length) + (Penalty.Of(parameters, l2) / 2);
    }

    public (double Loss, double Slope) LossAndSlope(ReadOnlySpan<double> parameters, ReadOnlySpan<double> direction)
    {
        var (sum, slope) = (0.0, 0.0);
        for (var i = 0; i < z.Length; i++)
        {
            var logit = RegressionModel.Polynomial(parameters, z[i]);
            // One exponential for both softplus(logit) and the sigmoid (its derivative).
            var e = Math.Exp(-Math.Abs(logit));
            var softplus = Math.Max(logit, 0) + double.LogP1(e);
            var sigmoid = logit >= 0 ? 1 / (1 + e) : e / (1 + e);
            sum += softplus - (y[i] * logit);
            slope += (sigmoid - y[i]) * RegressionModel.Polynomial(direction, z[i]);
        }
        return ((sum / z.Length) + (Penalty.Of(parameters, l2) / 2), (slope / z.Length) + Penalty.Slope(parameters, direction, l2));
    }

    public void Gradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        gradient.Clear();
        foreach (var i in batch)
        {
            var error = RegressionModel.Sigmoid(RegressionModel.Polynomial(parameters, z[i])) - y[i];
            var feature = 1.0;
            for (var k = 0; k < parameterCount; k++)
            {
                gradient[k] += error * feature;
                feature *= z[i];
            }
        }
        for (var k = 0; k < parameterCount; k++)
        {
            gradient[k] = (gradient[k] / batch.Length) + (k > 0 ? l2 * parameters[k] : 0);
        }
    }

    /// <summary>½·((1/n)·Σ σ(1 − σ)·φφᵀ + λ·D): log-loss is only near-quadratic, around its optimum.</summary>
    public double[] HalfHessian(ReadOnlySpan<double> parameters)
    {
        var at = parameters.ToArray();
        var matrix = Penalty.AddTo(Gram.Of(z, parameterCount, i =>
        {
            var p = RegressionModel.Sigmoid(RegressionModel.Polynomial(at, z[i]));
            return p * (1 - p);
        }), parameterCount, l2);
        for (var k = 0; k < matrix.Length; k++)
        {
            matrix[k] /= 2;
        }
        return matrix;
    }

    /// <summary>log(1 + e^z), without overflow.</summary>
    public static double Softplus(double z) => z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));
}
