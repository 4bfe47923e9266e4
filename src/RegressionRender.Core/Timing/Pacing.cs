using RegressionRender.Core.Config;

namespace RegressionRender.Core.Timing;

/// <summary>
/// Maps eased animation progress (0..1) to a position on the run clock. <c>iterations</c> is linear in steps;
/// <c>log</c> is u = (N+1)^p − 1; <c>visual</c> (the default) spaces frames so that the curves move by equal
/// on-screen distances, shaped by the easing (<see cref="VisualPacing"/>). A blend averages the modes' positions.
/// </summary>
internal static class Pacing
{
    /// <summary>Clock positions for cumulative eased progress: the weighted average of each mode's positions (first 0, last the end).</summary>
    public static double[] Positions(PacingSpec pacing, IReadOnlyList<double> progress, RunClock clock)
    {
        var total = pacing.Weights.Values.Sum();
        var blended = new double[progress.Count];
        foreach (var (mode, weight) in pacing.Weights.Where(w => w.Value > 0))
        {
            var positions = Positions(mode, progress, clock);
            for (var j = 0; j < blended.Length; j++)
            {
                blended[j] += weight / total * positions[j];
            }
        }
        blended[0] = 0;
        blended[^1] = clock.End;
        return blended;
    }

    private static double[] Positions(string mode, IReadOnlyList<double> progress, RunClock clock) => mode switch
    {
        "iterations" => Linear(progress, clock),
        "log" => [.. progress.Select(e => Math.Min(Math.Pow(clock.End + 1, e) - 1, clock.End))],
        _ => VisualPacing.Positions(progress, clock),
    };

    private static double[] Linear(IReadOnlyList<double> progress, RunClock clock) => [.. progress.Select(e => e * clock.End)];
}
