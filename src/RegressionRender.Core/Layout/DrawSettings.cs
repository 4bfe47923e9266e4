using RegressionRender.Core.Config;

namespace RegressionRender.Core.Layout;

/// <summary>
/// What the drawing stage takes from a config, copied once when the scene is laid out (immutable: the config's
/// mutable model never reaches the layers): which optional marks to draw and the colours asked for.
/// </summary>
/// <param name="Target">Draw the exact optimum (dashed) and its legend line.</param>
/// <param name="LossPreview">The loss panel shows each fit's whole curve faintly from the first frame.</param>
/// <param name="Residuals">How residuals are drawn.</param>
/// <param name="Theme">Light or dark.</param>
/// <param name="Colors">The colours asked for (null: the theme's).</param>
public sealed record DrawSettings(bool Target, bool LossPreview, ResidualStyle Residuals, Theme Theme, ColorChoices Colors)
{
    /// <summary>The settings of <paramref name="config"/>.</summary>
    public static DrawSettings From(SceneConfig config)
    {
        var view = config.View;
        var over = view.Colors ?? new ColorOverrides();
        var colors = new ColorChoices(
            over.Background, over.Text, over.MutedText, over.Grid, over.Axis, over.Points ?? view.PointColor, over.Initial ?? view.InitialColor,
            over.Target, over.Residual, over.ClassZero, over.ClassOne, [.. over.Fits ?? []], [.. config.Fit.Select(f => f.Color)]);
        return new DrawSettings(view.Target, view.LossPreview, view.Residuals, view.Theme, colors);
    }
}

/// <summary>The colours a config asks for, each a colour string (see <see cref="Rgba.ParseOr"/>) or null for the theme's.</summary>
/// <param name="Background">Canvas background (<c>transparent</c> allowed).</param>
/// <param name="Text">Titles and readouts.</param>
/// <param name="MutedText">Tick labels and secondary text.</param>
/// <param name="Grid">Grid lines.</param>
/// <param name="Axis">Axis lines and ticks.</param>
/// <param name="Points">Data points.</param>
/// <param name="Initial">The faint initial fit.</param>
/// <param name="Target">The exact optimum.</param>
/// <param name="Residual">Residuals (default: the first fit's colour).</param>
/// <param name="ClassZero">Logistic points of class 0.</param>
/// <param name="ClassOne">Logistic points of class 1.</param>
/// <param name="Palette">Fit colours in order (races).</param>
/// <param name="Fits">Each fit's own colour, overriding the palette.</param>
public sealed record ColorChoices(
    string? Background,
    string? Text,
    string? MutedText,
    string? Grid,
    string? Axis,
    string? Points,
    string? Initial,
    string? Target,
    string? Residual,
    string? ClassZero,
    string? ClassOne,
    IReadOnlyList<string> Palette,
    IReadOnlyList<string?> Fits);
