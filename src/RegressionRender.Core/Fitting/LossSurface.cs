using RegressionRender.Core.Data;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Fitting;

/// <summary>
/// The loss of a 2-parameter model over a grid of (intercept, slope), computed once per video for the surface
/// panel's contour. The same loss the record holds: MSE or mean log-loss, plus the fit's l2 penalty.
/// </summary>
public static class LossSurface
{
    /// <summary>Loss at the centre of each cell of a <paramref name="columns"/> × <paramref name="rows"/> grid over the viewport, row 0 at the top.</summary>
    public static float[] Compute(Dataset data, FitRecordInfo fit, Viewport viewport, int columns, int rows)
    {
        var coordinates = new SurfaceCoordinates(fit.Scaling);
        return Compute(data, fit, viewport, columns, rows, coordinates);
    }

    private static float[] Compute(Dataset data, FitRecordInfo fit, Viewport viewport, int columns, int rows, SurfaceCoordinates coordinates)
    {
        var values = new float[columns * rows];
        var n = data.Count;
        // Squared loss is a quadratic in (a, b): five sums make each cell O(1).
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += data.X[i];
            sy += data.Y[i];
            sxx += data.X[i] * data.X[i];
            sxy += data.X[i] * data.Y[i];
            syy += data.Y[i] * data.Y[i];
        }
        Parallel.For(0, rows, row =>
        {
            var b = viewport.Y.Max - ((row + 0.5) * viewport.Y.Span / rows);
            for (var column = 0; column < columns; column++)
            {
                var a = viewport.X.Min + ((column + 0.5) * viewport.X.Span / columns);
                var (intercept, slope) = coordinates.ToModel(a, b);
                double loss;
                if (fit.Model.IsLogistic)
                {
                    loss = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var logit = intercept + (slope * data.X[i]);
                        loss += (logit > 0 ? logit + double.LogP1(Math.Exp(-logit)) : double.LogP1(Math.Exp(logit))) - (data.Y[i] * logit);
                    }
                    loss /= n;
                }
                else
                {
                    loss = (syy - (2 * intercept * sy) - (2 * slope * sxy) + (n * intercept * intercept) + (2 * intercept * slope * sx) + (slope * slope * sxx)) / n;
                }
                // The penalty is on the slope in the optimizer's (possibly standardized) units.
                var weight = slope * fit.Scaling.Scale;
                loss += fit.L2 * weight * weight * (fit.Model.IsLogistic ? 0.5 : 1);
                values[(row * columns) + column] = (float)Math.Max(loss, 0);
            }
        });
        return values;
    }
}
