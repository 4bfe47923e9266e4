namespace RegressionRender.Core.Fitting;

/// <summary>
/// The optimum of logistic regression by Newton's method (IRLS) to convergence. Perfectly separable classes
/// have no finite optimum without l2: the weights grow without bound, which is reported instead of a target.
/// </summary>
public static class LogisticNewton
{
    /// <summary>The minimiser of mean log-loss + (λ/2)‖w‖², or null with the reason when there is none.</summary>
    public static (double[]? Optimum, string? Reason) Solve(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int parameterCount, double l2 = 0)
    {
        if (l2 == 0 && parameterCount == 2 && Separable(xs, ys))
        {
            return (null, "the classes are perfectly separable, so the log-loss has no finite minimum (the sigmoid only gets steeper)");
        }
        var p = parameterCount;
        var n = xs.Count;
        var theta = new double[p];
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var gradient = new double[p];
            var hessian = new double[p, p];
            var features = new double[p];
            for (var i = 0; i < n; i++)
            {
                var feature = 1.0;
                for (var k = 0; k < p; k++)
                {
                    features[k] = feature;
                    feature *= xs[i];
                }
                var probability = RegressionModel.Sigmoid(RegressionModel.Polynomial(theta, xs[i]));
                var weight = probability * (1 - probability);
                for (var j = 0; j < p; j++)
                {
                    gradient[j] += (probability - ys[i]) * features[j] / n;
                    for (var k = 0; k < p; k++)
                    {
                        hessian[j, k] += weight * features[j] * features[k] / n;
                    }
                }
            }
            for (var k = 1; k < p; k++)
            {
                gradient[k] += l2 * theta[k];
                hessian[k, k] += l2;
            }
            var step = LinearSolve(hessian, gradient);
            if (step is null || !step.All(double.IsFinite))
            {
                return (null, "the log-loss has no finite minimum (the Newton system became singular)");
            }
            var size = 0.0;
            for (var k = 0; k < p; k++)
            {
                theta[k] -= step[k];
                size = Math.Max(size, Math.Abs(step[k]) / (1 + Math.Abs(theta[k])));
            }
            if (theta.Any(t => Math.Abs(t) > 1e8))
            {
                return (null, "the classes are separable, so the log-loss has no finite minimum (the weights grow without bound)");
            }
            if (size < 1e-13)
            {
                return (theta, null);
            }
        }
        return (theta, null);
    }

    /// <summary>True when one threshold on x splits the classes perfectly.</summary>
    public static bool Separable(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        double min0 = double.MaxValue, max0 = double.MinValue, min1 = double.MaxValue, max1 = double.MinValue;
        for (var i = 0; i < xs.Count; i++)
        {
            if (ys[i] > 0.5)
            {
                (min1, max1) = (Math.Min(min1, xs[i]), Math.Max(max1, xs[i]));
            }
            else
            {
                (min0, max0) = (Math.Min(min0, xs[i]), Math.Max(max0, xs[i]));
            }
        }
        return max0 < min1 || max1 < min0;
    }

    /// <summary>Solves A·x = b by Gaussian elimination with partial pivoting (A is small).</summary>
    internal static double[]? LinearSolve(double[,] matrix, double[] rhs)
    {
        var n = rhs.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(a[pivot, column]) < 1e-300)
            {
                return null;
            }
            if (pivot != column)
            {
                for (var k = 0; k < n; k++)
                {
                    (a[column, k], a[pivot, k]) = (a[pivot, k], a[column, k]);
                }
                (b[column], b[pivot]) = (b[pivot], b[column]);
            }
            for (var row = column + 1; row < n; row++)
            {
                var factor = a[row, column] / a[column, column];
                for (var k = column; k < n; k++)
                {
                    a[row, k] -= factor * a[column, k];
                }
                b[row] -= factor * b[column];
            }
        }
        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * x[k];
            }
            x[row] = sum / a[row, row];
        }
        return x;
    }
}
