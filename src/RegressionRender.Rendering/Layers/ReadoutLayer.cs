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
    private readonly bool _splitProgress;
    private readonly SKPoint _corner;
    private readonly SKRect _captionBand;

    public ReadoutLayer(RenderContext context)
    {
        _context = context;
        _captionBand = CaptionLayer.Band(context);
        _font = context.Fonts.Font(context.Layout.ReadoutSize);
        _bold = context.Fonts.Font(context.Layout.ReadoutSize, bold: true);
        _width = MeasureWidest(splitProgress: false);
        // Long equations (high-degree polynomials) shrink the readouts to fit the panel, down to 55%.
        var available = context.Viewport.Area.Width - (24 * context.Layout.Scale) - (2 * Padding);
        if (_width > available)
        {
            var factor = Math.Max(0.55f, available / _width);
            _font.Size *= factor;
            _bold.Size *= factor;
            _width = Math.Min(MeasureWidest(splitProgress: false), available);
        }
        (_corner, _splitProgress) = QuietestPlace(_width, Math.Min(MeasureWidest(splitProgress: true), available));
        if (_splitProgress)
        {
            _width = Math.Min(MeasureWidest(splitProgress: true), available);
        }
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

    /// <summary>Fits along each record (initial and final included) whose curves the box should not cover.</summary>
    private const int SweepSamples = 16;

    /// <summary>
    /// The panel corner, and the box's shape (epoch and step on one line, or on two for a narrower box), where the
    /// box hides the fewest data points and the least of the curves the fit sweeps through; chosen once per video
    /// so that the box never jumps. Ties keep the one-line shape and the earlier corner.
    /// </summary>
    private (SKPoint Corner, bool Split) QuietestPlace(float oneLineWidth, float twoLineWidth)
    {
        var area = _context.Viewport.Area;
        var inset = 12 * _context.Layout.Scale;
        var places = new List<(SKRect Box, bool Split)>();
        foreach (var split in new[] { false, true })
        {
            var size = new SKSize((split ? twoLineWidth : oneLineWidth) + (2 * Padding), BoxSize(1 + (split ? 1 : 0) + (2 * _context.Plan.Fits.Count)).Height);
            foreach (var corner in new[]
            {
                new SKPoint(area.Left + inset, area.Top + inset),
                new SKPoint(area.Right - inset - size.Width, area.Bottom - inset - size.Height),
                new SKPoint(area.Right - inset - size.Width, area.Top + inset),
                new SKPoint(area.Left + inset, area.Bottom - inset - size.Height),
            })
            {
                places.Add((SKRect.Create(corner, size), split));
            }
        }
        var best = places.MinBy(place => Cost(place.Box));
        return (best.Box.Location, best.Split);
    }

    private double Cost(SKRect box)
    {
        var viewport = _context.Viewport;
        var data = _context.Plan.Data;
        // The divergence caption takes the bottom of the panel at the end: never sit under it.
        var cost = box.IntersectsWith(_captionBand) ? 1000.0 : 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            cost += box.Contains(viewport.PixelX(data.X[i]), viewport.PixelY(data.Y[i])) ? 10 : 0;
        }
        foreach (var fit in _context.Plan.Fits)
        {
            // The whole sweep of the curve, not only where it ends. Log-spaced: fits move most in their first
            // steps, which is where visual pacing spends most frames.
            for (var k = 0; k <= SweepSamples; k++)
            {
                var parameters = fit.Entry((int)Math.Round(Math.Pow(fit.EntryCount, (double)k / SweepSamples)) - 1);
                for (var s = 0; s <= 32; s++)
                {
                    var x = viewport.X.Min + (viewport.X.Span * s / 32);
                    cost += box.Contains(viewport.PixelX(x), viewport.PixelY(fit.Info.Model.Predict(parameters, x))) ? 1 : 0;
                }
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
        var first = frame.Fits[0];
        // A race shares the epoch (one clock); each fit says its own step.
        List<(string, SKColor, bool, bool)> lines = race
            ? [(readouts[0].Epoch(first), style.MutedText, false, false)]
            : _splitProgress
                ? [(readouts[0].Epoch(first), style.MutedText, false, false), (readouts[0].Step(first), style.MutedText, false, false)]
                : [(readouts[0].Progress(first), style.MutedText, false, false)];
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            var prefix = race ? fits[k].Info.Label + ":  " : "";
            lines.Add((prefix + readouts[k].Equation(frame.Fits[k].Parameters), style.FitColors[k], true, race));
            lines.Add((race ? $"    {readouts[k].Loss(frame.Fits[k].Loss)}  ·  {readouts[k].Step(frame.Fits[k])}" : readouts[k].Loss(frame.Fits[k].Loss), style.Text, false, false));
        }
        return lines;
    }

    private float MeasureWidest(bool splitProgress)
    {
        var widest = 0f;
        var race = _context.Plan.Fits.Count > 1;
        for (var k = 0; k < _context.Plan.Fits.Count; k++)
        {
            var fit = _context.Plan.Fits[k];
            var prefix = _context.Plan.Fits.Count > 1 ? fit.Info.Label + ":  " : "";
            for (var i = 0; i <= 64; i++)
            {
                var entry = (fit.EntryCount - 1) * i / 64;
                var step = fit.EntryStep(entry);
                // The widest step text is a tween's: "step 104→105 / 9000".
                var from = fit.EntryStep(Math.Max(0, entry - 1));
                var readout = _context.Readouts[k];
                widest = splitProgress || race
                    ? Math.Max(widest, Math.Max(_font.MeasureText(readout.Epoch(step)), _font.MeasureText(readout.Step(from, step))))
                    : Math.Max(widest, _font.MeasureText(readout.Progress(from, step)));
                widest = Math.Max(widest, _bold.MeasureText(prefix + readout.Equation(fit.Entry(entry))));
                widest = Math.Max(widest, _font.MeasureText(race ? $"    {readout.Loss(fit.EntryLoss(entry))}  ·  {readout.Step(from, step)}" : readout.Loss(fit.EntryLoss(entry))));
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
