using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Measures fitted curves as the viewer sees them across the fit panel: how far they move and how much of them is
/// inside the panel. A curve is sampled at evenly spaced x and taken as the polyline through those samples. Where it
/// is inside the panel in both of two frames, it moves by their distance; where in only one, by its distance to the
/// panel's nearest edge (it is seen to enter or leave there); where in neither, not at all: movement outside the
/// panel — a fit far off-screen, or flying off — counts for nothing, and pacing spends frames only on what can be
/// seen. Both measures are exact integrals over that polyline, so they change continuously with the parameters,
/// even for a near-vertical line that crosses the panel between two samples.
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
    /// pixels: the root mean square, over the panel's width, of how far the polyline moved where it is inside the
    /// panel in both, or to the nearest edge where it is inside in one (a curve off the panel in both, even on
    /// opposite sides, shows no movement).
    /// </summary>
    public double Movement(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Math.Sqrt(SquaredMovement(a, b));

    private double SquaredMovement(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        // Segments with all four ends inside (the usual case) add (d0² + d0·d1 + d1²) / 3, summed here without the /3.
        var (top, bottom) = (_top, _bottom);
        var inside = 0.0;
        var clamped = 0.0;
        for (var start = 0; start < a.Length; start += Samples)
        {
            double previous = a[start] - b[start];
            var wasInside = a[start] >= top && a[start] <= bottom && b[start] >= top && b[start] <= bottom;
            for (var i = start + 1; i < start + Samples; i++)
            {
                double ai = a[i], bi = b[i];
                var d = ai - bi;
                var isInside = ai >= top && ai <= bottom && bi >= top && bi <= bottom;
                if (isInside && wasInside)
                {
                    inside += (previous * previous) + (previous * d) + (d * d);
                }
                else
                {
                    clamped += SegmentSquared(a[i - 1], ai, b[i - 1], bi);
                }
                (previous, wasInside) = (d, isInside);
            }
        }
        return ((inside / 3) + clamped) / (a.Length / Samples * (Samples - 1));
    }

    /// <summary>
    /// ∫₀¹ of the squared movement between two line segments (a0→a1, b0→b1), for segments not both inside the panel:
    /// where both are inside, their distance; where only one is, its distance to the panel's nearest edge (a curve
    /// that enters or leaves the panel between two frames is seen to come in or go out there, whichever side the
    /// other frame's curve lies: a sliver of a line vanishing at the bottom while the next frame's line lies above
    /// the top moves by the sliver's depth, not by the panel's height); where neither is, nothing.
    /// </summary>
    private double SegmentSquared(double a0, double a1, double b0, double b1)
    {
        var (top, bottom) = (_top, _bottom);
        if ((a0 <= top && a1 <= top && b0 <= top && b1 <= top) || (a0 >= bottom && a1 >= bottom && b0 >= bottom && b1 >= bottom))
        {
            return 0;
        }
        // Pieces between the points where either segment crosses an edge or the panel's middle: on each, both are
        // inside or outside throughout, and each inside one's nearest edge is the same edge, so the movement is straight.
        Span<double> cuts = stackalloc double[8];
        var count = 0;
        cuts[count++] = 0;
        AddCrossings(a0, a1, cuts, ref count);
        AddCrossings(b0, b1, cuts, ref count);
        cuts[count++] = 1;
        for (var i = 2; i < count - 1; i++)
        {
            // Insertion sort of the (at most six) crossings.
            for (var j = i; j > 1 && cuts[j] < cuts[j - 1]; j--)
            {
                (cuts[j], cuts[j - 1]) = (cuts[j - 1], cuts[j]);
            }
        }
        var sum = 0.0;
        var (da, db) = (a1 - a0, b1 - b0);
        for (var k = 0; k + 1 < count; k++)
        {
            var (s0, s1) = (cuts[k], cuts[k + 1]);
            if (!(s1 > s0))
            {
                continue;
            }
            var middle = (s0 + s1) / 2;
            var (aIn, bIn) = (Inside(a0 + (da * middle)), Inside(b0 + (db * middle)));
            if (aIn || bIn)
            {
                sum += (s1 - s0) * Squared(Moved(s0), Moved(s1));
            }

            // The movement at s on this piece.
            double Moved(double s)
            {
                var (a, b) = (a0 + (da * s), b0 + (db * s));
                return aIn && bIn ? a - b : aIn ? a - NearestEdge(a0 + (da * middle)) : b - NearestEdge(b0 + (db * middle));
            }
        }
        return sum;
    }

    /// <summary>The panel edge (top or bottom row) nearest to a row inside the panel.</summary>
    private double NearestEdge(double row) => row < (_top + _bottom) / 2 ? _top : _bottom;

    /// <summary>Adds the fractions (strictly between 0 and 1) at which the segment from y0 to y1 crosses the panel's top, middle or bottom.</summary>
    private void AddCrossings(double y0, double y1, Span<double> cuts, ref int count)
    {
        if (y0 == y1)
        {
            return;
        }
        foreach (var level in (ReadOnlySpan<double>)[_top, (_top + _bottom) / 2, _bottom])
        {
            var at = (level - y0) / (y1 - y0);
            if (at > 0 && at < 1)
            {
                cuts[count++] = at;
            }
        }
    }

    /// <summary>∫₀¹ (d0 + (d1 − d0)s)² ds.</summary>
    private static double Squared(double d0, double d1) => ((d0 * d0) + (d0 * d1) + (d1 * d1)) / 3;

    /// <summary>A sampled row clamped to the panel: where the viewer sees that sample of the curve.</summary>
    public double Clamp(double row) => Math.Clamp(row, _top, _bottom);

    private bool Inside(double row) => row > _top && row < _bottom;

    /// <summary>
    /// True when the movement from <paramref name="before"/> to <paramref name="now"/> and on to <paramref name="after"/>
    /// (sampled rows of the same curves) turns back by more than 120° (<see cref="Smoothness.ReversalCosine"/>), both
    /// moves at least <see cref="Smoothness.ReversalPixels"/>, as seen inside the panel: the frame in the middle reverses.
    /// </summary>
    public bool Reverses(ReadOnlySpan<float> before, ReadOnlySpan<float> now, ReadOnlySpan<float> after)
    {
        double dot = 0, into = 0, outOf = 0;
        for (var s = 0; s < now.Length; s++)
        {
            var a = Clamp(now[s]) - Clamp(before[s]);
            var b = Clamp(after[s]) - Clamp(now[s]);
            (dot, into, outOf) = (dot + (a * b), into + (a * a), outOf + (b * b));
        }
        var floor = Smoothness.ReversalPixels * Smoothness.ReversalPixels * now.Length;
        return into >= floor && outOf >= floor && dot < Smoothness.ReversalCosine * Math.Sqrt(into * outOf);
    }

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
