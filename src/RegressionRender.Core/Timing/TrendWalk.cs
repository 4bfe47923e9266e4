namespace RegressionRender.Core.Timing;

/// <summary>
/// Pacing for stochastic fits in their noise: frames that glide through the cloud of iterates instead of
/// flickering from one random iterate to the next.
/// <para>
/// The walk follows the <em>trend</em> (<see cref="TrendPath"/>), the drawn path averaged over a window of a few
/// frames' worth of steps (<see cref="TrendWindow"/>), and paces it like any smooth path: frames at equal shares of
/// its on-screen length, shaped by the easing. So the descent is paced by how far the line travels and the noise by
/// how far its average drifts, and the noise phase runs at a calm, visible speed.
/// </para>
/// <para>
/// What a frame draws is still the record: among the points of the drawn path (recorded steps and the tweens
/// between them) after the previous frame and up to a frame past this frame's place on the clock, one that moves the
/// frame's share from the previous frame (within a narrow band) and lies nearest the trend. Iterates in between are
/// skipped, never averaged, and the step counter only runs forward. One walk runs forward from step 0 and one
/// backward from the final step; the video joins them at the frame where their join moves most like its
/// neighbours, so it starts and ends exactly on the record's first and last step.
/// </para>
/// </summary>
internal sealed class TrendWalk
{
    /// <summary>A frame's movement may differ from its share by this much of the largest share.</summary>
    private const double Band = 0.04;

    /// <summary>Most a frame's window widens, as a multiple of its span, when no point in it moves the frame's share.</summary>
    private const int MaxWiden = 8;

    /// <summary>
    /// Most frames' worth of steps (at the frame's place on the clock) a frame's window reaches past the previous
    /// frame before it widens. A walk that has fallen far behind its goal would otherwise scan the whole gap again at
    /// every frame, which made plans of many frames over many steps take minutes; it still catches up this many
    /// frames' worth per frame.
    /// </summary>
    private const int MaxLead = 32;

    /// <summary>How much a frame leans towards continuing the previous frame's motion rather than towards the trend.</summary>
    private const float Inertia = 0.7f;

    /// <summary>
    /// Along an even window: what a frame that falls more than a frame behind its place on the clock pays, per frame
    /// of lag, in multiples of its move, when the walk chooses among the points that move it its share. Without it,
    /// steady noise offers points that move a frame its (small) share mostly just after the previous frame, and both
    /// walks crawl from their ends and meet with a leap over many epochs. (A window that follows the frames is already
    /// wide where they are sparse.)
    /// </summary>
    private const double LagCost = 0.3;

    /// <summary>Rounds of bisection when placing a frame between two knots.</summary>
    private const int PlaceRounds = 10;

    private readonly RunClock _clock;
    private readonly KnotRows _path;
    private readonly double[] _knots;
    private readonly TrendPath _trend;
    private readonly int _width;
    private readonly int _last;

    private readonly TrendWindow _window;

    private TrendWalk(RunClock clock, TrendWindow window)
    {
        _window = window;
        _clock = clock;
        _path = new KnotRows(clock);
        _knots = _path.Knots;
        _last = _knots.Length - 1;
        _width = _path.Width;
        _trend = new TrendPath(clock, _path);
    }

    /// <summary>
    /// Frame positions for cumulative eased progress (first 0, last the end), with the trend averaged over
    /// <paramref name="window"/>; null when nothing visibly moves.
    /// </summary>
    public static double[]? Positions(IReadOnlyList<double> progress, RunClock clock, TrendWindow window)
    {
        if (clock.End <= 0 || progress.Count < 4)
        {
            return null;
        }
        return new TrendWalk(clock, window).Walk(progress);
    }

    private double[]? Walk(IReadOnlyList<double> progress)
    {
        var n = progress.Count;
        if (_trend.Settle(progress, _window) is not var (trend, goal, total))
        {
            return null;
        }
        var moves = new double[n];
        for (var j = 1; j < n; j++)
        {
            moves[j] = Math.Max(0, progress[j] - progress[j - 1]) * total;
        }
        var band = Band * moves.Max();
        var forward = Run(trend, goal, moves, band, +1);
        var backward = Run(trend, goal, moves, band, -1);
        return Join(forward, backward, moves);
    }

    /// <summary>
    /// One walk: forward from step 0 (frames 1, 2, …) or backward from the final step (frames n−2, n−3, …).
    /// Returns each frame's position in knots and how far it moves from the frame before it (frame j−1 to j). Only
    /// the last two frames' rows are kept, so memory does not grow with the frame count.
    /// </summary>
    private (double[] At, double[] Moved) Run(float[] trend, double[] goal, double[] moves, double band, int direction)
    {
        var n = goal.Length;
        var at = new double[n];
        var moved = new double[n];
        var (first, stop) = direction > 0 ? (0, n - 1) : (n - 1, 0);
        at[first] = direction > 0 ? 0 : _last;
        var (before, from, row) = (new float[_width], new float[_width], new float[_width]);
        Row(at[first] == 0 ? 0 : _last).CopyTo(from);
        var probe = new float[_width];
        var target = new float[_width];
        for (var j = first + direction; j != stop; j += direction)
        {
            // The movement between frame j and its neighbour on the walk's side.
            var move = direction > 0 ? moves[j] : moves[j + 1];
            var previous = at[j - direction];
            var reach = goal[j] + (direction * Math.Max(1, Math.Abs(goal[j + direction] - goal[j])));
            reach = direction > 0 ? Math.Max(reach, Math.Floor(previous) + 1) : Math.Min(reach, Math.Ceiling(previous) - 1);
            _trend.At(trend, goal[j], target);
            if (j != first + direction)
            {
                // Momentum: the frame also leans towards continuing the last frame's motion, so the line glides rather than jitters.
                for (var s = 0; s < _width; s++)
                {
                    target[s] = ((1 - Inertia) * target[s]) + (Inertia * ((2 * from[s]) - before[s]));
                }
            }
            // More than a frame behind its goal, a point pays for the lag (LagCost).
            var spacing = Math.Max(1, Math.Abs(goal[j + direction] - goal[j]));
            // Where no point of the window moves the frame's share, the window widens (a fit racing through steps).
            // It reaches at most MaxLead frames' worth of steps past the previous frame.
            var span = direction * Math.Min(Math.Abs(reach - previous), MaxLead * spacing);
            var earliest = goal[j] - (direction * spacing);
            at[j] = double.NaN;
            for (var widen = 1; double.IsNaN(at[j]) && widen <= MaxWiden; widen *= 2)
            {
                var wide = Math.Clamp(previous + (widen * span), 0, _last);
                at[j] = Place(previous, wide, earliest, spacing, from, probe, target, move, band, widen * 2 > MaxWiden || wide == (direction > 0 ? _last : 0));
            }
            _clock.Sample(KnotToClock(at[j]), row);
            moved[Math.Max(j, j - direction)] = _clock.Distance(from, row);
            (before, from, row) = (from, row, before);
        }
        at[stop] = direction > 0 ? _last : 0;
        Row(at[stop] == 0 ? 0 : _last).CopyTo(row);
        moved[Math.Max(stop, stop - direction)] = _clock.Distance(from, row);
        return (at, moved);
    }

    /// <summary>The row of frame <paramref name="j"/> of a walk: the record's first and last rows at the ends, else sampled where it stands.</summary>
    private void WalkRow(double[] at, int j, Span<float> row)
    {
        if (j == 0 || j == at.Length - 1)
        {
            Row(j == 0 ? 0 : _last).CopyTo(row);
        }
        else
        {
            _clock.Sample(KnotToClock(at[j]), row);
        }
    }

    /// <summary>
    /// The frames of the forward walk up to some frame m and of the backward walk after it, for the m at which the
    /// whole video departs least from its planned movement (the steps still running forward across the join).
    /// </summary>
    private double[] Join((double[] At, double[] Moved) forward, (double[] At, double[] Moved) backward, double[] moves)
    {
        var n = moves.Length;
        // The largest departure from the planned movement of the forward walk's frames up to j, and of the backward walk's from j on.
        var ahead = new double[n];
        var behind = new double[n + 1];
        for (var j = 1; j < n; j++)
        {
            ahead[j] = Math.Max(ahead[j - 1], Math.Abs(forward.Moved[j] - moves[j]));
        }
        for (var j = n - 1; j >= 1; j--)
        {
            behind[j] = Math.Max(behind[j + 1], Math.Abs(backward.Moved[j] - moves[j]));
        }
        var (best, bestError) = (0, double.PositiveInfinity);
        var (left, right) = (new float[_width], new float[_width]);
        for (var m = 0; m < n - 1; m++)
        {
            // The steps run forward across the join, and only the last frame shows the final step.
            if ((forward.At[m] >= backward.At[m + 1] && m + 1 < n - 1) || forward.At[m] >= _last)
            {
                continue;
            }
            // A join cannot beat the best when the walks alone already depart more.
            var walks = Math.Max(ahead[m], behind[Math.Min(n, m + 2)]);
            if (walks >= bestError)
            {
                continue;
            }
            WalkRow(forward.At, m, left);
            WalkRow(backward.At, m + 1, right);
            var error = Math.Max(walks, Math.Abs(_clock.Distance(left, right) - moves[m + 1]));
            if (error < bestError)
            {
                (best, bestError) = (m, error);
            }
        }
        var positions = new double[n];
        for (var j = 0; j < n; j++)
        {
            positions[j] = KnotToClock(j > best ? backward.At[j] : forward.At[j]);
        }
        positions[0] = 0;
        positions[^1] = _clock.End;
        return positions;
    }

    /// <summary>
    /// The point between knot <paramref name="previous"/> (exclusive) and <paramref name="reach"/> (either
    /// direction) whose distance from <paramref name="from"/> is within <paramref name="band"/> of
    /// <paramref name="move"/> and that is nearest <paramref name="target"/>; where no point is in that band, the
    /// one whose distance comes nearest <paramref name="move"/>.
    /// </summary>
    private double Place(double previous, double reach, double earliest, double spacing, ReadOnlySpan<float> from, float[] probe, float[] target, double move, double band, bool last)
    {
        var direction = Math.Sign(reach - previous);
        var (inner, outer) = (Math.Max(0, move - band), move + band);
        // The best candidate so far: a knot, or a crossing of the band's edge between two knots (bisected only if it wins).
        var (best, bestMiss, bestCrossing) = (double.NaN, double.PositiveInfinity, (From: 0.0, To: 0, Radius: 0.0, Rising: false, Valid: false));
        var (fallback, fallbackError) = (double.NaN, double.PositiveInfinity);
        var lastKnot = previous;
        var lastDistance = 0.0;
        var lastRow = from;
        var k = direction > 0 ? Math.Floor(previous) + 1 : Math.Ceiling(previous) - 1;
        for (; direction > 0 ? k <= reach : k >= reach; k += direction)
        {
            var knot = (int)k;
            var row = Row(knot);
            var distance = _clock.Distance(from, row);
            if (Math.Abs(distance - move) < fallbackError)
            {
                (fallback, fallbackError) = (knot, Math.Abs(distance - move));
            }
            // Candidates: this knot if it is in the band, and where the path enters or leaves the band.
            var lagCost = _window.FollowsFrames ? 0 : LagCost * move * Math.Max(0, direction * (earliest - k)) / spacing;
            if (distance >= inner && distance <= outer)
            {
                var miss = _clock.Distance(row, target) + lagCost;
                if (miss < bestMiss)
                {
                    (best, bestMiss, bestCrossing) = (knot, miss, default);
                }
            }
            foreach (var radius in (ReadOnlySpan<double>)[inner, outer])
            {
                if ((lastDistance - radius) * (distance - radius) < 0)
                {
                    // Judged where the crossing would be if the rows moved linearly between the knots.
                    var share = (float)((radius - lastDistance) / (distance - lastDistance));
                    for (var s = 0; s < _width; s++)
                    {
                        probe[s] = lastRow[s] + (share * (row[s] - lastRow[s]));
                    }
                    var miss = _clock.Distance(probe, target) + lagCost;
                    if (miss < bestMiss)
                    {
                        (best, bestMiss, bestCrossing) = (double.NaN, miss, (lastKnot, knot, radius, lastDistance < radius, true));
                    }
                }
            }
            (lastKnot, lastDistance) = (knot, distance);
            lastRow = row;
        }
        if (bestCrossing.Valid)
        {
            return Crossing(bestCrossing.From, bestCrossing.To, from, probe, bestCrossing.Radius, bestCrossing.Rising);
        }
        return !double.IsNaN(best) ? best : !last ? double.NaN : !double.IsNaN(fallback) ? fallback : Math.Clamp(previous + direction, 0, _last);
    }

    /// <summary>Bisects between knots <paramref name="a"/> and <paramref name="b"/> for where the distance from <paramref name="from"/> crosses <paramref name="radius"/>.</summary>
    private double Crossing(double a, double b, ReadOnlySpan<float> from, float[] probe, double radius, bool rising)
    {
        double near = a, far = b;
        for (var i = 0; i < PlaceRounds; i++)
        {
            var middle = (near + far) / 2;
            _clock.Sample(KnotToClock(middle), probe);
            var beyond = _clock.Distance(from, probe) >= radius;
            (near, far) = beyond == rising ? (near, middle) : (middle, far);
        }
        return far;
    }

    private double KnotToClock(double knot)
    {
        var i = Math.Clamp((int)Math.Floor(knot), 0, _last - 1);
        return _knots[i] + ((knot - i) * (_knots[i + 1] - _knots[i]));
    }

    private ReadOnlySpan<float> Row(int knot) => _path.Row(knot);
}
