using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>The title and subtitle above the panels, as the layout fitted them (<see cref="FrameLayout.Title"/>).</summary>
internal sealed class TitleLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var layout = context.Layout;
        var (left, top) = (layout.TitleArea.Left, layout.TitleArea.Top);
        using var paint = new SKPaint { IsAntialias = true, Color = context.Style.Text };
        context.Block(canvas, "title", layout.Title, left, top + layout.Title.FontPx, SKTextAlign.Left, paint);
        paint.Color = context.Style.MutedText;
        context.Block(canvas, "subtitle", layout.Subtitle, left, top + FrameLayout.TitleBottom(layout.Title) + layout.Subtitle.FontPx, SKTextAlign.Left, paint);
    }
}
