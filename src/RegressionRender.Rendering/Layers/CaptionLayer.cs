using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The divergence captions (<see cref="CaptionLayout"/>), each shown once its fit reaches the end of its record, in
/// the box the layout placed it: white text on the fit's colour.
/// </summary>
internal sealed class CaptionLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var fits = context.Plan.Fits;
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var box = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var caption in context.Plan.Captions)
        {
            if (caption.Fit >= frame.Fits.Count || frame.Fits[caption.Fit].Iteration < fits[caption.Fit].Steps - 1e-9)
            {
                continue;
            }
            var block = caption.Text;
            var rect = new SKRect(caption.Box.Left, caption.Box.Top, caption.Box.Right, caption.Box.Bottom);
            box.Color = context.Style.FitColors[caption.Fit].WithAlpha(235);
            canvas.DrawRoundRect(rect, 6 * context.Layout.Scale, 6 * context.Layout.Scale, box);
            using var font = context.Fonts.Font(block.FontPx, bold: true);
            for (var line = 0; line < block.Lines.Count; line++)
            {
                canvas.DrawText(block.Lines[line], rect.MidX, rect.Top + (block.FontPx * 1.12f) + (line * block.FontPx * TextBlock.LineAdvance), SKTextAlign.Center, font, text);
            }
            context.Boxes?.Add("caption", block.Text, block.Drawn, block.FontPx, rect, 235 / 255f);
        }
    }
}
