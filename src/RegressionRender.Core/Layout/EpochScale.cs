using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Layout;

/// <summary>
/// The x axis of the loss panel: epochs on a log scale (log10 of 1 + epoch, so epoch 0 stays on the chart) when
/// the fits do nearly all of their descent in the first tenth of the epochs shown — on a linear axis that
/// descent is a vertical line at the left edge and the rest a flat floor. Linear otherwise.
/// </summary>
public sealed record EpochScale(bool IsLog)
{
    /// <summary>Fewer epochs than this always stay linear: a log axis over a handful of epochs reads worse.</summary>
    private const double MinimumEpochs = 20;

    /// <summary>
    /// As <paramref name="choice"/> says; for <see cref="EpochAxis.Auto"/>, log when every descending fit has made
    /// 90% of its drop within the first 10% of the epochs shown.
    /// </summary>
    public static EpochScale For(IReadOnlyList<FitRecord> fits, double epochs, EpochAxis choice = EpochAxis.Auto)
    {
        if (choice != EpochAxis.Auto)
        {
            return new EpochScale(choice == EpochAxis.Log);
        }
        if (epochs < MinimumEpochs)
        {
            return new EpochScale(false);
        }
        var latest = 0.0;
        var descending = 0;
        foreach (var fit in fits)
        {
            var first = fit.EntryLoss(0);
            var lowest = Enumerable.Range(0, fit.EntryCount).Select(fit.EntryLoss).Where(double.IsFinite).DefaultIfEmpty(first).Min();
            if (!(lowest < first))
            {
                continue; // diverged or flat: no descent to show
            }
            descending++;
            var mark = first - (0.9 * (first - lowest));
            var entry = Enumerable.Range(0, fit.EntryCount).First(i => fit.EntryLoss(i) <= mark);
            latest = Math.Max(latest, (double)fit.EntryStep(entry) / fit.Info.StepsPerEpoch);
        }
        return new EpochScale(descending > 0 && latest < 0.1 * epochs);
    }

    /// <summary>An epoch on the axis: log10(1 + epoch) on a log scale.</summary>
    public double ToAxis(double epoch) => IsLog ? Math.Log10(1 + Math.Max(0, epoch)) : epoch;
}
