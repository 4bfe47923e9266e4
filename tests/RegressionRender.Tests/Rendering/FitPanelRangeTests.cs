using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Rendering;

/// <summary>The fit panel's auto y range: the data's, widened to show a fit that never arrives.</summary>
public sealed class FitPanelRangeTests
{
    /// <summary>Forty points on y = 400 + 30x, x from 0 to 10, with a wobble.</summary>
    private static string Points(double offset) =>
        string.Join(", ", Enumerable.Range(0, 40).Select(i => FormattableString.Invariant($"[{i / 4.0}, {offset + (30 * i / 4.0) + (15 * Math.Sin(i * 1.7))}]")));

    private static PreparedScene Scene(double offset)
    {
        using var folder = new TempFolder();
        return PreparedScene.Load(folder.Write("scene.json", $$"""
            { "data": { "points": [{{Points(offset)}}] },
              "fit": { "optimizer": "adam", "learningRate": 0.01, "epochs": 60, "standardize": true },
              "animation": { "duration": 3, "fps": 20 },
              "view": { "width": 800, "height": 600, "panels": ["fit"] } }
            """));
    }

    [Fact]
    public void A_Fit_That_Never_Arrives_Is_Taken_Into_The_Panel()
    {
        // Adam at 0.01 for 60 steps moves its parameters by about 0.6 from 0: the line ends near y = 0, far below
        // data from 400 to 700. On the data's range alone no frame showed it; the panel now reaches down to it.
        var scene = Scene(400);
        var plan = scene.PlanFor(800, 600);
        var final = scene.Fits[0].Final.ToArray();
        var y = plan.FitViewport.Y;
        Assert.True(y.Min <= scene.Fits[0].Info.Model.Predict(final, 0), $"the panel {y} leaves out the final line");
        Assert.True(y.Max >= scene.Data.Y.Max() && y.Min <= scene.Data.Y.Min(), "every point stays in the panel");
        var report = PlanReport.Build(scene);
        Assert.All(report.Frames.Where(f => f.Phase == "animate"), frame => Assert.True(frame.Fits[0].Visible > 0, $"frame {frame.Frame} shows no fit"));
    }

    [Fact]
    public void The_Data_Are_Not_Squeezed_Below_A_Quarter_Of_The_Panel()
    {
        // The same fit below data from 4,000 to 4,300: taking it in would leave the data a sliver; the range stays theirs
        // (and an arrowhead on the edge marks the fit).
        var scene = Scene(4000);
        var y = scene.PlanFor(800, 600).FitViewport.Y;
        Assert.True(y.Min >= 3900, $"the panel {y} was widened");
    }
}
