using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>What every layer of one video needs: the plan, the colours, the fonts and the readout formats.</summary>
internal sealed record RenderContext(ScenePlan Plan, SceneStyle Style, FontSet Fonts, IReadOnlyList<ReadoutText> Readouts, TextBoxes? Boxes = null)
{
    /// <summary>Draws text and reports its box to the collector, if any.</summary>
    public void Text(SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
    {
        canvas.DrawText(text, x, y, align, font, paint);
        Boxes?.Add(TextBoxes.Of(text, x, y, align, font), text);
    }

    public FrameLayout Layout => Plan.Layout;

    public Viewport Viewport => Plan.FitViewport;
}
