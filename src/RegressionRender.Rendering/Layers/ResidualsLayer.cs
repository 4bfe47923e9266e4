using RegressionRender.Core.Config;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// Residuals of the first fit: a segment from each point to the curve, or a square on that segment (Seeing Theory's
/// picture), square on screen whatever the axes' scales: its side is the residual's length in pixels, so its area is
/// the squared residual in y-pixels² and the squares' total area is n × MSE in those units.
/// </summary>
internal sealed class ResidualsLayer(RenderContext context) : IFrameLayer, IDisposable
{
    private readonly SKPaint _line = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 1.5f * context.Layout.Scale) };
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var style = context.Plan.Draw.Residuals;
        var model = context.Plan.Fits[0].Info.Model;
        if (style == ResidualStyle.None || model.IsLogistic || frame.Fits.Count == 0)
        {
            return;
        }
        var viewport = context.Viewport;
        var data = context.Plan.Data;
        var parameters = frame.Fits[0].Parameters;
        canvas.ClipRect(DataPointsLayer.Rect(viewport.Area));
        _line.Color = context.Style.Residual.WithAlpha(200);
        _fill.Color = context.Style.Residual.WithAlpha(38);
        for (var i = 0; i < data.Count; i++)
        {
            var fitted = model.Predict(parameters, data.X[i]);
            var x = viewport.PixelX(data.X[i]);
            var y0 = viewport.PixelY(data.Y[i]);
            var y1 = viewport.PixelY(fitted);
            if (style == ResidualStyle.Squares)
            {
                // Square on screen, drawn towards larger x.
                var side = Math.Abs(y1 - y0);
                var rect = new SKRect(x, Math.Min(y0, y1), x + side, Math.Max(y0, y1));
                canvas.DrawRect(rect, _fill);
                canvas.DrawRect(rect, _line);
            }
            else
            {
                canvas.DrawLine(x, y0, x, y1, _line);
            }
        }
    }

    public void Dispose()
    {
        _line.Dispose();
        _fill.Dispose();
    }
}
