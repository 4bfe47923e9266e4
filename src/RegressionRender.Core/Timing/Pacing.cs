using RegressionRender.Core.Config;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Maps eased animation progress (0..1) to a position on the run clock, so that the fit converges smoothly on
/// screen. <c>iterations</c> is linear in steps; <c>log</c> is u = (N+1)^p − 1; <c>visual</c> (the default)
/// spaces frames so that the curves move by equal on-screen distances, shaped by the easing.
/// </summary>
internal static class Pacing
{
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

    /// <summary>Clock positions of one mode for eased progress values (first 0, last the end).</summary>
    public static double[] Positions(string mode, IReadOnlyList<double> eased, RunClock clock) => mode switch
    {
        "iterations" => [.. eased.Select(e => Math.Clamp(e, 0, 1) * clock.End)],
        "log" => [.. eased.Select(e => Math.Clamp(Math.Pow(clock.End + 1, Math.Clamp(e, 0, 1)) - 1, 0, clock.End))],
        _ => VisualPacing.Positions(eased, clock),
    };
}
