using RegressionRender.Core.Config;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The loss surface over (intercept, slope): a filled contour computed once per video, with log-spaced levels
/// above the minimum so that a long narrow valley shows as nested ellipses, and the optimum marked. Per frame,
/// each fit's path so far and its current point.
/// </summary>
internal sealed class SurfaceLayer : IFrameLayer, IDisposable
{
    private const int Levels = 14;
    private readonly RenderContext _context;
    private readonly Viewport _viewport;
    private readonly SKImage _contour;
    private readonly List<(SKPoint[] Points, int[] Steps)> _paths = [];
    private readonly SKSurface _trace;
    private readonly int[] _traced;
    private readonly SKPaint _path;
    private readonly SKPaint _dot = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public SurfaceLayer(RenderContext context, Viewport viewport)
    {
        _context = context;
        _viewport = viewport;
        _contour = Contour();
        var scale = context.Layout.Scale;
        _path = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, 2.5f * scale), StrokeCap = SKStrokeCap.Round };
        foreach (var fit in context.Plan.Fits)
        {
            _paths.Add(PathPoints(fit));
        }
        _trace = SKSurface.Create(new SKImageInfo(Math.Max(1, (int)Math.Ceiling(viewport.Area.Width)), Math.Max(1, (int)Math.Ceiling(viewport.Area.Height)), SKColorType.Bgra8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create the path layer");
        _trace.Canvas.Clear(SKColors.Transparent);
        _traced = [.. _paths.Select(_ => 1)];
    }

    /// <summary>Number of times this layer computed its contour: once per video, whatever the frame count.</summary>
    public int ContoursComputed { get; private set; }

    public bool IsStatic => false;

    /// <summary>The static part: contour and optimum.</summary>
    public IFrameLayer Background => new SurfaceBackground(this);

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var area = _viewport.Area;
        canvas.ClipRect(DataPointsLayer.Rect(area));
        Trace(frame);
        _trace.Draw(canvas, area.Left, area.Top, null);
        for (var k = 0; k < _paths.Count && k < frame.Fits.Count; k++)
        {
            var (points, _) = _paths[k];
            var current = Clamp(Pixel(frame.Fits[k].Parameters));
            _path.Color = _context.Style.FitColors[k];
            canvas.DrawLine(points[_traced[k] - 1], current, _path);
            _dot.Color = _context.Style.Paper;
            canvas.DrawCircle(current, 6.5f * _context.Layout.Scale, _dot);
            _dot.Color = _context.Style.FitColors[k];
            canvas.DrawCircle(current, 4.5f * _context.Layout.Scale, _dot);
        }
    }

    /// <summary>
    /// Brings the traced paths up to this frame. A path only grows as the video plays, so each frame strokes just its
    /// new segments onto a transparent layer kept between frames (a 9000-step SGD path would cost tens of
    /// milliseconds to stroke whole every frame); a frame earlier than the last one traced starts the layer afresh.
    /// </summary>
    private void Trace(FrameState frame)
    {
        var shown = new int[_paths.Count];
        for (var k = 0; k < _paths.Count; k++)
        {
            shown[k] = k < frame.Fits.Count ? UpperBound(_paths[k].Steps, frame.Fits[k].Iteration) : 1;
        }
        if (shown.Where((count, k) => count < _traced[k]).Any())
        {
            _trace.Canvas.Clear(SKColors.Transparent);
            Array.Fill(_traced, 1);
        }
        var canvas = _trace.Canvas;
        canvas.Save();
        canvas.Translate(-_viewport.Area.Left, -_viewport.Area.Top);
        for (var k = 0; k < _paths.Count; k++)
        {
            var points = _paths[k].Points;
            _path.Color = _context.Style.FitColors[k];
            for (var i = _traced[k]; i < shown[k]; i++)
            {
                canvas.DrawLine(points[i - 1], points[i], _path);
            }
            _traced[k] = Math.Max(_traced[k], shown[k]);
        }
        canvas.Restore();
    }

    /// <summary>
    /// Pixel positions of a fit's path with the step of each, dropping points closer than a pixel to the last one
    /// kept: a 9000-step SGD path becomes a few hundred points, drawn per frame at no visible loss.
    /// </summary>
    private (SKPoint[] Points, int[] Steps) PathPoints(FitRecord fit)
    {
        var points = new List<SKPoint> { Clamp(Pixel(fit.Entry(0))) };
        var steps = new List<int> { 0 };
        var minimum = Math.Max(1f, _context.Layout.Scale);
        for (var entry = 1; entry < fit.EntryCount; entry++)
        {
            var point = Clamp(Pixel(fit.Entry(entry)));
            if (SKPoint.Distance(point, points[^1]) >= minimum || entry == fit.EntryCount - 1)
            {
                points.Add(point);
                steps.Add(fit.EntryStep(entry));
            }
        }
        return ([.. points], [.. steps]);
    }

    /// <summary>How many path points lie at or before <paramref name="iteration"/>.</summary>
    private static int UpperBound(int[] steps, double iteration)
    {
        int low = 0, high = steps.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (steps[middle] <= iteration)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return Math.Max(1, low);
    }

    /// <summary>A line's parameters (data units) as a pixel of the panel.</summary>
    private SKPoint Pixel(ReadOnlySpan<double> parameters)
    {
        var (a, b) = SurfaceCoordinates.ToPanel(parameters);
        return new SKPoint(_viewport.PixelX(a), _viewport.PixelY(b));
    }

    private SKPoint Clamp(SKPoint p)
    {
        var area = _viewport.Area;
        var margin = Math.Max(area.Width, area.Height);
        return new SKPoint(
            float.IsFinite(p.X) ? Math.Clamp(p.X, area.Left - margin, area.Right + margin) : area.Right + margin,
            float.IsFinite(p.Y) ? Math.Clamp(p.Y, area.Top - margin, area.Bottom + margin) : area.Top - margin);
    }

    /// <summary>The filled contour at the plot's pixel size, band edges darkened into contour lines.</summary>
    private SKImage Contour()
    {
        ContoursComputed++;
        var area = _viewport.Area;
        var columns = Math.Max(2, (int)area.Width);
        var rows = Math.Max(2, (int)area.Height);
        var fit = _context.Plan.Fits[0];
        var loss = LossSurface.Compute(_context.Plan.Data, fit.Info, _viewport, columns, rows);
        var scale = _context.Plan.SurfaceScale ?? new SurfaceScale(loss.Min(), loss.Max());
        var bands = new int[loss.Length];
        for (var i = 0; i < loss.Length; i++)
        {
            bands[i] = Band(scale.Level(loss[i]));
        }
        var info = new SKImageInfo(columns, rows, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var colors = BandColors();
        var lines = colors.Select(c => SceneStyle.Mix(c, _context.Style.IsDark ? SKColors.White : SKColors.Black, 0.22f)).ToArray();
        // Straight into the pixels (SKBitmap.SetPixel allocates per call: 40 MB for a 1080p panel). The colours are
        // opaque, so premultiplied BGRA is their ARGB value in little-endian order.
        var pixels = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
        var stride = bitmap.RowBytes / 4;
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var band = bands[(row * columns) + column];
                var edge = (column + 1 < columns && bands[(row * columns) + column + 1] != band)
                    || (row + 1 < rows && bands[((row + 1) * columns) + column] != band);
                pixels[(row * stride) + column] = (uint)(edge ? lines[band] : colors[band]);
            }
        }
        return SKImage.FromBitmap(bitmap);
    }

    private static int Band(double level) => Math.Min(Levels - 1, (int)(level * Levels));

    private SKColor[] BandColors() => [.. Enumerable.Range(0, Levels).Select(b => _context.Style.SurfaceColor((b + 0.5) / Levels))];

    /// <summary>The colour scale: the bands bottom (lowest loss) to top, edged, with the layout's labels beside them.</summary>
    private void DrawColorBar(SKCanvas canvas)
    {
        var panel = _context.Layout.Panel(PanelKind.Surface);
        if (panel is null || panel.ColorBar.Width <= 0 || panel.ScaleLabels.Count == 0)
        {
            return;
        }
        var bar = panel.ColorBar;
        var colors = BandColors();
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        var band = bar.Height / Levels;
        for (var b = 0; b < Levels; b++)
        {
            fill.Color = colors[b];
            canvas.DrawRect(new SKRect(bar.Left, bar.Bottom - ((b + 1) * band), bar.Right, bar.Bottom - (b * band)), fill);
        }
        using var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = _context.Style.Axis, StrokeWidth = Math.Max(1, _context.Layout.Scale) };
        canvas.DrawRect(DataPointsLayer.Rect(bar), edge);
        var size = _context.Layout.TickSize;
        using var font = _context.Fonts.Font(size);
        using var text = new SKPaint { IsAntialias = true, Color = _context.Style.MutedText };
        var labels = panel.ScaleLabels;
        for (var i = 0; i < labels.Count; i++)
        {
            // The lowest label sits on the bar's bottom, the highest under its top, the others centred on their level.
            var (at, label) = labels[i];
            var level = (float)at;
            var shift = level == 0 ? 0 : level == 1 ? 0.75f * size : 0.35f * size;
            var baseline = bar.Bottom - (level * bar.Height) + shift;
            _context.Text(canvas, "tick", label, label, bar.Right + (5 * _context.Layout.TextScale), baseline, SKTextAlign.Left, font, text);
        }
    }

    public void Dispose()
    {
        _contour.Dispose();
        _trace.Dispose();
        _path.Dispose();
        _dot.Dispose();
    }

    private sealed class SurfaceBackground(SurfaceLayer owner) : IFrameLayer
    {
        public bool IsStatic => true;

        public void Draw(SKCanvas canvas, FrameState frame)
        {
            var area = owner._viewport.Area;
            canvas.DrawImage(owner._contour, new SKRect(area.Left, area.Top, area.Right, area.Bottom), new SKSamplingOptions(SKFilterMode.Linear));
            owner.DrawColorBar(canvas);
            var scale = owner._context.Layout.Scale;
            if (owner._context.Plan.Fits[0].Info.Target is { } target)
            {
                // The optimum: a white-edged cross.
                var center = owner.Pixel(target);
                var size = 8 * scale;
                using var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6 * scale, StrokeCap = SKStrokeCap.Round, Color = owner._context.Style.Paper };
                using var mark = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f * scale, StrokeCap = SKStrokeCap.Round, Color = owner._context.Style.Text };
                foreach (var paint in new[] { edge, mark })
                {
                    canvas.DrawLine(center.X - size, center.Y - size, center.X + size, center.Y + size, paint);
                    canvas.DrawLine(center.X - size, center.Y + size, center.X + size, center.Y - size, paint);
                }
            }
        }
    }
}
