using RegressionRender.Core.Fitting;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// Logistic regression: the decision boundary of each fit, where the sigmoid crosses 0.5, as a dashed vertical
/// line in the fit's colour with a dot on the curve. Moves with the fit.
/// </summary>
internal sealed class ThresholdLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var viewport = context.Viewport;
        var scale = context.Layout.Scale;
        using var dash = SKPathEffect.CreateDash([6 * scale, 5 * scale], 0);
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 1.5f * scale), PathEffect = dash };
        using var dot = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.ClipRect(DataPointsLayer.Rect(viewport.Area));
        if (!context.Plan.Fits[0].Info.Model.IsLogistic)
        {
            return;
        }
        // The probability 0.5 across the panel, then each fit's boundary where its sigmoid crosses it.
        line.Color = context.Style.Axis;
        canvas.DrawLine(viewport.Area.Left, viewport.PixelY(0.5), viewport.Area.Right, viewport.PixelY(0.5), line);
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            var model = context.Plan.Fits[k].Info.Model;
            if (!model.IsLogistic || Boundary(model, frame.Fits[k].Parameters, viewport.X.Min, viewport.X.Max) is not { } x)
            {
                continue;
            }
            var px = viewport.PixelX(x);
            line.Color = context.Style.FitColors[k].WithAlpha(200);
            dot.Color = context.Style.FitColors[k];
            canvas.DrawLine(px, viewport.Area.Top, px, viewport.Area.Bottom, line);
            canvas.DrawCircle(px, viewport.PixelY(0.5), 5 * scale, dot);
        }
    }

    /// <summary>The sign of the log-odds; 0 for NaN (overflowing parameters), which no boundary crosses.</summary>
    private static int Sign(double value) => double.IsNaN(value) ? 0 : Math.Sign(value);

    /// <summary>
    /// The x in [min, max] where the log-odds cross 0, found by bisection (any degree), or null: none when they do not
    /// cross inside the view, nor while they are flat (θ₁ = 0 at the start: p is the same everywhere, no boundary).
    /// </summary>
    internal static double? Boundary(RegressionModel model, ReadOnlySpan<double> parameters, double min, double max)
    {
        const int Samples = 256;
        var previous = model.LogOdds(parameters, min);
        var flat = true;
        for (var i = 1; i <= Samples && flat; i++)
        {
            flat = model.LogOdds(parameters, min + ((max - min) * i / Samples)) == previous;
        }
        if (flat)
        {
            return null;
        }
        for (var i = 1; i <= Samples; i++)
        {
            var x = min + ((max - min) * i / Samples);
            var value = model.LogOdds(parameters, x);
            if (Sign(value) != Sign(previous) || value == 0)
            {
                double low = x - ((max - min) / Samples), high = x;
                for (var j = 0; j < 50; j++)
                {
                    var middle = (low + high) / 2;
                    if (Sign(model.LogOdds(parameters, middle)) == Sign(model.LogOdds(parameters, low)))
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }
                return (low + high) / 2;
            }
            previous = value;
        }
        return null;
    }
}
