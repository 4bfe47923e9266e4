using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Measures how far fitted curves move on screen: the RMS, over evenly spaced x across the fit panel, of the
/// vertical movement in output pixels. Curves outside the panel are clamped just beyond its edges, so movement the viewer
/// cannot see (a diverging fit far off-screen) does not count.
/// </summary>
public sealed class CurveProbe
{
    private const int Samples = 64;

    /// <summary>How far beyond the panel, in panel heights, movement still counts; the viewer sees none of it further out.</summary>
    private const float VisibleMargin = 0.25f;
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

    /// <summary>RMS pixel movement between two parameter vectors of the same model.</summary>
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

    private double Clamp(float pixelY)
    {
        var limit = _viewport.Area.Height * VisibleMargin;
        return double.IsNaN(pixelY) ? _viewport.Area.Bottom + limit : Math.Clamp(pixelY, _viewport.Area.Top - limit, _viewport.Area.Bottom + limit);
    }
}
