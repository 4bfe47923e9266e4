using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Measures fitted curves as the viewer sees them across the fit panel: how far they move and how much of them is
/// inside the panel. A curve is sampled at evenly spaced x and taken as the polyline through those samples; it is
/// clamped to the panel's edges before it is compared, so movement outside the panel — a fit far off-screen, or
/// flying off — counts for nothing: pacing spends frames only on what can be seen. Both measures are exact
/// integrals over that polyline, so they change continuously with the parameters, even for a near-vertical line
/// that crosses the panel between two samples.
/// </summary>
public sealed class CurveProbe
{
    private const int Samples = 64;

    /// <summary>Sampled rows are kept within ±this many pixels (beyond, a curve is far off the panel either way).</summary>
    private const float Far = 1e30f;

    private readonly Viewport _viewport;
    private readonly double[] _xs = new double[Samples];
    private readonly double _top;
    private readonly double _bottom;

    /// <summary>A probe over the visible x range of <paramref name="viewport"/>.</summary>
    public CurveProbe(Viewport viewport)
    {
        _viewport = viewport;
        (_top, _bottom) = (viewport.Area.Top, viewport.Area.Bottom);
        for (var i = 0; i < Samples; i++)
        {
            _xs[i] = viewport.X.Min + (viewport.X.Span * i / (Samples - 1));
        }
    }

    /// <summary>Number of x positions sampled.</summary>
    public static int SampleCount => Samples;

    /// <summary>The pixel rows of a curve at the sampled x positions (not clamped; a row that is not a number counts as below the panel), for repeated comparisons.</summary>
    public void Sample(RegressionModel model, ReadOnlySpan<double> parameters, Span<float> rows)
    {
        for (var i = 0; i < Samples; i++)
        {
            var y = _viewport.PixelY(model.Predict(parameters, _xs[i]));
            rows[i] = float.IsNaN(y) ? Far : Math.Clamp(y, -Far, Far);
        }
    }

    /// <summary>Mean squared visible pixel movement between two parameter vectors of the same model (see <see cref="Movement"/>).</summary>
    public double SquaredDisplacement(RegressionModel model, ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        Span<float> a = stackalloc float[Samples];
        Span<float> b = stackalloc float[Samples];
        Sample(model, from, a);
        Sample(model, to, b);
        return SquaredMovement(a, b);
    }

    /// <summary>
    /// The visible movement between two sampled rows (of one or several curves, <see cref="SampleCount"/> each), in
    /// pixels: the root mean square, over the panel's width, of how far the clamped polyline moved, counting only
    /// where it is inside the panel in at least one of the two (a curve off the panel in both, even on opposite
    /// sides, shows no movement).
    /// </summary>
    public double Movement(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Math.Sqrt(SquaredMovement(a, b));

    private double SquaredMovement(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var start = 0; start < a.Length; start += Samples)
        {
            for (var i = start; i < start + Samples - 1; i++)
            {
                sum += SegmentSquared(a[i], a[i + 1], b[i], b[i + 1]);
            }
        }
        return sum / (a.Length / Samples * (Samples - 1));
    }

    /// <summary>∫₀¹ of the squared distance between two clamped line segments (a0→a1, b0→b1), where either is inside the panel.</summary>
    private double SegmentSquared(double a0, double a1, double b0, double b1)
    {
        if (Inside(a0) && Inside(a1) && Inside(b0) && Inside(b1))
        {
            return Squared(a0 - b0, a1 - b1);
        }
        if ((a0 <= _top && a1 <= _top && b0 <= _top && b1 <= _top) || (a0 >= _bottom && a1 >= _bottom && b0 >= _bottom && b1 >= _bottom))
        {
            return 0;
        }
        // Pieces between the points where either segment crosses an edge: on each, both clamped segments are straight.
        Span<double> cuts = stackalloc double[6];
        var count = 0;
        cuts[count++] = 0;
        foreach (var (from, to) in (ReadOnlySpan<(double, double)>)[(a0, a1), (b0, b1)])
        {
            foreach (var edge in (ReadOnlySpan<double>)[_top, _bottom])
            {
                var s = (edge - from) / (to - from);
                if (s > 0 && s < 1)
                {
                    cuts[count++] = s;
                }
            }
        }
        cuts[count++] = 1;
        cuts[..count].Sort();
        var sum = 0.0;
        for (var k = 0; k + 1 < count; k++)
        {
            var (s0, s1) = (cuts[k], cuts[k + 1]);
            if (s1 <= s0)
            {
                continue;
            }
            var middle = (s0 + s1) / 2;
            if (!Inside(a0 + ((a1 - a0) * middle)) && !Inside(b0 + ((b1 - b0) * middle)))
            {
                continue;
            }
            var d0 = Clamp(a0 + ((a1 - a0) * s0)) - Clamp(b0 + ((b1 - b0) * s0));
            var d1 = Clamp(a0 + ((a1 - a0) * s1)) - Clamp(b0 + ((b1 - b0) * s1));
            sum += (s1 - s0) * Squared(d0, d1);
        }
        return sum;
    }

    /// <summary>∫₀¹ (d0 + (d1 − d0)s)² ds.</summary>
    private static double Squared(double d0, double d1) => ((d0 * d0) + (d0 * d1) + (d1 * d1)) / 3;

    /// <summary>A sampled row clamped to the panel: where the viewer sees that sample of the curve.</summary>
    public double Clamp(double row) => Math.Clamp(row, _top, _bottom);

    private bool Inside(double row) => row > _top && row < _bottom;

    /// <summary>True when a sampled row (from <see cref="Sample"/>) shows any of the curve inside the panel, not only clamped to its edges.</summary>
    public bool AnyInside(ReadOnlySpan<float> rows) => InsideShare(rows) > 0;

    /// <summary>The share (0–1) of the curve, over the panel's x range, that lies inside the panel (its edges included).</summary>
    public double VisibleShare(RegressionModel model, ReadOnlySpan<double> parameters)
    {
        Span<float> rows = stackalloc float[Samples];
        Sample(model, parameters, rows);
        return InsideShare(rows);
    }

    /// <summary>The share of the x range over which the polylines through the rows (of one or several curves) are inside the panel.</summary>
    private double InsideShare(ReadOnlySpan<float> rows)
    {
        var inside = 0.0;
        for (var i = 0; i + 1 < rows.Length; i++)
        {
            if (i % Samples == Samples - 1)
            {
                continue;
            }
            double y0 = rows[i], y1 = rows[i + 1];
            if (y0 >= _top && y0 <= _bottom && y1 >= _top && y1 <= _bottom)
            {
                inside += 1;
                continue;
            }
            if (y0 == y1)
            {
                continue;
            }
            // The part of the segment between the edges: s where top < y0 + (y1 − y0)s < bottom.
            var (sTop, sBottom) = ((_top - y0) / (y1 - y0), (_bottom - y0) / (y1 - y0));
            var (low, high) = (Math.Max(0, Math.Min(sTop, sBottom)), Math.Min(1, Math.Max(sTop, sBottom)));
            inside += Math.Max(0, high - low);
        }
        return inside / (rows.Length / Samples * (Samples - 1));
    }
}
