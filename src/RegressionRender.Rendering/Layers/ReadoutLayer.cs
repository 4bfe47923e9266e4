using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;
using SkiaSharp;

namespace RegressionRender.Rendering.Layers;

/// <summary>
/// The readouts (<see cref="ReadoutLines"/>) in the box the layout gives (<see cref="ScenePlan.Readout"/>: where, how
/// big, how much it says), each line wrapped to the box as the layout measured it; the legend in its own box when it has
/// one (<see cref="ScenePlan.LegendBox"/>), else as the readouts' last lines. The boxes are fixed per video so that
/// they neither move nor breathe as digits change.
/// </summary>
internal sealed class ReadoutLayer : IFrameLayer, IDisposable
{
    private readonly RenderContext _context;
    private readonly ReadoutLayout _layout;
    private readonly ReadoutLayout _legend;
    private readonly SKFont _font;
    private readonly SKFont _bold;
    private readonly SKFont _legendFont;
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
        _legend = context.Plan.LegendBox;
        _font = context.Fonts.Font(_layout.FontPx);
        _legendFont = context.Fonts.Font(_legend.FontPx);
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
        var ownLegend = _legend.Place != ReadoutPlace.None;
        if (_layout.Place != ReadoutPlace.None)
        {
            var lines = ReadoutLines.For(_context.Readouts, frame.Fits, _layout.Detail, ownLegend ? null : _context.Plan.Legend);
            DrawBox(canvas, "readout", _layout, lines, _font, _bold);
        }
        if (ownLegend)
        {
            DrawBox(canvas, "legend", _legend, _context.Plan.Legend, _legendFont, _legendFont);
        }
    }

    /// <summary>One box: its background, then each line (wrapped as the layout measured it), a key before the lines that have one.</summary>
    private void DrawBox(SKCanvas canvas, string role, ReadoutLayout layout, IReadOnlyList<ReadoutLine> lines, SKFont regular, SKFont bold)
    {
        var box = layout.Box;
        var rect = new SKRect(box.Left, box.Top, box.Right, box.Bottom);
        _box.Color = _context.Style.Paper.WithAlpha(200);
        canvas.DrawRoundRect(rect, 6 * _context.Layout.Scale, 6 * _context.Layout.Scale, _box);
        // What was drawn, line by line, for a layout report: a line drawn whole reads as its text (its breaks, and a
        // "·" dropped at one, undone); a line with a piece cut short, as its pieces.
        var report = _context.Boxes is not null;
        var drawn = new List<string>();
        var (pieces, whole) = (new List<string>(), true);
        var baseline = rect.Top + layout.Padding + (regular.Size * 0.95f);
        var width = box.Width - (2 * layout.Padding);
        foreach (var (line, piece, continued) in layout.Rows(lines, _measure))
        {
            _text.Color = line.Tone switch
            {
                ReadoutTone.Fit => _context.Style.FitColors[line.Fit],
                ReadoutTone.Muted => _context.Style.MutedText,
                _ => _context.Style.Text,
            };
            var x = rect.Left + layout.Padding;
            var room = width;
            if (continued)
            {
                x += ReadoutLayout.ContinuationIndent * regular.Size;
                room -= ReadoutLayout.ContinuationIndent * regular.Size;
            }
            else if (line.HasKey)
            {
                var key = 2f * regular.Size;
                DrawKey(canvas, line, x, baseline - (regular.Size * 0.35f), key - (0.4f * regular.Size));
                (x, room) = (x + key, room - key);
            }
            var font = line.Bold ? bold : regular;
            // Only a piece no break could bring inside the box is cut (the layout avoids that at every supported size).
            var shown = TextFit.Ellipsize(piece, font, room + 0.5f);
            canvas.DrawText(shown, x, baseline, SKTextAlign.Left, font, _text);
            if (report)
            {
                if (!continued)
                {
                    (pieces, whole) = ([], true);
                    drawn.Add("");
                }
                pieces.Add(shown);
                whole &= shown == piece;
                drawn[^1] = whole ? line.Text : string.Join(' ', pieces);
            }
            baseline += layout.LineHeight;
        }
        // A box is one text on one background: its lines, one per row.
        _context.Boxes?.Add(role, ReadoutLines.Plain(lines), string.Join('\n', drawn), layout.FontPx, rect, 200 / 255f);
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
        _legendFont.Dispose();
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
