using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Measures fitted curves as the viewer sees them, at evenly spaced x across the fit panel: how far they move
/// (the RMS of the vertical movement, in output pixels, where it is visible) and how much of them is inside the panel. A curve is
/// clamped to the panel's edges before it is compared, so movement outside the panel — a fit far off-screen,
/// or flying off — counts for nothing: pacing spends frames only on what can be seen.
/// </summary>
public sealed class CurveProbe
{
    private const int Samples = 64;
    private readonly Viewport _viewport;
    private readonly double[] _xs = new double[Samples];

    /// <summary>A probe over the visible x range of <paramref name="viewport"/>.</summary>
    public CurveProbe(Viewport viewport)
    {
        _viewport = viewport;
        for (var i = 0; i < Samples; i++)
        {
            _xs[i] = viewport.X.Min + (viewport.X.Span * i / (Samples - 1));
        }
    }

    /// <summary>Number of x positions sampled.</summary>
    public static int SampleCount => Samples;

    /// <summary>The clamped pixel rows of a curve at the sampled x positions, for repeated comparisons.</summary>
    public void Sample(RegressionModel model, ReadOnlySpan<double> parameters, Span<float> rows)
    {
        for (var i = 0; i < Samples; i++)
        {
            rows[i] = (float)Clamp(_viewport.PixelY(model.Predict(parameters, _xs[i])));
        }
    }

    /// <summary>Mean squared visible pixel movement between two parameter vectors of the same model (see <see cref="Movement"/>).</summary>
    public double SquaredDisplacement(RegressionModel model, ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        var sum = 0.0;
        foreach (var x in _xs)
        {
            sum += Squared(Clamp(_viewport.PixelY(model.Predict(from, x))), Clamp(_viewport.PixelY(model.Predict(to, x))));
        }
        return sum / Samples;
    }

    /// <summary>
    /// The visible movement between two sampled rows (of one or several curves), in pixels: the RMS over the
    /// samples of how far each moved, counting a sample only where it is inside the panel in at least one of the two
    /// (a curve off the panel in both, even on opposite sides, shows no movement).
    /// </summary>
    public double Movement(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Squared(a[i], b[i]);
        }
        return Math.Sqrt(sum / a.Length);
    }

    private double Squared(double a, double b)
    {
        var area = _viewport.Area;
        if ((a <= area.Top || a >= area.Bottom) && (b <= area.Top || b >= area.Bottom))
        {
            return 0;
        }
        return (a - b) * (a - b);
    }

    /// <summary>True when a sampled row (from <see cref="Sample"/>) shows any of the curve inside the panel, not only clamped to its edges.</summary>
    public bool AnyInside(ReadOnlySpan<float> rows)
    {
        var area = _viewport.Area;
        foreach (var y in rows)
        {
            if (y > area.Top && y < area.Bottom)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The share (0–1) of the curve, over the panel's x range, that lies inside the panel.</summary>
    public double VisibleShare(RegressionModel model, ReadOnlySpan<double> parameters)
    {
        var area = _viewport.Area;
        var inside = 0;
        foreach (var x in _xs)
        {
            var y = _viewport.PixelY(model.Predict(parameters, x));
            inside += y >= area.Top && y <= area.Bottom ? 1 : 0;
        }
        return (double)inside / Samples;
    }

    private double Clamp(float pixelY)
    {
        var area = _viewport.Area;
        return double.IsNaN(pixelY) ? area.Bottom : Math.Clamp(pixelY, area.Top, area.Bottom);
    }
}
