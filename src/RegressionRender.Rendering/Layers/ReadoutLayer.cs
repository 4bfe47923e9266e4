using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// Epoch and step, the equation and the loss of each fit, in a box in the fit panel's top-left corner. The box
/// width is fixed per video (measured over the whole record) so that it does not breathe as digits change.
/// </summary>
internal sealed class ReadoutLayer : IFrameLayer, IDisposable
{
    private readonly RenderContext _context;
    private readonly SKFont _font;
    private readonly SKFont _bold;
    private readonly SKPaint _text = new() { IsAntialias = true };
    private readonly SKPaint _box = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly float _width;
    private readonly SKPoint _corner;

    public ReadoutLayer(RenderContext context)
    {
        _context = context;
        _font = context.Fonts.Font(context.Layout.ReadoutSize);
        _bold = context.Fonts.Font(context.Layout.ReadoutSize, bold: true);
        _width = MeasureWidest();
        // Long equations (high-degree polynomials) shrink the readouts to fit the panel, down to 55%.
        var available = context.Viewport.Area.Width - (24 * context.Layout.Scale) - (2 * Padding);
        if (_width > available)
        {
            var factor = Math.Max(0.55f, available / _width);
            _font.Size *= factor;
            _bold.Size *= factor;
            _width = Math.Min(MeasureWidest(), available);
        }
        _corner = QuietestCorner();
    }

    public bool IsStatic => false;

    private float LineHeight => _font.Size * 1.4f;

    private float Padding => _context.Layout.ReadoutSize * 0.7f;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        var area = _context.Viewport.Area;
        var lines = Lines(frame);
        var rect = SKRect.Create(_corner, BoxSize(lines.Count));
        var left = rect.Left;
        var top = rect.Top;
        _box.Color = _context.Style.Paper.WithAlpha(200);
        canvas.DrawRoundRect(rect, 6 * _context.Layout.Scale, 6 * _context.Layout.Scale, _box);
        _context.Boxes?.Add(rect, "readouts");
        var baseline = top + Padding + (_font.Size * 0.95f);
        foreach (var (text, color, bold, swatch) in lines)
        {
            _text.Color = color;
            var x = left + Padding;
            if (swatch)
            {
                // A legend key: a short stroke of the fit's line colour.
                _text.StrokeWidth = Math.Max(2, 3.5f * _context.Layout.Scale);
                var middle = baseline - (_font.Size * 0.35f);
                canvas.DrawLine(x, middle, x + SwatchWidth - (0.4f * _font.Size), middle, _text);
                x += SwatchWidth;
            }
            var font = bold ? _bold : _font;
            canvas.DrawText(TextFit.Ellipsize(text, font, _width - (swatch ? SwatchWidth : 0)), x, baseline, SKTextAlign.Left, font, _text);
            baseline += LineHeight;
        }
    }

    private SKSize BoxSize(int lineCount) => new(_width + (2 * Padding), (lineCount * LineHeight) + (1.4f * Padding));

    /// <summary>
    /// The panel corner where the box hides the fewest data points and the least of the final and initial curves,
    /// chosen once per video so that the box never jumps.
    /// </summary>
    private SKPoint QuietestCorner()
    {
        var area = _context.Viewport.Area;
        var inset = 12 * _context.Layout.Scale;
        var size = BoxSize(1 + (2 * _context.Plan.Fits.Count));
        var corners = new[]
        {
            new SKPoint(area.Left + inset, area.Top + inset),
            new SKPoint(area.Right - inset - size.Width, area.Bottom - inset - size.Height),
            new SKPoint(area.Right - inset - size.Width, area.Top + inset),
            new SKPoint(area.Left + inset, area.Bottom - inset - size.Height),
        };
        return corners.MinBy(corner => Cost(SKRect.Create(corner, size)));
    }

    private double Cost(SKRect box)
    {
        var viewport = _context.Viewport;
        var data = _context.Plan.Data;
        var cost = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            cost += box.Contains(viewport.PixelX(data.X[i]), viewport.PixelY(data.Y[i])) ? 10 : 0;
        }
        foreach (var fit in _context.Plan.Fits)
        {
            for (var s = 0; s <= 32; s++)
            {
                var x = viewport.X.Min + (viewport.X.Span * s / 32);
                cost += box.Contains(viewport.PixelX(x), viewport.PixelY(fit.Info.Model.Predict(fit.Final, x))) ? 1 : 0;
            }
        }
        return cost;
    }

    private float SwatchWidth => _context.Plan.Fits.Count > 1 ? 2f * _font.Size : 0;

    private List<(string Text, SKColor Color, bool Bold, bool Swatch)> Lines(FrameState frame)
    {
        var style = _context.Style;
        var fits = _context.Plan.Fits;
        var readouts = _context.Readouts;
        var race = fits.Count > 1;
        var lines = new List<(string, SKColor, bool, bool)> { (readouts[0].Progress(frame.Fits[0].Iteration), style.MutedText, false, false) };
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            var prefix = race ? fits[k].Info.Label + ":  " : "";
            lines.Add((prefix + readouts[k].Equation(frame.Fits[k].Parameters), style.FitColors[k], true, race));
            lines.Add(((race ? "    " : "") + readouts[k].Loss(frame.Fits[k].Loss), style.Text, false, false));
        }
        return lines;
    }

    private float MeasureWidest()
    {
        var widest = 0f;
        for (var k = 0; k < _context.Plan.Fits.Count; k++)
        {
            var fit = _context.Plan.Fits[k];
            var prefix = _context.Plan.Fits.Count > 1 ? fit.Info.Label + ":  " : "";
            for (var i = 0; i <= 64; i++)
            {
                var entry = (fit.EntryCount - 1) * i / 64;
                widest = Math.Max(widest, _font.MeasureText(_context.Readouts[k].Progress(fit.EntryStep(entry))));
                widest = Math.Max(widest, _bold.MeasureText(prefix + _context.Readouts[k].Equation(fit.Entry(entry))));
                widest = Math.Max(widest, _font.MeasureText(_context.Readouts[k].Loss(fit.EntryLoss(entry))));
            }
        }
        return (widest * 1.04f) + SwatchWidth;
    }

    public void Dispose()
    {
        _font.Dispose();
        _bold.Dispose();
        _text.Dispose();
        _box.Dispose();
    }
}
