using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>The closed-form optimum as a dashed ghost: where descent is heading.</summary>
internal sealed class TargetLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        if (!context.Plan.Draw.Target || context.Plan.Fits[0].Info.Target is not { } target)
        {
            return;
        }
        var scale = context.Layout.Scale;
        using var dash = SKPathEffect.CreateDash([10 * scale, 7 * scale], 0);
        using var paint = new SKPaint { IsAntialias = true, Color = context.Style.Target, Style = SKPaintStyle.Stroke, StrokeWidth = 2 * scale, PathEffect = dash };
        using var builder = new SKPathBuilder();
        canvas.ClipRect(DataPointsLayer.Rect(context.Viewport.Area));
        using var path = CurvePath.Build(builder, context.Viewport, context.Plan.Fits[0].Info.Model, target);
        canvas.DrawPath(path, paint);
    }
}
