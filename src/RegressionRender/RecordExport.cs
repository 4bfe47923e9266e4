using System.Globalization;
using System.Text;

namespace RegressionRender;

/// <summary>The fit record as CSV: one row per kept step of each fit (fit, label, step, epoch, loss, gradient norm, θ0…θd).</summary>
public static class RecordExport
{
    /// <summary>Writes the records of <paramref name="scene"/> to <paramref name="path"/> (see <see cref="OutputFile.WriteAllBytes"/>).</summary>
    public static void Write(PreparedScene scene, string path)
    {
        var parameters = scene.Fits.Max(f => f.ParameterCount);
        var text = new StringBuilder("fit,label,step,epoch,loss,gradient_norm");
        for (var k = 0; k < parameters; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $",theta{k}");
        }
        text.Append('\n');
        for (var f = 0; f < scene.Fits.Count; f++)
        {
            var fit = scene.Fits[f];
            var label = fit.Info.Label.Contains(',', StringComparison.Ordinal) || fit.Info.Label.Contains('"', StringComparison.Ordinal)
                ? $"\"{fit.Info.Label.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                : fit.Info.Label;
            for (var i = 0; i < fit.EntryCount; i++)
            {
                var step = fit.EntryStep(i);
                text.Append(CultureInfo.InvariantCulture, $"{f},{label},{step},{fit.EpochOf(step)},{fit.EntryLoss(i):R},{fit.EntryGradientNorm(i):R}");
                foreach (var value in fit.InDataUnits(fit.Entry(i)))
                {
                    text.Append(CultureInfo.InvariantCulture, $",{value:R}");
                }
                text.Append('\n');
            }
        }
        OutputFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }
}
