namespace RegressionRender.Core.Timing;

/// <summary>
/// The smoothness rule of the README, in one place: with d_j the on-screen movement between consecutive animated
/// frames, no frame changes its movement by more than max(15% of the largest movement, 1.5 px), and the busiest
/// 10% of frames carry at most 35% of the motion. Visual pacing optimises <see cref="Score"/>; the tests check both.
/// For a stochastic fit, whose noise could make the line flicker back and forth at an even speed (which the rule
/// cannot see), pacing also counts reversals: frames whose movement turns back on the previous frame's
/// (<see cref="ReversalCosine"/>, both moves at least <see cref="ReversalPixels"/>).
/// </summary>
public static class Smoothness
{
    /// <summary>Largest allowed change of movement, as a share of the largest movement.</summary>
    public const double JumpShare = 0.15;

    /// <summary>Largest allowed change of movement in pixels, whatever the largest movement.</summary>
    public const double JumpPixels = 1.5;

    /// <summary>A plan scoring above this is close enough to a jump that pacing tries harder (rounding in the drawn frames must not cross 1).</summary>
    public const double Headroom = 0.9;

    /// <summary>Most of the motion the busiest tenth of the frames may carry.</summary>
    public const double BusiestLimit = 0.35;

    /// <summary>A frame whose movement turns back on the previous frame's by more than this (cosine below it) reverses.</summary>
    public const double ReversalCosine = -0.5;

    /// <summary>A plan whose reversing frames are at most this share of its frames does not flicker.</summary>
    public const double FlickerShare = 0.05;

    /// <summary>Moves smaller than this, in pixels, are too small for a reversal to show.</summary>
    public const double ReversalPixels = 3;

    /// <summary>
    /// The largest change of movement between consecutive moves over the allowed change: at most 1 when no frame
    /// visibly jumps. <paramref name="moves"/> are the movements of the animated frames after the first.
    /// </summary>
    public static double Score(IReadOnlyList<double> moves)
    {
        var largest = 0.0;
        var jump = 0.0;
        for (var j = 0; j < moves.Count; j++)
        {
            largest = Math.Max(largest, moves[j]);
            if (j > 0)
            {
                jump = Math.Max(jump, Math.Abs(moves[j] - moves[j - 1]));
            }
        }
        return jump / Math.Max(JumpShare * largest, JumpPixels);
    }

    /// <summary>The share of all movement carried by the busiest 10% of the moves (0 when nothing moves).</summary>
    public static double BusiestShare(IReadOnlyList<double> moves)
    {
        var total = moves.Sum();
        return total > 0 ? moves.OrderDescending().Take(Math.Max(1, moves.Count / 10)).Sum() / total : 0;
    }

    /// <summary>True when both rules hold.</summary>
    public static bool Holds(IReadOnlyList<double> moves) => Score(moves) <= 1 && BusiestShare(moves) <= BusiestLimit;
}
