using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// "diverged at step k — learning rate too high", shown once a diverging fit reaches the end of its record:
/// a fit flying off the chart is a valid lesson, and the caption says what the viewer is seeing.
/// </summary>
internal sealed class CaptionLayer(RenderContext context) : IFrameLayer
{
    // Where the band goes is decided once per video (it scans every data point), not per frame.
    private readonly Lazy<float> _bandTop = new(() => BandTop(context));

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var fits = context.Plan.Fits;
        var captions = new List<(string Text, SKColor Color)>();
        for (var k = 0; k < fits.Count && k < frame.Fits.Count; k++)
        {
            if (fits[k].Info.DivergedAtStep is { } step && frame.Fits[k].Iteration >= fits[k].Steps - 1e-9)
            {
                captions.Add((Text(fits, k, step), context.Style.FitColors[k]));
            }
        }
        if (captions.Count == 0)
        {
            return;
        }
        using var font = CaptionFont(context);
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var box = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        var boxes = Boxes(context, font, [.. captions.Select(c => c.Text)], _bandTop.Value);
        for (var i = 0; i < captions.Count; i++)
        {
            var (rect, shown) = boxes[i];
            box.Color = captions[i].Color.WithAlpha(235);
            canvas.DrawRoundRect(rect, 6 * context.Layout.Scale, 6 * context.Layout.Scale, box);
            context.Boxes?.Add("caption", captions[i].Text, shown, font.Size, rect, 235 / 255f);
            canvas.DrawText(shown, rect.MidX, rect.Top + (font.Size * 1.12f), SKTextAlign.Center, font, text);
        }
    }

    /// <summary>
    /// Where the captions sit once every diverging fit shows its own (empty when none diverges): the readout box
    /// keeps clear of it.
    /// </summary>
    public static SKRect Band(RenderContext context)
    {
        var texts = AllCaptions(context);
        if (texts.Count == 0)
        {
            return SKRect.Empty;
        }
        using var font = CaptionFont(context);
        return Union(Boxes(context, font, texts, BandTop(context)));
    }

    /// <summary>
    /// The top of the caption band: at the bottom of the panel unless the captions would hide data points there,
    /// then the lowest of eight heights up the panel that hides the fewest (a caption must not hide the lesson).
    /// </summary>
    private static float BandTop(RenderContext context)
    {
        var texts = AllCaptions(context);
        using var font = CaptionFont(context);
        var (area, scale) = (context.Viewport.Area, context.Layout.Scale);
        var (lowest, highest) = (area.Bottom - (14 * scale) - (texts.Count * font.Size * 1.9f), area.Top + (14 * scale));
        if (texts.Count == 0 || highest >= lowest)
        {
            return lowest;
        }
        var (viewport, data) = (context.Viewport, context.Plan.Data);
        int Hidden(float top)
        {
            var band = Union(Boxes(context, font, texts, top));
            return Enumerable.Range(0, data.Count).Count(i => band.Contains(viewport.PixelX(data.X[i]), viewport.PixelY(data.Y[i])));
        }
        return Enumerable.Range(0, 8).Select(k => lowest - ((lowest - highest) * k / 7f)).MinBy(Hidden);
    }

    private static SKRect Union(List<(SKRect Rect, string Shown)> boxes) => boxes.Aggregate(boxes[0].Rect, (band, box) => SKRect.Union(band, box.Rect));

    private static string Text(IReadOnlyList<Core.Fitting.FitRecord> fits, int k, int step) =>
        $"{(fits.Count > 1 ? fits[k].Info.Label + " diverged" : "diverged")} at step {step:N0} — learning rate too high";

    /// <summary>The caption of every diverging fit, as the last frames show them.</summary>
    private static List<string> AllCaptions(RenderContext context)
    {
        var fits = context.Plan.Fits;
        return [.. Enumerable.Range(0, fits.Count).Where(k => fits[k].Info.DivergedAtStep is not null).Select(k => Text(fits, k, fits[k].Info.DivergedAtStep!.Value))];
    }

    private static SKFont CaptionFont(RenderContext context) => context.Fonts.Font(context.Layout.ReadoutSize * 1.1f, bold: true);

    /// <summary>One centred box per caption, stacked down from <paramref name="top"/>, and the text each shows.</summary>
    private static List<(SKRect Rect, string Shown)> Boxes(RenderContext context, SKFont font, List<string> captions, float top)
    {
        var area = context.Viewport.Area;
        var lineHeight = font.Size * 1.9f;
        var y = top;
        var boxes = new List<(SKRect, string)>();
        foreach (var caption in captions)
        {
            var shown = TextFit.Ellipsize(caption, font, area.Width - (40 * context.Layout.Scale));
            var width = font.MeasureText(shown) + (2 * font.Size);
            var left = ((area.Left + area.Right) / 2) - (width / 2);
            boxes.Add((new SKRect(left, y, left + width, y + (font.Size * 1.6f)), shown));
            y += lineHeight;
        }
        return boxes;
    }
}
