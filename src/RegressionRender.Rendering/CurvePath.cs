using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>Builds the path of a fitted curve across the fit panel: a line as its segment inside the panel, a sample every 2 px otherwise (curves, sigmoids, lines far off the panel).</summary>
internal static class CurvePath
{
    public static SKPath Build(SKPathBuilder path, Viewport viewport, RegressionModel model, ReadOnlySpan<double> parameters)
    {
        path.Reset();
        if (!model.IsLogistic && parameters.Length == 2 && LineAcrossPanel(viewport, model, parameters) is var (from, to))
        {
            path.MoveTo(from);
            path.LineTo(to);
            return path.Detach();
        }
        var samples = !model.IsLogistic && parameters.Length == 2 && InRange(viewport, model, parameters) ? 2 : Math.Max(2, (int)(viewport.Area.Width / 2));
        for (var i = 0; i < samples; i++)
        {
            var x = viewport.X.Min + (viewport.X.Span * i / (samples - 1));
            var point = new SKPoint(viewport.PixelX(x), Clamp(viewport.PixelY(model.Predict(parameters, x)), viewport));
            if (i == 0)
            {
                path.MoveTo(point);
            }
            else
            {
                path.LineTo(point);
            }
        }
        return path.Detach();
    }

    /// <summary>
    /// The part of the line inside the panel, cut where it leaves through the top or bottom: a path that
    /// needs no clipping (Skia draws clipped hairlines several times slower). Null when the line misses the panel
    /// or lies too far off for float pixels; the sampled, clamped path handles those.
    /// </summary>
    private static (SKPoint From, SKPoint To)? LineAcrossPanel(Viewport viewport, RegressionModel model, ReadOnlySpan<double> parameters)
    {
        var (x0, x1) = (viewport.PixelX(viewport.X.Min), viewport.PixelX(viewport.X.Max));
        var (y0, y1) = (viewport.PixelY(model.LogOdds(parameters, viewport.X.Min)), viewport.PixelY(model.LogOdds(parameters, viewport.X.Max)));
        var limit = viewport.Area.Height * 4;
        if (!(Math.Abs(y0 - viewport.Area.Top) < limit && Math.Abs(y1 - viewport.Area.Top) < limit))
        {
            return null;
        }
        var (top, bottom) = (viewport.Area.Top, viewport.Area.Bottom);
        if (y0 == y1)
        {
            return y0 >= top && y0 <= bottom ? (new SKPoint(x0, y0), new SKPoint(x1, y1)) : null;
        }
        var (atTop, atBottom) = ((top - y0) / (y1 - y0), (bottom - y0) / (y1 - y0));
        var (enter, leave) = (Math.Max(0, Math.Min(atTop, atBottom)), Math.Min(1, Math.Max(atTop, atBottom)));
        if (enter >= leave)
        {
            return null;
        }
        SKPoint At(float t) => new(x0 + ((x1 - x0) * t), Math.Clamp(y0 + ((y1 - y0) * t), top, bottom));
        return (At(enter), At(leave));
    }

    private static bool InRange(Viewport viewport, RegressionModel model, ReadOnlySpan<double> parameters)
    {
        var a = viewport.PixelY(model.LogOdds(parameters, viewport.X.Min));
        var b = viewport.PixelY(model.LogOdds(parameters, viewport.X.Max));
        return Clamp(a, viewport) == a && Clamp(b, viewport) == b;
    }

    // Far-off values would overflow Skia's fixed-point rasteriser; anything past the panel is clipped anyway.
    private static float Clamp(float y, Viewport viewport)
    {
        var limit = viewport.Area.Height * 4;
        return float.IsNaN(y) ? viewport.Area.Bottom + limit : Math.Clamp(y, viewport.Area.Top - limit, viewport.Area.Bottom + limit);
    }
}
