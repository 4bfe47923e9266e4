using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>Keeps text inside a width: long titles end in an ellipsis instead of running off the canvas.</summary>
internal static class TextFit
{
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
