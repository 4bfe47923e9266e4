using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Layout;

/// <summary>The fit panel's y range when the config does not give one.</summary>
internal static class FitPanelRange
{
    /// <summary>The data may be squeezed to this share of the panel's height to take in a fit's first or final curve, no further.</summary>
    private const double DataShare = 0.25;

    /// <summary>Points across the x range at which a curve is evaluated.</summary>
    private const int Samples = 64;

    /// <summary>
    /// The data's y range, widened to take in a fit's first or final curve that lies wholly above or below it: a start
    /// far off the data (else the first frames would show nothing), a fit too slow to arrive (else no frame would show
    /// it) — but not a diverged fit's last curve, which flew off — as long as the data keep a quarter of the height.
    /// Beyond that, the arrowhead on the edge shows where the fit is.
    /// </summary>
    public static AxisRange Y(Dataset data, IReadOnlyList<FitRecord> fits, AxisRange x)
    {
        var (low, high) = (data.Y.Min(), data.Y.Max());
        var nice = NiceTicks.Expand(low, high);
        var curves = fits.Where(f => !f.Info.Model.IsLogistic)
            .SelectMany(f => f.Info.Diverged ? [(f.Info.Model, f.Entry(0).ToArray())] : new[] { (f.Info.Model, f.Entry(0).ToArray()), (f.Info.Model, f.Final.ToArray()) });
        foreach (var (model, parameters) in curves)
        {
            var values = Enumerable.Range(0, Samples + 1)
                .Select(i => model.Predict(parameters, x.Min + ((x.Max - x.Min) * i / Samples)))
                .ToList();
            if (!values.All(double.IsFinite) || values.Any(v => v >= nice.Min && v <= nice.Max))
            {
                continue;
            }
            var (wideLow, wideHigh) = (Math.Min(low, values.Min()), Math.Max(high, values.Max()));
            if (high - low >= DataShare * (wideHigh - wideLow))
            {
                (low, high) = (wideLow, wideHigh);
            }
        }
        return NiceTicks.Expand(low, high);
    }
}
