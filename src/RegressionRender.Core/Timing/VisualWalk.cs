namespace RegressionRender.Core.Timing;

/// <summary>
/// Visual pacing by walking the record: each frame goes to the first position where the curves have moved, as
/// seen from the previous frame, by the eased share of a total s; s is found by bisection so that the last frame
/// lands on the final step. Movement is measured between the frames actually emitted (chords, not the arc of
/// the raw path), so a zig-zag the frames do not show costs nothing. Beyond one epoch from the previous frame
/// only epoch ends are candidates (phase locking): frames spaced an epoch or more apart all show the same phase of
/// per-sample SGD's within-epoch zig-zag, and the viewer sees the smooth drift instead of a shiver.
/// </summary>
internal sealed class VisualWalk
{
    private const int ScaleRounds = 20;

    /// <summary>Rounds of bisection between two knots when placing a frame.</summary>
    private const int PlaceRounds = 12;
    private readonly RunClock _clock;
    private readonly double[] _knots;
    private readonly float[] _rows;
    private readonly int _width;
    private readonly double _epoch;

    public VisualWalk(RunClock clock, double[] knots)
    {
        _clock = clock;
        _knots = knots;
        _width = clock.RowLength;
        _rows = new float[knots.Length * _width];
        for (var i = 0; i < knots.Length; i++)
        {
            clock.Sample(knots[i], _rows.AsSpan(i * _width, _width));
        }
        _epoch = clock.StepsPerEpoch;
    }

    /// <summary>Frame positions for eased progress values, or null when the curves never move.</summary>
    public double[]? Positions(IReadOnlyList<double> eased, double estimate)
    {
        double low = 0, high = Math.Max(estimate, 1e-6) * 4;
        while (Walk(eased, high).ReachedEnd is false && high < 1e12)
        {
            high *= 4;
        }
        if (high >= 1e12)
        {
            return null;
        }
        double[]? best = null;
        for (var round = 0; round < ScaleRounds; round++)
        {
            var middle = (low + high) / 2;
            var (positions, reachedEnd) = Walk(eased, middle);
            if (reachedEnd)
            {
                high = middle;
            }
            else
            {
                (low, best) = (middle, positions);
            }
        }
        best ??= Walk(eased, low).Positions;
        best[^1] = _clock.End;
        return best;
    }

    /// <summary>Frame positions for movement scale <paramref name="scale"/>; whether the end was reached before the last frame.</summary>
    private (double[] Positions, bool ReachedEnd) Walk(IReadOnlyList<double> eased, double scale)
    {
        var positions = new double[eased.Count];
        var from = new float[_width];
        var probe = new float[_width];
        _clock.Sample(0, from);
        var knot = 0;
        for (var j = 1; j < eased.Count; j++)
        {
            var target = scale * Math.Max(0, Math.Clamp(eased[j], 0, 1) - Math.Clamp(eased[j - 1], 0, 1));
            if (target <= 0)
            {
                positions[j] = positions[j - 1];
                continue;
            }
            (positions[j], knot) = Next(positions[j - 1], knot, from, probe, target);
            if (positions[j] >= _clock.End)
            {
                for (var rest = j; rest < eased.Count; rest++)
                {
                    positions[rest] = _clock.End;
                }
                return (positions, j < eased.Count - 1 || _clock.Distance(from, Row(_knots.Length - 1)) > 0);
            }
            _clock.Sample(positions[j], from);
        }
        return (positions, false);
    }

    /// <summary>The first position after <paramref name="start"/> at <paramref name="target"/> pixels from it.</summary>
    private (double Position, int Knot) Next(double start, int knot, float[] from, float[] probe, double target)
    {
        while (knot < _knots.Length - 1 && _knots[knot] <= start)
        {
            knot++;
        }
        var previous = start;
        var previousDistance = 0.0;
        for (var k = knot; k < _knots.Length; k++)
        {
            var candidate = _knots[k];
            var locked = candidate - start > _epoch && !IsEpochEnd(candidate) && k < _knots.Length - 1;
            if (locked)
            {
                continue;
            }
            var distance = _clock.Distance(from, Row(k));
            if (distance >= target)
            {
                if (candidate - start > _epoch)
                {
                    // Phase-locked: the epoch end whose movement is closer to the target.
                    return target - previousDistance < distance - target && previous > start ? (previous, k) : (candidate, k);
                }
                return (_clock.FirstAtDistance(previous, candidate, from, probe, target, PlaceRounds), k);
            }
            (previous, previousDistance) = (candidate, distance);
        }
        return (_clock.End, _knots.Length - 1);
    }

    private bool IsEpochEnd(double u) => _epoch <= 1 ? Math.Abs(u - Math.Round(u)) < 1e-9 : Math.Abs((u / _epoch) - Math.Round(u / _epoch)) < 1e-9;

    private ReadOnlySpan<float> Row(int knot) => _rows.AsSpan(knot * _width, _width);
}
