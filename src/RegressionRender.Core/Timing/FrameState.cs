namespace RegressionRender.Core.Timing;

/// <summary>Which part of the video a frame belongs to.</summary>
public enum FramePhase
{
    /// <summary>On the initial fit before the animation.</summary>
    HoldStart,

    /// <summary>The fit moving.</summary>
    Animate,

    /// <summary>On the final fit after the animation.</summary>
    HoldEnd,
}

/// <summary>Everything that changes from frame to frame; the renderer draws exactly this.</summary>
/// <param name="Frame">0-based frame index.</param>
/// <param name="Time">Seconds since the start of the video.</param>
/// <param name="Phase">Hold or animate.</param>
/// <param name="Progress">Animation progress before easing, 0 to 1.</param>
/// <param name="DisplacementPx">RMS movement of the fitted curves since the previous frame, in fit-panel pixels.</param>
/// <param name="Fits">The state of each fit.</param>
/// <param name="Trail">Earlier fits to draw fading behind the current ones, oldest first.</param>
public sealed record FrameState(
    int Frame,
    double Time,
    FramePhase Phase,
    double Progress,
    double DisplacementPx,
    IReadOnlyList<FitState> Fits,
    IReadOnlyList<TrailLine> Trail);

/// <summary>One fit as shown in one frame.</summary>
/// <param name="Iteration">Fractional optimizer step shown.</param>
/// <param name="Parameters">Parameters at that step (interpolated), intercept first.</param>
/// <param name="Loss">Loss at that step (interpolated).</param>
/// <param name="Epoch">Epoch of the step: 0 before the first update.</param>
public sealed record FitState(double Iteration, double[] Parameters, double Loss, int Epoch);

/// <summary>An earlier fit drawn behind the current one.</summary>
/// <param name="FitIndex">Which fit it belongs to.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Opacity">0 (gone) to 1 (as strong as the trail gets).</param>
public readonly record struct TrailLine(int FitIndex, double[] Parameters, double Opacity);
