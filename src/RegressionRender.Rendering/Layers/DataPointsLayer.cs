using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The data points as the plan places them (<see cref="Core.Layout.ScenePlan.Points"/>), clipped to the fit panel;
/// coloured by class for logistic regression. They are drawn over the fitted curves, residuals and trails, so that no
/// line ever hides a point: the lesson is the data. Each dot is filled with its colour as it shows on the paper (a
/// translucent colour made solid), so a dot looks the same wherever it lies, and its paper-coloured edge keeps
/// neighbours apart. The dots are recorded once per video and replayed per frame.
/// </summary>
internal sealed class DataPointsLayer : IFrameLayer, IDisposable
{
    private readonly SKPicture _dots;
    private readonly SKRect _clip;

    public DataPointsLayer(RenderContext context)
    {
        _clip = Rect(context.Viewport.Area);
        using var recorder = new SKPictureRecorder();
        Record(recorder.BeginRecording(_clip), context);
        _dots = recorder.EndRecording();
    }

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        canvas.ClipRect(_clip);
        canvas.DrawPicture(_dots);
    }

    /// <summary>
    /// Every dot's paper-coloured edge first, then every dot's fill: where dots overlap, no edge crosses another dot, so
    /// each point's centre shows its own colour (or, where two classes meet, one of theirs). Dots never shrink below a
    /// few pixels, so that a point on a small GIF is still a visible dot, centre and edge.
    /// </summary>
    private static void Record(SKCanvas canvas, RenderContext context)
    {
        var viewport = context.Viewport;
        var data = context.Plan.Points;
        var style = context.Style;
        var scale = context.Layout.Scale;
        // Many points get smaller dots, so that a 400-row CSV is not a blob.
        var radius = Math.Max(2.5f, (data.Count <= 50 ? 7f : data.Count <= 400 ? 4.5f : 3f) * scale);
        var rim = Math.Max(1, scale) / 2;
        var byClass = context.Plan.Fits[0].Info.Model.IsLogistic;
        var centers = Enumerable.Range(0, data.Count).Select(i => new SKPoint(viewport.PixelX(data.X[i]), viewport.PixelY(data.Y[i]))).ToArray();
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = style.Paper.WithAlpha(200) };
        foreach (var center in centers)
        {
            canvas.DrawCircle(center, radius + rim, paint);
        }
        for (var i = 0; i < centers.Length; i++)
        {
            paint.Color = style.OnPaper(byClass ? data.Y[i] > 0.5 ? style.ClassOne : style.ClassZero : style.Points);
            canvas.DrawCircle(centers[i], radius - rim, paint);
        }
    }

    internal static SKRect Rect(Core.Layout.PixelRect r) => new(r.Left, r.Top, r.Right, r.Bottom);

    public void Dispose() => _dots.Dispose();
}
