using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;

namespace RegressionRender;

/// <summary>
/// What a teacher should hear about a scene that does not stop the render (printed by render, batch, plan and
/// validate alike): rows skipped, data that cannot determine the model, a fit that diverged or ends worse than it
/// started, a fit that ends far from its optimum (more than a tenth of the way from its start still ahead, or, full-batch least
/// squares, at more than twice its loss and R² short of it by more than 0.1). Each says what to change.
/// </summary>
internal static class FitWarnings
{
    /// <summary>A fit "ends far" when more than this share of the way from its starting loss to the optimum's is left.</summary>
    public const double FarShare = 0.1;

    /// <summary>
    /// A full-batch least-squares fit also "ends far" at more than this multiple of the optimum's loss, however far off it
    /// started (a huge first step from a start a million times worse covers 99.9% of the way and still ends at twice the
    /// optimum), when the gap is also more than <see cref="FarShare"/> of the data's variance (its R² falls short of the
    /// optimum's by more than 0.1: not a rounding-level gap above a perfect fit). Not a stochastic fit, whose noise alone
    /// may keep it there.
    /// </summary>
    public const double FarRatio = 2;

    /// <summary>True when a full-batch least-squares fit ends above <see cref="FarRatio"/> × its optimum's loss with R² short of it by more than <see cref="FarShare"/>.</summary>
    public static bool FarByRatio(FitRecord record, Dataset data)
    {
        if (record.Info.StepsPerEpoch != 1 || record.Info.Model.IsLogistic || record.Info.Diverged || record.Info.TargetLoss is not { } best)
        {
            return false;
        }
        var mean = data.Y.Average();
        var variance = data.Y.Average(y => (y - mean) * (y - mean));
        return record.FinalLoss > FarRatio * best && record.FinalLoss - best > FarShare * variance;
    }

    public static List<string> For(SceneConfig config, Dataset data, IReadOnlyList<FitRecord> fits)
    {
        var warnings = new List<string>();
        if (data.SkippedRows > 0)
        {
            warnings.Add($"{config.Data.Csv}: skipped {data.SkippedRows} row(s) with an empty '{data.XTitle}' or '{data.YTitle}' cell");
        }
        var distinct = data.X.Distinct().Count();
        var parameters = fits.Count > 0 ? fits[0].ParameterCount : 0;
        if (distinct < parameters)
        {
            warnings.Add($"the data has {distinct} distinct x value(s), fewer than the model's {parameters} parameters: the data cannot determine the fit (no optimum; "
                + (distinct == 1 ? $"every x is {data.X[0]:G6}" : "the curve is not pinned down")
                + "); add points with other x values or lower the degree");
        }
        for (var i = 0; i < fits.Count; i++)
        {
            var fit = config.Fit[i];
            var record = fits[i];
            var label = record.Info.Label;
            if (record.Info.DivergedAtStep is { } step)
            {
                warnings.Add($"{label} diverged at step {step} (learning rate {fit.LearningRate:0.##########} is too high); the video shows it flying off");
            }
            else if (record.FinalLoss > record.EntryLoss(0))
            {
                // Worse at the end than at the start, without reaching the divergence limit yet: blowing up all the same.
                warnings.Add($"{label} ends worse than it started: loss {Core.Text.ReadoutText.Significant(record.FinalLoss, 4)} after {record.Steps:N0} steps against {Core.Text.ReadoutText.Significant(record.EntryLoss(0), 4)} at the start; "
                    + $"the learning rate (now {fit.LearningRate:0.##########}) is too high and it would diverge with more epochs — lower it, or keep it, if the lesson is divergence");
            }
            else if (record.Info.TargetLoss is { } best && record.FinalLoss > best * (1 + 1e-6) + 1e-12
                && (record.FinalLoss - best > FarShare * (record.EntryLoss(0) - best) || FarByRatio(record, data)))
            {
                var covered = (record.EntryLoss(0) - record.FinalLoss) / (record.EntryLoss(0) - best);
                var how = covered > 1 - FarShare
                    ? $"{record.FinalLoss / best:0.#}× the optimum's loss after {record.Steps:N0} steps"
                    : $"{Math.Max(0, covered) * 100:0}% of the way there after {record.Steps:N0} steps";
                warnings.Add($"{label} ends far from its optimum: loss {Core.Text.ReadoutText.Significant(record.FinalLoss, 4)} against {Core.Text.ReadoutText.Significant(best, 4)} at the optimum ({how}); "
                    + $"give it more epochs (now {fit.Epochs:N0}){(fit.Standardize ? " or" : ",")} a larger learning rate (now {fit.LearningRate:0.##########}){(fit.Standardize ? "" : " or \"standardize\": true")} — or keep it, if the lesson is the slow start");
            }
        }
        return warnings;
    }
}
