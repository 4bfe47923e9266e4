namespace RegressionRender.Core.Timing;

/// <summary>
/// Refinement of a visual pacing against what the viewer actually sees: the movement between the frames placed,
/// which the measure it started from can only estimate (a tween's curve moves unevenly within a step; a frame
/// straddling a reversal moves less than the path between them).
/// </summary>
internal static class FrameRefiner
{
    /// <summary>Rounds of frame-level refinement.</summary>
    private const int RefineRounds = 12;

    /// <summary>
    /// Measures the movement between consecutive frames, moves the frames so that the cumulative movement follows
    /// the easing (assuming even movement between neighbouring frames), and repeats. Keeps the smoothest round
    /// (<see cref="Smoothness.Score"/>), so refining never makes the plan worse than its start.
    /// </summary>
    public static double[] Refine(double[] start, IReadOnlyList<double> eased, RunClock clock, (double[] Knots, double[] Cumulative) measure)
    {
        var best = start;
        var current = start;
        var bestScore = Smoothness.Score(Displacements(current, clock)[1..]);
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
                var target = eased[j] * cumulative[^1];
                var (k, fraction) = VisibleMovement.Locate(cumulative, target);
                next[j] = Within(measure, current[k], current[k + 1], fraction);
            }
            next[0] = 0;
            next[^1] = clock.End;
            current = next;
            var score = Smoothness.Score(Displacements(current, clock)[1..]);
            if (score < bestScore)
            {
                (best, bestScore) = (current, score);
            }
        }
        return best;
    }

    /// <summary>
    /// The position a <paramref name="fraction"/> of the way from <paramref name="a"/> to <paramref name="b"/> by the
    /// visible-movement measure (where the measure does not rise between them, by position): the movement between two
    /// frames need not be even (a fit leaving the panel early in a long invisible stretch).
    /// </summary>
    private static double Within((double[] Knots, double[] Cumulative) measure, double a, double b, double fraction)
    {
        var (knots, cumulative) = measure;
        var (from, to) = (VisibleMovement.Lookup(knots, cumulative, a), VisibleMovement.Lookup(knots, cumulative, b));
        return to > from
            ? Math.Clamp(VisibleMovement.Lookup(cumulative, knots, from + (fraction * (to - from))), a, b)
            : a + (fraction * (b - a));
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
}
