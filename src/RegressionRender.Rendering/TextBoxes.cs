using RegressionRender.Core.Layout;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>One piece of text a frame drew.</summary>
/// <param name="Role">What it is: title, subtitle, tick, axis-title, panel-title, readout, caption.</param>
/// <param name="Text">The full text meant.</param>
/// <param name="Drawn">What was drawn (shorter when it had to be cut).</param>
/// <param name="FontPx">Font size in pixels.</param>
/// <param name="Box">Where, in pixels.</param>
/// <param name="Opacity">Opacity of the background behind it, 0 (none) to 1: data under a box with a background is washed out.</param>
public sealed record DrawnText(string Role, string Text, string Drawn, float FontPx, PixelRect Box, float Opacity);

/// <summary>
/// Where text was drawn, for layout checks (<c>regrender layout</c>, tests): layers report every text they draw
/// when a collector is given.
/// </summary>
public sealed class TextBoxes
{
    private readonly List<DrawnText> _texts = [];

    /// <summary>Every text reported, in drawing order.</summary>
    public IReadOnlyList<DrawnText> Texts => _texts;

    internal void Add(string role, string text, string drawn, float fontPx, SKRect box, float opacity = 0) =>
        _texts.Add(new DrawnText(role, text, drawn, fontPx, new PixelRect(box.Left, box.Top, box.Right, box.Bottom), opacity));

    /// <summary>Forgets every text after the first <paramref name="count"/> (those of the frame drawn before).</summary>
    public void KeepFirst(int count) => _texts.RemoveRange(count, _texts.Count - count);

    /// <summary>The box of text drawn at (x, baseline) with an alignment.</summary>
    internal static SKRect Of(string text, float x, float baseline, SKTextAlign align, SKFont font)
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
