using RegressionRender.Core.Config;

namespace RegressionRender.Core.Layout;

/// <summary>The words of one panel's axes: the x and y axis titles and, for side panels, the panel's title.</summary>
/// <param name="XTitle">Below the plot.</param>
/// <param name="YTitle">Left of the plot, reading upwards.</param>
/// <param name="Title">Above the plot (null for the fit panel).</param>
/// <param name="ScaleLabels">The labels of a colour bar right of the plot, bottom to top, each at its level (0 bottom, 1 top; null: no bar).</param>
public sealed record PanelWords(string XTitle, string YTitle, string? Title, IReadOnlyList<(double Level, string Text)>? ScaleLabels = null);

/// <summary>One panel's place: its bounds and, inside them, the plot area left after ticks and axis titles.</summary>
/// <param name="Kind">What the panel shows.</param>
/// <param name="Bounds">The whole panel.</param>
/// <param name="Plot">The data area.</param>
/// <param name="XTitle">The x axis title, fitted to the plot's width.</param>
/// <param name="YTitle">The y axis title, fitted to the plot's height.</param>
/// <param name="Title">The panel title, fitted to the plot's width (empty for the fit panel).</param>
public sealed record PanelLayout(PanelKind Kind, PixelRect Bounds, PixelRect Plot, TextBlock XTitle, TextBlock YTitle, TextBlock Title)
{
    /// <summary>A colour bar right of the plot, as high as the plot (empty when the panel has none); its labels right of it.</summary>
    public PixelRect ColorBar { get; init; }

    /// <summary>The colour bar's labels, bottom to top, each at its level (0 bottom, 1 top); the inner ones left out where the bar is too short for them.</summary>
    public IReadOnlyList<(double Level, string Text)> ScaleLabels { get; init; } = [];

    /// <summary>Where the y title's middle is: the plot's middle, unless a strip taken from the plot left the title too little height.</summary>
    public float YTitleMiddle { get; init; } = (Plot.Top + Plot.Bottom) / 2;

    /// <summary>A panel with no words (tests of the arrangement alone).</summary>
    public PanelLayout(PanelKind kind, PixelRect bounds, PixelRect plot)
        : this(kind, bounds, plot, TextBlock.None, TextBlock.None, TextBlock.None)
    {
    }
}

/// <summary>
/// Where everything goes on a canvas of a given size: the title band, then one to three panels arranged for the
/// canvas's shape (side by side on wide canvases, stacked on tall ones). Lines and marks scale with the canvas
/// (<see cref="Scale"/>: 720 px on the short side = 1); text scales with it too, but never below a legible size
/// (<see cref="MinimumFont"/>), so a small GIF is laid out for its own size, not shrunk from a large one: its text
/// and the room around text (<see cref="TextScale"/>) stay readable, and the plots get what is left. A side panel
/// whose plot would be too small to read is left out.
/// </summary>
public sealed record FrameLayout(int Width, int Height, float Scale, float TextScale, float MinimumFont, TextBlock Title, TextBlock Subtitle, PixelRect TitleArea, IReadOnlyList<PanelLayout> Panels)
{
    /// <summary>The smallest text size on a canvas whose short side is at least 360 px.</summary>
    public const float LegibleFont = 11;

    /// <summary>The smallest text size on smaller canvases (a 320 × 180 GIF).</summary>
    public const float SmallestFont = 10;

    /// <summary>A side panel's plot must be at least this many tick font sizes wide…</summary>
    private const float SidePlotWidth = 8;

    /// <summary>…and this many high, or the panel is left out.</summary>
    private const float SidePlotHeight = 5;

    /// <summary>Lines an axis title may take, at the smallest size, before it is cut (a long column name on a small GIF).</summary>
    private const int MostTitleLines = 4;

    /// <summary>The title band may take this share of the canvas's height before the subtitle is left out.</summary>
    private const float MostTitleBand = 0.2f;

    /// <summary>Font size of panel titles.</summary>
    public float PanelTitleSize => 16 * TextScale;

    /// <summary>Font size of tick labels.</summary>
    public float TickSize => 15 * TextScale;

    /// <summary>Font size of axis titles.</summary>
    public float AxisTitleSize => 17 * TextScale;

    /// <summary>Font size of the readouts.</summary>
    public float ReadoutSize => 18 * TextScale;

    /// <summary>The main (fit) panel's data area.</summary>
    public PixelRect FitPlot => (Panel(PanelKind.Fit) ?? Panels[0]).Plot;

    /// <summary>The panel of a kind, or null when the frame does not show it.</summary>
    public PanelLayout? Panel(PanelKind kind) => Panels.FirstOrDefault(p => p.Kind == kind);

    /// <summary>Lays out a frame's panels without words (arrangement tests): no title, no axis titles.</summary>
    public static FrameLayout Create(int width, int height, IReadOnlyList<PanelKind> panels) =>
        Create(width, height, null, null, panels, _ => new PanelWords("", "", null), NoText.Instance);

    /// <summary>
    /// Lays out a frame: the title and subtitle (each wrapped onto two lines, then made smaller, when too long; the
    /// subtitle left out when the title band would take more than a fifth of the canvas), then the panels, the first being
    /// the main one, each with its words fitted (<see cref="TextBlock.Fit"/>).
    /// </summary>
    public static FrameLayout Create(int width, int height, string? title, string? subtitle, IReadOnlyList<PanelKind>? panels, Func<PanelKind, PanelWords> words, ITextMeasure measure)
    {
        panels ??= [PanelKind.Fit];
        var scale = Math.Min(width, height) / 720f;
        var minimum = Math.Min(width, height) < 360 ? SmallestFont : LegibleFont;
        var text = Math.Max(scale, minimum / 15); // tick labels, the smallest text, at the minimum
        var margin = 24 * scale;
        var titleWidth = width - (2 * margin);
        var titleBlock = TextBlock.Fit(title ?? "", Math.Max(30 * scale, 1.3f * minimum), minimum, titleWidth, 2, measure, bold: true);
        if (titleBlock.Drawn != titleBlock.Text)
        {
            titleBlock = TextBlock.Fit(titleBlock.Text, minimum, minimum, titleWidth, 3, measure, bold: true); // a long title on a tiny canvas: a third line
        }
        var subtitleBlock = TextBlock.Fit(subtitle ?? "", Math.Max(18 * scale, minimum), minimum, titleWidth, 2, measure);
        if (BandHeight(titleBlock, subtitleBlock) > MostTitleBand * height)
        {
            subtitleBlock = TextBlock.None;
        }
        var band = BandHeight(titleBlock, subtitleBlock);
        var titleArea = new PixelRect(margin, margin, width - margin, margin + band);
        var content = new PixelRect(margin, titleArea.Bottom + (band > 0 ? 12 * scale : 0), width - margin, height - margin);
        var shown = panels.ToList();
        while (true)
        {
            var bounds = Arrange(content, shown.Count, 24 * scale);
            var layouts = shown.Select((kind, i) => Place(kind, bounds[i], words(kind), text, minimum, measure)).ToList();
            // The side panels go, the last first, when the canvas leaves them no readable plot.
            var cramped = layouts.Skip(1).LastOrDefault(p => p.Plot.Width < SidePlotWidth * 15 * text || p.Plot.Height < SidePlotHeight * 15 * text);
            if (cramped is null)
            {
                return new FrameLayout(width, height, scale, text, minimum, titleBlock, subtitleBlock, titleArea, layouts);
            }
            shown.Remove(cramped.Kind);
        }
    }

    /// <summary>
    /// This layout with the main panel's plot made smaller (<paramref name="plot"/>: the readouts or captions took a
    /// strip of it) and its axis titles fitted again: the x title to the new width on up to two lines (the plot gives up
    /// the height of a second; at the minimum size up to four); the y title to the height it had, on no more lines (more
    /// only where it would be cut: the plot then gives the gutter the width), centred on the new plot as far as that
    /// height allows (the strip above the plot leaves the gutter beside it free).
    /// </summary>
    public FrameLayout WithMainPlot(PixelRect plot, PanelWords words, ITextMeasure measure)
    {
        var main = Panels[0];
        var xTitle = TextBlock.Fit(words.XTitle, AxisTitleSize, MinimumFont, plot.Width, 2, measure);
        if (xTitle.Drawn != xTitle.Text)
        {
            xTitle = TextBlock.Fit(words.XTitle, MinimumFont, MinimumFont, plot.Width, MostTitleLines, measure);
        }
        plot = plot with { Bottom = plot.Bottom - Math.Max(0, xTitle.Height - main.XTitle.Height) };
        var room = (Top: main.Plot.Top, Bottom: plot.Bottom);
        var yTitle = TextBlock.Fit(words.YTitle, AxisTitleSize, MinimumFont, room.Bottom - room.Top, Math.Max(1, main.YTitle.Lines.Count), measure);
        for (var lines = yTitle.Lines.Count + 1; yTitle.Drawn != yTitle.Text && lines <= MostTitleLines; lines++)
        {
            // The shorter room needs another line: the plot gives the gutter its width (and the x title is fitted again).
            var wider = TextBlock.Fit(words.YTitle, MinimumFont, MinimumFont, room.Bottom - room.Top, lines, measure);
            if (wider.Drawn == wider.Text)
            {
                plot = plot with { Left = plot.Left + Math.Max(0, wider.Height - main.YTitle.Height) };
                yTitle = wider;
                var narrower = TextBlock.Fit(words.XTitle, MinimumFont, MinimumFont, plot.Width, Math.Max(xTitle.Lines.Count, 1), measure);
                xTitle = narrower.Drawn == narrower.Text ? narrower : xTitle;
            }
        }
        var half = yTitle.Lines.Count == 0 ? 0 : yTitle.Lines.Max(l => measure.Width(l, yTitle.FontPx)) / 2;
        var middle = Math.Clamp((plot.Top + plot.Bottom) / 2, room.Top + half, Math.Max(room.Top + half, room.Bottom - half));
        return this with { Panels = [main with { Plot = plot, XTitle = xTitle, YTitle = yTitle, YTitleMiddle = middle }, .. Panels.Skip(1)] };
    }

    /// <summary>The title band: the title's lines and the subtitle's below them.</summary>
    private static float BandHeight(TextBlock title, TextBlock subtitle) =>
        TitleBottom(title) + (subtitle.Lines.Count == 0 ? 0 : subtitle.FontPx * (1.44f + ((subtitle.Lines.Count - 1) * TextBlock.LineAdvance)));

    /// <summary>Where the title's lines end, from the top of the band.</summary>
    public static float TitleBottom(TextBlock title) =>
        title.Lines.Count == 0 ? 0 : title.FontPx * (1.27f + ((title.Lines.Count - 1) * TextBlock.LineAdvance));

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

    /// <summary>
    /// The data area of a panel and its words: room on the left for tick labels and the y title, below for tick labels
    /// and the x title, above for a side panel's title; each title on one line, or two when it is too long (then
    /// smaller). Fitted in the order the room depends on each: panel title, y title, x title; a title fitted before a
    /// neighbour took a second line is fitted again to the room left, on no more lines.
    /// </summary>
    private static PanelLayout Place(PanelKind kind, PixelRect bounds, PanelWords words, float text, float minimum, ITextMeasure measure)
    {
        var (axisSize, panelSize) = (17 * text, 16 * text);
        var (right, tickRoom, yTitleRoom) = (12 * text, 37.6f * text, 72 * text);
        // A colour bar takes a strip on the right of the plot: a gap, the bar, its labels at tick size.
        var bar = words.ScaleLabels is { Count: > 0 } labels ? ((8 + 9 + 5) * text) + labels.Max(l => measure.Width(l.Text, 15 * text)) : 0;
        var panelTitle = words.Title is { } title ? TextBlock.Fit(title, panelSize, minimum, bounds.Width - yTitleRoom - (18 * text) - right, 2, measure, bold: true) : TextBlock.None;
        var top = bounds.Top + (panelTitle.Lines.Count > 0 ? panelTitle.Height + (6.8f * text) : 4 * text);
        var yTitle = TextBlock.Fit(words.YTitle, axisSize, minimum, bounds.Bottom - top - tickRoom - (1.2f * axisSize), 2, measure);
        if (yTitle.Drawn != yTitle.Text)
        {
            yTitle = TextBlock.Fit(words.YTitle, minimum, minimum, bounds.Bottom - top - tickRoom - (1.2f * axisSize), MostTitleLines, measure); // a long name on a small canvas
        }
        var left = bounds.Left + yTitleRoom + Math.Max(18 * text, yTitle.Height - (0.2f * yTitle.FontPx));
        var xTitle = TextBlock.Fit(words.XTitle, axisSize, minimum, bounds.Right - right - bar - left, 2, measure);
        if (xTitle.Drawn != xTitle.Text)
        {
            xTitle = TextBlock.Fit(words.XTitle, minimum, minimum, bounds.Right - right - bar - left, MostTitleLines, measure);
        }
        var bottom = bounds.Bottom - tickRoom - xTitle.Height;
        if (xTitle.Lines.Count > 1)
        {
            yTitle = TextBlock.Fit(words.YTitle, axisSize, minimum, bottom - top, yTitle.Lines.Count, measure);
        }
        if (panelTitle.Lines.Count > 0 && yTitle.Lines.Count > 1)
        {
            panelTitle = TextBlock.Fit(panelTitle.Text, panelSize, minimum, bounds.Right - right - left, panelTitle.Lines.Count, measure, bold: true);
        }
        // A canvas too small for its text still gets a plot (of a pixel), never one turned inside out.
        var plot = new PixelRect(left, top, Math.Max(left + 1, bounds.Right - right - bar), Math.Max(top + 1, bottom));
        var layout = new PanelLayout(kind, bounds, plot, xTitle, yTitle, panelTitle);
        return bar == 0 ? layout : layout with
        {
            ColorBar = new PixelRect(plot.Right + (8 * text), plot.Top, plot.Right + (17 * text), plot.Bottom),
            // An inner label needs about 1.2 label heights clear of the end labels' (which sit inside the bar's ends).
            ScaleLabels = [.. words.ScaleLabels!.Where(l => l.Level is 0 or 1 || Math.Min(l.Level, 1 - l.Level) * (plot.Bottom - plot.Top) >= 1.8f * 15 * text)],
        };
    }

    /// <summary>Text of no width, for layouts without words.</summary>
    private sealed class NoText : ITextMeasure
    {
        public static NoText Instance { get; } = new();

        public float Width(string text, float sizePx, bool bold = false) => 0;
    }
}
