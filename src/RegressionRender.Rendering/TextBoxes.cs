using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>
/// Where text was drawn, for layout checks: layers report the box of every text they draw when a collector is
/// given (tests), so that a test can prove no label overlaps another at any canvas size.
/// </summary>
public sealed class TextBoxes
{
    private readonly List<(SKRect Box, string Text)> _boxes = [];

    /// <summary>Every box reported, with its text.</summary>
    public IReadOnlyList<(SKRect Box, string Text)> Boxes => _boxes;

    /// <summary>Reports a box.</summary>
    public void Add(SKRect box, string text) => _boxes.Add((box, text));

    /// <summary>The box of text drawn at (x, baseline) with an alignment.</summary>
    public static SKRect Of(string text, float x, float baseline, SKTextAlign align, SKFont font)
    {
        var width = font.MeasureText(text);
        var left = align switch
        {
            SKTextAlign.Center => x - (width / 2),
            SKTextAlign.Right => x - width,
            _ => x,
        };
        var metrics = font.Metrics;
        return new SKRect(left, baseline + metrics.Ascent, left + width, baseline + metrics.Descent);
    }
}
