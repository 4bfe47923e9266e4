using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The noise of a stochastic fit: when a frame shows one recorded step chosen from many (the steps in its
/// window, see <c>FrameDisplay</c>), a few of the others are drawn faintly around it, so that the noise the
/// smooth path hides stays visible.
/// </summary>
internal sealed class NoiseLayer(RenderContext context) : IFrameLayer, IDisposable
{
    private const int MaxLines = 10;
    private const float Alpha = 0.12f;
    private readonly SKPathBuilder _builder = new();
    private readonly SKPaint _paint = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0 };

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var panel = DataPointsLayer.Rect(context.Viewport.Area);
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            if (frame.Fits[k].Noise is not { } noise)
            {
                continue;
            }
            var record = context.Plan.Fits[k];
            var color = context.Style.FitColors[k];
            _paint.Color = color.WithAlpha((byte)(color.Alpha * Alpha));
            var count = Math.Min(MaxLines, noise.Last - noise.First + 1);
            canvas.Save();
            canvas.ClipRect(panel);
            for (var i = 0; i < count; i++)
            {
                var entry = noise.First + (int)((long)(noise.Last - noise.First) * i / Math.Max(1, count - 1));
                using var path = CurvePath.Build(_builder, context.Viewport, record.Info.Model, record.Entry(entry).ToArray());
                canvas.DrawPath(path, _paint);
            }
            canvas.Restore();
        }
    }

    public void Dispose()
    {
        _builder.Dispose();
        _paint.Dispose();
    }
}
