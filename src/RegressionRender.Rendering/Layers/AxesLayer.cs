using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>What one panel's axes show: its viewport, tick labels, axis titles and an optional panel title.</summary>
internal sealed record PanelAxes(Viewport Viewport, AxisLabels? X, AxisLabels? Y, string XTitle, string YTitle, string? Title, bool Grid = true);

/// <summary>Grid, axis lines, ticks with labels, axis titles and the panel title of one panel.</summary>
internal sealed class AxesLayer(RenderContext context, PanelAxes axes) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var viewport = axes.Viewport;
        var layout = context.Layout;
        var area = viewport.Area;
        var scale = layout.Scale;
        var xTicks = axes.X ?? AxisLabels.Linear(viewport.X, TickTarget(area.Width, scale));
        var yTicks = axes.Y ?? AxisLabels.Linear(viewport.Y, TickTarget(area.Height, scale));

        using var grid = new SKPaint { IsAntialias = true, Color = context.Style.Grid, StrokeWidth = Math.Max(1, scale), Style = SKPaintStyle.Stroke };
        using var axis = new SKPaint { IsAntialias = true, Color = context.Style.Axis, StrokeWidth = Math.Max(1, 1.25f * scale), Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { IsAntialias = true, Color = context.Style.MutedText };
        using var tickFont = context.Fonts.Font(layout.TickSize);
        using var titleFont = context.Fonts.Font(layout.AxisTitleSize);

        foreach (var x in xTicks.Values)
        {
            var px = viewport.PixelX(x);
            if (axes.Grid)
            {
                canvas.DrawLine(px, area.Top, px, area.Bottom, grid);
            }
            canvas.DrawLine(px, area.Bottom, px, area.Bottom + (5 * scale), axis);
            context.Text(canvas, "tick", xTicks.Label(x), xTicks.Label(x), px, area.Bottom + (8 * scale) + layout.TickSize, SKTextAlign.Center, tickFont, text);
        }
        foreach (var y in yTicks.Values)
        {
            var py = viewport.PixelY(y);
            if (axes.Grid)
            {
                canvas.DrawLine(area.Left, py, area.Right, py, grid);
            }
            canvas.DrawLine(area.Left - (5 * scale), py, area.Left, py, axis);
            context.Text(canvas, "tick", yTicks.Label(y), yTicks.Label(y), area.Left - (9 * scale), py + (layout.TickSize * 0.35f), SKTextAlign.Right, tickFont, text);
        }
        canvas.DrawLine(area.Left, area.Bottom, area.Right, area.Bottom, axis);
        canvas.DrawLine(area.Left, area.Top, area.Left, area.Bottom, axis);

        text.Color = context.Style.Text;
        context.Text(canvas, "axis-title", axes.XTitle, TextFit.Ellipsize(axes.XTitle, titleFont, area.Width), (area.Left + area.Right) / 2, area.Bottom + (30 * scale) + layout.AxisTitleSize, SKTextAlign.Center, titleFont, text);
        var yTitle = TextFit.Ellipsize(axes.YTitle, titleFont, area.Height);
        var yTitleX = area.Left - (72 * scale);
        canvas.Save();
        canvas.Translate(yTitleX, (area.Top + area.Bottom) / 2);
        canvas.RotateDegrees(-90);
        canvas.DrawText(yTitle, 0, 0, SKTextAlign.Center, titleFont, text);
        canvas.Restore();
        // The rotated title's box: its width runs up the page, its ascent to the left of the baseline.
        var half = titleFont.MeasureText(yTitle) / 2;
        var middle = (area.Top + area.Bottom) / 2;
        context.Boxes?.Add("axis-title", axes.YTitle, yTitle, titleFont.Size, new SKRect(yTitleX + titleFont.Metrics.Ascent, middle - half, yTitleX + titleFont.Metrics.Descent, middle + half));
        if (axes.Title is { } title)
        {
            using var panelFont = context.Fonts.Font(layout.PanelTitleSize, bold: true);
            context.Text(canvas, "panel-title", title, TextFit.Ellipsize(title, panelFont, area.Width), area.Left, area.Top - (8 * scale), SKTextAlign.Left, panelFont, text);
        }
    }

    // About one tick per 90 px at 720p scale, at least 3.
    internal static int TickTarget(float pixels, float scale) => Math.Max(3, (int)(pixels / (90 * scale)));
}
