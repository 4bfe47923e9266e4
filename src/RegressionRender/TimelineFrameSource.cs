using RegressionRender.Core.Timing;
using RegressionRender.Encoding;
using RegressionRender.Rendering;

namespace RegressionRender;

/// <summary>Connects drawing to encoding: frame i of a timeline, drawn by a renderer (created on first use).</summary>
internal sealed class TimelineFrameSource(Lazy<FrameRenderer> renderer, Timeline timeline) : IFrameSource
{
    public int Width => renderer.Value.Plan.Layout.Width;

    public int Height => renderer.Value.Plan.Layout.Height;

    public int Fps => timeline.Fps;

    public int FrameCount => timeline.FrameCount;

    public bool HasAlpha => renderer.Value.HasAlpha;

    public void Render(int index, Span<byte> pixels) => renderer.Value.DrawInto(timeline.Frames[index], pixels);
}
