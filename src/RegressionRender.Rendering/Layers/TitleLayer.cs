using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>The title and subtitle above the panels.</summary>
internal sealed class TitleLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var layout = context.Layout;
        var config = context.Plan.Config;
        var y = layout.TitleArea.Top;
        using var paint = new SKPaint { IsAntialias = true, Color = context.Style.Text };
        if (!string.IsNullOrWhiteSpace(config.Title))
        {
            using var font = context.Fonts.Font(layout.TitleSize, bold: true);
            TextFit.Shrink(config.Title, font, layout.TitleSize, layout.TitleArea.Width);
            y += layout.TitleSize;
            context.Text(canvas, "title", config.Title, TextFit.Ellipsize(config.Title, font, layout.TitleArea.Width), layout.TitleArea.Left, y, SKTextAlign.Left, font, paint);
        }
        if (!string.IsNullOrWhiteSpace(config.Subtitle))
        {
            using var font = context.Fonts.Font(layout.SubtitleSize);
            TextFit.Shrink(config.Subtitle, font, layout.SubtitleSize, layout.TitleArea.Width);
            paint.Color = context.Style.MutedText;
            y += layout.SubtitleSize * 1.45f;
            context.Text(canvas, "subtitle", config.Subtitle, TextFit.Ellipsize(config.Subtitle, font, layout.TitleArea.Width), layout.TitleArea.Left, y, SKTextAlign.Left, font, paint);
        }
    }
}
