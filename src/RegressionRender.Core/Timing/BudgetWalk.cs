namespace RegressionRender.Core.Timing;

/// <summary>
/// Visual pacing as one walk along the clock. What pacing follows (<see cref="RunClock.Sample"/>: each fit's
/// drawn path, or a stochastic fit's trend) has a length on screen, the sum of its pixel movements over fine
/// knots. Frame by frame, the walk hands the next frame its share of the length still ahead — its easing speed
/// over the speeds of the frames left — and places it at the first position where the curves have moved that many
/// pixels *as seen from the previous frame* (a chord, not the arc: a frame straddling a reversal still moves as
/// much as its neighbours). Budgeting from what is left keeps the walk on time whatever the path does; one factor
/// c ≤ 1 on every share, the largest that does not reach the end before the last frame, lands the last frame on
/// the final step.
/// </summary>
internal sealed class BudgetWalk
{
    /// <summary>Rounds of bisection on the share factor.</summary>
    private const int FactorRounds = 12;

    /// <summary>Rounds of bisection between two knots when placing a frame.</summary>
    private const int PlaceRounds = 10;

    private readonly RunClock _clock;
    private readonly KnotRows _path;
    private readonly double[] _knots;
    private readonly double[] _length;
    private readonly int _width;
    private readonly double _reach;

    private BudgetWalk(RunClock clock, double reach)
    {
        _clock = clock;
        _reach = reach;
        _path = new KnotRows(clock);
        _knots = _path.Knots;
        _width = _path.Width;
        _length = new double[_knots.Length];
        for (var i = 1; i < _knots.Length; i++)
        {
            _length[i] = _length[i - 1] + _clock.Distance(Row(i - 1), Row(i));
        }
    }

    /// <summary>Frame positions for cumulative eased progress (first 0, last 1), or null when nothing visibly moves.</summary>
    public static double[]? Positions(IReadOnlyList<double> progress, RunClock clock, double reach)
    {
        if (clock.End <= 0)
        {
            return null;
        }
        var walk = new BudgetWalk(clock, reach);
        if (walk._length[^1] <= 1e-6)
        {
            return null;
        }
        var (best, early) = walk.Walk(progress, 1);
        if (early)
        {
            double low = 0, high = 1;
            best = null;
            for (var round = 0; round < FactorRounds; round++)
            {
                var middle = (low + high) / 2;
                (var positions, early) = walk.Walk(progress, middle);
                if (early)
                {
                    high = middle;
                }
                else
                {
                    (low, best) = (middle, positions);
                }
            }
            best ??= walk.Walk(progress, low).Positions;
        }
        best[^1] = clock.End;
        return best;
    }

    /// <summary>Frame positions with every share scaled by <paramref name="factor"/>, and whether the end came before the last frame.</summary>
    private (double[] Positions, bool Early) Walk(IReadOnlyList<double> progress, double factor)
    {
        var n = progress.Count;
        var positions = new double[n];
        var from = new float[_width];
        var probe = new float[_width];
        Row(0).CopyTo(from);
        var knot = 0;
        for (var j = 1; j < n; j++)
        {
            var speed = progress[j] - progress[j - 1];
            var speedsLeft = 1 - progress[j - 1];
            if (speed <= 0 || speedsLeft <= 0)
            {
                positions[j] = positions[j - 1];
                continue;
            }
            var target = factor * LengthAfter(positions[j - 1], knot) * Math.Min(1, speed / speedsLeft);
            (positions[j], knot) = Next(positions[j - 1], knot, from, probe, target);
            if (positions[j] >= _clock.End)
            {
                for (var rest = j; rest < n; rest++)
                {
                    positions[rest] = _clock.End;
                }
                return (positions, j < n - 1);
            }
            _clock.Sample(positions[j], from);
        }
        return (positions, false);
    }

    /// <summary>The on-screen length of the path from clock position <paramref name="u"/> to the end.</summary>
    private double LengthAfter(double u, int knot) => _length[^1] - LengthAt(u, knot);

    /// <summary>The on-screen length of the path from the start to clock position <paramref name="u"/> (at or after knot <paramref name="knot"/>).</summary>
    private double LengthAt(double u, int knot)
    {
        knot = Math.Max(0, knot);
        while (knot < _knots.Length - 1 && _knots[knot + 1] <= u)
        {
            knot++;
        }
        if (knot >= _knots.Length - 1)
        {
            return _length[^1];
        }
        var fraction = (u - _knots[knot]) / (_knots[knot + 1] - _knots[knot]);
        return _length[knot] + (Math.Clamp(fraction, 0, 1) * (_length[knot + 1] - _length[knot]));
    }

    /// <summary>
    /// The first position after <paramref name="start"/> at <paramref name="target"/> pixels from it, looking no
    /// further along the path than the reach × the target (past a single reversal the chord comes back up within
    /// 3×). Where it does not, the path is doubling back on itself faster than frames can show (a
    /// spike, a diverging swing): the frame goes to the farthest point it reached, the turning point, instead of
    /// running away along the record. The end if the path ends first.
    /// </summary>
    private (double Position, int Knot) Next(double start, int knot, float[] from, float[] probe, double target)
    {
        while (knot < _knots.Length - 1 && _knots[knot] <= start)
        {
            knot++;
        }
        var reach = LengthAt(start, knot - 1) + (_reach * target);
        var previous = start;
        var (farthest, farthestDistance) = (-1, 0.0);
        for (var k = knot; k < _knots.Length; k++)
        {
            var distance = _clock.Distance(from, Row(k));
            if (distance >= target)
            {
                return InView(_clock.FirstAtDistance(previous, _knots[k], from, probe, target, PlaceRounds), k, from, probe, target);
            }
            if (distance > farthestDistance)
            {
                (farthest, farthestDistance) = (k, distance);
            }
            if (_length[k] >= reach && farthest >= 0)
            {
                // The path doubles back faster than frames can show: the farthest point it reached.
                return InView(_knots[farthest], farthest, from, probe, double.PositiveInfinity);
            }
            previous = _knots[k];
        }
        return (_clock.End, _knots.Length - 1);
    }

    /// <summary>
    /// <paramref name="position"/>, or where some curve comes back into view after it when every curve there is
    /// off the panel: a frame avoids an empty panel while the fit is only passing outside it — as long as the frame
    /// then moves no more than <see cref="Smoothness.JumpShare"/> beyond <paramref name="target"/> from the previous one.
    /// </summary>
    private (double Position, int Knot) InView(double position, int knot, float[] from, float[] probe, double target)
    {
        _clock.Sample(position, probe);
        if (_clock.Probe.AnyInside(probe))
        {
            return (position, Math.Max(0, knot - 1));
        }
        var low = position;
        for (var k = knot; k < _knots.Length; k++)
        {
            if (_knots[k] > position && _clock.Probe.AnyInside(Row(k)))
            {
                var high = _knots[k];
                for (var i = 0; i < PlaceRounds; i++)
                {
                    var middle = (low + high) / 2;
                    _clock.Sample(middle, probe);
                    (low, high) = _clock.Probe.AnyInside(probe) ? (low, middle) : (middle, high);
                }
                _clock.Sample(high, probe);
                var limit = double.IsPositiveInfinity(target) ? _clock.Distance(from, Row(knot)) : target;
                return _clock.Distance(from, probe) <= (1 + Smoothness.JumpShare) * limit ? (high, Math.Max(0, k - 1)) : (position, Math.Max(0, knot - 1));
            }
            low = Math.Max(low, _knots[k]);
        }
        return (position, Math.Max(0, knot - 1));
    }

    private ReadOnlySpan<float> Row(int knot) => _path.Row(knot);
}
