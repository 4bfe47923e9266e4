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

    /// <summary>
    /// The text, or its longest start that fits the width with an ellipsis. Found by bisection over the length (a
    /// longer start is never narrower): a few measurements whatever the text's length, not one per character.
    /// </summary>
    public static string Ellipsize(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }
        var (fits, tooLong) = (1, text.Length);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            if (font.MeasureText(string.Concat(text.AsSpan(0, middle), "…")) > maxWidth)
            {
                tooLong = middle;
            }
            else
            {
                fits = middle;
            }
        }
        return string.Concat(text.AsSpan(0, fits).TrimEnd(), "…");
    }
}
