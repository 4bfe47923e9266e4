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

    /// <summary>The configured length in seconds (holds and animation), which a frame count at some rates misses by part of a frame.</summary>
    public static double Seconds(AnimationConfig animation) => animation.HoldStart + animation.Duration + animation.HoldEnd;

    /// <summary>Frames of a video at <paramref name="fps"/>: known before (and without) planning them.</summary>
    public static int FrameCountFor(AnimationConfig animation, int fps)
    {
        var (holdStart, animate, holdEnd) = PhaseFrames(animation, fps);
        return holdStart + animate + holdEnd;
    }

    /// <summary>
    /// Plans every frame of a video of <paramref name="fits"/> at <paramref name="fps"/>: the easing gives each
    /// animated frame its share of the movement (<see cref="EasedProgress"/>), pacing places the frames on the
    /// run clock (<see cref="Pacing"/>), and <see cref="FrameDisplay"/> decides what each frame draws.
    /// </summary>
    public static Timeline Build(IReadOnlyList<FitRecord> fits, AnimationConfig animation, int fps, Viewport fitPanel, CancellationToken cancellationToken = default)
    {
        var (holdStart, animate, holdEnd) = PhaseFrames(animation, fps);
        var clock = new RunClock(fits, new CurveProbe(fitPanel), cancellationToken);
        var progress = EasedProgress.For(Easing.Get(animation.Easing), animate);
        var animated = FrameDisplay.Choose(clock, Pacing.Positions(animation.Pacing, progress, clock));
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
    private static TrailView Trail(FrameState[] frames, int index, int trailFrames) => new(frames, index, trailFrames);

    /// <summary>
    /// A frame's trail, read from the frames before it when drawn rather than stored: memory stays at what one frame
    /// needs whatever the trail's length, the duration and the number of fits (a 60 s trail at 120 fps is 7,200
    /// earlier frames for every frame). Oldest first; each earlier frame gives one line per fit.
    /// </summary>
    private sealed class TrailView(FrameState[] frames, int index, int trailFrames) : IReadOnlyList<TrailLine>
    {
        private readonly int _ages = Math.Max(0, Math.Min(trailFrames, index));
        private readonly int _fits = index > 0 ? frames[index - 1].Fits.Count : 0;

        public int Count => _ages * _fits;

        public TrailLine this[int position]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(position);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Count);
                var age = _ages - (position / _fits);
                var fit = position % _fits;
                return new TrailLine(fit, frames[index - age].Fits[fit].Parameters, 1 - ((double)age / (trailFrames + 1)));
            }
        }

        public IEnumerator<TrailLine> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
