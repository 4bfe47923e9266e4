using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>Grid, axis lines, 1-2-5 ticks with labels, and axis titles of the fit panel.</summary>
internal sealed class AxesLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var viewport = context.Viewport;
        var layout = context.Layout;
        var area = viewport.Area;
        var scale = layout.Scale;
        var xTicks = NiceTicks.For(viewport.X, TickTarget(area.Width, scale));
        var yTicks = NiceTicks.For(viewport.Y, TickTarget(area.Height, scale));

        using var grid = new SKPaint { IsAntialias = true, Color = context.Style.Grid, StrokeWidth = Math.Max(1, scale), Style = SKPaintStyle.Stroke };
        using var axis = new SKPaint { IsAntialias = true, Color = context.Style.Axis, StrokeWidth = Math.Max(1, 1.25f * scale), Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { IsAntialias = true, Color = context.Style.MutedText };
        using var tickFont = context.Fonts.Font(layout.TickSize);
        using var titleFont = context.Fonts.Font(layout.AxisTitleSize);

        foreach (var x in xTicks.Values)
        {
            var px = viewport.PixelX(x);
            canvas.DrawLine(px, area.Top, px, area.Bottom, grid);
            canvas.DrawLine(px, area.Bottom, px, area.Bottom + (5 * scale), axis);
            canvas.DrawText(xTicks.Label(x), px, area.Bottom + (8 * scale) + layout.TickSize, SKTextAlign.Center, tickFont, text);
        }
        foreach (var y in yTicks.Values)
        {
            var py = viewport.PixelY(y);
            canvas.DrawLine(area.Left, py, area.Right, py, grid);
            canvas.DrawLine(area.Left - (5 * scale), py, area.Left, py, axis);
            canvas.DrawText(yTicks.Label(y), area.Left - (9 * scale), py + (layout.TickSize * 0.35f), SKTextAlign.Right, tickFont, text);
        }
        if (context.Plan.Fits[0].Info.Model.IsLogistic && viewport.Y.Min < 0.5 && viewport.Y.Max > 0.5)
        {
            // The decision threshold of logistic regression.
            using var dash = SKPathEffect.CreateDash([8 * scale, 6 * scale], 0);
            using var half = new SKPaint { IsAntialias = true, Color = context.Style.Axis, StrokeWidth = Math.Max(1, 1.25f * scale), Style = SKPaintStyle.Stroke, PathEffect = dash };
            canvas.DrawLine(area.Left, viewport.PixelY(0.5), area.Right, viewport.PixelY(0.5), half);
        }
        canvas.DrawLine(area.Left, area.Bottom, area.Right, area.Bottom, axis);
        canvas.DrawLine(area.Left, area.Top, area.Left, area.Bottom, axis);

        var data = context.Plan.Data;
        text.Color = context.Style.Text;
        canvas.DrawText(TextFit.Ellipsize(data.XTitle, titleFont, area.Width), (area.Left + area.Right) / 2, area.Bottom + (30 * scale) + layout.AxisTitleSize, SKTextAlign.Center, titleFont, text);
        canvas.Save();
        canvas.Translate(area.Left - (64 * scale) - (8 * scale), (area.Top + area.Bottom) / 2);
        canvas.RotateDegrees(-90);
        canvas.DrawText(TextFit.Ellipsize(data.YTitle, titleFont, area.Height), 0, 0, SKTextAlign.Center, titleFont, text);
        canvas.Restore();
    }

    // About one tick per 90 px at 720p scale, at least 3.
    private static int TickTarget(float pixels, float scale) => Math.Max(3, (int)(pixels / (90 * scale)));
}
