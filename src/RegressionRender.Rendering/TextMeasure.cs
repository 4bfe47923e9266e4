using RegressionRender.Core.Layout;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>Text widths in the bundled fonts, for layout: the same faces and settings the frames are drawn with.</summary>
public sealed class TextMeasure : ITextMeasure, IDisposable
{
    private readonly FontSet _fonts = FontSet.Load();
    private readonly SKFont _regular;
    private readonly SKFont _bold;
    private readonly Lock _lock = new();

    /// <summary>A measure over the bundled fonts.</summary>
    public TextMeasure()
    {
        _regular = _fonts.Font(12);
        _bold = _fonts.Font(12, bold: true);
    }

    /// <inheritdoc/>
    public float Width(string text, float sizePx, bool bold = false)
    {
        lock (_lock)
        {
            var font = bold ? _bold : _regular;
            font.Size = sizePx;
            return font.MeasureText(text);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
        _fonts.Dispose();
    }
}
