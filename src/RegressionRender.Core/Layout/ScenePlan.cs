using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Text;

namespace RegressionRender.Core.Layout;

/// <summary>
/// Everything fixed for one output size: the scene, its data and fits, the layout, and the viewport of each panel
/// (fit: data units; loss: epochs × loss, each possibly on a log scale; surface: intercept × slope).
/// </summary>
public sealed record ScenePlan(
    SceneConfig Config,
    Dataset Data,
    IReadOnlyList<FitRecord> Fits,
    FrameLayout Layout,
    Viewport FitViewport,
    Viewport? LossViewport,
    LossScale LossScale,
    EpochScale EpochScale,
    Viewport? SurfaceViewport,
    IReadOnlyList<ReadoutText> Readouts,
    ReadoutLayout Readout)
{
    /// <summary>The coordinates of the surface panel (the first fit's optimizer coordinates).</summary>
    public SurfaceCoordinates Surface => new(Fits[0].Info.Scaling);

    /// <summary>Lays a fitted scene out on a canvas of <paramref name="width"/> × <paramref name="height"/>, measuring text with <paramref name="measure"/>.</summary>
    public static ScenePlan Create(SceneConfig config, Dataset data, IReadOnlyList<FitRecord> fits, int width, int height, ITextMeasure measure)
    {
        var layout = FrameLayout.Create(width, height, !string.IsNullOrWhiteSpace(config.Title), !string.IsNullOrWhiteSpace(config.Subtitle), config.View.Panels);
        var x = config.View.X is { } vx ? new AxisRange(vx[0], vx[1]) : NiceTicks.Expand(data.X.Min(), data.X.Max());
        var y = config.View.Y is { } vy ? new AxisRange(vy[0], vy[1])
            : fits[0].Info.Model.IsLogistic ? new AxisRange(-0.05, 1.05) : NiceTicks.Expand(data.Y.Min(), data.Y.Max());
        var (lossViewport, lossScale, epochScale) = layout.Panel(PanelKind.Loss) is { } loss ? LossPanelViewport(fits, loss.Plot, config.View.EpochAxis) : (null, new LossScale(false), new EpochScale(false));
        var surface = layout.Panel(PanelKind.Surface) is { } panel ? SurfacePanelViewport(fits, panel.Plot) : null;
        var variance = Variance(data.Y);
        IReadOnlyList<ReadoutText> readouts = [.. fits.Select((f, i) => new ReadoutText(f, config.Fit[i].L2 > 0, variance, data.XTitle))];
        var (readout, fitPlot) = ReadoutLayout.Create(config.View.Readout, layout.FitPlot, layout, plot => new Viewport(x, y, plot), data, fits, readouts, measure);
        var main = layout.Panel(PanelKind.Fit) ?? layout.Panels[0];
        layout = layout with { Panels = [.. layout.Panels.Select(p => p == main ? p with { Plot = fitPlot } : p)] };
        return new ScenePlan(config, data, fits, layout, new Viewport(x, y, fitPlot), lossViewport, lossScale, epochScale, surface, readouts, readout);
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Average(v => (v - mean) * (v - mean));
    }

    /// <summary>Epochs across, loss up: the whole record of every fit, each axis on a log scale when that reads better.</summary>
    private static (Viewport, LossScale, EpochScale) LossPanelViewport(IReadOnlyList<FitRecord> fits, PixelRect plot, EpochAxis epochAxis)
    {
        var epochs = fits.Max(f => (double)f.Steps / f.Info.StepsPerEpoch);
        var losses = fits.SelectMany(f => Enumerable.Range(0, f.EntryCount).Select(f.EntryLoss))
            .Concat(fits.Where(f => f.Info.TargetLoss is not null).Select(f => f.Info.TargetLoss!.Value))
            .Where(double.IsFinite).ToList();
        if (losses.Count == 0)
        {
            losses = [0, 1]; // every loss overflowed (a fit flying off from its first step): an empty panel, not a crash
        }
        var scale = LossScale.For(losses.Min(), losses.Max());
        AxisRange yRange;
        if (scale.IsLog)
        {
            yRange = new AxisRange(Math.Floor(scale.ToAxis(losses.Min())), Math.Ceiling(scale.ToAxis(losses.Max())));
        }
        else
        {
            var top = NiceTicks.Expand(0, losses.Max());
            yRange = new AxisRange(Math.Min(0, losses.Min()), top.Max);
        }
        var epochScale = EpochScale.For(fits, epochs, epochAxis);
        return (new Viewport(new AxisRange(0, Math.Max(epochScale.ToAxis(epochs), 1e-9)), yRange, plot), scale, epochScale);
    }

    /// <summary>Intercept across, slope up: the optimizers' paths (until a blow-up) and the optimum, padded.</summary>
    private static Viewport SurfacePanelViewport(IReadOnlyList<FitRecord> fits, PixelRect plot)
    {
        var points = new List<(double A, double B)>();
        foreach (var fit in fits)
        {
            var start = fit.EntryLoss(0);
            for (var i = 0; i < fit.EntryCount; i++)
            {
                // A diverging path leaves the picture; the panel shows its start and the valley it left.
                if (!(fit.EntryLoss(i) <= 100 * Math.Max(start, 1e-12)))
                {
                    break;
                }
                points.Add(SurfaceCoordinates.ToPanel(fit.Entry(i)));
            }
            if (fit.Info.Target is { } target)
            {
                points.Add(SurfaceCoordinates.ToPanel(target));
            }
        }
        return new Viewport(Padded(points.Select(p => p.A)), Padded(points.Select(p => p.B)), plot);
    }

    private static AxisRange Padded(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0)
        {
            return new AxisRange(-1, 1); // nothing finite to show (a path overflowing from its start): an empty panel
        }
        var (min, max) = (list.Min(), list.Max());
        var span = max - min;
        var pad = span > 0 ? span * 0.18 : Math.Max(Math.Abs(max) * 0.5, 1);
        return new AxisRange(min - pad, max + pad);
    }
}
