namespace RegressionRender.Core.Timing;

/// <summary>
/// The trend the walk follows (<see cref="TrendWalk"/>): the drawn path (sampled at the clock's knots) averaged over
/// a window of a few frames' worth of steps (<see cref="TrendWindow"/>), pulled onto the record's first and last
/// steps, and the knots at which frames reach equal shares of its on-screen length, shaped by the easing.
/// </summary>
internal sealed class TrendPath
{
    /// <summary>Rounds settling a window that follows the frames and the pacing together.</summary>
    private const int WindowRounds = 3;

    private readonly RunClock _clock;
    private readonly KnotRows _path;
    private readonly double[] _sums;
    private readonly int _width;
    private readonly int _last;

    public TrendPath(RunClock clock, KnotRows path)
    {
        _clock = clock;
        _path = path;
        _width = path.Width;
        _last = path.Knots.Length - 1;
        _sums = new double[(path.Knots.Length + 1) * _width];
        for (var i = 0; i < path.Knots.Length; i++)
        {
            var row = path.Row(i);
            for (var s = 0; s < _width; s++)
            {
                _sums[((i + 1) * _width) + s] = _sums[(i * _width) + s] + clock.Probe.Clamp(row[s]);
            }
        }
    }

    /// <summary>
    /// The trend's rows (knot by knot), each frame's goal (the fractional knot where the trend's length reaches the
    /// frame's eased share of it; the first 0, the last the final knot) and the trend's whole length; null when the
    /// trend does not visibly move.
    /// </summary>
    public (float[] Trend, double[] Goal, double Total)? Settle(IReadOnlyList<double> progress, TrendWindow window)
    {
        var n = progress.Count;
        // Round 0: the window's frames' worth of steps as if frames were spaced evenly; for a window that follows
        // the frames, then as the pacing spaced them.
        var half = new double[_last + 1];
        Array.Fill(half, window.Frames / 2 * _last / (n - 1));
        float[] trend = [];
        double[] goal = [];
        var total = 0.0;
        for (var round = 0; round < (window.FollowsFrames ? WindowRounds : 1); round++)
        {
            trend = Trend(half);
            var length = Length(trend);
            total = length[^1];
            if (total <= 1e-6)
            {
                return null;
            }
            goal = [.. progress.Select(p => KnotAtLength(length, p * total))];
            goal[0] = 0;
            goal[^1] = _last;
            if (window.FollowsFrames)
            {
                Spacing(goal, half, window.Frames);
            }
        }
        return (trend, goal, total);
    }

    /// <summary>
    /// Every knot's trend row: the mean of the rows within its half-window (cut off at the record's ends), pulled
    /// onto the first and the last step over the first and the last window so that it starts and ends on the record.
    /// </summary>
    private float[] Trend(double[] half)
    {
        var trend = new float[(_last + 1) * _width];
        for (var i = 0; i <= _last; i++)
        {
            var h = (int)Math.Round(half[i]);
            var (lo, hi) = (Math.Max(0, i - h), Math.Min(_last, i + h) + 1);
            var row = trend.AsSpan(i * _width, _width);
            for (var s = 0; s < _width; s++)
            {
                row[s] = (float)((_sums[(hi * _width) + s] - _sums[(lo * _width) + s]) / (hi - lo));
            }
        }
        PullOnto(trend, 0, half[0]);
        PullOnto(trend, _last, half[_last]);
        return trend;
    }

    /// <summary>Shifts the trend near knot <paramref name="end"/> by a smoothly fading share of its gap to the record there.</summary>
    private void PullOnto(float[] trend, int end, double reach)
    {
        var gap = new float[_width];
        for (var s = 0; s < _width; s++)
        {
            gap[s] = Row(end)[s] - TrendRow(trend, end)[s];
        }
        var span = Math.Max(1, 2 * reach);
        for (var i = 0; i <= _last && Math.Abs(i - end) < span; i++)
        {
            var t = 1 - (Math.Abs(i - end) / span);
            var weight = (float)(t * t * (3 - (2 * t)));
            var row = trend.AsSpan(i * _width, _width);
            for (var s = 0; s < _width; s++)
            {
                row[s] += weight * gap[s];
            }
        }
    }

    /// <summary>The cumulative on-screen length of the trend over the knots.</summary>
    private double[] Length(float[] trend)
    {
        var length = new double[_last + 1];
        for (var i = 1; i <= _last; i++)
        {
            length[i] = length[i - 1] + _clock.Distance(TrendRow(trend, i - 1), TrendRow(trend, i));
        }
        return length;
    }

    /// <summary>Each knot's half-window: the window's frames / 2 × the knots per frame where the frames fall.</summary>
    private void Spacing(double[] goal, double[] half, double frames)
    {
        var frame = 0;
        for (var i = 0; i <= _last; i++)
        {
            while (frame < goal.Length - 2 && goal[frame + 1] <= i)
            {
                frame++;
            }
            half[i] = Math.Max(0.5, frames / 2 * (goal[frame + 1] - goal[frame]));
        }
        // Window edges only move forward: a wide window (noise) never reaches back over a narrow one (descent).
        half[0] = Math.Min(half[0], 1);
        for (var i = 1; i < half.Length; i++)
        {
            half[i] = Math.Min(half[i], half[i - 1] + 1);
        }
        for (var i = half.Length - 2; i >= 0; i--)
        {
            half[i] = Math.Min(half[i], half[i + 1] + 1);
        }
    }

    /// <summary>The trend at fractional knot <paramref name="knot"/>, interpolated between its knots.</summary>
    public void At(float[] trend, double knot, float[] destination)
    {
        var i = Math.Min((int)Math.Floor(knot), _last - 1);
        var f = (float)Math.Clamp(knot - i, 0, 1);
        var a = TrendRow(trend, i);
        var b = TrendRow(trend, i + 1);
        for (var s = 0; s < _width; s++)
        {
            destination[s] = a[s] + (f * (b[s] - a[s]));
        }
    }

    /// <summary>The fractional knot where the cumulative <paramref name="length"/> reaches <paramref name="value"/>.</summary>
    private static double KnotAtLength(double[] length, double value)
    {
        var (segment, fraction) = VisibleMovement.Locate(length, value);
        return segment + fraction;
    }

    private ReadOnlySpan<float> TrendRow(float[] trend, int knot) => trend.AsSpan(knot * _width, _width);

    private ReadOnlySpan<float> Row(int knot) => _path.Row(knot);
}

/// <summary>
/// The trend walk's window: <paramref name="Frames"/> frames' worth of steps, either where the frames fall
/// (<paramref name="FollowsFrames"/>: narrow where frames bunch, as in a deterministic fit's descent and its spikes;
/// settled with the pacing in a few rounds) or as if they were spaced evenly in steps, the same all along the run (for
/// steady noise: a window that followed the frames would feed back into them, a stretch given few frames getting a
/// wider window, a flatter trend and fewer frames still, so that the epochs would race through the noise and crawl
/// at the end).
/// </summary>
internal readonly record struct TrendWindow(double Frames, bool FollowsFrames);
