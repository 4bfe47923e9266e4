using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Timing;

/// <summary>How pacing measures what the viewer sees (<see cref="CurveProbe"/>): movement and visible share of curves across the fit panel.</summary>
public sealed class CurveProbeTests
{
    private static readonly Viewport Panel = new(new AxisRange(0, 15), new AxisRange(0, 15), new PixelRect(100, 100, 700, 700));
    private static readonly RegressionModel Line = new(ModelKind.Linear, 1);
    private static readonly CurveProbe Probe = new(Panel);

    /// <summary>A line of slope 500 (near vertical on screen) crossing y = 7.5 at x = <paramref name="at"/>.</summary>
    private static double[] Steep(double at) => [7.5 - (500 * at), 500];

    [Fact]
    public void A_Near_Vertical_Line_Moving_Sideways_Moves_Evenly_Even_Between_Samples()
    {
        // 0.01 in x is 0.4 px: far finer than the 64 samples across the panel (one every 9.5 px). Sampled point by
        // point, the line would move by nothing, then by the panel's height; measured over the polyline, evenly.
        var moves = Enumerable.Range(0, 200).Select(i => Math.Sqrt(Probe.SquaredDisplacement(Line, Steep(5 + (i * 0.01)), Steep(5 + ((i + 1) * 0.01))))).ToArray();
        Assert.True(moves.Min() > 0, "a step sideways did not count");
        Assert.True(moves.Max() <= 1.5 * moves.Min(), $"equal steps sideways move {moves.Min():F2}..{moves.Max():F2} px");
    }

    [Fact]
    public void Movement_Outside_The_Panel_Counts_For_Nothing()
    {
        // Two horizontal lines above the panel, and one above and one below it: nothing the viewer sees moves.
        Assert.Equal(0, Probe.SquaredDisplacement(Line, [20, 0], [30, 0]));
        Assert.Equal(0, Probe.SquaredDisplacement(Line, [20, 0], [-10, 0]));
        // A line moving inside the panel: 1 unit of y is 40 px.
        Assert.Equal(40, Math.Sqrt(Probe.SquaredDisplacement(Line, [5, 0], [6, 0])), 3);
    }

    [Fact]
    public void A_Curve_Leaving_The_Panel_Moves_As_Far_As_The_Nearest_Edge()
    {
        // y = 0.02x − 0.25 just reaches into the panel at its right end (0.05 units, 2 px deep, over the last sixth of
        // the width); the next frame's line lies far above the top. The viewer sees a sliver vanish at the bottom:
        // measured to the line above, the sliver moved by the panel's height, 600 px over a sixth of the width, about
        // 240 px RMS; to the nearest edge, by its depth.
        var sliver = Math.Sqrt(Probe.SquaredDisplacement(Line, [-0.25, 0.02], [40, 0]));
        Assert.True(sliver < 2, $"a 2 px deep sliver vanishing at the bottom moved {sliver:F1} px");
        // A line leaving through the top edge it is near moves as far as that edge.
        Assert.Equal(40, Math.Sqrt(Probe.SquaredDisplacement(Line, [14, 0], [30, 0])), 3);
    }

    [Fact]
    public void The_Visible_Share_Is_The_Part_Of_The_Curve_Inside_The_Panel()
    {
        Assert.Equal(1, Probe.VisibleShare(Line, [7.5, 0]), 6);
        Assert.Equal(0, Probe.VisibleShare(Line, [-5, 0]), 6);
        // y = x − 7.5 is inside for x in [7.5, 15]: half of the x range.
        Assert.Equal(0.5, Probe.VisibleShare(Line, [-7.5, 1]), 2);
        // A near-vertical line is inside over 15/500 of a unit of x, between two samples.
        Assert.Equal(15.0 / 500 / 15, Probe.VisibleShare(Line, Steep(5.1)), 4);
    }
}
