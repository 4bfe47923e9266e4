using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Layout;

/// <summary>One caption: the fit it speaks of, its text as laid out, and its box.</summary>
/// <param name="Fit">The fit (its colour fills the box; the caption shows once the fit reaches its end).</param>
/// <param name="Text">The caption's lines and font.</param>
/// <param name="Box">Where, in pixels.</param>
public sealed record CaptionPlace(int Fit, TextBlock Text, PixelRect Box);

/// <summary>
/// "diverged at step k — learning rate too high" for each diverging fit, placed once per video: a fit flying off the
/// chart is a valid lesson, and the caption says what the viewer is seeing. The captions stack in a band at the
/// bottom centre of the plot unless that hides a data point or the readouts; then, of twelve heights up the plot and
/// five places across, the lowest, most central one that hides nothing. A caption too wide for the plot breaks at its
/// dash (then between words) and may get smaller, never below the canvas's minimum. When no place in the plot is
/// free, the captions get a strip of their own above the plot (<see cref="Strip"/>), and the plot shrinks to make room;
/// when that strip would take more than a third of the plot, they are left out (the data come first).
/// </summary>
public static class CaptionLayout
{
    /// <summary>Heights tried, bottom to top.</summary>
    private const int Heights = 12;

    /// <summary>Places across tried, centre first (0 = left, 1 = right).</summary>
    private static readonly float[] Anchors = [0.5f, 0.25f, 0.75f, 0f, 1f];

    /// <summary>What the caption of fit <paramref name="k"/> says.</summary>
    public static string Text(IReadOnlyList<FitRecord> fits, int k) =>
        $"{(fits.Count > 1 ? fits[k].Info.Label + " diverged" : "diverged")} at step {fits[k].Info.DivergedAtStep:N0} — learning rate too high";

    /// <summary>
    /// The captions of every diverging fit, placed in <paramref name="viewport"/>'s plot clear of the data and of
    /// <paramref name="boxes"/> (the readouts, the legend); null when no place is free (or a caption does not fit the plot's width).
    /// </summary>
    public static IReadOnlyList<CaptionPlace>? Create(IReadOnlyList<FitRecord> fits, Viewport viewport, Dataset data, IReadOnlyList<PixelRect> boxes, FrameLayout layout, ITextMeasure measure)
    {
        var diverging = Enumerable.Range(0, fits.Count).Where(k => fits[k].Info.DivergedAtStep is not null).ToList();
        if (diverging.Count == 0)
        {
            return [];
        }
        var area = viewport.Area;
        var inset = 14 * layout.TextScale;
        var size = layout.ReadoutSize * 1.1f;
        var texts = diverging.Select(k => Lines(Text(fits, k), size, layout.MinimumFont, area.Width - (2 * inset), measure)).ToList();
        if (texts.Any(t => t.Drawn != t.Text))
        {
            return null;
        }
        var points = Enumerable.Range(0, data.Count).Select(i => (X: viewport.PixelX(data.X[i]), Y: viewport.PixelY(data.Y[i]))).ToList();
        var height = Stack(diverging, texts, 0, 0.5f, area, inset, measure).Last().Box.Bottom;
        var (lowest, highest) = (area.Bottom - inset - height, area.Top + inset);
        var best = (Hidden: int.MaxValue, Places: new List<CaptionPlace>());
        for (var h = 0; h < Heights && best.Hidden > 0; h++)
        {
            var top = highest >= lowest ? lowest : lowest - ((lowest - highest) * h / (Heights - 1));
            foreach (var anchor in Anchors)
            {
                var places = Stack(diverging, texts, top, anchor, area, inset, measure);
                var hidden = points.Count(p => places.Any(c => c.Box.Contains(p.X, p.Y))) + (places.Any(c => boxes.Any(b => b.Width > 0 && c.Box.Overlaps(b))) ? 10_000 : 0);
                if (hidden < best.Hidden)
                {
                    best = (hidden, places);
                }
            }
        }
        return best.Hidden == 0 ? best.Places : null;
    }

    /// <summary>The captions stacked in a strip of their own at the top of <paramref name="plot"/>, centred; and the strip's height.</summary>
    public static (IReadOnlyList<CaptionPlace> Places, float Height) Strip(IReadOnlyList<FitRecord> fits, PixelRect plot, FrameLayout layout, ITextMeasure measure)
    {
        var diverging = Enumerable.Range(0, fits.Count).Where(k => fits[k].Info.DivergedAtStep is not null).ToList();
        var size = layout.ReadoutSize * 1.1f;
        var texts = diverging.Select(k => Lines(Text(fits, k), size, layout.MinimumFont, plot.Width, measure)).ToList();
        var places = Stack(diverging, texts, plot.Top, 0.5f, plot, 0, measure);
        return (places, places.Count == 0 ? 0 : places[^1].Box.Bottom - plot.Top);
    }

    /// <summary>
    /// A caption on one line, else broken at its dash, at the largest size down to the minimum at which one of these
    /// fits; else wrapped between words at the minimum.
    /// </summary>
    private static TextBlock Lines(string text, float size, float minimum, float width, ITextMeasure measure)
    {
        var dash = text.IndexOf(" — ", StringComparison.Ordinal);
        string[] halves = dash > 0 ? [text[..(dash + 2)], text[(dash + 3)..]] : [];
        for (var font = Math.Max(size, minimum); ; font = Math.Max(minimum, font * 0.92f))
        {
            var room = width - (2 * font);
            if (measure.Width(text, font, bold: true) <= room)
            {
                return new TextBlock(text, [text], font, Bold: true);
            }
            if (halves.Length > 0 && halves.All(h => measure.Width(h, font, bold: true) <= room))
            {
                return new TextBlock(text, halves, font, Bold: true);
            }
            if (font <= minimum)
            {
                return TextBlock.Fit(text, minimum, minimum, room, 3, measure, bold: true);
            }
        }
    }

    /// <summary>The captions' boxes stacked down from <paramref name="top"/>, at <paramref name="anchor"/> across the plot.</summary>
    private static List<CaptionPlace> Stack(List<int> fits, List<TextBlock> texts, float top, float anchor, PixelRect area, float inset, ITextMeasure measure)
    {
        var places = new List<CaptionPlace>();
        var y = top;
        for (var i = 0; i < fits.Count; i++)
        {
            var text = texts[i];
            var size = text.FontPx;
            var width = text.Lines.Max(l => measure.Width(l, size, bold: true)) + (2 * size);
            var height = (size * 1.6f) + ((text.Lines.Count - 1) * size * TextBlock.LineAdvance);
            var left = area.Left + inset + ((area.Width - (2 * inset) - width) * anchor);
            places.Add(new CaptionPlace(fits[i], text, new PixelRect(left, y, left + width, y + height)));
            y += height + (size * 0.3f);
        }
        return places;
    }
}
