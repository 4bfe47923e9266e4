using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>One step of drawing a frame. Static layers ignore the frame and are recorded once per video.</summary>
internal interface IFrameLayer
{
    /// <summary>True when the layer looks the same in every frame.</summary>
    bool IsStatic { get; }

    /// <summary>Draws the layer; the caller wraps it in save/restore.</summary>
    void Draw(SKCanvas canvas, FrameState frame);
}
