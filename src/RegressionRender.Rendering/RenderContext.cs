using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>What every layer of one video needs: the plan, the colours, the fonts and the readout formats.</summary>
internal sealed record RenderContext(ScenePlan Plan, SceneStyle Style, FontSet Fonts, IReadOnlyList<ReadoutText> Readouts, TextBoxes? Boxes = null)
{
    /// <summary>Draws text (<paramref name="drawn"/>, which may be cut from <paramref name="text"/>) and reports its box to the collector, if any.</summary>
    public void Text(SKCanvas canvas, string role, string text, string drawn, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
    {
        canvas.DrawText(drawn, x, y, align, font, paint);
        Boxes?.Add(role, text, drawn, font.Size, TextBoxes.Of(drawn, x, y, align, font));
    }

    /// <summary>
    /// Draws a laid-out block (<see cref="TextBlock"/>), its first baseline at <paramref name="y"/>, the next lines below,
    /// and reports it as one text: the box around all its lines.
    /// </summary>
    public void Block(SKCanvas canvas, string role, TextBlock block, float x, float y, SKTextAlign align, SKPaint paint)
    {
        if (block.Lines.Count == 0)
        {
            return;
        }
        using var font = Fonts.Font(block.FontPx, block.Bold);
        SKRect? box = null;
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var baseline = y + (i * block.FontPx * TextBlock.LineAdvance);
            canvas.DrawText(block.Lines[i], x, baseline, align, font, paint);
            var line = TextBoxes.Of(block.Lines[i], x, baseline, align, font);
            box = box is { } b ? SKRect.Union(b, line) : line;
        }
        Boxes?.Add(role, block.Text, block.Drawn, block.FontPx, box!.Value);
    }

    public FrameLayout Layout => Plan.Layout;

    public Viewport Viewport => Plan.FitViewport;
}
