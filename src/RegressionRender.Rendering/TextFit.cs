using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>The last resort for a readout piece no break brings inside its box: it ends in an ellipsis instead of running out.</summary>
internal static class TextFit
{
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
