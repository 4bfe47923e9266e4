using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>The data points as the plan places them (<see cref="Core.Layout.ScenePlan.Points"/>), clipped to the fit panel; coloured by class for logistic regression.</summary>
internal sealed class DataPointsLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var viewport = context.Viewport;
        var data = context.Plan.Points;
        var scale = context.Layout.Scale;
        // Many points get smaller dots, so that a 400-row CSV is not a blob.
        var radius = (data.Count <= 50 ? 7f : data.Count <= 400 ? 4.5f : 3f) * scale;
        using var fill = new SKPaint { IsAntialias = true, Color = context.Style.Points, Style = SKPaintStyle.Fill };
        var byClass = context.Plan.Fits[0].Info.Model.IsLogistic;
        using var edge = new SKPaint { IsAntialias = true, Color = context.Style.Paper.WithAlpha(200), Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, scale) };
        canvas.ClipRect(Rect(viewport.Area));
        for (var i = 0; i < data.Count; i++)
        {
            var center = new SKPoint(viewport.PixelX(data.X[i]), viewport.PixelY(data.Y[i]));
            if (byClass)
            {
                fill.Color = data.Y[i] > 0.5 ? context.Style.ClassOne : context.Style.ClassZero;
            }
            canvas.DrawCircle(center, radius, fill);
            canvas.DrawCircle(center, radius, edge);
        }
    }

    internal static SKRect Rect(Core.Layout.PixelRect r) => new(r.Left, r.Top, r.Right, r.Bottom);
}
