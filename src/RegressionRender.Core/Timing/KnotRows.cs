namespace RegressionRender.Core.Timing;

/// <summary>
/// What pacing follows (<see cref="RunClock.Sample"/>), sampled once at knots of the clock and kept: the walks
/// compare frames against these pixel rows instead of drawing the path again. The knots are evenly spaced, and
/// closer where the curves move much between two of them.
/// </summary>
internal sealed class KnotRows
{
    /// <summary>Most knots (their pixel rows are kept in memory).</summary>
    private const int MaxKnots = 20_000;

    /// <summary>Fewest knots: short records get several per step, since a tween's curve moves unevenly within a step.</summary>
    private const int MinKnots = 4_096;

    /// <summary>No knot interval moves more than this share of the whole path: a single step that carries much of the motion (a spike, a flight) gets knots of its own.</summary>
    private const double FinestShare = 1.0 / 2_000;

    private readonly float[] _rows;

    public KnotRows(RunClock clock)
    {
        var count = (int)Math.Clamp(Math.Ceiling(clock.End), MinKnots, MaxKnots);
        Width = clock.RowLength;
        var even = Enumerable.Range(0, count + 1).Select(i => i == count ? clock.End : clock.End * i / count).ToArray();
        var rows = Sample(clock, even);
        // Where one interval moves more than the finest share, it is cut into enough equal parts (one pass: the parts
        // of a curve that moves evenly within its interval then each move about that share).
        var moves = new double[count];
        for (var i = 0; i < count; i++)
        {
            moves[i] = clock.Distance(rows.AsSpan(i * Width, Width), rows.AsSpan((i + 1) * Width, Width));
        }
        var finest = moves.Sum() * FinestShare;
        var parts = moves.Select(move => finest > 0 ? (int)Math.Min(Math.Ceiling(move / finest), MaxKnots / 10) : 1).ToArray();
        if (parts.All(p => p <= 1))
        {
            (Knots, _rows) = (even, rows);
            return;
        }
        // The even knots keep their rows; only the new ones in between are sampled.
        Knots = new double[parts.Sum(p => Math.Max(1, p)) + 1];
        _rows = new float[Knots.Length * Width];
        var at = 0;
        for (var i = 0; i <= count; i++, at++)
        {
            Knots[at] = even[i];
            rows.AsSpan(i * Width, Width).CopyTo(_rows.AsSpan(at * Width, Width));
            for (var p = 1; i < count && p < parts[i]; p++)
            {
                at++;
                Knots[at] = even[i] + ((even[i + 1] - even[i]) * p / parts[i]);
                clock.Sample(Knots[at], _rows.AsSpan(at * Width, Width));
            }
        }
    }

    private float[] Sample(RunClock clock, double[] knots)
    {
        var rows = new float[knots.Length * Width];
        for (var i = 0; i < knots.Length; i++)
        {
            clock.Sample(knots[i], rows.AsSpan(i * Width, Width));
        }
        return rows;
    }

    /// <summary>Clock positions of the knots, from 0 to the clock's end.</summary>
    public double[] Knots { get; }

    /// <summary>Length of a row.</summary>
    public int Width { get; }

    /// <summary>The pixel row at knot <paramref name="knot"/>.</summary>
    public ReadOnlySpan<float> Row(int knot) => _rows.AsSpan(knot * Width, Width);
}
