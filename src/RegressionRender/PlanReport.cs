using RegressionRender.Core.Timing;

namespace RegressionRender;

/// <summary>The frame timeline as the <c>plan --json</c> contract: numbers only, no drawing.</summary>
public sealed record PlanReport(int FrameCount, int Fps, int Width, int Height, double Duration, IReadOnlyList<PlanFit> Fits, IReadOnlyList<PlanFrame> Frames)
{
    /// <summary>The plan of the video (not the GIF) of a scene.</summary>
    public static PlanReport Build(PreparedScene scene)
    {
        var view = scene.Config.View;
        var plan = scene.PlanFor(view.Width, view.Height);
        var timeline = scene.TimelineFor(plan, scene.Config.Animation.Fps);
        var fits = scene.Fits.Select(f => new PlanFit(
            f.Info.Label, f.Steps, f.Info.Epochs, f.Info.StepsPerEpoch, f.Final.ToArray(), f.FinalLoss,
            f.Info.Target, f.Info.TargetLoss, f.Info.Diverged, f.Info.DivergedAtStep)).ToList();
        var frames = timeline.Frames.Select(s => new PlanFrame(
            s.Frame, s.Time, PhaseName(s.Phase), s.Progress, s.DisplacementPx,
            [.. s.Fits.Select(f => new PlanFitFrame(f.Iteration, f.Parameters, f.Loss, f.Epoch))])).ToList();
        return new PlanReport(timeline.FrameCount, timeline.Fps, view.Width, view.Height, timeline.Duration, fits, frames);
    }

    /// <summary>"hold-start", "animate" or "hold-end".</summary>
    public static string PhaseName(FramePhase phase) => phase switch
    {
        FramePhase.HoldStart => "hold-start",
        FramePhase.Animate => "animate",
        _ => "hold-end",
    };
}

/// <summary>One fit in the plan.</summary>
public sealed record PlanFit(string Label, int Steps, int Epochs, int StepsPerEpoch, double[] Final, double FinalLoss, double[]? Target, double? TargetLoss, bool Diverged, int? DivergedAtStep);

/// <summary>One frame in the plan.</summary>
public sealed record PlanFrame(int Frame, double Time, string Phase, double Progress, double DisplacementPx, IReadOnlyList<PlanFitFrame> Fits);

/// <summary>One fit in one frame of the plan.</summary>
public sealed record PlanFitFrame(double Iteration, double[] Parameters, double Loss, int Epoch);
