using RegressionRender.Core.Config;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Maps eased animation progress (0..1) to a position on the run clock, so that the fit converges smoothly on
/// screen. <c>iterations</c> is linear in steps; <c>log</c> is u = (N+1)^p − 1; <c>visual</c> (the default)
/// spaces frames so that the curves move by equal on-screen distances, shaped by the easing.
/// </summary>
internal static class Pacing
{
    /// <summary>Most knots of the visual measure; longer records group steps per knot.</summary>
    private const int MaxKnots = 200_000;

    /// <summary>Fewest knots of the visual measure.</summary>
    private const int MinKnots = 50_000;

    /// <summary>Frame spacings, in epochs, at which snapping to whole epochs may begin (∞ = never).</summary>
    private static readonly double[] LockThresholds = [double.PositiveInfinity, 0.75, 1.5, 3];

    /// <summary>The snap is complete at (1 + this) × the spacing where it began.</summary>
    private const double LockFullFactor = 1.5;

    /// <summary>Rounds of frame-level refinement after the measure-based placement.</summary>
    private const int RefineRounds = 12;

    /// <summary>Clock positions for eased progress values: the weighted average of each mode's positions.</summary>
    public static double[] Positions(PacingSpec pacing, IReadOnlyList<double> eased, RunClock clock)
    {
        var total = pacing.Weights.Values.Sum();
        var blended = new double[eased.Count];
        foreach (var (mode, weight) in pacing.Weights.Where(w => w.Value > 0))
        {
            var positions = Positions(mode, eased, clock);
            for (var j = 0; j < blended.Length; j++)
            {
                blended[j] += weight / total * positions[j];
            }
        }
        blended[0] = 0;
        blended[^1] = clock.End;
        return blended;
    }

    /// <summary>Clock positions of one mode for eased progress values (first 0, last 1).</summary>
    public static double[] Positions(string mode, IReadOnlyList<double> eased, RunClock clock) => mode switch
    {
        "iterations" => [.. eased.Select(e => Math.Clamp(e, 0, 1) * clock.End)],
        "log" => [.. eased.Select(e => Log(e, clock.End))],
        _ => Visual(eased, clock),
    };

    private static double Log(double progress, double end) =>
        Math.Clamp(Math.Pow(end + 1, Math.Clamp(progress, 0, 1)) - 1, 0, end);

    /// <summary>
    /// Inverts the visible-movement measure of <see cref="VisibleMovement"/>: frame j goes where the measure
    /// reaches eased progress j of its total. Overshooting easings (back, elastic) are clamped to the ends.
    /// </summary>
    private static double[] Visual(IReadOnlyList<double> eased, RunClock clock)
    {
        var (knots, cumulative) = VisibleMovement(clock);
        var total = cumulative[^1];
        if (total <= 1e-9)
        {
            return Positions("iterations", eased, clock);
        }
        var positions = new double[eased.Count];
        for (var j = 0; j < eased.Count; j++)
        {
            var target = Math.Clamp(eased[j], 0, 1) * total;
            var segment = Math.Min(LastAtOrBelow(cumulative, target), knots.Length - 2);
            var span = cumulative[segment + 1] - cumulative[segment];
            var fraction = span > 0 ? Math.Clamp((target - cumulative[segment]) / span, 0, 1) : 0;
            positions[j] = knots[segment] + (fraction * (knots[segment + 1] - knots[segment]));
        }
        positions[0] = 0;
        positions[^1] = clock.End;
        // Which spacing to start phase-locking at depends on how much the record zig-zags within an epoch; try a
        // few and keep the plan that is smoothest as the viewer sees it.
        return LockThresholds
            .Select(start => Refine(LockPhase(positions, clock, start), eased, clock, start))
            .MinBy(candidate => Roughness(Displacements(candidate, clock)))!;
    }

    /// <summary>
    /// Polishes frame positions against what the viewer actually sees: measure the movement between consecutive
    /// emitted frames, move the frames so that the cumulative movement follows the easing (assuming even movement
    /// between neighbouring frames), lock phases again, and repeat. Keeps the smoothest round, so refining never
    /// makes the plan worse than the measure-based start.
    /// </summary>
    private static double[] Refine(double[] start, IReadOnlyList<double> eased, RunClock clock, double lockStart)
    {
        var best = start;
        var current = start;
        var bestScore = Roughness(Displacements(current, clock));
        for (var round = 0; round < RefineRounds; round++)
        {
            var moves = Displacements(current, clock);
            var cumulative = new double[current.Length];
            for (var j = 1; j < current.Length; j++)
            {
                cumulative[j] = cumulative[j - 1] + moves[j];
            }
            if (cumulative[^1] <= 1e-9)
            {
                break;
            }
            var next = new double[current.Length];
            for (var j = 0; j < current.Length; j++)
            {
                var target = Math.Clamp(eased[j], 0, 1) * cumulative[^1];
                var k = Math.Min(LastAtOrBelow(cumulative, target), current.Length - 2);
                var span = cumulative[k + 1] - cumulative[k];
                var fraction = span > 0 ? Math.Clamp((target - cumulative[k]) / span, 0, 1) : 0;
                next[j] = current[k] + (fraction * (current[k + 1] - current[k]));
            }
            next[0] = 0;
            next[^1] = clock.End;
            current = LockPhase(next, clock, lockStart);
            var score = Roughness(Displacements(current, clock));
            if (score < bestScore)
            {
                (best, bestScore) = (current, score);
            }
        }
        return best;
    }

    private static double[] Displacements(double[] positions, RunClock clock)
    {
        var moves = new double[positions.Length];
        for (var j = 1; j < positions.Length; j++)
        {
            moves[j] = clock.Displacement(positions[j - 1], positions[j]);
        }
        return moves;
    }

    /// <summary>The largest frame-to-frame change of movement, relative to the largest movement: 0 is perfectly smooth.</summary>
    internal static double Roughness(IReadOnlyList<double> moves)
    {
        var largest = 0.0;
        var jump = 0.0;
        for (var j = 1; j < moves.Count; j++)
        {
            largest = Math.Max(largest, moves[j]);
            if (j >= 2)
            {
                jump = Math.Max(jump, Math.Abs(moves[j] - moves[j - 1]));
            }
        }
        return largest > 0 ? jump / largest : 0;
    }

    /// <summary>
    /// Where frames are an epoch or more apart, per-sample SGD shows a different point of its within-epoch zig-zag
    /// in every frame: the curve shivers although the fit hardly moves. There, frames snap to whole epochs, which
    /// all share one phase (the end of an epoch), so the viewer sees the smooth epoch-to-epoch drift. Frames
    /// closer than an epoch keep their exact positions; in between, the snap fades in with the spacing.
    /// </summary>
    private static double[] LockPhase(double[] positions, RunClock clock, double lockStart)
    {
        double epoch = clock.StepsPerEpoch;
        if (epoch <= 1 || positions.Length < 3 || double.IsPositiveInfinity(lockStart))
        {
            return positions;
        }
        var locked = (double[])positions.Clone();
        for (var j = 1; j < positions.Length - 1; j++)
        {
            var spacing = (positions[j + 1] - positions[j - 1]) / 2 / epoch;
            var weight = Math.Clamp((spacing - lockStart) / (LockFullFactor * lockStart), 0, 1);
            weight = weight * weight * (3 - (2 * weight));
            var snapped = Math.Min(Math.Round(positions[j] / epoch) * epoch, clock.End);
            locked[j] = positions[j] + (weight * (snapped - positions[j]));
        }
        return locked;
    }

    /// <summary>The last index whose value is at most <paramref name="target"/> in a non-decreasing array (0 if none).</summary>
    private static int LastAtOrBelow(double[] sorted, double target)
    {
        int low = 0, high = sorted.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (sorted[middle] <= target)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    /// <summary>
    /// Cumulative on-screen movement along the clock, as the viewer sees it. Per epoch it counts the net movement
    /// from the epoch's start to its end, so that per-sample SGD zig-zag (which frames spaced an epoch or more
    /// apart never show) does not count; within the epoch that amount is spread over the steps in proportion to
    /// each step's own movement, so that frames packed closer than an epoch follow the real motion. For full-batch
    /// GD an epoch is one step and this is exactly the arc length of the curve's motion.
    /// </summary>
    internal static (double[] Knots, double[] Cumulative) VisibleMovement(RunClock clock)
    {
        var end = clock.End;
        // Short records get several knots per step: within a step parameters move linearly but the curve on
        // screen need not (a sigmoid, or a curve clamped at the panel's edge while flying off).
        var stride = end >= MinKnots ? Math.Ceiling(end / MaxKnots) : 1.0 / Math.Ceiling(MinKnots / Math.Max(end, 1));
        var epoch = Math.Max(1, Math.Round(clock.StepsPerEpoch / stride)) * stride;
        var knots = new List<double> { 0 };
        for (var i = 1; i * stride < end - 1e-9; i++)
        {
            knots.Add(i * stride);
        }
        if (end > 0)
        {
            knots.Add(end);
        }
        var cumulative = new double[knots.Count];
        var raw = new double[knots.Count];
        var start = 0;
        while (start < knots.Count - 1)
        {
            // The knots of one epoch: [start, stop].
            var stop = start;
            while (stop < knots.Count - 1 && knots[stop + 1] - knots[start] <= epoch + 1e-9)
            {
                stop++;
            }
            var sum = 0.0;
            for (var k = start; k < stop; k++)
            {
                raw[k] = clock.Displacement(knots[k], knots[k + 1]);
                sum += raw[k];
            }
            var net = clock.Displacement(knots[start], knots[stop]);
            for (var k = start; k < stop; k++)
            {
                var share = sum > 0 ? raw[k] / sum : 1.0 / (stop - start);
                cumulative[k + 1] = cumulative[k] + (net * share);
            }
            start = stop;
        }
        return ([.. knots], cumulative);
    }
}
