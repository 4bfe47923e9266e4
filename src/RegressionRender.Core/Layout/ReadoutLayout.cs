using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;

namespace RegressionRender.Core.Layout;

/// <summary>
/// Where the readout box goes, how big its text is and how much it says, decided once per video.
/// <see cref="ReadoutPlace.Auto"/> takes a corner of the fit panel that covers no data point and (but for a graze)
/// none of the final curves, preferring the one that hides the least of the curves the fits sweep through; when no
/// corner is free the box moves outside the plot, to a strip beside it or above it, whichever costs the plot less,
/// and the plot shrinks to make room. Text that is too wide wraps (an equation between its terms), then gets
/// smaller, never below the canvas's minimum; when even then the strip would take too much of the plot, R² and
/// then the step are left out.
/// </summary>
/// <param name="Box">The box, in pixels (empty when there are no readouts).</param>
/// <param name="FontPx">Font size of its text.</param>
/// <param name="Padding">Inner margin.</param>
/// <param name="Detail">What the readouts say.</param>
/// <param name="Place">Where it went: a corner, outside, or none.</param>
public sealed record ReadoutLayout(PixelRect Box, float FontPx, float Padding, ReadoutDetail Detail, ReadoutPlace Place)
{
    /// <summary>No readouts.</summary>
    public static ReadoutLayout None(FrameLayout layout) => new(default, layout.ReadoutSize, 0, ReadoutDetail.Full, ReadoutPlace.None);

    /// <summary>Line advance of the readout text.</summary>
    public float LineHeight => FontPx * 1.4f;

    /// <summary>Where a wrapped line's continuation starts, from the box's text edge, in font sizes.</summary>
    public const float ContinuationIndent = 1.5f;

    /// <summary>Fits along each record (initial and final included) whose curves the box should not cover.</summary>
    private const int SweepSamples = 16;

    /// <summary>Frames along each record whose readouts are measured: the box holds the widest and tallest of them.</summary>
    private const int TextSamples = 64;

    /// <summary>The share of the plot's height a readout strip above it may take.</summary>
    private const float MostAbove = 0.4f;

    /// <summary>The share of the plot's width a readout strip beside it may take.</summary>
    private const float MostBeside = 0.42f;

    /// <summary>The share of the plot's height a strip saying the least may take on a canvas too small for less.</summary>
    private const float MostCramped = 0.55f;

    /// <summary>How much more a sample of a final curve under the box counts than one of the sweep.</summary>
    private const double FinalWeight = 10;

    /// <summary>Samples of the final curves a corner may cover and still count as free (the curve grazing the box's corner).</summary>
    private const double FinalTouch = 2;

    /// <summary>The least a race's readouts say: each fit's name and key (which colour is which), nothing else.</summary>
    private static readonly ReadoutDetail Names = new(Step: false, RSquared: false, Equations: false, Epoch: false, Legend: false, Values: false);

    /// <summary>
    /// What an outside strip says, from everything to the least (the legend lines go first, then R², the step, the equations of a
    /// race: it stays a legend of names, keys and losses; then the epoch; at last a race keeps only its names and keys), and the share of the
    /// plot's height it may take (of its width, beside: in proportion); the least, at last, may take more.
    /// </summary>
    private static readonly (ReadoutDetail Detail, float Most)[] OutsideLevels =
    [
        (ReadoutDetail.Full, MostAbove), (new(Legend: false), MostAbove), (new(RSquared: false, Legend: false), MostAbove),
        (new(Step: false, RSquared: false, Legend: false), MostAbove), (new(Step: false, RSquared: false, Equations: false, Legend: false), MostAbove),
        (new(Step: false, RSquared: false, Equations: false, Legend: false), MostCramped), (new(Step: false, RSquared: false, Equations: false, Epoch: false, Legend: false), MostCramped),
        (Names, MostCramped),
    ];

    /// <summary>The rows a frame draws: each readout line, wrapped to the box (continuations marked).</summary>
    public List<(ReadoutLine Line, string Text, bool Continued)> Rows(IReadOnlyList<ReadoutLine> lines, ITextMeasure measure)
    {
        var rows = new List<(ReadoutLine, string, bool)>();
        var width = Box.Width - (2 * Padding);
        foreach (var line in lines)
        {
            var pieces = Wrap(line, FontPx, width, measure);
            rows.AddRange(pieces.Select((piece, i) => (line, piece, i > 0)));
        }
        return rows;
    }

    /// <summary>
    /// A readout line broken into pieces that fit <paramref name="width"/> (continuations indented): between an
    /// equation's terms, at a "·" or before R², after a race's "label:  ". A piece that cannot be broken may stay wider (the caller checks).
    /// The pieces joined with single spaces give back the line, but for a "·" at a break: a separator, it is dropped
    /// ("epoch 3000 / 3000" over "step 2999→3000 / 3000", not a line starting "· step").
    /// </summary>
    public static List<string> Wrap(ReadoutLine line, float size, float width, ITextMeasure measure)
    {
        var key = line.HasKey ? 2f * size : 0;
        var text = line.Text;
        if (measure.Width(text, size, line.Bold) + key <= width)
        {
            return [text];
        }
        var pieces = new List<string>();
        var (start, lastBreak) = (0, -1);
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i - 1] != ' ' || !IsBreak(text, i))
            {
                continue;
            }
            var room = width - (pieces.Count == 0 ? key : ContinuationIndent * size);
            if (lastBreak > start && measure.Width(text[start..(i - 1)], size, line.Bold) > room)
            {
                pieces.Add(text[start..(lastBreak - 1)]);
                start = lastBreak;
            }
            lastBreak = i;
        }
        var rest = width - (pieces.Count == 0 ? key : ContinuationIndent * size);
        if (lastBreak > start && measure.Width(text[start..], size, line.Bold) > rest)
        {
            pieces.Add(text[start..(lastBreak - 1)]);
            start = lastBreak;
        }
        pieces.Add(text[start..]);
        for (var k = 1; k < pieces.Count; k++)
        {
            if (pieces[k].StartsWith('·'))
            {
                (pieces[k - 1], pieces[k]) = (pieces[k - 1].TrimEnd(), pieces[k][1..].TrimStart());
            }
        }
        return pieces;
    }

    /// <summary>
    /// A break may come before a sign between terms (" + ", " − ": not a number's own sign, nor inside brackets but
    /// σ(…)), before a "·" or R², or after a race's "label:  ".
    /// </summary>
    private static bool IsBreak(string text, int i)
    {
        if (text[i] is '+' or '\u2212')
        {
            var depth = text[..i].Count(c => c == '(') - text[..i].Count(c => c == ')');
            return i + 1 < text.Length && text[i + 1] == ' ' && depth <= (text.Contains("σ(", StringComparison.Ordinal) ? 1 : 0);
        }
        return text[i] == '·' || text.AsSpan(i).StartsWith("R²") || (i >= 3 && text[i - 2] == ' ' && text[i - 3] == ':');
    }

    /// <summary>
    /// The readout and the fit panel's data area it leaves (smaller than <paramref name="plot"/> when the box moves
    /// outside); with no <paramref name="readouts"/>, a box for the <paramref name="legend"/> lines alone. An automatic
    /// corner keeps clear of <paramref name="avoid"/> (another box) as of a data point.
    /// </summary>
    public static (ReadoutLayout Readout, PixelRect Plot) Create(ReadoutPlace wanted, PixelRect plot, FrameLayout layout, Func<PixelRect, Viewport> viewportFor,
        Dataset data, IReadOnlyList<FitRecord> fits, IReadOnlyList<ReadoutText> readouts, IReadOnlyList<ReadoutLine> legend, ITextMeasure measure, PixelRect avoid)
    {
        if (wanted == ReadoutPlace.None)
        {
            return (None(layout), plot);
        }
        var em = layout.TextScale;
        var inset = 12 * em;
        // Every size tried measures the same sampled lines: each detail's lines are built once, each width measured once.
        measure = new MemoMeasure(measure);
        var samples = Samples(fits);
        var lines = new Dictionary<ReadoutDetail, List<List<ReadoutLine>>>();
        var boxes = new Dictionary<(float, float, ReadoutDetail), ReadoutLayout?>();
        ReadoutLayout? Sized(float width, float height, ReadoutDetail detail, ReadoutPlace place)
        {
            if (!boxes.TryGetValue((width, height, detail), out var box))
            {
                if (!lines.TryGetValue(detail, out var said))
                {
                    said = lines[detail] = [.. samples.Select(sample => ReadoutLines.For(readouts, sample, detail, legend))];
                }
                box = boxes[(width, height, detail)] = Fit(said, width, height, layout.ReadoutSize, layout.MinimumFont, measure);
            }
            return box is null ? null : box with { Detail = detail, Place = place };
        }
        // A corner: with the legend lines if one is free for them, else without.
        ReadoutLayout? InCorner(bool legendShown)
        {
            var viewport = viewportFor(plot);
            var corners = new List<(ReadoutLayout Readout, double Points, double Final, double Sweep)>();
            foreach (var detail in new[] { new ReadoutDetail(Legend: legendShown), new ReadoutDetail(SplitProgress: true, Legend: legendShown) })
            {
                foreach (var corner in new[] { ReadoutPlace.TopLeft, ReadoutPlace.BottomRight, ReadoutPlace.TopRight, ReadoutPlace.BottomLeft })
                {
                    if (wanted != ReadoutPlace.Auto && corner != wanted)
                    {
                        continue;
                    }
                    if (Sized(plot.Width - (2 * inset), plot.Height - (2 * inset), detail, corner) is not { } sized)
                    {
                        continue;
                    }
                    var (w, h) = (sized.Box.Width, sized.Box.Height);
                    var left = corner is ReadoutPlace.TopLeft or ReadoutPlace.BottomLeft ? plot.Left + inset : plot.Right - inset - w;
                    var top = corner is ReadoutPlace.TopLeft or ReadoutPlace.TopRight ? plot.Top + inset : plot.Bottom - inset - h;
                    var readout = sized with { Box = new PixelRect(left, top, left + w, top + h) };
                    var (points, final, sweep) = Covered(readout.Box, viewport, data, fits);
                    points += avoid.Width > 0 && readout.Box.Overlaps(avoid) ? 1000 : 0;
                    // The divergence caption takes the bottom of the panel at the end: keep clear of it.
                    if (corner is ReadoutPlace.BottomLeft or ReadoutPlace.BottomRight && fits.Any(f => f.Info.DivergedAtStep is not null))
                    {
                        final += 1000;
                    }
                    corners.Add((readout, points, final, sweep));
                }
            }
            // No data point hidden first; then the final curves weigh ten times the sweep.
            var best = corners.OrderBy(c => c.Points).ThenBy(c => (FinalWeight * c.Final) + c.Sweep).FirstOrDefault();
            return best.Readout is not null && (wanted != ReadoutPlace.Auto || (best.Points == 0 && best.Final <= FinalTouch)) ? best.Readout : null;
        }
        if (wanted != ReadoutPlace.Outside && (InCorner(legendShown: true) ?? InCorner(legendShown: false)) is { } cornered)
        {
            return (cornered, plot);
        }
        // Outside: beside the plot or above it, whichever leaves the plot more of its area; the plot gives up the room.
        // When neither fits, the readouts say less (the legend, R², the step … left out); on the smallest canvases the strip may
        // then take more of the plot; when even that fails there are no readouts (a plot with no room is no picture).
        var gap = 16 * em;
        foreach (var (detail, most) in OutsideLevels)
        {
            if (!detail.Values && readouts.Count < 2)
            {
                continue; // names alone are a race's legend; a single fit's readouts have none
            }
            var beside = Sized(plot.Width * most * MostBeside / MostAbove, plot.Height, detail with { SplitProgress = true }, ReadoutPlace.Outside);
            var above = Sized(plot.Width, plot.Height * most, detail, ReadoutPlace.Outside) ?? Sized(plot.Width, plot.Height * most, detail with { SplitProgress = true }, ReadoutPlace.Outside);
            var besideLoss = beside is null ? float.PositiveInfinity : (beside.Box.Width + gap) / plot.Width;
            var aboveLoss = above is null ? float.PositiveInfinity : (above.Box.Height + gap) / plot.Height;
            if (beside is not null && besideLoss <= aboveLoss)
            {
                var left = plot.Right - beside.Box.Width;
                return (beside with { Box = new PixelRect(left, plot.Top, plot.Right, plot.Top + beside.Box.Height) }, plot with { Right = left - gap });
            }
            if (above is not null)
            {
                return (above with { Box = new PixelRect(plot.Left, plot.Top, plot.Left + above.Box.Width, plot.Top + above.Box.Height) }, plot with { Top = plot.Top + above.Box.Height + gap });
            }
        }
        return (None(layout), plot);
    }

    /// <summary>
    /// The box for the sampled readout lines in at most <paramref name="width"/> × <paramref name="height"/>
    /// (at the origin): the largest font from <paramref name="size"/> down to <paramref name="minimum"/> at which every
    /// sampled frame's lines, wrapped, fit; null when none does.
    /// </summary>
    private static ReadoutLayout? Fit(List<List<ReadoutLine>> samples, float width, float height, float size, float minimum, ITextMeasure measure)
    {
        for (var font = size; ; font = Math.Max(minimum, font * 0.92f))
        {
            var padding = font * 0.7f;
            var inner = width - (2 * padding);
            var (widest, rows, fits) = (0f, 0, true);
            foreach (var sample in samples)
            {
                var count = 0;
                foreach (var line in sample)
                {
                    var pieces = Wrap(line, font, inner, measure);
                    for (var i = 0; i < pieces.Count; i++)
                    {
                        var used = measure.Width(pieces[i], font, line.Bold) + (i > 0 ? ContinuationIndent * font : line.HasKey ? 2f * font : 0);
                        fits &= used <= inner;
                        widest = Math.Max(widest, used);
                    }
                    count += pieces.Count;
                }
                rows = Math.Max(rows, count);
            }
            // Digits differ from frame to frame: 4% of room for the frames not sampled.
            var boxWidth = Math.Min((widest * 1.04f) + (2 * padding), width);
            var boxHeight = (rows * font * 1.4f) + (1.4f * padding);
            if (fits && boxHeight <= height)
            {
                return new ReadoutLayout(new PixelRect(0, 0, boxWidth, boxHeight), font, padding, ReadoutDetail.Full, ReadoutPlace.Auto);
            }
            if (font <= minimum)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// What the frames can show, sampled: for 65 points along the records, each fit's entry there, drawn as the tween
    /// from the entry before (the widest step text: "step 104→105 / 9000"); and, where a tween can soar
    /// (<see cref="FitRecord.SoaringTweens"/>), the widest loss it can print.
    /// </summary>
    private static List<FitState[]> Samples(IReadOnlyList<FitRecord> fits)
    {
        var samples = new List<FitState[]>();
        if (fits.Any(f => f.SoaringTweens))
        {
            // A tween through the vertical shows losses far above its steps': the widest such number, once.
            samples.Add([.. fits.Select(fit => new FitState(fit.Steps, fit.Final.ToArray(), fit.SoaringTweens ? 8.8888e88 : fit.FinalLoss, fit.EpochOf(fit.Steps), fit.Steps, fit.Steps, 0, 0, FitDisplay.Tween, 1))]);
        }
        for (var i = 0; i <= TextSamples; i++)
        {
            samples.Add([.. fits.Select(fit =>
            {
                var entry = (fit.EntryCount - 1) * i / TextSamples;
                var (from, to) = (fit.EntryStep(Math.Max(0, entry - 1)), fit.EntryStep(entry));
                return new FitState(to, fit.Entry(entry).ToArray(), fit.EntryLoss(entry), fit.EpochOf(to), from, to, 0, 0, FitDisplay.Tween, 1);
            })]);
        }
        return samples;
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

    /// <summary>Widths remembered: a layout measures the same pieces of text many times.</summary>
    private sealed class MemoMeasure(ITextMeasure measure) : ITextMeasure
    {
        private readonly Dictionary<(string, float, bool), float> _widths = [];

        public float Width(string text, float sizePx, bool bold = false)
        {
            if (!_widths.TryGetValue((text, sizePx, bold), out var width))
            {
                width = _widths[(text, sizePx, bold)] = measure.Width(text, sizePx, bold);
            }
            return width;
        }
    }
}
