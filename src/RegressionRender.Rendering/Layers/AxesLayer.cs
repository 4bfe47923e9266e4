using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>What one panel's axes show: its viewport, tick labels, and the axis and panel titles its layout fitted.</summary>
internal sealed record PanelAxes(Viewport Viewport, AxisLabels? X, AxisLabels? Y, PanelLayout Panel, bool Grid = true);

/// <summary>Grid, axis lines, ticks with labels, axis titles and the panel title of one panel.</summary>
internal sealed class AxesLayer(RenderContext context, PanelAxes axes) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var viewport = axes.Viewport;
        var layout = context.Layout;
        var area = viewport.Area;
        var (scale, em) = (layout.Scale, layout.TextScale);
        var xTicks = axes.X ?? AxisLabels.Linear(viewport.X, TickTarget(area.Width, em));
        var yTicks = axes.Y ?? AxisLabels.Linear(viewport.Y, TickTarget(area.Height, em));

        using var grid = new SKPaint { IsAntialias = true, Color = context.Style.Grid, StrokeWidth = Math.Max(1, scale), Style = SKPaintStyle.Stroke };
        using var axis = new SKPaint { IsAntialias = true, Color = context.Style.Axis, StrokeWidth = Math.Max(1, 1.25f * scale), Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { IsAntialias = true, Color = context.Style.MutedText };
        using var tickFont = context.Fonts.Font(layout.TickSize);

        foreach (var x in xTicks.Values)
        {
            var px = viewport.PixelX(x);
            if (axes.Grid)
            {
                canvas.DrawLine(px, area.Top, px, area.Bottom, grid);
            }
            canvas.DrawLine(px, area.Bottom, px, area.Bottom + (5 * scale), axis);
            context.Text(canvas, "tick", xTicks.Label(x), xTicks.Label(x), px, area.Bottom + (8 * em) + layout.TickSize, SKTextAlign.Center, tickFont, text);
        }
        foreach (var y in yTicks.Values)
        {
            var py = viewport.PixelY(y);
            if (axes.Grid)
            {
                canvas.DrawLine(area.Left, py, area.Right, py, grid);
            }
            canvas.DrawLine(area.Left - (5 * scale), py, area.Left, py, axis);
            context.Text(canvas, "tick", yTicks.Label(y), yTicks.Label(y), area.Left - (9 * em), py + (layout.TickSize * 0.35f), SKTextAlign.Right, tickFont, text);
        }
        canvas.DrawLine(area.Left, area.Bottom, area.Right, area.Bottom, axis);
        canvas.DrawLine(area.Left, area.Top, area.Left, area.Bottom, axis);

        text.Color = context.Style.Text;
        var panel = axes.Panel;
        context.Block(canvas, "axis-title", panel.XTitle, (area.Left + area.Right) / 2, area.Bottom + (30 * em) + panel.XTitle.FontPx, SKTextAlign.Center, text);
        DrawYTitle(canvas, panel.YTitle, area, panel.YTitleMiddle, em, text);
        var title = panel.Title;
        var advance = title.FontPx * TextBlock.LineAdvance;
        context.Block(canvas, "panel-title", title, area.Left, area.Top - (8 * em) - ((title.Lines.Count - 1) * advance), SKTextAlign.Left, text);
    }

    /// <summary>The y title reads upwards, centred where the layout says (the plot's middle as a rule); its last line nearest the tick labels.</summary>
    private void DrawYTitle(SKCanvas canvas, TextBlock title, PixelRect area, float middle, float em, SKPaint paint)
    {
        if (title.Lines.Count == 0)
        {
            return;
        }
        using var font = context.Fonts.Font(title.FontPx);
        var advance = title.FontPx * TextBlock.LineAdvance;
        var last = area.Left - (72 * em);
        var first = last - ((title.Lines.Count - 1) * advance);
        var half = 0f;
        for (var i = 0; i < title.Lines.Count; i++)
        {
            canvas.Save();
            canvas.Translate(first + (i * advance), middle);
            canvas.RotateDegrees(-90);
            canvas.DrawText(title.Lines[i], 0, 0, SKTextAlign.Center, font, paint);
            canvas.Restore();
            half = Math.Max(half, font.MeasureText(title.Lines[i]) / 2);
        }
        // The rotated lines' box: their width runs up the page, the first line's ascent to the left of its baseline.
        context.Boxes?.Add("axis-title", title.Text, title.Drawn, title.FontPx, new SKRect(first + font.Metrics.Ascent, middle - half, last + font.Metrics.Descent, middle + half));
    }

    // About one tick per six tick-label sizes (90 px at 720p), at least 3.
    internal static int TickTarget(float pixels, float textScale) => Math.Max(3, (int)(pixels / (90 * textScale)));
}
