using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// Where a fit's curve lies wholly above or below the fit panel (a start far off the data, a fit that diverged and
/// flew off), a small arrowhead in the fit's colour on that edge, pointing towards the curve, at the x where the curve
/// comes nearest: the viewer always knows where a fit is, even when it is not in the picture. Drawn under the data
/// points, which it never hides.
/// </summary>
internal sealed class OffPanelLayer(RenderContext context) : IFrameLayer, IDisposable
{
    /// <summary>Points across the panel at which the curve is compared with the edge.</summary>
    private const int Samples = 64;

    private readonly SKPathBuilder _builder = new();
    private readonly float _size = Math.Max(6f, 11f * context.Layout.Scale);
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _halo = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2f, 3f * context.Layout.Scale), StrokeJoin = SKStrokeJoin.Round };

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var viewport = context.Viewport;
        _halo.Color = context.Style.Paper.WithAlpha(200);
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            if (frame.Fits[k].Visible > 0 || Nearest(k, frame.Fits[k].Parameters) is not var (x, above))
            {
                continue;
            }
            // The arrowhead's tip just inside the edge, its base a size further in.
            var tipX = Math.Clamp(viewport.PixelX(x), viewport.Area.Left + _size, viewport.Area.Right - _size);
            var tipY = above ? viewport.Area.Top + 2 : viewport.Area.Bottom - 2;
            var baseY = above ? tipY + _size : tipY - _size;
            _builder.Reset();
            _builder.MoveTo(tipX, tipY);
            _builder.LineTo(tipX - _size, baseY);
            _builder.LineTo(tipX + _size, baseY);
            _builder.Close();
            using var path = _builder.Detach();
            _fill.Color = context.Style.FitColors[k];
            canvas.DrawPath(path, _halo);
            canvas.DrawPath(path, _fill);
        }
    }

    /// <summary>
    /// The x (data units) at which fit <paramref name="k"/>'s curve comes nearest the panel (the middle of the nearest
    /// stretch, for a level line), and whether it lies above it; null when the curve is not wholly on one side (it
    /// crosses the panel, or cannot be evaluated).
    /// </summary>
    private (double X, bool Above)? Nearest(int k, double[] parameters)
    {
        var (viewport, model) = (context.Viewport, context.Plan.Fits[k].Info.Model);
        Span<double> xs = stackalloc double[Samples];
        Span<double> gaps = stackalloc double[Samples];
        var (above, below) = (true, true);
        for (var i = 0; i < Samples; i++)
        {
            xs[i] = viewport.X.Min + (viewport.X.Span * i / (Samples - 1));
            var y = model.Predict(parameters, xs[i]);
            (above, below) = (above && y > viewport.Y.Max, below && y < viewport.Y.Min);
            if (!above && !below)
            {
                return null;
            }
            // How far beyond the edge, in pixels.
            gaps[i] = Math.Abs(viewport.PixelY(y) - viewport.PixelY(above ? viewport.Y.Max : viewport.Y.Min));
        }
        var nearest = double.PositiveInfinity;
        foreach (var gap in gaps)
        {
            nearest = Math.Min(nearest, gap);
        }
        var (sum, count) = (0.0, 0);
        for (var i = 0; i < Samples; i++)
        {
            if (gaps[i] <= nearest + 0.5)
            {
                (sum, count) = (sum + xs[i], count + 1);
            }
        }
        return (sum / count, above);
    }

    public void Dispose()
    {
        _builder.Dispose();
        _fill.Dispose();
        _halo.Dispose();
    }
}
