using RegressionRender.Encoding;

namespace RegressionRender;

/// <summary>Connects drawing to encoding: frame i of a stage's timeline, drawn by its renderer (both made on first use, on the producer's thread).</summary>
internal sealed class TimelineFrameSource(FrameStage stage) : IFrameSource
{
    public int Width => stage.Width;

    public int Height => stage.Height;

    public int Fps => stage.Fps;

    public int FrameCount => stage.FrameCount;

    public bool HasAlpha => stage.HasAlpha;

    public void Render(int index, Span<byte> pixels) => stage.Renderer.Value.DrawInto(stage.Timeline.Value.Frames[index], pixels);
}
