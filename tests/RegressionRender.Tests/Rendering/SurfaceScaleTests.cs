using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Rendering;

namespace RegressionRender.Tests.Rendering;

/// <summary>The loss surface's colour scale: log-spaced levels above the lowest loss, labelled where the labels tell apart.</summary>
public sealed class SurfaceScaleTests : IDisposable
{
    private readonly TextMeasure _measure = new();

    public void Dispose() => _measure.Dispose();

    [Fact]
    public void Levels_Run_From_The_Lowest_To_The_Highest_Loss_And_Back()
    {
        var scale = new SurfaceScale(0.17, 1.2);

        Assert.Equal(0.17, scale.Loss(0), 9);
        Assert.Equal(1.2, scale.Loss(1), 9);
        Assert.Equal(0.5, scale.Level(scale.Loss(0.5)), 9);
        // Three quarters up is about a tenth of the way in loss, so its label reads apart from the lowest.
        Assert.InRange(scale.Loss(0.75), 0.17 + (0.08 * 1.03), 0.17 + (0.12 * 1.03));
        Assert.Equal(["0.17", "0.27", "1.2"], scale.Labels.Select(l => l.Text));
    }

    [Theory]
    [InlineData(1280, 720, 3)]
    [InlineData(854, 300, 2)]
    public void A_Colour_Bar_Too_Short_For_Its_Inner_Label_Keeps_Only_The_Ends(int width, int height, int labels)
    {
        var scale = new SurfaceScale(0.17, 1.2);
        var layout = FrameLayout.Create(width, height, "t", null, [PanelKind.Fit, PanelKind.Loss, PanelKind.Surface],
            kind => kind == PanelKind.Surface ? new PanelWords("θ₀", "θ₁", "Loss surface", scale.Labels) : new PanelWords("x", "y", null), _measure);

        var surface = layout.Panel(PanelKind.Surface);

        Assert.NotNull(surface);
        Assert.Equal(labels, surface.ScaleLabels.Count);
        Assert.Equal(surface.Plot.Top, surface.ColorBar.Top);
        Assert.Equal(surface.Plot.Bottom, surface.ColorBar.Bottom);
    }
}
