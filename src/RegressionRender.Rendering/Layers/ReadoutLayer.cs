using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// Epoch and step, the equation and the loss of each fit, in the box the layout gives (<see cref="ScenePlan.Readout"/>:
/// where, how big, which line shape). The box is fixed per video so that it neither moves nor breathes as digits change.
/// </summary>
internal sealed class ReadoutLayer : IFrameLayer, IDisposable
{
    private readonly RenderContext _context;
    private readonly ReadoutLayout _layout;
    private readonly SKFont _font;
    private readonly SKFont _bold;
    private readonly SKPaint _text = new() { IsAntialias = true };
    private readonly SKPaint _box = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly float _width;

    public ReadoutLayer(RenderContext context)
    {
        _context = context;
        _layout = context.Plan.Readout;
        _font = context.Fonts.Font(_layout.FontPx);
        _bold = context.Fonts.Font(_layout.FontPx, bold: true);
        _width = _layout.Box.Width - (2 * _layout.Padding);
    }

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        if (_layout.Place == ReadoutPlace.None)
        {
            return;
        }
        var lines = Lines(frame);
        var box = _layout.Box;
        var rect = new SKRect(box.Left, box.Top, box.Right, box.Bottom);
        _box.Color = _context.Style.Paper.WithAlpha(200);
        canvas.DrawRoundRect(rect, 6 * _context.Layout.Scale, 6 * _context.Layout.Scale, _box);
        var (meant, drawn) = (new List<string>(), new List<string>());
        var baseline = rect.Top + _layout.Padding + (_font.Size * 0.95f);
        foreach (var (text, color, bold, swatch) in lines)
        {
            _text.Color = color;
            var x = rect.Left + _layout.Padding;
            if (swatch)
            {
                // A legend key: a short stroke of the fit's line colour.
                _text.StrokeWidth = Math.Max(2, 3.5f * _context.Layout.Scale);
                var middle = baseline - (_font.Size * 0.35f);
                canvas.DrawLine(x, middle, x + SwatchWidth - (0.4f * _font.Size), middle, _text);
                x += SwatchWidth;
            }
            var font = bold ? _bold : _font;
            var shown = TextFit.Ellipsize(text, font, _width - (swatch ? SwatchWidth : 0));
            canvas.DrawText(shown, x, baseline, SKTextAlign.Left, font, _text);
            meant.Add(text);
            drawn.Add(shown);
            baseline += _layout.LineHeight;
        }
        // The readouts are one text on one background: its lines, one per row.
        _context.Boxes?.Add("readout", string.Join('\n', meant), string.Join('\n', drawn), _layout.FontPx, rect, 200 / 255f);
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
            : _layout.SplitProgress
                ? [(readouts[0].Epoch(first), style.MutedText, false, false), (readouts[0].Step(first), style.MutedText, false, false)]
                : [(readouts[0].Progress(first), style.MutedText, false, false)];
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            var prefix = race ? fits[k].Info.Label + ":  " : "";
            lines.Add((prefix + readouts[k].Equation(frame.Fits[k].Parameters), style.FitColors[k], true, race));
            if (readouts[k].Variable is { } variable)
            {
                lines.Add(((race ? "    " : "") + variable, style.MutedText, false, false));
            }
            lines.Add((race ? $"    {readouts[k].Loss(frame.Fits[k].Loss)}  ·  {readouts[k].Step(frame.Fits[k])}" : readouts[k].Loss(frame.Fits[k].Loss), style.Text, false, false));
        }
        return lines;
    }

    public void Dispose()
    {
        _font.Dispose();
        _bold.Dispose();
        _text.Dispose();
        _box.Dispose();
    }
}
