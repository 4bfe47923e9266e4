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
    private readonly List<SKPoint[]> _paths = [];
    private readonly SKPaint _path;
    private readonly SKPaint _halo;
    private readonly SKPaint _dot = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public SurfaceLayer(RenderContext context, Viewport viewport)
    {
        _context = context;
        _viewport = viewport;
        _contour = Contour();
        var scale = context.Layout.Scale;
        _path = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, 2.5f * scale), StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        _halo = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(3, 5.5f * scale), StrokeJoin = SKStrokeJoin.Round, Color = context.Style.Background.WithAlpha(150) };
        foreach (var fit in context.Plan.Fits)
        {
            _paths.Add(PathPoints(fit));
        }
    }

    /// <summary>Number of times this layer computed its contour: once per video, whatever the frame count.</summary>
    public int ContoursComputed { get; private set; }

    public bool IsStatic => false;

    /// <summary>The static part: contour and optimum.</summary>
    public IFrameLayer Background => new SurfaceBackground(this);

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        canvas.ClipRect(DataPointsLayer.Rect(_viewport.Area));
        for (var k = 0; k < _paths.Count && k < frame.Fits.Count; k++)
        {
            var fit = _context.Plan.Fits[k];
            var points = _paths[k];
            var current = Pixel(frame.Fits[k].Parameters);
            var shown = (int)Math.Min(points.Length, Math.Floor(frame.Fits[k].Iteration / Math.Max(1, fit.Steps) * (points.Length - 1)) + 1);
            using var builder = new SKPathBuilder();
            builder.MoveTo(points[0]);
            for (var i = 1; i < shown; i++)
            {
                builder.LineTo(points[i]);
            }
            builder.LineTo(Clamp(current));
            using var path = builder.Detach();
            _path.Color = _context.Style.FitColors[k];
            canvas.DrawPath(path, _halo);
            canvas.DrawPath(path, _path);
            _dot.Color = _context.Style.Background;
            canvas.DrawCircle(Clamp(current), 6.5f * _context.Layout.Scale, _dot);
            _dot.Color = _context.Style.FitColors[k];
            canvas.DrawCircle(Clamp(current), 4.5f * _context.Layout.Scale, _dot);
        }
    }

    /// <summary>Pixel positions of a fit's kept entries, evenly thinned to at most 4000.</summary>
    private SKPoint[] PathPoints(FitRecord fit)
    {
        var count = Math.Min(fit.EntryCount, 4000);
        var points = new SKPoint[count];
        for (var i = 0; i < count; i++)
        {
            var entry = count == 1 ? 0 : (int)((long)i * (fit.EntryCount - 1) / (count - 1));
            points[i] = Clamp(Pixel(fit.Entry(entry)));
        }
        return points;
    }

    /// <summary>A line's parameters (data units) as a pixel of the panel.</summary>
    private SKPoint Pixel(ReadOnlySpan<double> parameters)
    {
        var (a, b) = _context.Plan.Surface.ToPanel(parameters);
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
        var min = loss.Min();
        var max = loss.Max();
        var floor = Math.Max((max - min) * 1e-4, 1e-12);
        var top = Math.Log10(max - min + floor);
        var bottom = Math.Log10(floor);
        var bands = new int[loss.Length];
        for (var i = 0; i < loss.Length; i++)
        {
            var level = (Math.Log10(loss[i] - min + floor) - bottom) / (top - bottom);
            bands[i] = Math.Min(Levels - 1, (int)(level * Levels));
        }
        var info = new SKImageInfo(columns, rows, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var colors = Enumerable.Range(0, Levels).Select(b => _context.Style.SurfaceColor((b + 0.5) / Levels)).ToArray();
        var lines = colors.Select(c => SceneStyle.Mix(c, _context.Style.IsDark ? SKColors.White : SKColors.Black, 0.22f)).ToArray();
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var band = bands[(row * columns) + column];
                var edge = (column + 1 < columns && bands[(row * columns) + column + 1] != band)
                    || (row + 1 < rows && bands[((row + 1) * columns) + column] != band);
                bitmap.SetPixel(column, row, edge ? lines[band] : colors[band]);
            }
        }
        return SKImage.FromBitmap(bitmap);
    }

    public void Dispose()
    {
        _contour.Dispose();
        _path.Dispose();
        _halo.Dispose();
        _dot.Dispose();
    }

    private sealed class SurfaceBackground(SurfaceLayer owner) : IFrameLayer
    {
        public bool IsStatic => true;

        public void Draw(SKCanvas canvas, FrameState frame)
        {
            var area = owner._viewport.Area;
            canvas.DrawImage(owner._contour, new SKRect(area.Left, area.Top, area.Right, area.Bottom), new SKSamplingOptions(SKFilterMode.Linear));
            var scale = owner._context.Layout.Scale;
            if (owner._context.Plan.Fits[0].Info.Target is { } target)
            {
                // The optimum: a white-edged cross.
                var center = owner.Pixel(target);
                var size = 8 * scale;
                using var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6 * scale, StrokeCap = SKStrokeCap.Round, Color = owner._context.Style.Background };
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
