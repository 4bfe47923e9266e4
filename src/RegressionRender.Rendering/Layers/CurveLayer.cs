using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>The current fitted curve of every fit, strong, with a soft halo so that it reads over the points.</summary>
internal sealed class CurveLayer(RenderContext context) : IFrameLayer, IDisposable
{
    private readonly SKPathBuilder _builder = new();
    private readonly SKPaint _halo = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(3.5f, 7f * context.Layout.Scale), StrokeCap = SKStrokeCap.Round };
    private readonly SKPaint _line = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2f, 3.5f * context.Layout.Scale), StrokeCap = SKStrokeCap.Round };

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        canvas.ClipRect(DataPointsLayer.Rect(context.Viewport.Area));
        _halo.Color = context.Style.Paper.WithAlpha(170);
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            using var path = CurvePath.Build(_builder, context.Viewport, context.Plan.Fits[k].Info.Model, frame.Fits[k].Parameters);
            _line.Color = context.Style.FitColors[k];
            canvas.DrawPath(path, _halo);
            canvas.DrawPath(path, _line);
        }
    }

    public void Dispose()
    {
        _builder.Dispose();
        _halo.Dispose();
        _line.Dispose();
    }
}
