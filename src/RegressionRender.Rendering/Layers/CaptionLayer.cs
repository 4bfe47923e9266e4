using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// "diverged at step k — learning rate too high", shown once a diverging fit reaches the end of its record:
/// a fit flying off the chart is a valid lesson, and the caption says what the viewer is seeing.
/// </summary>
internal sealed class CaptionLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var fits = context.Plan.Fits;
        var captions = new List<(string Text, SKColor Color)>();
        for (var k = 0; k < fits.Count && k < frame.Fits.Count; k++)
        {
            if (fits[k].Info.DivergedAtStep is { } step && frame.Fits[k].Iteration >= fits[k].Steps - 1e-9)
            {
                var who = fits.Count > 1 ? $"{fits[k].Info.Label} diverged" : "diverged";
                captions.Add(($"{who} at step {step:N0} — learning rate too high", context.Style.FitColors[k]));
            }
        }
        if (captions.Count == 0)
        {
            return;
        }
        var layout = context.Layout;
        var area = context.Viewport.Area;
        using var font = context.Fonts.Font(layout.ReadoutSize * 1.1f, bold: true);
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var box = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        var lineHeight = font.Size * 1.9f;
        var y = area.Bottom - (14 * layout.Scale) - (captions.Count * lineHeight);
        foreach (var (caption, color) in captions)
        {
            var shown = TextFit.Ellipsize(caption, font, area.Width - (40 * layout.Scale));
            var width = font.MeasureText(shown) + (2 * font.Size);
            var left = ((area.Left + area.Right) / 2) - (width / 2);
            box.Color = color.WithAlpha(235);
            var rect = new SKRect(left, y, left + width, y + (font.Size * 1.6f));
            canvas.DrawRoundRect(rect, 6 * layout.Scale, 6 * layout.Scale, box);
            context.Boxes?.Add(rect, shown);
            canvas.DrawText(shown, (area.Left + area.Right) / 2, y + (font.Size * 1.12f), SKTextAlign.Center, font, text);
            y += lineHeight;
        }
    }
}
