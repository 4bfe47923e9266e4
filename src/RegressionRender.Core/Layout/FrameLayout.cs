using RegressionRender.Core.Config;

namespace RegressionRender.Core.Layout;

/// <summary>One panel's place: its bounds and, inside them, the plot area left after ticks and axis titles.</summary>
/// <param name="Kind">What the panel shows.</param>
/// <param name="Bounds">The whole panel.</param>
/// <param name="Plot">The data area.</param>
public sealed record PanelLayout(PanelKind Kind, PixelRect Bounds, PixelRect Plot);

/// <summary>
/// Where everything goes on a canvas of a given size: the title band, then one to three panels arranged for the
/// canvas's shape (side by side on wide canvases, stacked on tall ones). Sizes scale with the canvas (720 px on
/// the short side = scale 1), so a 480p GIF and a 4K video show the same picture.
/// </summary>
public sealed record FrameLayout(int Width, int Height, float Scale, PixelRect TitleArea, IReadOnlyList<PanelLayout> Panels)
{
    /// <summary>Font size of the title.</summary>
    public float TitleSize => 30 * Scale;

    /// <summary>Font size of the subtitle.</summary>
    public float SubtitleSize => 18 * Scale;

    /// <summary>Font size of panel titles.</summary>
    public float PanelTitleSize => 16 * Scale;

    /// <summary>Font size of tick labels.</summary>
    public float TickSize => 15 * Scale;

    /// <summary>Font size of axis titles.</summary>
    public float AxisTitleSize => 17 * Scale;

    /// <summary>Font size of the readouts.</summary>
    public float ReadoutSize => 18 * Scale;

    /// <summary>Outer margin.</summary>
    public float Margin => 24 * Scale;

    /// <summary>Space left of a plot for tick labels and the axis title.</summary>
    public float LeftGutter => 90 * Scale;

    /// <summary>Space below a plot for tick labels and the axis title.</summary>
    public float BottomGutter => 58 * Scale;

    /// <summary>The main (fit) panel's data area.</summary>
    public PixelRect FitPlot => (Panel(PanelKind.Fit) ?? Panels[0]).Plot;

    /// <summary>The panel of a kind, or null when the frame does not show it.</summary>
    public PanelLayout? Panel(PanelKind kind) => Panels.FirstOrDefault(p => p.Kind == kind);

    /// <summary>Lays out a frame with a title (and subtitle) above the given panels, the first being the main one.</summary>
    public static FrameLayout Create(int width, int height, bool hasTitle, bool hasSubtitle, IReadOnlyList<PanelKind>? panels = null)
    {
        panels ??= [PanelKind.Fit];
        var scale = Math.Min(width, height) / 720f;
        var margin = 24 * scale;
        var titleBottom = margin + (hasTitle ? 38 * scale : 0) + (hasSubtitle ? 26 * scale : 0);
        var title = new PixelRect(margin, margin, width - margin, titleBottom);
        var content = new PixelRect(margin, titleBottom + (hasTitle || hasSubtitle ? 12 * scale : 0), width - margin, height - margin);
        var gap = 24 * scale;
        var bounds = Arrange(content, panels.Count, gap);
        var layouts = panels.Select((kind, i) => new PanelLayout(kind, bounds[i], PlotArea(bounds[i], kind, scale))).ToList();
        return new FrameLayout(width, height, scale, title, layouts);
    }

    /// <summary>Rectangles for 1–3 panels: main panel larger; columns on wide canvases, rows on tall ones.</summary>
    private static PixelRect[] Arrange(PixelRect content, int count, float gap)
    {
        var aspect = content.Width / content.Height;
        var (l, t, r, b) = (content.Left, content.Top, content.Right, content.Bottom);
        switch (count)
        {
            case 1:
                return [content];
            case 2 when aspect >= 1.25f:
                {
                    var split = l + ((content.Width - gap) * 0.58f);
                    return [new(l, t, split, b), new(split + gap, t, r, b)];
                }
            case 2:
                {
                    var split = t + ((content.Height - gap) * 0.6f);
                    return [new(l, t, r, split), new(l, split + gap, r, b)];
                }
            case 3 when aspect >= 1.25f:
                {
                    var split = l + ((content.Width - gap) * 0.56f);
                    var middle = t + ((content.Height - gap) / 2);
                    return [new(l, t, split, b), new(split + gap, t, r, middle), new(split + gap, middle + gap, r, b)];
                }
            case 3 when aspect >= 0.8f:
                {
                    var split = t + ((content.Height - gap) * 0.58f);
                    var middle = l + ((content.Width - gap) / 2);
                    return [new(l, t, r, split), new(l, split + gap, middle, b), new(middle + gap, split + gap, r, b)];
                }
            default:
                {
                    var usable = content.Height - (2 * gap);
                    var first = t + (usable * 0.46f);
                    var second = first + gap + (usable * 0.24f);
                    return [new(l, t, r, first), new(l, first + gap, r, second), new(l, second + gap, r, b)];
                }
        }
    }

    /// <summary>The data area of a panel: room for tick labels and axis titles on the left and below, a panel title above side panels.</summary>
    private static PixelRect PlotArea(PixelRect bounds, PanelKind kind, float scale)
    {
        var top = bounds.Top + (kind == PanelKind.Fit ? 4 * scale : 26 * scale);
        return new PixelRect(bounds.Left + (90 * scale), top, bounds.Right - (12 * scale), bounds.Bottom - (58 * scale));
    }
}
