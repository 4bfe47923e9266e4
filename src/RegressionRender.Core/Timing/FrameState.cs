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

/// <summary>What a frame draws for a fit.</summary>
public enum FitDisplay
{
    /// <summary>A recorded step, exactly.</summary>
    Iterate,

    /// <summary>On the way between two consecutive kept steps (a truthful tween: never better than both).</summary>
    Tween,
}

/// <summary>One fit as shown in one frame.</summary>
/// <param name="Iteration">Optimizer step shown: whole on a recorded step, fractional in a tween.</param>
/// <param name="Parameters">The parameters drawn, intercept first.</param>
/// <param name="Loss">The loss of the parameters drawn.</param>
/// <param name="Epoch">Epoch of <paramref name="ToStep"/>: 0 before the first update.</param>
/// <param name="FromStep">The kept step the drawn parameters start from (equal to <paramref name="ToStep"/> on a step).</param>
/// <param name="ToStep">The kept step they are on their way to.</param>
/// <param name="FromLoss">The recorded loss of <paramref name="FromStep"/>.</param>
/// <param name="ToLoss">The recorded loss of <paramref name="ToStep"/>.</param>
/// <param name="Display">A recorded step or a tween.</param>
/// <param name="Visible">The share (0–1) of the curve, across the fit panel, inside the panel.</param>
public sealed record FitState(
    double Iteration,
    double[] Parameters,
    double Loss,
    int Epoch,
    int FromStep,
    int ToStep,
    double FromLoss,
    double ToLoss,
    FitDisplay Display,
    double Visible);

/// <summary>An earlier fit drawn behind the current one.</summary>
/// <param name="FitIndex">Which fit it belongs to.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Opacity">0 (gone) to 1 (as strong as the trail gets).</param>
public readonly record struct TrailLine(int FitIndex, double[] Parameters, double Opacity);
