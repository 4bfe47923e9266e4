namespace RegressionRender.Core.Timing;

/// <summary>
/// The last resort of visual pacing, for a plan that still breaks the smoothness rule (a race whose diverging fit
/// swings harder every step, with few frames per step): first sweeps over all frames spread the changes of movement
/// out (each frame moved between its neighbours to where the changes it shapes exceed half the rule's allowance
/// least), then the frames around the largest change are moved, one at a time, to where that change is smallest,
/// until the plan keeps the rule with room to spare or no frame can help; while the plan still breaks the rule, both
/// run again from there (up to three times, while the jump shrinks); the better of that and the worst-first polish
/// alone is kept. A frame that shows a fit is never moved to where none shows (a line flapping off and on the panel
/// would blink). Positions stay on the run clock, so each frame is still a recorded step or a truthful tween; the
/// first and last frames do not move, and no frame before the last reaches the end.
/// </summary>
internal static class JumpPolish
{
    /// <summary>Candidate places tried for a frame between its neighbours, before the best one is refined.</summary>
    private const int Samples = 12;

    /// <summary>Rounds of refinement around the best sample.</summary>
    private const int RefineRounds = 8;

    /// <summary>Frames moved at most, as a multiple of the frame count.</summary>
    private const int MovesPerFrame = 3;

    /// <summary>Sweeps over every frame that spread the changes of movement out before the worst are attacked.</summary>
    private const int Sweeps = 16;

    /// <summary>Rounds of refinement around the best sample in a sweep (a sweep moves every frame: it looks less closely).</summary>
    private const int SweepRefineRounds = 3;

    /// <summary>The sweeps pull moves above this multiple of the mean move down: the busiest tenth then carry at most a tenth of it (33%, under <see cref="Smoothness.BusiestLimit"/>).</summary>
    private const double BusiestCeiling = 3.3;

    /// <summary>Positions with the largest change of movement reduced; <paramref name="positions"/> is not changed.</summary>
    public static double[] Polish(double[] positions, RunClock clock)
    {
        var worst = WorstFirst(Sweep(positions, clock), clock);
        var moves = FrameRefiner.Displacements(worst, clock)[1..];
        for (var again = 0; again < 3 && Smoothness.Score(moves) > Smoothness.Headroom * 0.9; again++)
        {
            var next = WorstFirst(Sweep(worst, clock), clock);
            var nextMoves = FrameRefiner.Displacements(next, clock)[1..];
            if (Smoothness.Score(nextMoves) >= Smoothness.Score(moves) * 0.99)
            {
                break;
            }
            (worst, moves) = (next, nextMoves);
        }
        var fromStart = WorstFirst((double[])positions.Clone(), clock);
        return Smoothness.Score(moves) <= Smoothness.Score(FrameRefiner.Displacements(fromStart, clock)[1..]) ? worst : fromStart;
    }

    /// <summary>
    /// Sweeps forward and backward over the frames, each moved between its neighbours to where the changes of movement
    /// it shapes exceed half the rule's allowance least (squared): jumps spread over several frames instead of
    /// sitting at one, and changes within half the allowance (an easing's own) are left alone.
    /// </summary>
    private static double[] Sweep(double[] positions, RunClock clock)
    {
        var placed = (double[])positions.Clone();
        var n = placed.Length;
        if (n < 4)
        {
            return placed;
        }
        var moves = FrameRefiner.Displacements(placed, clock);
        var lastBeforeEnd = clock.End - (clock.End * 1e-9);
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            clock.Cancellation.ThrowIfCancellationRequested();
            // Done when the plan keeps the rule with room to spare.
            if (Smoothness.Score(moves[1..]) <= Smoothness.Headroom * 0.9 && Smoothness.BusiestShare(moves[1..]) <= Smoothness.BusiestLimit - Smoothness.BusiestMargin)
            {
                break;
            }
            var slack = Smoothness.Allowance(moves.Skip(1).Max()) / 2;
            // No move above this many times the mean: then the busiest tenth of the frames carry at most a tenth of that.
            var ceiling = BusiestCeiling * moves.Skip(1).Average();
            var moved = false;
            for (var k = 1; k <= n - 2; k++)
            {
                var frame = sweep % 2 == 0 ? k : n - 1 - k;
                var low = placed[frame - 1];
                var high = frame + 1 == n - 1 ? Math.Min(placed[frame + 1], lastBeforeEnd) : placed[frame + 1];
                if (!(high > low))
                {
                    continue;
                }
                double Cost(double into, double outOf)
                {
                    double Excess(double change) => Math.Max(0, Math.Abs(change) - slack);
                    var cost = Excess(outOf - into);
                    cost *= cost;
                    var (overInto, overOut) = (Math.Max(0, into - ceiling), Math.Max(0, outOf - ceiling));
                    cost += (overInto * overInto) + (overOut * overOut);
                    if (frame - 1 >= 1)
                    {
                        cost += Excess(into - moves[frame - 1]) * Excess(into - moves[frame - 1]);
                    }
                    if (frame + 2 < n)
                    {
                        cost += Excess(moves[frame + 2] - outOf) * Excess(moves[frame + 2] - outOf);
                    }
                    return cost;
                }
                var before = Cost(moves[frame], moves[frame + 1]);
                if (before <= 0)
                {
                    continue;
                }
                var next = placed[frame + 1];
                var (best, bestCost) = Search(low, high, placed[frame], before, SweepRefineRounds, Places(clock, placed[frame], low, next, Cost));
                if (bestCost < before)
                {
                    placed[frame] = best;
                    moves[frame] = clock.Displacement(low, best);
                    moves[frame + 1] = clock.Displacement(best, placed[frame + 1]);
                    moved = true;
                }
            }
            if (!moved)
            {
                break;
            }
        }
        return placed;
    }

    /// <summary>The frames around the largest change of movement moved, one at a time, while that change shrinks.</summary>
    private static double[] WorstFirst(double[] placed, RunClock clock)
    {
        var n = placed.Length;
        if (n < 4)
        {
            return placed;
        }
        var moves = FrameRefiner.Displacements(placed, clock);
        // Below the smallest position step that still counts as before the end.
        var lastBeforeEnd = clock.End - (clock.End * 1e-9);
        for (var attempt = 0; attempt < MovesPerFrame * n; attempt++)
        {
            clock.Cancellation.ThrowIfCancellationRequested();
            var (worst, score) = WorstJump(moves);
            if (score <= Smoothness.Headroom * 0.9)
            {
                break;
            }
            // Moves j and j + 1 differ most: frames j - 1, j and j + 1 shape them.
            var improved = false;
            foreach (var frame in new[] { worst, worst - 1, worst + 1 })
            {
                if (frame < 1 || frame > n - 2)
                {
                    continue;
                }
                var low = placed[frame - 1];
                var high = frame + 1 == n - 1 ? Math.Min(placed[frame + 1], lastBeforeEnd) : placed[frame + 1];
                if (!(high > low))
                {
                    continue;
                }
                var before = LocalJump(moves, frame);
                var next = placed[frame + 1];
                var (best, bestJump) = Search(low, high, placed[frame], before, RefineRounds, Places(clock, placed[frame], low, next, (into, outOf) => LocalJump(moves, frame, into, outOf)));
                if (bestJump < before * 0.999)
                {
                    placed[frame] = best;
                    moves[frame] = clock.Displacement(low, best);
                    moves[frame + 1] = clock.Displacement(best, placed[frame + 1]);
                    improved = true;
                    break;
                }
            }
            if (!improved)
            {
                break;
            }
        }
        return placed;
    }

    /// <summary>
    /// The place strictly between <paramref name="low"/> and <paramref name="high"/> where <paramref name="cost"/> is
    /// lowest: <see cref="Samples"/> even samples, then <paramref name="rounds"/> rounds of finer samples round the best;
    /// <paramref name="start"/> (costing <paramref name="startCost"/>) when none beats it.
    /// </summary>
    private static (double At, double Cost) Search(double low, double high, double start, double startCost, int rounds, Func<double, double> cost)
    {
        var (best, bestCost) = (start, startCost);
        var step = (high - low) / Samples;
        for (var round = 0; round <= rounds; round++)
        {
            var center = best;
            for (var k = -Samples / 2; k <= Samples / 2; k++)
            {
                var at = round == 0 ? low + (step * (k + (Samples / 2))) : center + (step * k / (Samples / 2.0));
                if (at <= low || at >= high)
                {
                    continue;
                }
                var value = cost(at);
                if (value < bestCost)
                {
                    (best, bestCost) = (at, value);
                }
            }
            step /= round == 0 ? 1 : 4;
        }
        return (best, bestCost);
    }

    /// <summary>
    /// The cost of a frame's places between its neighbours at <paramref name="low"/> and <paramref name="next"/>, from
    /// the movements into and out of the place; every place that shows no fit is ruled out when the frame's place now
    /// (<paramref name="now"/>) shows one. The neighbours are sampled once and each place once (a search tries about a
    /// hundred places, and sampling a raised logistic tween is costly).
    /// </summary>
    private static Func<double, double> Places(RunClock clock, double now, double low, double next, Func<double, double, double> cost)
    {
        var (before, after, at) = (new float[clock.RowLength], new float[clock.RowLength], new float[clock.RowLength]);
        clock.Sample(low, before);
        clock.Sample(next, after);
        var mustShow = clock.Shows(now);
        return place =>
        {
            clock.Sample(place, at);
            return mustShow && !clock.Probe.AnyInside(at) ? double.PositiveInfinity : cost(clock.Distance(before, at), clock.Distance(at, after));
        };
    }

    /// <summary>The index j of the moves j, j + 1 that differ most (moves[0] is not a move), and the plan's score.</summary>
    private static (int Index, double Score) WorstJump(double[] moves)
    {
        var worst = 1;
        var jump = 0.0;
        for (var j = 1; j + 1 < moves.Length; j++)
        {
            var change = Math.Abs(moves[j + 1] - moves[j]);
            if (change > jump)
            {
                (worst, jump) = (j, change);
            }
        }
        return (worst, Smoothness.Score(moves[1..]));
    }

    /// <summary>The largest change of movement that frame <paramref name="frame"/>'s position affects, relative to the rule's allowance.</summary>
    private static double LocalJump(double[] moves, int frame, double? into = null, double? outOf = null)
    {
        var a = frame - 1 >= 1 ? moves[frame - 1] : double.NaN;
        var b = into ?? moves[frame];
        var c = outOf ?? moves[frame + 1];
        var d = frame + 2 < moves.Length ? moves[frame + 2] : double.NaN;
        var largest = 0.0;
        for (var j = 1; j < moves.Length; j++)
        {
            largest = Math.Max(largest, j == frame ? b : j == frame + 1 ? c : moves[j]);
        }
        var allowed = Smoothness.Allowance(largest);
        var jump = Math.Abs(c - b);
        jump = double.IsNaN(a) ? jump : Math.Max(jump, Math.Abs(b - a));
        jump = double.IsNaN(d) ? jump : Math.Max(jump, Math.Abs(d - c));
        return jump / allowed;
    }
}
