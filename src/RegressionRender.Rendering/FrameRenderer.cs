using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using RegressionRender.Rendering.Layers;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>
/// Draws frames of one scene at one size. A frame is an ordered list of layers; the static ones (background,
/// axes, data, initial fit) are drawn once into a pixel buffer and copied, the dynamic ones drawn per frame.
/// Not thread-safe: layers keep per-video state (the traced surface path grows as frames advance), so one
/// renderer draws one video's frames, in order for best speed (any order gives the same pixels).
/// </summary>
internal sealed class FrameRenderer : IDisposable
{
    private readonly List<IFrameLayer> _dynamicLayers;
    private readonly List<IFrameLayer> _layers;
    private readonly List<IDisposable> _owned = [];
    private readonly SKPicture _static;
    private readonly byte[] _staticPixels;

    /// <summary>A renderer for <paramref name="plan"/> using the given fonts (owned by the caller).</summary>
    /// <param name="plan">The scene at one size.</param>
    /// <param name="fonts">The bundled fonts.</param>
    /// <param name="keepAlpha">
    /// Keep a transparent background transparent (webm, png, frames); otherwise the theme's paper shows through.
    /// </param>
    /// <param name="boxes">Optional collector of every text box drawn (layout tests).</param>
    public FrameRenderer(ScenePlan plan, FontSet fonts, bool keepAlpha = false, TextBoxes? boxes = null)
    {
        Plan = plan;
        var style = keepAlpha ? SceneStyle.From(plan.Draw) : SceneStyle.From(plan.Draw).Opaque();
        HasAlpha = style.IsTransparent;
        var context = new RenderContext(plan, style, fonts, plan.Readouts, boxes);
        var layers = _layers = Layers(context);
        _owned.AddRange(layers.OfType<IDisposable>());
        _static = Record(layers.TakeWhile(l => l.IsStatic), plan.Layout);
        _staticPixels = Rasterize(_static, plan.Layout);
        _dynamicLayers = [.. layers.SkipWhile(l => l.IsStatic)];
        if (_dynamicLayers.Any(l => l.IsStatic))
        {
            throw new InvalidOperationException("static layers must come before dynamic ones, or they would be drawn per frame");
        }
    }

    /// <summary>The ordered layers of a frame: every static layer first (recorded once), then the dynamic ones.</summary>
    private static List<IFrameLayer> Layers(RenderContext context)
    {
        var plan = context.Plan;
        List<IFrameLayer> statics =
        [
            new BackgroundLayer(context),
            new TitleLayer(context),
            new AxesLayer(context, new PanelAxes(plan.FitViewport, null, null, plan.Layout.Panels[0])),
            new TargetLayer(context),
            new InitialFitLayer(context),
        ];
        List<IFrameLayer> dynamics =
        [
            new ResidualsLayer(context),
            new TrailLayer(context),
            new ThresholdLayer(context),
            new CurveLayer(context),
            new OffPanelLayer(context),
            new DataPointsLayer(context),
            new ReadoutLayer(context),
            new CaptionLayer(context),
        ];
        if (plan.LossViewport is { } lossViewport)
        {
            var yLabels = plan.LossScale.IsLog ? AxisLabels.Decades(lossViewport.Y, AxesLayer.TickTarget(lossViewport.Area.Height, context.Layout.TextScale)) : null;
            var xLabels = plan.EpochScale.IsLog ? AxisLabels.Epochs(plan.Fits.Max(f => (double)f.Steps / f.Info.StepsPerEpoch)) : null;
            var loss = new LossCurveLayer(context, lossViewport, plan.LossScale);
            statics.Add(new AxesLayer(context, new PanelAxes(lossViewport, xLabels, yLabels, plan.Layout.Panel(PanelKind.Loss)!)));
            statics.Add(loss.Background);
            dynamics.Add(loss);
        }
        if (plan.SurfaceViewport is { } surfaceViewport)
        {
            var surface = new SurfaceLayer(context, surfaceViewport);
            statics.Add(surface.Background);
            statics.Add(new AxesLayer(context, new PanelAxes(surfaceViewport, null, null, plan.Layout.Panel(PanelKind.Surface)!, Grid: false)));
            dynamics.Add(surface);
        }
        return [.. statics, .. dynamics];
    }

    /// <summary>How many times a loss-surface contour was computed by this renderer (once per video).</summary>
    public int ContoursComputed => _layers.OfType<SurfaceLayer>().Sum(l => l.ContoursComputed);

    /// <summary>The scene and size drawn.</summary>
    public ScenePlan Plan { get; }

    /// <summary>True when frames have see-through pixels: <see cref="DrawInto"/> then writes straight (unpremultiplied) alpha.</summary>
    public bool HasAlpha { get; }

    /// <summary>Bytes of one BGRA frame.</summary>
    public int FrameBytes => Plan.Layout.Width * Plan.Layout.Height * 4;

    /// <summary>Draws <paramref name="frame"/> onto a canvas of the plan's size.</summary>
    internal void Draw(SKCanvas canvas, FrameState frame)
    {
        canvas.DrawPicture(_static);
        DrawDynamic(canvas, frame);
    }

    /// <summary>
    /// Draws <paramref name="frame"/> as BGRA8888 straight into <paramref name="pixels"/> (width × height × 4 bytes):
    /// the static layers arrive as one copy of their pixels, drawn once per video; only the dynamic layers are drawn.
    /// With <see cref="HasAlpha"/> the pixels are unpremultiplied at the end, as ffmpeg's bgra expects.
    /// </summary>
    public unsafe void DrawInto(FrameState frame, Span<byte> pixels)
    {
        if (pixels.Length < FrameBytes)
        {
            throw new ArgumentException($"the buffer holds {pixels.Length} bytes; a frame needs {FrameBytes}", nameof(pixels));
        }
        _staticPixels.CopyTo(pixels);
        var info = Info(Plan.Layout);
        fixed (byte* pointer = pixels)
        {
            using var surface = SKSurface.Create(info, (nint)pointer, info.RowBytes)
                ?? throw new InvalidOperationException("Skia could not create a surface over the frame buffer");
            DrawDynamic(surface.Canvas, frame);
            surface.Flush();
        }
        if (HasAlpha)
        {
            Unpremultiply(pixels[..FrameBytes]);
        }
    }

    /// <summary>Skia draws premultiplied colour; video encoders read straight alpha. Opaque pixels (most) are skipped.</summary>
    private static void Unpremultiply(Span<byte> pixels)
    {
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var alpha = pixels[i + 3];
            if (alpha is 0 or 255)
            {
                continue;
            }
            for (var c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Min(255, ((pixels[i + c] * 255) + (alpha / 2)) / alpha);
            }
        }
    }

    private void DrawDynamic(SKCanvas canvas, FrameState frame)
    {
        foreach (var layer in _dynamicLayers)
        {
            canvas.Save();
            layer.Draw(canvas, frame);
            canvas.Restore();
        }
    }

    private static SKImageInfo Info(FrameLayout layout) => new(layout.Width, layout.Height, SKColorType.Bgra8888, SKAlphaType.Premul);

    private static unsafe byte[] Rasterize(SKPicture picture, FrameLayout layout)
    {
        var info = Info(layout);
        var pixels = new byte[info.BytesSize];
        fixed (byte* pointer = pixels)
        {
            using var surface = SKSurface.Create(info, (nint)pointer, info.RowBytes)
                ?? throw new InvalidOperationException("Skia could not create a surface for the static layers");
            surface.Canvas.DrawPicture(picture);
            surface.Flush();
        }
        return pixels;
    }

    /// <summary>Draws <paramref name="frame"/> and encodes it as PNG.</summary>
    public byte[] DrawPng(FrameState frame)
    {
        var info = new SKImageInfo(Plan.Layout.Width, Plan.Layout.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        Draw(surface.Canvas, frame);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKPicture Record(IEnumerable<IFrameLayer> layers, FrameLayout layout)
    {
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(new SKRect(0, 0, layout.Width, layout.Height));
        var nothing = new FrameState(0, 0, FramePhase.HoldStart, 0, 0, [], []);
        foreach (var layer in layers)
        {
            canvas.Save();
            layer.Draw(canvas, nothing);
            canvas.Restore();
        }
        return recorder.EndRecording();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _static.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
