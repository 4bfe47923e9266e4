using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Text;

namespace RegressionRender.Core.Layout;

/// <summary>
/// Where the readout box goes and how big its text is, decided once per video. <see cref="ReadoutPlace.Auto"/>
/// takes a corner of the fit panel that covers no data point and (but for a graze) none of the final curves,
/// preferring the one that hides the least of the curves the fits sweep through; when no corner is free the box moves
/// outside the plot, to a strip beside it (above it on panels that are not wide), and the plot shrinks to make room.
/// </summary>
/// <param name="Box">The box, in pixels (empty when there are no readouts).</param>
/// <param name="FontPx">Font size of its text.</param>
/// <param name="Padding">Inner margin.</param>
/// <param name="SplitProgress">Epoch and step on two lines (a narrower box) instead of one.</param>
/// <param name="Place">Where it went: a corner, outside, or none.</param>
public sealed record ReadoutLayout(PixelRect Box, float FontPx, float Padding, bool SplitProgress, ReadoutPlace Place)
{
    /// <summary>Line advance of the readout text.</summary>
    public float LineHeight => FontPx * 1.4f;

    /// <summary>Fits along each record (initial and final included) whose curves the box should not cover.</summary>
    private const int SweepSamples = 16;

    /// <summary>The share of the plot's height a readout strip above it may take before its font shrinks.</summary>
    private const float MostAbove = 0.4f;

    /// <summary>The smallest share of its font size a readout strip above the plot shrinks to.</summary>
    private const float SmallestAbove = 0.7f;

    /// <summary>How much more a sample of a final curve under the box counts than one of the sweep.</summary>
    private const double FinalWeight = 10;

    /// <summary>Samples of the final curves a corner may cover and still count as free (the curve grazing the box's corner).</summary>
    private const double FinalTouch = 2;

    /// <summary>The smallest share of its font size a long readout (a high-degree polynomial) shrinks to.</summary>
    private const float SmallestShrink = 0.55f;

    /// <summary>The readout and the fit panel's data area it leaves (smaller than <paramref name="plot"/> when the box moves outside).</summary>
    public static (ReadoutLayout Readout, PixelRect Plot) Create(ReadoutPlace wanted, PixelRect plot, FrameLayout layout, Func<PixelRect, Viewport> viewportFor,
        Dataset data, IReadOnlyList<FitRecord> fits, IReadOnlyList<ReadoutText> readouts, ITextMeasure measure)
    {
        if (wanted == ReadoutPlace.None)
        {
            return (new ReadoutLayout(default, layout.ReadoutSize, 0, false, ReadoutPlace.None), plot);
        }
        var padding = layout.ReadoutSize * 0.7f;
        var inset = 12 * layout.Scale;
        // Epoch (and step), then per fit its equation, the definition of z when the equation is in it, and its loss.
        var lines = 1 + (2 * fits.Count) + readouts.Count(r => r.Variable is not null);
        ReadoutLayout Sized(float available, bool split, PixelRect at, ReadoutPlace place, float shrink = 1)
        {
            var size = layout.ReadoutSize * shrink;
            var width = Widest(fits, readouts, measure, size, split);
            if (width > available)
            {
                size *= Math.Max(SmallestShrink, available / width);
                width = Math.Min(Widest(fits, readouts, measure, size, split), available);
            }
            var height = ((lines + (split ? 1 : 0)) * size * 1.4f) + (1.4f * padding);
            var box = new PixelRect(at.Left, at.Top, at.Left + width + (2 * padding), at.Top + height);
            return new ReadoutLayout(box, size, padding, split, place);
        }
        var inside = plot.Width - (24 * layout.Scale) - (2 * padding);
        if (wanted != ReadoutPlace.Outside)
        {
            var viewport = viewportFor(plot);
            var corners = new List<(ReadoutLayout Readout, double Points, double Final, double Sweep)>();
            foreach (var split in new[] { false, true })
            {
                foreach (var corner in new[] { ReadoutPlace.TopLeft, ReadoutPlace.BottomRight, ReadoutPlace.TopRight, ReadoutPlace.BottomLeft })
                {
                    if (wanted != ReadoutPlace.Auto && corner != wanted)
                    {
                        continue;
                    }
                    var sized = Sized(inside, split, default, corner);
                    var (w, h) = (sized.Box.Width, sized.Box.Height);
                    var left = corner is ReadoutPlace.TopLeft or ReadoutPlace.BottomLeft ? plot.Left + inset : plot.Right - inset - w;
                    var top = corner is ReadoutPlace.TopLeft or ReadoutPlace.TopRight ? plot.Top + inset : plot.Bottom - inset - h;
                    var readout = sized with { Box = new PixelRect(left, top, left + w, top + h) };
                    var (points, final, sweep) = Covered(readout.Box, viewport, data, fits);
                    // The divergence caption takes the bottom of the panel at the end: keep clear of it.
                    if (corner is ReadoutPlace.BottomLeft or ReadoutPlace.BottomRight && fits.Any(f => f.Info.DivergedAtStep is not null))
                    {
                        final += 1000;
                    }
                    corners.Add((readout, points, final, sweep));
                }
            }
            // No data point hidden first; then the final curves weigh ten times the sweep.
            var best = corners.OrderBy(c => c.Points).ThenBy(c => (FinalWeight * c.Final) + c.Sweep).First();
            if (wanted != ReadoutPlace.Auto || (best.Points == 0 && best.Final <= FinalTouch))
            {
                return (best.Readout, plot);
            }
        }
        // Outside: beside the plot or above it, whichever leaves the plot more of its area (a box whose text had to
        // shrink to fit beside counts as losing the whole width); the plot gives up the room.
        var gap = 16 * layout.Scale;
        var beside = Sized(plot.Width * 0.42f, split: true, default, ReadoutPlace.Outside);
        var above = Sized(plot.Width, split: true, default, ReadoutPlace.Outside);
        if (above.Box.Height > MostAbove * plot.Height)
        {
            // Many fits: a smaller font (down to 70%) before the plot loses more than this share of its height.
            above = Sized(plot.Width, split: true, default, ReadoutPlace.Outside, Math.Max(SmallestAbove, MostAbove * plot.Height / above.Box.Height));
        }
        var besideLoss = beside.FontPx < layout.ReadoutSize ? 1 : (beside.Box.Width + gap) / plot.Width;
        var aboveLoss = (above.Box.Height + gap) / plot.Height;
        if (besideLoss < aboveLoss)
        {
            var left = plot.Right - beside.Box.Width;
            return (beside with { Box = new PixelRect(left, plot.Top, plot.Right, plot.Top + beside.Box.Height) }, plot with { Right = left - gap });
        }
        return (above with { Box = new PixelRect(plot.Left, plot.Top, plot.Left + above.Box.Width, plot.Top + above.Box.Height) }, plot with { Top = plot.Top + above.Box.Height + gap });
    }

    /// <summary>Data points whose centre the box covers; samples of the final curves (and the target) it covers; samples of the sweep it covers.</summary>
    private static (double Points, double Final, double Sweep) Covered(PixelRect box, Viewport viewport, Dataset data, IReadOnlyList<FitRecord> fits)
    {
        bool Inside(double x, double y)
        {
            var (px, py) = (viewport.PixelX(x), viewport.PixelY(y));
            return px >= box.Left && px <= box.Right && py >= box.Top && py <= box.Bottom;
        }
        var points = Enumerable.Range(0, data.Count).Count(i => Inside(data.X[i], data.Y[i]));
        double final = 0, sweep = 0;
        foreach (var fit in fits)
        {
            // The whole sweep of the curve, log-spaced: fits move most in their first steps, where pacing spends most frames.
            for (var k = 0; k <= SweepSamples; k++)
            {
                var entry = k == SweepSamples ? fit.EntryCount - 1 : (int)Math.Round(Math.Pow(fit.EntryCount, (double)k / SweepSamples)) - 1;
                var parameters = fit.Entry(entry);
                for (var s = 0; s <= 32; s++)
                {
                    var x = viewport.X.Min + (viewport.X.Span * s / 32);
                    if (Inside(x, fit.Info.Model.Predict(parameters, x)))
                    {
                        sweep++;
                        final += k == SweepSamples && !fit.Info.Diverged ? 1 : 0;
                    }
                }
            }
        }
        return (points, final, sweep);
    }

    /// <summary>The widest readout line over the whole record (every line shape a frame can show), with room for a race's colour keys.</summary>
    private static float Widest(IReadOnlyList<FitRecord> fits, IReadOnlyList<ReadoutText> readouts, ITextMeasure measure, float size, bool split)
    {
        var widest = 0f;
        var race = fits.Count > 1;
        var swatch = race ? 2f * size : 0;
        for (var k = 0; k < fits.Count; k++)
        {
            var fit = fits[k];
            var prefix = race ? fit.Info.Label + ":  " : "";
            var readout = readouts[k];
            for (var i = 0; i <= 64; i++)
            {
                var entry = (fit.EntryCount - 1) * i / 64;
                var step = fit.EntryStep(entry);
                // The widest step text is a tween's: "step 104→105 / 9000".
                var from = fit.EntryStep(Math.Max(0, entry - 1));
                widest = split || race
                    ? Math.Max(widest, Math.Max(measure.Width(readout.Epoch(step), size), measure.Width(readout.Step(from, step), size)))
                    : Math.Max(widest, measure.Width(readout.Progress(from, step), size));
                widest = Math.Max(widest, measure.Width(prefix + readout.Equation(fit.Entry(entry)), size, bold: true) + swatch);
                widest = readout.Variable is { } variable ? Math.Max(widest, measure.Width((race ? "    " : "") + variable, size)) : widest;
                widest = Math.Max(widest, measure.Width(race ? $"    {readout.Loss(fit.EntryLoss(entry))}  ·  {readout.Step(from, step)}" : readout.Loss(fit.EntryLoss(entry)), size));
            }
        }
        return widest * 1.04f;
    }
}
