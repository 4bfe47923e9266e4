namespace RegressionRender.Core.Timing;

/// <summary>
/// The last resort of visual pacing, for a plan that still breaks the smoothness rule by a little (a race whose
/// diverging fit swings harder every step): the frames around the largest change of movement are moved, one at a
/// time and only between their neighbours, to where that change is smallest, until the plan keeps the rule with
/// room to spare or no frame can help. Positions stay on the run clock, so each frame is still a recorded step or a
/// truthful tween; the first and last frames do not move, and no frame before the last reaches the end.
/// </summary>
internal static class JumpPolish
{
    /// <summary>Candidate places tried for a frame between its neighbours, before the best one is refined.</summary>
    private const int Samples = 12;

    /// <summary>Rounds of refinement around the best sample.</summary>
    private const int RefineRounds = 8;

    /// <summary>Frames moved at most, as a multiple of the frame count.</summary>
    private const int MovesPerFrame = 3;

    /// <summary>Positions with the largest change of movement reduced; <paramref name="positions"/> is not changed.</summary>
    public static double[] Polish(double[] positions, RunClock clock)
    {
        var placed = (double[])positions.Clone();
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
                var (best, bestJump) = (placed[frame], before);
                var step = (high - low) / Samples;
                for (var round = 0; round <= RefineRounds; round++)
                {
                    var center = best;
                    for (var k = -Samples / 2; k <= Samples / 2; k++)
                    {
                        var at = round == 0 ? low + (step * (k + (Samples / 2))) : center + (step * k / (Samples / 2.0));
                        if (at <= low || at >= high)
                        {
                            continue;
                        }
                        var jump = LocalJump(moves, frame, clock.Displacement(low, at), clock.Displacement(at, placed[frame + 1]));
                        if (jump < bestJump)
                        {
                            (best, bestJump) = (at, jump);
                        }
                    }
                    step /= round == 0 ? 1 : 4;
                }
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
