using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>Each fit's starting curve, drawn faint so that the viewer sees where descent began.</summary>
internal sealed class InitialFitLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = context.Style.Initial, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.25f, 2.5f * context.Layout.Scale) };
        using var builder = new SKPathBuilder();
        canvas.ClipRect(DataPointsLayer.Rect(context.Viewport.Area));
        foreach (var fit in context.Plan.Fits)
        {
            using var path = CurvePath.Build(builder, context.Viewport, fit.Info.Model, fit.Entry(0));
            canvas.DrawPath(path, paint);
        }
    }
}
