using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>Builds the path of a fitted curve across the fit panel: two points for a line on screen, a sample every 2 px otherwise (curves, sigmoids, lines far off the panel).</summary>
internal static class CurvePath
{
    public static SKPath Build(SKPathBuilder path, Viewport viewport, RegressionModel model, ReadOnlySpan<double> parameters)
    {
        path.Reset();
        var samples = !model.IsLogistic && parameters.Length == 2 && InRange(viewport, parameters) ? 2 : Math.Max(2, (int)(viewport.Area.Width / 2));
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

    private static bool InRange(Viewport viewport, ReadOnlySpan<double> parameters)
    {
        var a = viewport.PixelY(RegressionModel.Polynomial(parameters, viewport.X.Min));
        var b = viewport.PixelY(RegressionModel.Polynomial(parameters, viewport.X.Max));
        return Clamp(a, viewport) == a && Clamp(b, viewport) == b;
    }

    // Far-off values would overflow Skia's fixed-point rasteriser; anything past the panel is clipped anyway.
    private static float Clamp(float y, Viewport viewport)
    {
        var limit = viewport.Area.Height * 4;
        return float.IsNaN(y) ? viewport.Area.Bottom + limit : Math.Clamp(y, viewport.Area.Top - limit, viewport.Area.Bottom + limit);
    }
}
