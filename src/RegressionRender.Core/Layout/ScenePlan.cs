using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Layout;

/// <summary>Everything fixed for one output size: the scene, its data and fits, the layout and the fit panel's viewport.</summary>
public sealed record ScenePlan(SceneConfig Config, Dataset Data, IReadOnlyList<FitRecord> Fits, FrameLayout Layout, Viewport FitViewport)
{
    /// <summary>Lays a fitted scene out on a canvas of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static ScenePlan Create(SceneConfig config, Dataset data, IReadOnlyList<FitRecord> fits, int width, int height)
    {
        var layout = FrameLayout.Create(width, height, !string.IsNullOrWhiteSpace(config.Title), !string.IsNullOrWhiteSpace(config.Subtitle));
        var x = config.View.X is { } vx ? new AxisRange(vx[0], vx[1]) : NiceTicks.Expand(data.X.Min(), data.X.Max());
        var y = config.View.Y is { } vy ? new AxisRange(vy[0], vy[1]) : NiceTicks.Expand(data.Y.Min(), data.Y.Max());
        return new ScenePlan(config, data, fits, layout, new Viewport(x, y, layout.FitPlot));
    }
}
