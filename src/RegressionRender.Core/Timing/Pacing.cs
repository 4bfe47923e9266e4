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

    /// <summary>Clock positions for eased progress values (first 0, last 1).</summary>
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
        return positions;
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
        var stride = Math.Max(1, (int)Math.Ceiling(end / MaxKnots));
        var epoch = Math.Max(1, clock.StepsPerEpoch / stride) * stride;
        var knots = new List<double> { 0 };
        for (var u = (double)stride; u < end; u += stride)
        {
            knots.Add(u);
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
