using RegressionRender.Core.Timing;
using RegressionRender.Rendering;

namespace RegressionRender;

/// <summary>
/// The frames of one size and rate: the timeline and the renderer, both made on first use. An encoder starts
/// ffmpeg at once (its start-up and FFMpegCore's version check take about 0.2 s) while the frame producer plans
/// the timeline on its own thread, so neither waits for the other.
/// </summary>
internal sealed class FrameStage : IDisposable
{
    public FrameStage(PreparedScene scene, FontSet fonts, int width, int height, int fps, bool keepAlpha, CancellationToken cancellationToken)
    {
        (Width, Height, Fps, HasAlpha) = (width, height, fps, keepAlpha);
        FrameCount = Core.Timing.Timeline.FrameCountFor(scene.Config.Animation, fps);
        var plan = new Lazy<Core.Layout.ScenePlan>(() => scene.PlanFor(width, height));
        Timeline = new Lazy<Timeline>(() =>
        {
            var timeline = scene.TimelineFor(plan.Value, fps, cancellationToken);
            Encoding.StartupTrace.Mark("timeline planned");
            return timeline;
        });
        Renderer = new Lazy<FrameRenderer>(() =>
        {
            var renderer = new FrameRenderer(plan.Value, fonts, keepAlpha);
            Encoding.StartupTrace.Mark("renderer made");
            return renderer;
        });
    }

    public int Width { get; }

    public int Height { get; }

    public int Fps { get; }

    /// <summary>Frames of the video, known without planning them (an encoder may ask before the timeline exists).</summary>
    public int FrameCount { get; }

    /// <summary>True when frames keep a transparent background (the renderer then writes straight alpha).</summary>
    public bool HasAlpha { get; }

    public Lazy<Timeline> Timeline { get; }

    public Lazy<FrameRenderer> Renderer { get; }

    public void Dispose()
    {
        if (Renderer.IsValueCreated)
        {
            Renderer.Value.Dispose();
        }
    }
}
