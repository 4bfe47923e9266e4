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

    public FrameLayout Layout => Plan.Layout;

    public Viewport Viewport => Plan.FitViewport;
}
