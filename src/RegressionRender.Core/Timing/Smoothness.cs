namespace RegressionRender.Core.Timing;

/// <summary>
/// The smoothness rule of the README, in one place: with d_j the on-screen movement between consecutive animated
/// frames, no frame changes its movement by more than max(15% of the largest movement, 1.5 px), and the busiest
/// 10% of frames carry at most 35% of the motion. Visual pacing optimises <see cref="Score"/>; the tests check both.
/// For a stochastic fit, whose noise could make the line flicker back and forth at an even speed (which the rule
/// cannot see), pacing also counts reversals: frames whose movement turns back on the previous frame's
/// (<see cref="ReversalCosine"/>, both moves at least <see cref="ReversalPixels"/>). <see cref="Verdict"/> is the one
/// objective visual pacing ranks its placements by.
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

    /// <summary>How far under <see cref="BusiestLimit"/> a plan must stay to keep the rule with room to spare (the drawn frames round).</summary>
    public const double BusiestMargin = 0.01;

    /// <summary>The largest change of movement allowed between consecutive moves when the largest move is <paramref name="largest"/> pixels.</summary>
    public static double Allowance(double largest) => Math.Max(JumpShare * largest, JumpPixels);

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
        return jump / Allowance(largest);
    }

    /// <summary>The share of all movement carried by the busiest 10% of the moves (0 when nothing moves).</summary>
    public static double BusiestShare(IReadOnlyList<double> moves)
    {
        var total = moves.Sum();
        return total > 0 ? moves.OrderDescending().Take(Math.Max(1, moves.Count / 10)).Sum() / total : 0;
    }

    /// <summary>True when both rules hold.</summary>
    public static bool Holds(IReadOnlyList<double> moves) => Score(moves) <= 1 && BusiestShare(moves) <= BusiestLimit;

    /// <summary>
    /// A plan of frames as the viewer would judge it, and the one objective of visual pacing: a plan <em>keeps</em> the
    /// rule when its score is at most a headroom (and its busiest share under the limit), it reaches the final step only on
    /// its last frame, and no more than <see cref="FlickerShare"/> of its frames show no fit (<see cref="Calm"/>). Of the
    /// plans that keep it, the better flickers less (all plans with at most <see cref="Calm"/> reversing frames count as
    /// calm alike), then scores lower. A plan that keeps the rule with <see cref="Headroom"/> and is calm <em>settles</em>
    /// pacing: nothing else need be tried.
    /// </summary>
    /// <param name="Score">The largest change of movement over the allowed change (<see cref="Score"/>).</param>
    /// <param name="Busiest">The share of the motion the busiest tenth of the frames carry (<see cref="BusiestShare"/>).</param>
    /// <param name="Reversals">Frames whose movement turns back on the previous frame's.</param>
    /// <param name="Empty">Frames with no fit inside the panel.</param>
    /// <param name="EndsEarly">Whether a frame before the last already shows the final step.</param>
    /// <param name="Frames">Frames of the plan.</param>
    public readonly record struct Verdict(double Score, double Busiest, int Reversals, int Empty, bool EndsEarly, int Frames)
    {
        /// <summary>Frames that may reverse, or show no fit, in a plan that does not flicker.</summary>
        public int Calm => (int)Math.Floor(FlickerShare * Frames);

        /// <summary>True when the plan keeps the rule with a score of at most <paramref name="headroom"/> (with room to spare for the busiest share too, below 1).</summary>
        public bool Keeps(double headroom = Headroom) =>
            Score <= headroom && Busiest <= BusiestLimit - (headroom < 1 ? BusiestMargin : 0) && !EndsEarly && Empty <= Calm;

        /// <summary>True when the plan keeps the rule with room to spare and does not flicker.</summary>
        public bool Settles => Keeps() && Reversals <= Calm;

        /// <summary>How far the plan breaks the rule at worst: at most 1 when it keeps both limits.</summary>
        public double Breach => Math.Max(Score, Busiest / BusiestLimit);

        /// <summary>Orders plans that keep the rule: calm first, then the smoother.</summary>
        public (int Flicker, double Score) Rank => (Math.Max(Reversals, Calm), Score);
    }
}
