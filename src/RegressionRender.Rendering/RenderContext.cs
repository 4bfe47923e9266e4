using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;

namespace RegressionRender.Rendering;

/// <summary>What every layer of one video needs: the plan, the colours, the fonts and the readout formats.</summary>
internal sealed record RenderContext(ScenePlan Plan, SceneStyle Style, FontSet Fonts, IReadOnlyList<ReadoutText> Readouts)
{
    public FrameLayout Layout => Plan.Layout;

    public Viewport Viewport => Plan.FitViewport;
}
