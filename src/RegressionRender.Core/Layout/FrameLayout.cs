namespace RegressionRender.Core.Layout;

/// <summary>
/// Where everything goes on a canvas of a given size. Sizes scale with the canvas (720 px on the short side =
/// scale 1), so a 480p GIF and a 4K video show the same picture.
/// </summary>
public sealed record FrameLayout(int Width, int Height, float Scale, PixelRect TitleArea, PixelRect FitPlot)
{
    /// <summary>Font size of the title.</summary>
    public float TitleSize => 30 * Scale;

    /// <summary>Font size of the subtitle.</summary>
    public float SubtitleSize => 18 * Scale;

    /// <summary>Font size of tick labels.</summary>
    public float TickSize => 15 * Scale;

    /// <summary>Font size of axis titles.</summary>
    public float AxisTitleSize => 17 * Scale;

    /// <summary>Font size of the readouts.</summary>
    public float ReadoutSize => 18 * Scale;

    /// <summary>Outer margin.</summary>
    public float Margin => 24 * Scale;

    /// <summary>Lays out a frame with a title (and subtitle) above one fit panel.</summary>
    public static FrameLayout Create(int width, int height, bool hasTitle, bool hasSubtitle)
    {
        var scale = Math.Min(width, height) / 720f;
        var margin = 24 * scale;
        var titleBottom = margin + (hasTitle ? 38 * scale : 0) + (hasSubtitle ? 26 * scale : 0);
        var title = new PixelRect(margin, margin, width - margin, titleBottom);
        var left = margin + (26 * scale) + (64 * scale);
        var bottom = height - margin - (30 * scale) - (28 * scale);
        var top = titleBottom + (16 * scale);
        var right = width - margin - (12 * scale);
        return new FrameLayout(width, height, scale, title, new PixelRect(left, top, right, bottom));
    }
}
