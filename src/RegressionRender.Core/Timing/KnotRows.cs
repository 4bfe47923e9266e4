namespace RegressionRender.Core.Timing;

/// <summary>
/// What pacing follows (<see cref="RunClock.Sample"/>), sampled once at evenly spaced knots of the clock and kept:
/// the walks compare frames against these pixel rows instead of drawing the path again.
/// </summary>
internal sealed class KnotRows
{
    /// <summary>Most knots (their pixel rows are kept in memory).</summary>
    private const int MaxKnots = 20_000;

    /// <summary>Fewest knots: short records get several per step, since a tween's curve moves unevenly within a step.</summary>
    private const int MinKnots = 4_096;

    private readonly float[] _rows;

    public KnotRows(RunClock clock)
    {
        var count = (int)Math.Clamp(Math.Ceiling(clock.End), MinKnots, MaxKnots);
        Knots = [.. Enumerable.Range(0, count + 1).Select(i => i == count ? clock.End : clock.End * i / count)];
        Width = clock.RowLength;
        _rows = new float[Knots.Length * Width];
        for (var i = 0; i < Knots.Length; i++)
        {
            clock.Sample(Knots[i], _rows.AsSpan(i * Width, Width));
        }
    }

    /// <summary>Clock positions of the knots, from 0 to the clock's end.</summary>
    public double[] Knots { get; }

    /// <summary>Length of a row.</summary>
    public int Width { get; }

    /// <summary>The pixel row at knot <paramref name="knot"/>.</summary>
    public ReadOnlySpan<float> Row(int knot) => _rows.AsSpan(knot * Width, Width);
}
