using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// What each animated frame draws for each fit, given the frames' clock positions — always the truth:
/// <list type="bullet">
/// <item>a fit shows the drawn path at its step: a recorded step, or the truthful tween between the two kept
/// steps around it (<see cref="FitRecord.Tween"/>);</item>
/// <item>the first frame shows step 0 and the last the final step, exactly.</item>
/// </list>
/// Where the tween would show a fit better than both its steps and there is no optimum to raise it from (a fit with no
/// finite minimum), the frame shows the nearer step (<see cref="FitRecord.Holds"/>), as pacing saw it; a frame whose own
/// tween still falls below 0.99 × the lower loss does too.
/// </summary>
internal static class FrameDisplay
{
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
            for (var j = 0; j < steps.Length; j++)
            {
                if (j == 0 || j == steps.Length - 1)
                {
                    frames[j][k] = AtEntry(clock.Probe, record, j == 0 ? 0 : record.EntryCount - 1);
                    continue;
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
        if (upper == lower || record.Holds(lower))
        {
            return AtEntry(probe, record, fraction < 0.5 ? lower : upper);
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
}
