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
    private readonly Lazy<(float Top, float Anchor)> _band = new(() => Band(context));

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
        var boxes = Boxes(context, font, [.. captions.Select(c => c.Text)], _band.Value.Top, _band.Value.Anchor);
        for (var i = 0; i < captions.Count; i++)
        {
            var (rect, lines) = boxes[i];
            box.Color = captions[i].Color.WithAlpha(235);
            canvas.DrawRoundRect(rect, 6 * context.Layout.Scale, 6 * context.Layout.Scale, box);
            // A caption wrapped onto two lines at its dash still says every word.
            context.Boxes?.Add("caption", captions[i].Text, string.Join(Dash, lines), font.Size, rect, 235 / 255f);
            for (var line = 0; line < lines.Length; line++)
            {
                canvas.DrawText(lines[line], rect.MidX, rect.Top + (font.Size * 1.12f) + (line * font.Size * LineAdvance), SKTextAlign.Center, font, text);
            }
        }
    }

    /// <summary>
    /// Where the caption band goes: its top and its horizontal anchor (0 left, ½ centred, 1 right in the panel). At
    /// the bottom centre unless the captions would hide data points or the readouts there; then, of eight heights up
    /// the panel and three anchors, the lowest, most central place that hides the fewest (a caption must not hide the lesson).
    /// </summary>
    private static (float Top, float Anchor) Band(RenderContext context)
    {
        var texts = AllCaptions(context);
        using var font = CaptionFont(context);
        var (area, scale) = (context.Viewport.Area, context.Layout.Scale);
        if (texts.Count == 0)
        {
            return (area.Bottom, 0.5f);
        }
        var (lowest, highest) = (area.Bottom - (14 * scale) - Union(Boxes(context, font, texts, 0, 0.5f)).Height, area.Top + (14 * scale));
        if (highest >= lowest)
        {
            return (lowest, 0.5f);
        }
        var (viewport, data) = (context.Viewport, context.Plan.Data);
        var readout = context.Plan.Readout.Box;
        int Hidden((float Top, float Anchor) place)
        {
            var band = Union(Boxes(context, font, texts, place.Top, place.Anchor));
            var overReadout = band.Left < readout.Right && readout.Left < band.Right && band.Top < readout.Bottom && readout.Top < band.Bottom;
            return Enumerable.Range(0, data.Count).Count(i => band.Contains(viewport.PixelX(data.X[i]), viewport.PixelY(data.Y[i]))) + (overReadout ? 10_000 : 0);
        }
        return Enumerable.Range(0, 8)
            .SelectMany(k => new[] { 0.5f, 0f, 1f }.Select(anchor => (lowest - ((lowest - highest) * k / 7f), anchor)))
            .MinBy(Hidden);
    }

    /// <summary>Where a caption too wide for the panel breaks onto a second line.</summary>
    private const string Dash = " — ";

    /// <summary>Line advance within a caption, in font sizes.</summary>
    private const float LineAdvance = 1.25f;

    private static SKRect Union(List<(SKRect Rect, string[] Lines)> boxes) => boxes.Aggregate(boxes[0].Rect, (band, box) => SKRect.Union(band, box.Rect));

    private static string Text(IReadOnlyList<Core.Fitting.FitRecord> fits, int k, int step) =>
        $"{(fits.Count > 1 ? fits[k].Info.Label + " diverged" : "diverged")} at step {step:N0} — learning rate too high";

    /// <summary>The caption of every diverging fit, as the last frames show them.</summary>
    private static List<string> AllCaptions(RenderContext context)
    {
        var fits = context.Plan.Fits;
        return [.. Enumerable.Range(0, fits.Count).Where(k => fits[k].Info.DivergedAtStep is not null).Select(k => Text(fits, k, fits[k].Info.DivergedAtStep!.Value))];
    }

    private static SKFont CaptionFont(RenderContext context) => context.Fonts.Font(context.Layout.ReadoutSize * 1.1f, bold: true);

    /// <summary>
    /// One box per caption at <paramref name="anchor"/> across the panel, stacked down from <paramref name="top"/>, and the lines each shows: one line, or
    /// two broken at the dash when one is too wide for the panel (cut short only if even a half does not fit).
    /// </summary>
    private static List<(SKRect Rect, string[] Lines)> Boxes(RenderContext context, SKFont font, List<string> captions, float top, float anchor)
    {
        var area = context.Viewport.Area;
        var available = area.Width - (40 * context.Layout.Scale);
        var y = top;
        var boxes = new List<(SKRect, string[])>();
        foreach (var caption in captions)
        {
            var lines = font.MeasureText(caption) <= available || !caption.Contains(Dash, StringComparison.Ordinal)
                ? [caption]
                : caption.Split(Dash, 2);
            lines = [.. lines.Select(line => TextFit.Ellipsize(line, font, available))];
            var width = lines.Max(line => font.MeasureText(line)) + (2 * font.Size);
            var height = (font.Size * 1.6f) + ((lines.Length - 1) * font.Size * LineAdvance);
            var inset = 14 * context.Layout.Scale;
            var left = area.Left + inset + ((area.Width - (2 * inset) - width) * anchor);
            boxes.Add((new SKRect(left, y, left + width, y + height), lines));
            y += height + (font.Size * 0.3f);
        }
        return boxes;
    }
}
