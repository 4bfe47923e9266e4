using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>Earlier fits fading behind the current one — the learner's faint lines, limited to the last seconds.</summary>
internal sealed class TrailLayer(RenderContext context) : IFrameLayer, IDisposable
{
    private const float MaxAlpha = 0.28f;
    private const int MaxLines = 24;
    private readonly SKPathBuilder _builder = new();
    // Up to 1.25× the 720p scale the trail is drawn as hairlines: anti-aliased 1 px lines, many times cheaper to
    // rasterise than thin strokes, and indistinguishable at that size.
    private readonly SKPaint _paint = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = context.Layout.Scale <= 1.25f ? 0 : 1.75f * context.Layout.Scale };

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        if (frame.Trail.Count == 0)
        {
            return;
        }
        var panel = DataPointsLayer.Rect(context.Viewport.Area);
        // At most MaxLines ages, evenly spaced, newest kept: a 60 fps trail looks like a 30 fps one and costs the same.
        var fits = context.Plan.Fits.Count;
        var ages = frame.Trail.Count / fits;
        var every = Math.Max(1, (ages + MaxLines - 1) / MaxLines);
        for (var i = frame.Trail.Count - 1; i >= 0; i--)
        {
            if ((ages - 1 - (i / fits)) % every != 0)
            {
                continue;
            }
            var line = frame.Trail[i];
            var color = context.Style.FitColors[line.FitIndex];
            _paint.Color = color.WithAlpha((byte)(color.Alpha * MaxAlpha * line.Opacity));
            using var path = CurvePath.Build(_builder, context.Viewport, context.Plan.Fits[line.FitIndex].Info.Model, line.Parameters);
            // Skia draws clipped anti-aliased lines several times slower than unclipped ones (measured: 1.46 against
            // 0.32 ms per 640×360 frame of the bench scene), so only lines that leave the panel are clipped.
            var bounds = path.Bounds;
            bounds.Inflate(_paint.StrokeWidth / 2, _paint.StrokeWidth / 2);
            if (panel.Contains(bounds))
            {
                canvas.DrawPath(path, _paint);
                continue;
            }
            canvas.Save();
            canvas.ClipRect(panel);
            canvas.DrawPath(path, _paint);
            canvas.Restore();
        }
    }

    public void Dispose()
    {
        _builder.Dispose();
        _paint.Dispose();
    }
}
