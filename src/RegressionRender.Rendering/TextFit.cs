using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>Keeps text inside a width: long titles end in an ellipsis instead of running off the canvas.</summary>
internal static class TextFit
{
    /// <summary>The font size, down to 70% of <paramref name="size"/>, at which the text fits the width.</summary>
    public static float Shrink(string text, SKFont font, float size, float maxWidth)
    {
        font.Size = size;
        var width = font.MeasureText(text);
        if (width > maxWidth)
        {
            font.Size = Math.Max(size * 0.7f, size * maxWidth / width * 0.98f);
        }
        return font.Size;
    }

    public static string Ellipsize(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }
        var length = text.Length;
        while (length > 1 && font.MeasureText(string.Concat(text.AsSpan(0, length), "…")) > maxWidth)
        {
            length--;
        }
        return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }
}
