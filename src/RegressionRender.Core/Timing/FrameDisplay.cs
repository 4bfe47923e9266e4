using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// What each animated frame draws for each fit, given the frames' clock positions, and what it says about it:
/// a recorded step, or the straight tween between the two kept steps around the frame's step; the first frame
/// shows step 0 and the last the final step, exactly. The state carries the loss of the parameters actually drawn
/// (recomputed from the data, not interpolated), the two kept steps and their recorded losses, and how much of the
/// curve is inside the panel, so that the plan can show where a tween flatters the fit.
/// </summary>
internal static class FrameDisplay
{
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

    /// <summary>A fit at a fractional step: its kept step, or the tween between the kept steps around it.</summary>
    private static FitState AtStep(CurveProbe probe, FitRecord record, double step)
    {
        var (lower, upper, _) = record.Bracket(step);
        if (upper == lower)
        {
            return AtEntry(probe, record, lower);
        }
        var parameters = new double[record.ParameterCount];
        record.Interpolate(step, parameters);
        var loss = record.LossOf(parameters);
        var (fromLoss, toLoss) = (record.EntryLoss(lower), record.EntryLoss(upper));
        var (from, to) = (record.EntryStep(lower), record.EntryStep(upper));
        return new FitState(step, parameters, loss, record.EpochOf(to), from, to, fromLoss, toLoss, FitDisplay.Tween, probe.VisibleShare(record.Info.Model, parameters));
    }
}
