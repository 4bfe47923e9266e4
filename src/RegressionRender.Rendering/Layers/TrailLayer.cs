using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>Earlier fits fading behind the current one — the learner's faint lines, limited to the last seconds.</summary>
internal sealed class TrailLayer(RenderContext context) : IFrameLayer, IDisposable
{
    private const float MaxAlpha = 0.28f;
    private readonly SKPathBuilder _builder = new();
    private readonly SKPaint _paint = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1f, 1.75f * context.Layout.Scale) };

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        if (frame.Trail.Count == 0)
        {
            return;
        }
        canvas.ClipRect(DataPointsLayer.Rect(context.Viewport.Area));
        foreach (var line in frame.Trail)
        {
            var color = context.Style.FitColors[line.FitIndex];
            _paint.Color = color.WithAlpha((byte)(color.Alpha * MaxAlpha * line.Opacity));
            using var path = CurvePath.Build(_builder, context.Viewport, context.Plan.Fits[line.FitIndex].Info.Model, line.Parameters);
            canvas.DrawPath(path, _paint);
        }
    }

    public void Dispose()
    {
        _builder.Dispose();
        _paint.Dispose();
    }
}
