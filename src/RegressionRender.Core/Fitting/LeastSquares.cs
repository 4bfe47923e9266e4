namespace RegressionRender.Core.Fitting;

/// <summary>
/// The closed-form least-squares optimum by Householder QR of the column-scaled design matrix — stable where
/// the normal equations lose half the digits (high-degree polynomials on raw x). Ridge (l2) is solved the same
/// way, as least squares on the design augmented with √(nλ)·I rows for every parameter but the intercept.
/// </summary>
public static class LeastSquares
{
    /// <summary>The θ minimising mean((y − f(x))²) + λ‖w‖², or null when it is not unique (too few distinct x).</summary>
    public static double[]? Solve(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int parameterCount, double l2 = 0)
    {
        var samples = xs.Count;
        var p = parameterCount;
        var n = samples + (l2 > 0 ? p - 1 : 0);
        if (n < p)
        {
            return null;
        }
        var a = new double[n, p];
        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                a[i, j] = i < samples ? Math.Pow(xs[i], j) : (i - samples + 1 == j ? Math.Sqrt(samples * l2) : 0);
                norm += a[i, j] * a[i, j];
            }
            scale[j] = norm > 0 ? Math.Sqrt(norm) : 1;
            for (var i = 0; i < n; i++)
            {
                a[i, j] /= scale[j];
            }
        }
        var b = new double[n];
        for (var i = 0; i < samples; i++)
        {
            b[i] = ys[i];
        }
        var diagonal = new double[p];
        for (var k = 0; k < p; k++)
        {
            var norm = 0.0;
            for (var i = k; i < n; i++)
            {
                norm += a[i, k] * a[i, k];
            }
            norm = Math.Sqrt(norm);
            if (norm < 1e-12)
            {
                return null;
            }
            var alpha = a[k, k] > 0 ? -norm : norm;
            // v = a[k..n, k] − alpha·e1, stored in place; H = I − 2vvᵀ/vᵀv.
            a[k, k] -= alpha;
            var vv = 0.0;
            for (var i = k; i < n; i++)
            {
                vv += a[i, k] * a[i, k];
            }
            for (var j = k + 1; j < p; j++)
            {
                Reflect(a, k, n, vv, i => a[i, j], (i, value) => a[i, j] = value);
            }
            Reflect(a, k, n, vv, i => b[i], (i, value) => b[i] = value);
            diagonal[k] = alpha;
        }
        var theta = new double[p];
        for (var k = p - 1; k >= 0; k--)
        {
            var sum = b[k];
            for (var j = k + 1; j < p; j++)
            {
                sum -= a[k, j] * theta[j];
            }
            theta[k] = sum / diagonal[k];
        }
        if (Math.Abs(diagonal[p - 1]) < 1e-10 * Math.Abs(diagonal[0]))
        {
            return null;
        }
        for (var j = 0; j < p; j++)
        {
            theta[j] /= scale[j];
        }
        return theta.All(double.IsFinite) ? theta : null;
    }

    /// <summary>
    /// One θ minimising mean((y − f(x))²) when the minimiser is not unique (fewer distinct x values than parameters):
    /// the polynomial of degree d − 1 through the mean y at each of the d distinct x values, its higher coefficients 0.
    /// Every minimiser fits those means exactly, so all have the same loss; the fitted steps' distance from any one of
    /// them measures how much worse than the optimum they fit. Null when the minimiser is unique (use <see cref="Solve"/>).
    /// </summary>
    public static double[]? AnyMinimizer(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int parameterCount)
    {
        var means = xs.Zip(ys).GroupBy(point => point.First).Select(g => (X: g.Key, Y: g.Average(point => point.Second))).ToList();
        if (means.Count >= parameterCount || Solve([.. means.Select(m => m.X)], [.. means.Select(m => m.Y)], means.Count) is not { } exact)
        {
            return null;
        }
        var theta = new double[parameterCount];
        exact.CopyTo(theta, 0);
        return theta;
    }

    private static void Reflect(double[,] a, int k, int n, double vv, Func<int, double> get, Action<int, double> set)
    {
        var dot = 0.0;
        for (var i = k; i < n; i++)
        {
            dot += a[i, k] * get(i);
        }
        var factor = 2 * dot / vv;
        for (var i = k; i < n; i++)
        {
            set(i, get(i) - (factor * a[i, k]));
        }
    }
}
