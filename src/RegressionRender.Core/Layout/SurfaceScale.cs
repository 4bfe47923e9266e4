using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Text;

namespace RegressionRender.Core.Layout;

/// <summary>
/// The loss surface's colour scale: which loss each colour stands for. Levels are log-spaced above the lowest loss in
/// view (0 = the lowest, 1 = the highest), so that a long narrow valley shows as nested ellipses; the colour bar beside
/// the panel labels the lowest level, three quarters up (a tenth of the way in loss) and the highest with their loss.
/// </summary>
/// <param name="Min">The lowest loss in the panel's view.</param>
/// <param name="Max">The highest loss in the panel's view.</param>
public sealed record SurfaceScale(double Min, double Max)
{
    /// <summary>The grid the range is measured on (the contour itself is computed per pixel when drawn).</summary>
    private const int Grid = 64;

    /// <summary>
    /// The levels the colour bar labels, low to high: the ends, and three quarters up, where the loss is about a tenth
    /// of the way from the lowest to the highest (halfway up it is only a hundredth: a label there would read almost
    /// as the lowest).
    /// </summary>
    public static IReadOnlyList<double> LabelledLevels { get; } = [0, 0.75, 1];

    private double Floor => Math.Max((Max - Min) * 1e-4, 1e-12);

    /// <summary>The level of a loss: 0 at <see cref="Min"/>, 1 at <see cref="Max"/>, log-spaced between (clamped).</summary>
    public double Level(double loss)
    {
        var (bottom, top) = (Math.Log10(Floor), Math.Log10(Max - Min + Floor));
        return Math.Clamp((Math.Log10(Math.Max(loss - Min, 0) + Floor) - bottom) / (top - bottom), 0, 1);
    }

    /// <summary>The loss at a level (the inverse of <see cref="Level"/>).</summary>
    public double Loss(double level)
    {
        var (bottom, top) = (Math.Log10(Floor), Math.Log10(Max - Min + Floor));
        return Min + Math.Pow(10, bottom + (level * (top - bottom))) - Floor;
    }

    /// <summary>The colour bar's labels, for <see cref="LabelledLevels"/>: two significant digits, powers of ten when long.</summary>
    public IReadOnlyList<(double Level, string Text)> Labels => [.. LabelledLevels.Select(l => (l, Label(Loss(l))))];

    private static string Label(double loss) =>
        loss != 0 && (Math.Abs(loss) >= 1e5 || Math.Abs(loss) < 1e-3) ? ReadoutText.Scientific(loss) : ReadoutText.Significant(loss, 2);

    /// <summary>The scale of the surface over a panel's view of (intercept, slope).</summary>
    public static SurfaceScale For(Dataset data, FitRecordInfo fit, AxisRange intercept, AxisRange slope)
    {
        var losses = LossSurface.Compute(data, fit, new Viewport(intercept, slope, new PixelRect(0, 0, Grid, Grid)), Grid, Grid)
            .Where(float.IsFinite).ToList();
        return losses.Count == 0 ? new SurfaceScale(0, 1) : new SurfaceScale(losses.Min(), Math.Max(losses.Max(), losses.Min() + 1e-12));
    }
}
