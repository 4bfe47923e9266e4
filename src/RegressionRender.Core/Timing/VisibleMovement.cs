namespace RegressionRender.Core.Timing;

/// <summary>The cumulative on-screen movement of the fitted curves along the run clock, as the viewer sees it.</summary>
internal static class VisibleMovement
{
    /// <summary>Most knots of the measure; longer records group steps per knot.</summary>
    private const int MaxKnots = 200_000;

    /// <summary>Fewest knots of the measure.</summary>
    private const int MinKnots = 16_384;

    /// <summary>
    /// Cumulative on-screen movement along the clock, as the viewer sees it. Per epoch it counts the net movement
    /// from the epoch's start to its end, so that per-sample SGD zig-zag (which frames spaced an epoch or more
    /// apart never show) does not count; within the epoch that amount is spread over the steps in proportion to
    /// each step's own movement, so that frames packed closer than an epoch follow the real motion. For full-batch
    /// GD an epoch is one step: its net movement is the chord from step to step. Where no epoch shows any net
    /// movement although the curves do move on screen (a fit seen only while a tween crosses the panel, from below
    /// it to above it), the arc length counts instead, so those frames are not spread evenly over invisible steps.
    /// </summary>
    public static (double[] Knots, double[] Cumulative) Measure(RunClock clock)
    {
        var (knots, cumulative) = Measure(clock, arc: false);
        return cumulative[^1] > 1e-9 ? (knots, cumulative) : Measure(clock, arc: true);
    }

    private static (double[] Knots, double[] Cumulative) Measure(RunClock clock, bool arc)
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
        // Each knot is sampled once: the epoch's first row, the row before and the current one.
        var (first, previous, current) = (new float[clock.RowLength], new float[clock.RowLength], new float[clock.RowLength]);
        clock.Sample(knots[0], current);
        var start = 0;
        while (start < knots.Count - 1)
        {
            // The knots of one epoch: [start, stop].
            var stop = start;
            while (stop < knots.Count - 1 && knots[stop + 1] - knots[start] <= epoch + 1e-9)
            {
                stop++;
            }
            current.CopyTo(first, 0);
            var sum = 0.0;
            for (var k = start; k < stop; k++)
            {
                (previous, current) = (current, previous);
                clock.Sample(knots[k + 1], current);
                raw[k] = clock.Distance(previous, current);
                sum += raw[k];
            }
            var net = arc ? sum : stop == start + 1 ? raw[start] : clock.Distance(first, current);
            for (var k = start; k < stop; k++)
            {
                var share = sum > 0 ? raw[k] / sum : 1.0 / (stop - start);
                cumulative[k + 1] = cumulative[k] + (net * share);
            }
            start = stop;
        }
        return ([.. knots], cumulative);
    }

    /// <summary>
    /// Where the non-decreasing <paramref name="sorted"/>, taken as linear between its entries, reaches
    /// <paramref name="value"/>: the segment (entries i and i + 1) and how far along it (0 on a flat segment).
    /// </summary>
    public static (int Segment, double Fraction) Locate(double[] sorted, double value)
    {
        var segment = Math.Min(LastAtOrBelow(sorted, value), sorted.Length - 2);
        var span = sorted[segment + 1] - sorted[segment];
        return (segment, span > 0 ? Math.Clamp((value - sorted[segment]) / span, 0, 1) : 0);
    }

    /// <summary>The value of <paramref name="to"/>, linear between its entries, where <paramref name="from"/> reaches <paramref name="value"/> (<see cref="Locate"/>).</summary>
    public static double Lookup(double[] from, double[] to, double value)
    {
        var (segment, fraction) = Locate(from, value);
        return to[segment] + (fraction * (to[segment + 1] - to[segment]));
    }

    /// <summary>The last index whose value is at most <paramref name="target"/> in a non-decreasing array (0 if none).</summary>
    public static int LastAtOrBelow(double[] sorted, double target)
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
}
