using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The loss panel: each fit's whole loss curve drawn faint once (static), and per frame the part already travelled
/// drawn strong, a cursor at the current epoch and a dot on the current loss. The curves are built once per video.
/// </summary>
internal sealed class LossCurveLayer : IFrameLayer, IDisposable
{
    private readonly RenderContext _context;
    private readonly Viewport _viewport;
    private readonly LossScale _scale;
    private readonly List<SKPath> _curves = [];
    private readonly SKPaint _strong;
    private readonly SKPaint _cursor;
    private readonly SKPaint _dot = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public LossCurveLayer(RenderContext context, Viewport viewport, LossScale scale)
    {
        _context = context;
        _viewport = viewport;
        _scale = scale;
        var width = Math.Max(2, 2.5f * context.Layout.Scale);
        _strong = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeJoin = SKStrokeJoin.Round };
        _cursor = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, context.Layout.Scale), Color = context.Style.Axis };
        foreach (var fit in context.Plan.Fits)
        {
            _curves.Add(Curve(fit));
        }
    }

    public bool IsStatic => false;

    /// <summary>The static part: faint whole curves and dashed target losses.</summary>
    public IFrameLayer Background => new LossBackground(this);

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var area = _viewport.Area;
        canvas.ClipRect(DataPointsLayer.Rect(area));
        for (var k = 0; k < _curves.Count && k < frame.Fits.Count; k++)
        {
            var fit = _context.Plan.Fits[k];
            var x = X(frame.Fits[k].Iteration / fit.Info.StepsPerEpoch);
            canvas.Save();
            canvas.ClipRect(new SKRect(area.Left - 4, area.Top - 4, x + 1, area.Bottom + 4));
            _strong.Color = _context.Style.FitColors[k];
            canvas.DrawPath(_curves[k], _strong);
            canvas.Restore();
            if (k == 0)
            {
                canvas.DrawLine(x, area.Top, x, area.Bottom, _cursor);
            }
            _dot.Color = _context.Style.FitColors[k];
            canvas.DrawCircle(x, Y(frame.Fits[k].Loss), 5 * _context.Layout.Scale, _dot);
        }
    }

    private float X(double epoch) => _viewport.PixelX(_context.Plan.EpochScale.ToAxis(epoch));

    private float Y(double loss)
    {
        var y = _viewport.PixelY(_scale.ToAxis(loss));
        return float.IsFinite(y) ? Math.Clamp(y, _viewport.Area.Top - 10, _viewport.Area.Bottom + 10) : _viewport.Area.Top - 10;
    }

    /// <summary>Loss against epoch through the kept entries, at most about two points per pixel column.</summary>
    private SKPath Curve(FitRecord fit)
    {
        using var builder = new SKPathBuilder();
        // Thinned by pixel column, not by count: on a log epoch axis the entries crowd to the right.
        var last = float.NegativeInfinity;
        for (var i = 0; i < fit.EntryCount - 1; i++)
        {
            var x = X((double)fit.EntryStep(i) / fit.Info.StepsPerEpoch);
            if (x - last >= 0.5f)
            {
                Add(builder, fit, i, i == 0);
                last = x;
            }
        }
        Add(builder, fit, fit.EntryCount - 1, fit.EntryCount == 1);
        return builder.Detach();
    }

    private void Add(SKPathBuilder builder, FitRecord fit, int entry, bool first)
    {
        var point = new SKPoint(X((double)fit.EntryStep(entry) / fit.Info.StepsPerEpoch), Y(fit.EntryLoss(entry)));
        if (first)
        {
            builder.MoveTo(point);
        }
        else
        {
            builder.LineTo(point);
        }
    }

    public void Dispose()
    {
        foreach (var curve in _curves)
        {
            curve.Dispose();
        }
        _strong.Dispose();
        _cursor.Dispose();
        _dot.Dispose();
    }

    private sealed class LossBackground(LossCurveLayer owner) : IFrameLayer
    {
        public bool IsStatic => true;

        public void Draw(SKCanvas canvas, FrameState frame)
        {
            var context = owner._context;
            var scale = context.Layout.Scale;
            canvas.ClipRect(DataPointsLayer.Rect(owner._viewport.Area));
            using var faint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 1.5f * scale) };
            using var dash = SKPathEffect.CreateDash([8 * scale, 6 * scale], 0);
            using var target = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1, 1.5f * scale), PathEffect = dash, Color = context.Style.Target };
            for (var k = 0; k < owner._curves.Count && context.Plan.Draw.LossPreview; k++)
            {
                faint.Color = context.Style.FitColors[k].WithAlpha(70);
                canvas.DrawPath(owner._curves[k], faint);
            }
            foreach (var loss in context.Plan.Fits.Select(f => f.Info.TargetLoss).OfType<double>().Distinct())
            {
                var y = owner.Y(loss);
                canvas.DrawLine(owner._viewport.Area.Left, y, owner._viewport.Area.Right, y, target);
            }
        }
    }
}
