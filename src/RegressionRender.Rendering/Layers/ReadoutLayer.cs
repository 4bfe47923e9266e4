using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The readouts (<see cref="ReadoutLines"/>) in the box the layout gives (<see cref="ScenePlan.Readout"/>: where, how
/// big, how much it says), each line wrapped to the box as the layout measured it. The box is fixed per video so
/// that it neither moves nor breathes as digits change.
/// </summary>
internal sealed class ReadoutLayer : IFrameLayer, IDisposable
{
    private readonly RenderContext _context;
    private readonly ReadoutLayout _layout;
    private readonly SKFont _font;
    private readonly SKFont _bold;
    private readonly SKPaint _text = new() { IsAntialias = true };
    private readonly SKPaint _box = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly TextMeasure _measure = new();
    private readonly SKPaint _fitKey;
    private readonly Lazy<SKPaint> _targetKey;
    private readonly Lazy<SKPaint> _initialKey;

    public ReadoutLayer(RenderContext context)
    {
        _context = context;
        _layout = context.Plan.Readout;
        _font = context.Fonts.Font(_layout.FontPx);
        _bold = context.Fonts.Font(_layout.FontPx, bold: true);
        var scale = context.Layout.Scale;
        _fitKey = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, 3.5f * scale) };
        _targetKey = new(() => new SKPaint
        {
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            Color = context.Style.Target,
            StrokeWidth = Math.Max(1.5f, 2 * scale),
            PathEffect = SKPathEffect.CreateDash([Math.Max(3, 6 * scale), Math.Max(2, 4 * scale)], 0),
        });
        _initialKey = new(() => new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = context.Style.Initial, StrokeWidth = Math.Max(1.25f, 2.5f * scale) });
    }

    public bool IsStatic => false;

    public void Draw(SKCanvas canvas, FrameState frame)
    {
        if (_layout.Place == ReadoutPlace.None)
        {
            return;
        }
        var lines = ReadoutLines.For(_context.Readouts, frame.Fits, _layout.Detail, _context.Plan.Legend);
        var box = _layout.Box;
        var rect = new SKRect(box.Left, box.Top, box.Right, box.Bottom);
        _box.Color = _context.Style.Paper.WithAlpha(200);
        canvas.DrawRoundRect(rect, 6 * _context.Layout.Scale, 6 * _context.Layout.Scale, _box);
        var drawn = new System.Text.StringBuilder();
        var baseline = rect.Top + _layout.Padding + (_font.Size * 0.95f);
        var width = box.Width - (2 * _layout.Padding);
        foreach (var (line, piece, continued) in _layout.Rows(lines, _measure))
        {
            _text.Color = line.Tone switch
            {
                ReadoutTone.Fit => _context.Style.FitColors[line.Fit],
                ReadoutTone.Muted => _context.Style.MutedText,
                _ => _context.Style.Text,
            };
            var x = rect.Left + _layout.Padding;
            var room = width;
            if (continued)
            {
                x += ReadoutLayout.ContinuationIndent * _font.Size;
                room -= ReadoutLayout.ContinuationIndent * _font.Size;
            }
            else if (line.HasKey)
            {
                var key = 2f * _font.Size;
                DrawKey(canvas, line, x, baseline - (_font.Size * 0.35f), key - (0.4f * _font.Size));
                (x, room) = (x + key, room - key);
            }
            var font = line.Bold ? _bold : _font;
            // Only a piece no break could bring inside the box is cut (the layout avoids that at every supported size).
            var shown = TextFit.Ellipsize(piece, font, room + 0.5f);
            canvas.DrawText(shown, x, baseline, SKTextAlign.Left, font, _text);
            drawn.Append(drawn.Length == 0 ? "" : continued ? " " : "\n").Append(shown);
            baseline += _layout.LineHeight;
        }
        // The readouts are one text on one background: its lines, one per row.
        _context.Boxes?.Add("readout", ReadoutLines.Plain(lines), drawn.ToString(), _layout.FontPx, rect, 200 / 255f);
    }

    /// <summary>A legend key: a short stroke drawn as the mark it names (a fit's line, the dashed optimum, the faint start).</summary>
    private void DrawKey(SKCanvas canvas, ReadoutLine line, float x, float y, float length)
    {
        var paint = line.Key switch
        {
            ReadoutKey.Target => _targetKey.Value,
            ReadoutKey.Initial => _initialKey.Value,
            _ => _fitKey,
        };
        if (line.Key == ReadoutKey.Fit)
        {
            paint.Color = _context.Style.FitColors[line.Fit];
        }
        canvas.DrawLine(x, y, x + length, y, paint);
    }

    public void Dispose()
    {
        _font.Dispose();
        _bold.Dispose();
        _text.Dispose();
        _box.Dispose();
        _measure.Dispose();
        _fitKey.Dispose();
        if (_targetKey.IsValueCreated)
        {
            _targetKey.Value.PathEffect?.Dispose();
            _targetKey.Value.Dispose();
        }
        if (_initialKey.IsValueCreated)
        {
            _initialKey.Value.Dispose();
        }
    }
}
