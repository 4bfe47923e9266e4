using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// A planned video's animated frames as a viewer sees them, judged by pacing's one objective
/// (<see cref="Smoothness.Verdict"/>), but measured on the curves as drawn rather than on the run clock: what
/// <c>plan</c> reports, so that a config's motion can be checked without rendering it.
/// </summary>
public static class DrawnMotion
{
    /// <summary>The verdict on the animated frames of <paramref name="timeline"/>, the curves of <paramref name="fits"/> seen through <paramref name="probe"/>.</summary>
    public static Smoothness.Verdict Judge(Timeline timeline, IReadOnlyList<FitRecord> fits, CurveProbe probe)
    {
        var animated = timeline.Frames.Where(frame => frame.Phase == FramePhase.Animate).ToList();
        // The first animated frame's movement is from the last hold frame, which shows the same step 0.
        var moves = animated.Skip(1).Select(frame => frame.DisplacementPx).ToArray();
        var length = fits.Count * CurveProbe.SampleCount;
        var (before, now, after) = (new float[length], new float[length], new float[length]);
        var (reversals, empty) = (0, 0);
        for (var j = 0; j < animated.Count; j++)
        {
            (before, now, after) = (now, after, before);
            for (var k = 0; k < fits.Count; k++)
            {
                probe.Sample(fits[k].Info.Model, animated[j].Fits[k].Parameters, after.AsSpan(k * CurveProbe.SampleCount, CurveProbe.SampleCount));
            }
            empty += probe.AnyInside(after) ? 0 : 1;
            reversals += j >= 2 && probe.Reverses(before, now, after) ? 1 : 0;
        }
        var endsEarly = animated.Count > 1 && Enumerable.Range(0, fits.Count).All(k => animated[^2].Fits[k].Iteration >= fits[k].Steps);
        return new(Smoothness.Score(moves), Smoothness.BusiestShare(moves), reversals, empty, endsEarly, animated.Count);
    }
}
