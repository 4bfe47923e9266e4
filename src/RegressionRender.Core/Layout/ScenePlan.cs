using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Text;

namespace RegressionRender.Core.Layout;

/// <summary>
/// Everything fixed for one output size: the scene, its data and fits, the layout, and the viewport of each panel
/// (fit: data units; loss: epochs × loss, each possibly on a log scale; surface: intercept × slope). <c>Points</c>
/// are the data as drawn: for logistic regression the 0/1 classes spread over a band ±<see cref="ClassSpread"/> high
/// (the same in every render) so that their density shows instead of two bars; otherwise the data themselves.
/// <c>Legend</c> holds the legend's lines; they are drawn in <c>LegendBox</c> when the legend has a box of its own, else as
/// the readouts' last lines.
/// </summary>
public sealed record ScenePlan(
    SceneConfig Config,
    Dataset Data,
    Dataset Points,
    IReadOnlyList<FitRecord> Fits,
    FrameLayout Layout,
    Viewport FitViewport,
    Viewport? LossViewport,
    LossScale LossScale,
    EpochScale EpochScale,
    Viewport? SurfaceViewport,
    SurfaceScale? SurfaceScale,
    IReadOnlyList<ReadoutText> Readouts,
    IReadOnlyList<ReadoutLine> Legend,
    ReadoutLayout Readout,
    ReadoutLayout LegendBox,
    IReadOnlyList<CaptionPlace> Captions)
{
    /// <summary>What the drawing stage takes from the config (the layers read this, never the config).</summary>
    public DrawSettings Draw { get; } = DrawSettings.From(Config);

    /// <summary>The share of the fit plot's height a strip for the divergence captions may take.</summary>
    private const float MostCaptionStrip = 1 / 3f;

    /// <summary>The smallest fit plot, in tick-label sizes, that strips for readouts and captions may leave.</summary>
    private const float SmallestPlot = 4;

    /// <summary>Half the height of the band a class's points spread over, in probability units.</summary>
    public const double ClassSpread = 0.035;

    /// <summary>Each point moved up or down by a fixed amount of its own (a golden-ratio sequence: even, not clumped).</summary>
    private static Dataset Spread(Dataset data) =>
        data with { Y = [.. data.Y.Select((y, i) => y + (ClassSpread * 2 * ((i * 0.6180339887498949 % 1) - 0.5)))] };


    /// <summary>Lays a fitted scene out on a canvas of <paramref name="width"/> × <paramref name="height"/>, measuring text with <paramref name="measure"/>.</summary>
    public static ScenePlan Create(SceneConfig config, Dataset data, IReadOnlyList<FitRecord> fits, int width, int height, ITextMeasure measure)
    {
        var (lossScale, epochScale) = config.View.Panels.Contains(PanelKind.Loss) ? LossScales(fits, config.View.EpochAxis) : (new LossScale(false), new EpochScale(false));
        var surfaceCoordinates = new SurfaceCoordinates(fits[0].Info.Scaling);
        var surfaceRanges = config.View.Panels.Contains(PanelKind.Surface) ? SurfaceRanges(fits) : default;
        var surfaceScale = config.View.Panels.Contains(PanelKind.Surface) ? SurfaceScale.For(data, fits[0].Info, surfaceRanges.Intercept, surfaceRanges.Slope) : null;
        var lossName = ReadoutText.LossName(fits[0], config.Fit.Any(f => f.L2 > 0));
        PanelWords Words(PanelKind kind) => kind switch
        {
            PanelKind.Loss => new(epochScale.IsLog ? "epoch (log scale)" : "epoch", lossName, lossScale.IsLog ? $"{lossName} by epoch (log scale)" : $"{lossName} by epoch"),
            PanelKind.Surface => new(surfaceCoordinates.InterceptTitle, surfaceCoordinates.SlopeTitle, fits.Any(f => f.Info.Target is not null) ? "Loss surface and path  (✕\u00A0optimum)" : "Loss surface and path", surfaceScale?.Labels),
            _ => new(data.XTitle, data.YTitle, null),
        };
        var layout = FrameLayout.Create(width, height, config.Title, config.Subtitle, config.View.Panels, Words, measure);
        var x = config.View.X is { } vx ? new AxisRange(vx[0], vx[1]) : NiceTicks.Expand(data.X.Min(), data.X.Max());
        var y = config.View.Y is { } vy ? new AxisRange(vy[0], vy[1])
            : fits[0].Info.Model.IsLogistic ? new AxisRange(-0.05, 1.05) : FitPanelRange.Y(data, fits, x);
        var lossViewport = layout.Panel(PanelKind.Loss) is { } loss ? LossPanelViewport(fits, loss.Plot, lossScale, epochScale) : null;
        var surface = layout.Panel(PanelKind.Surface) is { } panel ? new Viewport(surfaceRanges.Intercept, surfaceRanges.Slope, panel.Plot) : null;
        var readouts = ReadoutText.For(config, data, fits);
        var legend = config.View.Legend == ReadoutPlace.None ? [] : ReadoutLines.Legend(optimum: config.View.Target && fits[0].Info.Target is not null);
        // A legend asked for a corner or outside gets a box of its own; asked for the readouts' own corner, or auto, it is
        // the readouts' last lines, or (auto, when they have no room for it) a box in a free corner, else left out.
        var view = config.View;
        var ownLegend = legend.Count > 0 && view.Legend != ReadoutPlace.Auto && (view.Readout == ReadoutPlace.None || view.Legend == ReadoutPlace.Outside || view.Legend != view.Readout);
        // The legend box first, then the readouts clear of it (either may take a strip of the plot; a legend in a corner
        // goes to the corner of the plot the readouts leave), then the captions in what is left; when no place there is
        // free for them, they take a strip of their own above the plot and the boxes are laid out again below it.
        var points = fits[0].Info.Model.IsLogistic ? Spread(data) : data;
        var full = layout;
        Viewport Viewing(PixelRect p) => new(x, y, p);
        (ReadoutLayout Legend, ReadoutLayout Readout, FrameLayout Layout) Boxes(PixelRect plot)
        {
            var start = plot;
            var legendBox = ReadoutLayout.None(full);
            if (ownLegend)
            {
                (legendBox, plot) = ReadoutLayout.Create(view.Legend, plot, full, Viewing, points, fits, [], legend, measure, default);
            }
            var (readout, fitPlot) = ReadoutLayout.Create(view.Readout, plot, full, Viewing, points, fits, readouts, ownLegend ? [] : legend, measure, legendBox.Box);
            if (ownLegend && view.Legend != ReadoutPlace.Outside && fitPlot != plot)
            {
                (legendBox, _) = ReadoutLayout.Create(view.Legend, fitPlot, full, Viewing, points, fits, [], legend, measure, default);
            }
            else if (!ownLegend && legend.Count > 0 && view.Legend == ReadoutPlace.Auto && (readout.Place == ReadoutPlace.None || !readout.Detail.Legend))
            {
                // The readouts had no room for the legend: a free corner of its own, else none.
                var (free, _) = ReadoutLayout.Create(ReadoutPlace.Auto, fitPlot, full, Viewing, points, fits, [], legend, measure, readout.Box);
                legendBox = free.Place == ReadoutPlace.Outside ? legendBox : free;
            }
            if (legendBox.Place != ReadoutPlace.None && readout.Place != ReadoutPlace.None && legendBox.Box.Overlaps(readout.Box))
            {
                // Two corners asked for more room than the plot has (a small canvas): the legend joins the readouts.
                legendBox = ReadoutLayout.None(full);
                (readout, fitPlot) = ReadoutLayout.Create(view.Readout, start, full, Viewing, points, fits, readouts, legend, measure, default);
            }
            return (legendBox, readout, fitPlot == full.FitPlot ? full : full.WithMainPlot(fitPlot, Words(full.Panels[0].Kind), measure));
        }
        var (legendLayout, readout, laidOut) = Boxes(full.FitPlot);
        layout = laidOut;
        var captions = CaptionLayout.Create(fits, Viewing(layout.FitPlot), points, [readout.Box, legendLayout.Box], layout, measure);
        if (captions is null)
        {
            var (strip, stripHeight) = CaptionLayout.Strip(fits, full.FitPlot, full, measure);
            var room = stripHeight + (12 * full.TextScale);
            // A strip that would take more than a third of the plot (a small GIF) costs the lesson more than it tells: left out.
            captions = room <= MostCaptionStrip * full.FitPlot.Height ? strip : [];
            if (captions.Count > 0)
            {
                (legendLayout, readout, layout) = Boxes(full.FitPlot with { Top = full.FitPlot.Top + room });
            }
        }
        if (layout.FitPlot.Height < SmallestPlot * full.TickSize || layout.FitPlot.Width < SmallestPlot * full.TickSize)
        {
            // Strips would leave the data no room: the whole plot for the data, no readouts, the captions only where they hide nothing.
            (layout, readout, legendLayout) = (full, ReadoutLayout.None(full), ReadoutLayout.None(full));
            captions = CaptionLayout.Create(fits, Viewing(full.FitPlot), points, [], full, measure) ?? [];
        }
        return new ScenePlan(config, data, points, fits, layout, new Viewport(x, y, layout.FitPlot), lossViewport, lossScale, epochScale, surface, surface is null ? null : surfaceScale, readouts, legend, readout, legendLayout, captions);
    }

    /// <summary>Every loss of the record (and the targets); [0, 1] when every loss overflowed (a fit flying off from its first step): an empty panel, not a crash.</summary>
    private static List<double> Losses(IReadOnlyList<FitRecord> fits)
    {
        var losses = fits.SelectMany(f => Enumerable.Range(0, f.EntryCount).Select(f.EntryLoss))
            .Concat(fits.Where(f => f.Info.TargetLoss is not null).Select(f => f.Info.TargetLoss!.Value))
            .Where(double.IsFinite).ToList();
        return losses.Count == 0 ? [0, 1] : losses;
    }

    private static double Epochs(IReadOnlyList<FitRecord> fits) => fits.Max(f => (double)f.Steps / f.Info.StepsPerEpoch);

    /// <summary>The loss panel's axes: each on a log scale when that reads better.</summary>
    private static (LossScale, EpochScale) LossScales(IReadOnlyList<FitRecord> fits, EpochAxis epochAxis)
    {
        var losses = Losses(fits);
        return (LossScale.For(losses.Min(), losses.Max()), EpochScale.For(fits, Epochs(fits), epochAxis));
    }

    /// <summary>Epochs across, loss up: the whole record of every fit.</summary>
    private static Viewport LossPanelViewport(IReadOnlyList<FitRecord> fits, PixelRect plot, LossScale scale, EpochScale epochScale)
    {
        var epochs = Epochs(fits);
        var losses = Losses(fits);
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
        return new Viewport(new AxisRange(0, Math.Max(epochScale.ToAxis(epochs), 1e-9)), yRange, plot);
    }

    /// <summary>Intercept across, slope up: the optimizers' paths (until a blow-up) and the optimum, padded.</summary>
    private static (AxisRange Intercept, AxisRange Slope) SurfaceRanges(IReadOnlyList<FitRecord> fits)
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
        return (Padded(points.Select(p => p.A)), Padded(points.Select(p => p.B)));
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
