using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// What each animated frame draws for each fit, given the frames' clock positions — always the truth:
/// <list type="bullet">
/// <item>a deterministic fit (full batch) shows the drawn path at its step: a recorded step, or the truthful
/// tween between the two kept steps around it (<see cref="FitRecord.Tween"/>);</item>
/// <item>a stochastic fit (SGD, mini-batches) shows, of the kept steps in the frame's window (halfway to each
/// neighbour), the one that continues the motion most smoothly while staying close to its trend: every frame a real step, the frames a
/// smooth path through the noise; the others of the window are its noise, drawn faintly. A window without a kept
/// step shows the tween;</item>
/// <item>the first frame shows step 0 and the last the final step, exactly.</item>
/// </list>
/// A tween whose loss would be below 0.99 × the lower loss of its two steps (possible only where the loss is not
/// quadratic, as for logistic regression) shows the nearer step instead.
/// </summary>
internal static class FrameDisplay
{
    /// <summary>Most candidates compared per window; larger windows are thinned evenly.</summary>
    private const int MaxCandidates = 2_048;

    /// <summary>Fewest kept steps in a frame's window for the frame to show a chosen one; sparser windows show the tween.</summary>
    private const int MinChoice = 3;

    /// <summary>A tween may show a loss this much below the lower of its two steps' (rounding), no more.</summary>
    public const double TruthTolerance = 0.99;

    /// <summary>The state of every fit in every animated frame at <paramref name="positions"/>: [frame][fit].</summary>
    public static FitState[][] Choose(RunClock clock, double[] positions)
    {
        var frames = new FitState[positions.Length][];
        for (var j = 0; j < frames.Length; j++)
        {
            frames[j] = new FitState[clock.Fits.Count];
        }
        for (var k = 0; k < clock.Fits.Count; k++)
        {
            var record = clock.Fits[k];
            var steps = positions.Select(u => clock.Iteration(k, u)).ToArray();
            var trendRow = new float[CurveProbe.SampleCount];
            var previousTrendRow = new float[CurveProbe.SampleCount];
            var previousRow = new float[CurveProbe.SampleCount];
            var candidateRow = new float[CurveProbe.SampleCount];
            var trend = new double[record.ParameterCount];
            for (var j = 0; j < steps.Length; j++)
            {
                if (j == 0 || j == steps.Length - 1)
                {
                    frames[j][k] = AtEntry(clock.Probe, record, j == 0 ? 0 : record.EntryCount - 1);
                    continue;
                }
                if (clock.Trends[k] is { } noisy && noisy.Averages(steps[j]))
                {
                    var first = record.EntryAtOrBefore((steps[j - 1] + steps[j]) / 2) + 1;
                    var last = record.EntryAtOrBefore((steps[j] + steps[j + 1]) / 2);
                    if (last - first + 1 >= MinChoice)
                    {
                        noisy.At(steps[j], trend);
                        clock.Probe.Sample(record.Info.Model, trend, trendRow);
                        noisy.At(steps[j - 1], trend);
                        clock.Probe.Sample(record.Info.Model, trend, previousTrendRow);
                        clock.Probe.Sample(record.Info.Model, frames[j - 1][k].Parameters, previousRow);
                        var move = clock.Probe.Movement(previousTrendRow, trendRow);
                        var chosen = Smoothest(clock.Probe, record, first, last, trendRow, previousRow, move, candidateRow);
                        frames[j][k] = AtEntry(clock.Probe, record, chosen) with { Noise = last > first ? new EntryRange(first, last) : null };
                        continue;
                    }
                }
                frames[j][k] = AtStep(clock.Probe, record, steps[j]);
            }
        }
        return frames;
    }

    /// <summary>A fit on kept entry <paramref name="entry"/>.</summary>
    public static FitState AtEntry(CurveProbe probe, FitRecord record, int entry)
    {
        var step = record.EntryStep(entry);
        var parameters = record.Entry(entry).ToArray();
        var loss = record.EntryLoss(entry);
        return new FitState(step, parameters, loss, record.EpochOf(step), step, step, loss, loss, FitDisplay.Iterate, probe.VisibleShare(record.Info.Model, parameters));
    }

    /// <summary>A fit at a fractional step: its kept step, or the tween — or the nearer kept step where the tween would flatter it.</summary>
    private static FitState AtStep(CurveProbe probe, FitRecord record, double step)
    {
        var (lower, upper, fraction) = record.Bracket(step);
        if (upper == lower)
        {
            return AtEntry(probe, record, lower);
        }
        var parameters = new double[record.ParameterCount];
        record.Tween(step, parameters);
        var loss = record.LossOf(parameters);
        var (fromLoss, toLoss) = (record.EntryLoss(lower), record.EntryLoss(upper));
        if (!(loss >= TruthTolerance * Math.Min(fromLoss, toLoss)))
        {
            return AtEntry(probe, record, fraction < 0.5 ? lower : upper);
        }
        var (from, to) = (record.EntryStep(lower), record.EntryStep(upper));
        return new FitState(step, parameters, loss, record.EpochOf(to), from, to, fromLoss, toLoss, FitDisplay.Tween, probe.VisibleShare(record.Info.Model, parameters));
    }

    /// <summary>
    /// The entry of first..last that continues the motion most smoothly: it moves from the previous frame's curve
    /// by about as much as the trend moves between the two frames, and stays close to the trend (the sum of both
    /// deviations, in pixels, is smallest).
    /// </summary>
    private static int Smoothest(CurveProbe probe, FitRecord record, int first, int last, float[] trend, float[] previous, double move, float[] row)
    {
        var every = Math.Max(1, (last - first + 1 + MaxCandidates - 1) / MaxCandidates);
        var (best, bestCost) = (first, double.PositiveInfinity);
        for (var e = first; e <= last; e += every)
        {
            probe.Sample(record.Info.Model, record.Entry(e), row);
            var cost = Math.Abs(probe.Movement(previous, row) - move) + probe.Movement(row, trend);
            if (cost < bestCost)
            {
                (best, bestCost) = (e, cost);
            }
        }
        return best;
    }
}
