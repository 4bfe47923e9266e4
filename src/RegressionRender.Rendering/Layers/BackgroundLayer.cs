using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>Fills the canvas with the theme's background.</summary>
internal sealed class BackgroundLayer(RenderContext context) : IFrameLayer
{
    public bool IsStatic => true;

    public void Draw(SKCanvas canvas, FrameState frame) => canvas.Clear(context.Style.Background);
}
