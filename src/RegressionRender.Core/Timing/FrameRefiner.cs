namespace RegressionRender.Core.Timing;

/// <summary>
/// Frame-level corrections of a visual pacing: phase locking (frames an epoch or more apart snap to epoch ends,
/// so per-sample SGD's within-epoch zig-zag does not make the curve shiver) and refinement against the movement
/// measured between the frames actually emitted.
/// </summary>
internal static class FrameRefiner
{
    /// <summary>Rounds of frame-level refinement.</summary>
    private const int RefineRounds = 12;

    /// <summary>The snap is complete at (1 + this) × the spacing where it began.</summary>
    private const double LockFullFactor = 1.5;

    /// <summary>
    /// Where frames are an epoch or more apart, per-sample SGD shows a different point of its within-epoch zig-zag
    /// in every frame: the curve shivers although the fit hardly moves. There, frames snap to whole epochs, which
    /// all share one phase (the end of an epoch), so the viewer sees the smooth epoch-to-epoch drift. Frames
    /// closer than an epoch keep their exact positions; in between, the snap fades in with the spacing.
    /// </summary>
    public static double[] LockPhase(double[] positions, RunClock clock, double lockStart)
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

    /// <summary>
    /// Polishes frame positions against what the viewer actually sees: measure the movement between consecutive
    /// emitted frames, move the frames so that the cumulative movement follows the easing (assuming even movement
    /// between neighbouring frames), lock phases again, and repeat. Keeps the smoothest round, so refining never
    /// makes the plan worse than the measure-based start.
    /// </summary>
    public static double[] Refine(double[] start, IReadOnlyList<double> eased, RunClock clock, double lockStart)
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
                var k = Math.Min(VisibleMovement.LastAtOrBelow(cumulative, target), current.Length - 2);
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

    /// <summary>The movement between consecutive frames (0 for the first).</summary>
    public static double[] Displacements(double[] positions, RunClock clock)
    {
        var moves = new double[positions.Length];
        for (var j = 1; j < positions.Length; j++)
        {
            moves[j] = clock.Displacement(positions[j - 1], positions[j]);
        }
        return moves;
    }

    /// <summary>The largest frame-to-frame change of movement, relative to the largest movement: 0 is perfectly smooth.</summary>
    public static double Roughness(IReadOnlyList<double> moves)
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
}
