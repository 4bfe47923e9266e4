using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;

namespace RegressionRender.Core.Timing;

/// <summary>
/// The frames of a video: how many, and what each shows. Frames are integers and time is derived from them;
/// the first animated frame shows step 0 and the last the final step, exactly.
/// </summary>
public sealed class Timeline
{
    private Timeline(int fps, int holdStartFrames, int animateFrames, int holdEndFrames, IReadOnlyList<FrameState> frames)
    {
        Fps = fps;
        HoldStartFrames = holdStartFrames;
        AnimateFrames = animateFrames;
        HoldEndFrames = holdEndFrames;
        Frames = frames;
    }

    /// <summary>Frames per second.</summary>
    public int Fps { get; }

    /// <summary>Frames showing the initial fit before the animation.</summary>
    public int HoldStartFrames { get; }

    /// <summary>Frames of the animation proper (at least 2).</summary>
    public int AnimateFrames { get; }

    /// <summary>Frames showing the final fit after the animation.</summary>
    public int HoldEndFrames { get; }

    /// <summary>All frames.</summary>
    public int FrameCount => Frames.Count;

    /// <summary>Length of the video in seconds.</summary>
    public double Duration => (double)FrameCount / Fps;

    /// <summary>What each frame shows.</summary>
    public IReadOnlyList<FrameState> Frames { get; }

    /// <summary>Frame counts of the three phases for a given fps.</summary>
    public static (int HoldStart, int Animate, int HoldEnd) PhaseFrames(AnimationConfig animation, int fps) =>
        ((int)Math.Round(animation.HoldStart * fps), Math.Max(2, (int)Math.Round(animation.Duration * fps)), (int)Math.Round(animation.HoldEnd * fps));

    /// <summary>Frames of a video at <paramref name="fps"/>: known before (and without) planning them.</summary>
    public static int FrameCountFor(AnimationConfig animation, int fps)
    {
        var (holdStart, animate, holdEnd) = PhaseFrames(animation, fps);
        return holdStart + animate + holdEnd;
    }

    /// <summary>
    /// Plans every frame of a video of <paramref name="fits"/> at <paramref name="fps"/>: the easing gives each
    /// animated frame its share of the movement (<see cref="EasedProgress"/>), pacing places the frames on the
    /// run clock (<see cref="Pacing"/>; stochastic fits are paced along their <see cref="Trend"/>, first over an
    /// epoch, then over the frames' own spacing), and <see cref="FrameDisplay"/> decides what each frame draws.
    /// </summary>
    public static Timeline Build(IReadOnlyList<FitRecord> fits, AnimationConfig animation, int fps, Viewport fitPanel)
    {
        var (holdStart, animate, holdEnd) = PhaseFrames(animation, fps);
        var clock = new RunClock(fits, new CurveProbe(fitPanel));
        var progress = EasedProgress.For(Easing.Get(animation.Easing), animate);
        var animated = FrameDisplay.Choose(clock, Pacing.Positions(animation.Pacing, progress, clock));
        if (fits.Any(f => f.IsStochastic) && Smoothness.Score(Moves(clock.Probe, fits, animated)) > Smoothness.Headroom)
        {
            // A frame (nearly) jumps: where frames of a stochastic fit turn out an epoch or more apart, pace again along its
            // trend and show the steps that continue the motion; keep whichever plan moves more smoothly as drawn.
            var positions = animated.Length > 0 ? Positions(clock, animated) : [];
            SetTrends(clock, positions);
            var smoothed = FrameDisplay.Choose(clock, Pacing.Positions(animation.Pacing, progress, clock));
            if (Smoothness.Score(Moves(clock.Probe, fits, smoothed)) < Smoothness.Score(Moves(clock.Probe, fits, animated)))
            {
                animated = smoothed;
            }
        }
        var total = holdStart + animate + holdEnd;
        var frames = new FrameState[total];
        var trailFrames = (int)Math.Round(animation.Trail * fps);
        for (var i = 0; i < total; i++)
        {
            var (phase, progressOfFrame, states) = i < holdStart ? (FramePhase.HoldStart, 0.0, animated[0])
                : i < holdStart + animate ? (FramePhase.Animate, (double)(i - holdStart) / (animate - 1), animated[i - holdStart])
                : (FramePhase.HoldEnd, 1.0, animated[^1]);
            var displacement = i == 0 ? 0 : Displacement(clock.Probe, fits, frames[i - 1].Fits, states);
            frames[i] = new FrameState(i, (double)i / fps, phase, progressOfFrame, displacement, states, Trail(frames, i, trailFrames));
        }
        return new Timeline(fps, holdStart, animate, holdEnd, frames);
    }

    /// <summary>
    /// Gives every stochastic fit its trend over the frames' own spacing (<paramref name="positions"/>, clock
    /// positions): where frames are an epoch or more apart, the average over ± that spacing; where they are half an
    /// epoch apart or closer, none (the frames follow the path itself, zig-zag and all); in between, a ramp.
    /// </summary>
    private static void SetTrends(RunClock clock, double[] positions)
    {
        for (var k = 0; k < clock.Fits.Count; k++)
        {
            if (!clock.Fits[k].IsStochastic)
            {
                continue;
            }
            var perStep = clock.ClockStepsPerStep(k);
            var epoch = (double)clock.Fits[k].Info.StepsPerEpoch;
            clock.Trends[k] = new Trend(clock.Fits[k], step =>
            {
                var found = Array.BinarySearch(positions, step * perStep);
                var j = Math.Clamp(found >= 0 ? found : ~found, 1, positions.Length - 1);
                var spacing = (positions[j] - positions[j - 1]) / perStep;
                return spacing * Math.Clamp((2 * spacing / epoch) - 1, 0, 1);
            });
        }
    }

    /// <summary>The clock positions of planned frames (from the reference fit's steps).</summary>
    private static double[] Positions(RunClock clock, FitState[][] frames)
    {
        var reference = Enumerable.Range(0, clock.Fits.Count).MaxBy(k => clock.Fits[k].Steps * clock.ClockStepsPerStep(k));
        return [.. frames.Select(f => f[reference].Iteration * clock.ClockStepsPerStep(reference))];
    }

    /// <summary>The movement between consecutive animated frames as drawn.</summary>
    private static double[] Moves(CurveProbe probe, IReadOnlyList<FitRecord> fits, FitState[][] frames) =>
        [.. Enumerable.Range(1, frames.Length - 1).Select(j => Displacement(probe, fits, frames[j - 1], frames[j]))];

    /// <summary>RMS on-screen movement of all curves between two frames, in pixels.</summary>
    private static double Displacement(CurveProbe probe, IReadOnlyList<FitRecord> fits, IReadOnlyList<FitState> from, FitState[] to)
    {
        var sum = 0.0;
        for (var k = 0; k < fits.Count; k++)
        {
            sum += probe.SquaredDisplacement(fits[k].Info.Model, from[k].Parameters, to[k].Parameters);
        }
        return Math.Sqrt(sum / fits.Count);
    }

    /// <summary>The fits of the frames before <paramref name="index"/>, fading linearly with age in seconds.</summary>
    private static TrailLine[] Trail(FrameState[] frames, int index, int trailFrames)
    {
        var count = Math.Min(trailFrames, index);
        if (count == 0)
        {
            return [];
        }
        var lines = new List<TrailLine>(count * frames[index - 1].Fits.Count);
        for (var age = count; age >= 1; age--)
        {
            var earlier = frames[index - age];
            var opacity = 1 - ((double)age / (trailFrames + 1));
            for (var k = 0; k < earlier.Fits.Count; k++)
            {
                lines.Add(new TrailLine(k, earlier.Fits[k].Parameters, opacity));
            }
        }
        return [.. lines];
    }
}
