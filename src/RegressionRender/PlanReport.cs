using RegressionRender.Core.Timing;

namespace RegressionRender;

/// <summary>The frame timeline as the <c>plan --json</c> contract: numbers only, no drawing.</summary>
public sealed record PlanReport(int FrameCount, int Fps, int Width, int Height, double Duration, IReadOnlyList<PlanFit> Fits, PlanMotion Motion, IReadOnlyList<PlanFrame> Frames)
{
    /// <summary>The report as one line of camelCase JSON (the <c>plan --json</c> output).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, ReportJsonContext.Default.PlanReport);

    /// <summary>The plan of the video (not the GIF) of a scene.</summary>
    public static PlanReport Build(PreparedScene scene, CancellationToken cancellationToken = default)
    {
        var view = scene.Config.View;
        var plan = scene.PlanFor(view.Width, view.Height);
        var timeline = scene.TimelineFor(plan, scene.Config.Animation.Fps, cancellationToken);
        var fits = scene.Fits.Select(f => new PlanFit(
            f.Info.Label, f.Steps, f.Info.Epochs, f.Info.StepsPerEpoch, f.InDataUnits(f.Final), f.FinalLoss,
            f.Info.Target is { } target ? f.InDataUnits(target) : null, f.Info.TargetLoss, f.Info.Diverged, f.Info.DivergedAtStep,
            f.Info.NoTargetReason, f.EntryCount, f.Stride, f.Converged && !FitWarnings.FarByRatio(f, scene.Data))).ToList();
        var frames = timeline.Frames.Select(s => new PlanFrame(
            s.Frame, s.Time, PhaseName(s.Phase), s.Progress, s.DisplacementPx,
            // Parameters in the data's units (the curve is drawn from the optimizer's own, exactly).
            [.. s.Fits.Select((f, k) => new PlanFitFrame(
                f.Iteration, scene.Fits[k].InDataUnits(f.Parameters), f.Loss, f.Epoch, [f.FromStep, f.ToStep], [f.FromLoss, f.ToLoss],
                f.Display == FitDisplay.Tween ? "tween" : "iterate", f.Visible))])).ToList();
        var verdict = DrawnMotion.Judge(timeline, scene.Fits, new CurveProbe(plan.FitViewport));
        var motion = new PlanMotion(verdict.Frames, verdict.Score, verdict.Busiest, verdict.Reversals, verdict.Empty, verdict.Keeps(headroom: 1));
        return new PlanReport(timeline.FrameCount, timeline.Fps, view.Width, view.Height, timeline.Duration, fits, motion, frames);
    }

    /// <summary>"hold-start", "animate" or "hold-end".</summary>
    public static string PhaseName(FramePhase phase) => phase switch
    {
        FramePhase.HoldStart => "hold-start",
        FramePhase.Animate => "animate",
        _ => "hold-end",
    };
}

/// <summary>
/// The motion of the animated frames as drawn, by the README's rules (<see cref="Smoothness"/>): what a test or a
/// reviewer would compute from the frames.
/// </summary>
/// <param name="AnimatedFrames">Frames of the animation proper.</param>
/// <param name="JumpScore">The largest change of movement between consecutive frames over the allowed change (max(15% of the largest movement, 1.5 px)): at most 1 keeps the jump rule.</param>
/// <param name="BusiestShare">The share of the movement the busiest tenth of the frames carry: at most 0.35 keeps the rule.</param>
/// <param name="Reversals">Frames whose movement turns back on the previous frame's by more than 120° (both moves at least 3 px): flicker, unless the fit itself turns back that often.</param>
/// <param name="EmptyFrames">Frames in which no fit shows inside the fit panel (at most 5% keep the rule).</param>
/// <param name="KeepsRules">True when the plan keeps all of them: the jump rule, the busiest share, at most 5% empty frames, and only the last frame on every fit's final step.</param>
public sealed record PlanMotion(int AnimatedFrames, double JumpScore, double BusiestShare, int Reversals, int EmptyFrames, bool KeepsRules);

/// <summary>One fit in the plan.</summary>
/// <param name="Label">Legend label.</param>
/// <param name="Steps">The last step (updates made).</param>
/// <param name="Epochs">Epochs asked for.</param>
/// <param name="StepsPerEpoch">Updates per epoch.</param>
/// <param name="Final">Parameters after the last step.</param>
/// <param name="FinalLoss">Loss after the last step.</param>
/// <param name="Target">The closed-form optimum, or null when none exists.</param>
/// <param name="TargetLoss">Loss at the optimum.</param>
/// <param name="Diverged">True when the run was stopped because the loss blew up.</param>
/// <param name="DivergedAtStep">Where it blew up.</param>
/// <param name="NoTarget">Why there is no optimum (e.g. perfectly separable classes).</param>
/// <param name="KeptSteps">Steps kept in the record (all of them up to the record limit).</param>
/// <param name="KeptEvery">Every how many steps one was kept (1 = all).</param>
/// <param name="Converged">True when the fit ends within 1% of the way from its start to the optimum (see <see cref="Core.Fitting.FitRecord.Converged"/>) and not far from it by <see cref="FitWarnings.FarByRatio"/>.</param>
public sealed record PlanFit(
    string Label,
    int Steps,
    int Epochs,
    int StepsPerEpoch,
    double[] Final,
    double FinalLoss,
    double[]? Target,
    double? TargetLoss,
    bool Diverged,
    int? DivergedAtStep,
    string? NoTarget,
    int KeptSteps,
    int KeptEvery,
    bool Converged);

/// <summary>One frame in the plan.</summary>
public sealed record PlanFrame(int Frame, double Time, string Phase, double Progress, double DisplacementPx, IReadOnlyList<PlanFitFrame> Fits);

/// <summary>One fit in one frame of the plan.</summary>
/// <param name="Iteration">The step shown: whole on a recorded step, fractional in a tween.</param>
/// <param name="Parameters">The parameters drawn.</param>
/// <param name="Loss">The loss of the parameters drawn (what the readout shows).</param>
/// <param name="Epoch">The epoch of the step shown or being made.</param>
/// <param name="Between">The kept steps [k0, k1] the drawn parameters lie between (k0 == k1 on a recorded step).</param>
/// <param name="LossBetween">The recorded losses of k0 and k1.</param>
/// <param name="Display">"iterate" (a recorded step exactly) or "tween" (on the way from k0 to k1, never better than both).</param>
/// <param name="Visible">The share (0–1) of the fit's curve, across the fit panel, inside the panel.</param>
public sealed record PlanFitFrame(double Iteration, double[] Parameters, double Loss, int Epoch, int[] Between, double[] LossBetween, string Display, double Visible);
