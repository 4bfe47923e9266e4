namespace RegressionRender.Core.Fitting;

/// <summary>
/// Least squares: the recorded loss is mean(residual²) + λ‖w‖² (the intercept is not penalised); optimizers
/// follow the gradient of half of it, so that one per-sample SGD step is exactly <c>θ += lr·err·φ(x)</c>.
/// </summary>
internal sealed class SquaredLoss(double[] z, double[] y, int parameterCount, double l2) : IObjective
{
    public int Count => z.Length;

    public double Loss(ReadOnlySpan<double> parameters)
    {
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            var residual = y[i] - RegressionModel.Polynomial(parameters, z[i]);
            sum += residual * residual;
        }
        return (sum / z.Length) + Penalty.Of(parameters, l2);
    }

    public (double Loss, double Slope) LossAndSlope(ReadOnlySpan<double> parameters, ReadOnlySpan<double> direction)
    {
        var (sum, slope) = (0.0, 0.0);
        for (var i = 0; i < z.Length; i++)
        {
            var residual = y[i] - RegressionModel.Polynomial(parameters, z[i]);
            sum += residual * residual;
            slope -= 2 * residual * RegressionModel.Polynomial(direction, z[i]);
        }
        return ((sum / z.Length) + Penalty.Of(parameters, l2), (slope / z.Length) + (2 * Penalty.Slope(parameters, direction, l2)));
    }

    public void Gradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        gradient.Clear();
        foreach (var i in batch)
        {
            var residual = y[i] - RegressionModel.Polynomial(parameters, z[i]);
            var feature = 1.0;
            for (var k = 0; k < parameterCount; k++)
            {
                gradient[k] -= residual * feature;
                feature *= z[i];
            }
        }
        for (var k = 0; k < parameterCount; k++)
        {
            gradient[k] = (gradient[k] / batch.Length) + (k > 0 ? l2 * parameters[k] : 0);
        }
    }

    /// <summary>(1/n)·ZᵀZ + λ·D (D = identity without the intercept): MSE is exactly quadratic.</summary>
    public double[] HalfHessian(ReadOnlySpan<double> parameters) => Penalty.AddTo(Gram.Of(z, parameterCount, _ => 1.0), parameterCount, l2);
}

/// <summary>The l2 penalty λ‖w‖² over every parameter but the intercept.</summary>
internal static class Penalty
{
    /// <summary>Adds <paramref name="weight"/> to every diagonal entry of <paramref name="matrix"/> but the intercept's.</summary>
    public static double[] AddTo(double[] matrix, int parameterCount, double weight)
    {
        for (var k = 1; k < parameterCount; k++)
        {
            matrix[(k * parameterCount) + k] += weight;
        }
        return matrix;
    }

    public static double Of(ReadOnlySpan<double> parameters, double l2)
    {
        if (l2 == 0)
        {
            return 0;
        }
        var sum = 0.0;
        for (var k = 1; k < parameters.Length; k++)
        {
            sum += parameters[k] * parameters[k];
        }
        return l2 * sum;
    }

    /// <summary>Half the rate of change of <see cref="Of"/> along <paramref name="direction"/>: λ·Σ w·d over every parameter but the intercept.</summary>
    public static double Slope(ReadOnlySpan<double> parameters, ReadOnlySpan<double> direction, double l2)
    {
        var sum = 0.0;
        for (var k = 1; k < parameters.Length && l2 != 0; k++)
        {
            sum += parameters[k] * direction[k];
        }
        return l2 * sum;
    }
}

/// <summary>The weighted Gram matrix (1/n)·Σ w(i)·φ(z_i)φ(z_i)ᵀ of the polynomial features, row-major.</summary>
internal static class Gram
{
    public static double[] Of(double[] z, int parameterCount, Func<int, double> weight)
    {
        var p = parameterCount;
        var matrix = new double[p * p];
        var features = new double[p];
        for (var i = 0; i < z.Length; i++)
        {
            var feature = 1.0;
            for (var k = 0; k < p; k++)
            {
                features[k] = feature;
                feature *= z[i];
            }
            var w = weight(i) / z.Length;
            for (var j = 0; j < p; j++)
            {
                for (var k = 0; k < p; k++)
                {
                    matrix[(j * p) + k] += w * features[j] * features[k];
                }
            }
        }
        return matrix;
    }
}
