using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Measures fitted curves as the viewer sees them, at evenly spaced x across the fit panel: how far they move
/// (the RMS of the vertical movement, in output pixels) and how much of them is inside the panel. A curve is
/// clamped just beyond the panel's edges before it is compared, so movement far outside the panel (a diverging
/// fit far off-screen) does not count.
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

    /// <summary>Mean squared pixel movement between two parameter vectors of the same model.</summary>
    public double SquaredDisplacement(RegressionModel model, ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        var sum = 0.0;
        foreach (var x in _xs)
        {
            var d = Clamp(_viewport.PixelY(model.Predict(to, x))) - Clamp(_viewport.PixelY(model.Predict(from, x)));
            sum += d * d;
        }
        return sum / Samples;
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
        var limit = area.Height * VisibleMargin;
        return double.IsNaN(pixelY) ? area.Bottom + limit : Math.Clamp(pixelY, area.Top - limit, area.Bottom + limit);
    }

    /// <summary>How far beyond the panel, in panel heights, movement still counts; the viewer sees none of it further out.</summary>
    private const float VisibleMargin = 0.25f;
}
