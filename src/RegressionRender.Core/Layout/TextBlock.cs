namespace RegressionRender.Core.Layout;

/// <summary>
/// A text laid out to a width: its lines and its font size. Lines break between words, or after an underscore in a
/// name without spaces (a CSV column such as <c>median_household_income</c>); joined back (<see cref="Drawn"/>) they
/// give the text, unless it had to be cut.
/// </summary>
/// <param name="Text">The whole text meant.</param>
/// <param name="Lines">What is drawn, one entry per line.</param>
/// <param name="FontPx">Font size in pixels.</param>
/// <param name="Bold">Drawn in the bold face.</param>
public sealed record TextBlock(string Text, IReadOnlyList<string> Lines, float FontPx, bool Bold = false)
{
    /// <summary>Line advance, in font sizes.</summary>
    public const float LineAdvance = 1.25f;

    /// <summary>What was drawn, the lines joined as they were broken (by a space, or nothing after an underscore): equal to <see cref="Text"/> unless it was cut.</summary>
    public string Drawn
    {
        get
        {
            var drawn = new System.Text.StringBuilder();
            foreach (var line in Lines)
            {
                // A line broken at a space dropped it; one broken after an underscore dropped nothing.
                var at = drawn.Length;
                var spaced = at > 0 && at < Text.Length && Text[at] == ' ' && Text.AsSpan(at + 1).StartsWith(line, StringComparison.Ordinal);
                drawn.Append(spaced ? " " : "").Append(line);
            }
            return drawn.ToString();
        }
    }

    /// <summary>Height of the lines, from the first line's top to the last one's baseline plus descent.</summary>
    public float Height => Lines.Count == 0 ? 0 : FontPx * (1.2f + ((Lines.Count - 1) * LineAdvance));

    /// <summary>An empty block (nothing to draw).</summary>
    public static TextBlock None { get; } = new("", [], 0);

    /// <summary>
    /// The text fitted into <paramref name="width"/>, trying in order: one line at <paramref name="size"/>; up to
    /// <paramref name="maxLines"/> lines, broken between words, at that size; the same at smaller sizes down to
    /// <paramref name="minimum"/>; and only as a last resort (a single word wider than the space at the smallest
    /// size) the lines cut with an ellipsis. The text is never made smaller than <paramref name="minimum"/>.
    /// </summary>
    public static TextBlock Fit(string text, float size, float minimum, float width, int maxLines, ITextMeasure measure, bool bold = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }
        size = Math.Max(size, minimum);
        if (measure.Width(text, size, bold) <= width)
        {
            return new TextBlock(text, [text], size, bold);
        }
        for (var lines = 2; lines <= maxLines; lines++)
        {
            if (Wrap(text, size, width, lines, measure, bold) is { } wrapped)
            {
                return new TextBlock(text, wrapped, size, bold);
            }
        }
        // Shrink in 5% steps: the largest size at which the text fits the lines allowed.
        for (var smaller = size * 0.95f; smaller > minimum; smaller *= 0.95f)
        {
            if (Wrap(text, smaller, width, maxLines, measure, bold) is { } wrapped)
            {
                return new TextBlock(text, wrapped, smaller, bold);
            }
        }
        var last = Wrap(text, minimum, width, maxLines, measure, bold)
            ?? Wrap(text, minimum, width, maxLines, measure, bold, breakWords: true)
            ?? Cut(text, minimum, width, maxLines, measure, bold);
        return new TextBlock(text, last, minimum, bold);
    }

    /// <summary>
    /// Greedy word wrap into at most <paramref name="maxLines"/> lines of <paramref name="width"/>; null when it does not
    /// fit. With <paramref name="breakWords"/>, a word wider than the line is itself broken, before a capital letter
    /// where it can be (<c>EngineHorsepower|AsAdvertised</c>), else between any two characters.
    /// </summary>
    public static List<string>? Wrap(string text, float size, float width, int maxLines, ITextMeasure measure, bool bold = false, bool breakWords = false)
    {
        var lines = new List<string>();
        string? line = null;
        var words = Words(text);
        if (breakWords)
        {
            words = words.SelectMany(w => Pieces(w.Word, size, width, measure, bold).Select((piece, i) => (piece, i == 0 && w.Spaced)));
        }
        foreach (var (word, spaced) in words)
        {
            var longer = line is null ? word : spaced ? line + " " + word : line + word;
            if (line is { Length: > 0 } && word.Length > 0 && measure.Width(longer, size, bold) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }
        lines.Add(line ?? "");
        return lines.Count <= maxLines && lines.All(l => measure.Width(l, size, bold) <= width) ? lines : null;
    }

    /// <summary>The words of a text, split at spaces (<c>Spaced</c>: a space came before it) and after each underscore inside a word.</summary>
    private static IEnumerable<(string Word, bool Spaced)> Words(string text)
    {
        var first = true;
        foreach (var word in text.Split(' '))
        {
            var start = 0;
            for (var i = word.IndexOf('_', StringComparison.Ordinal); i >= 0 && i < word.Length - 1; i = word.IndexOf('_', start))
            {
                yield return (word[start..(i + 1)], !first && start == 0);
                start = i + 1;
            }
            yield return (word[start..], !first && start == 0);
            first = false;
        }
    }

    /// <summary>A word cut into pieces no wider than <paramref name="width"/>: each as long as fits, ending before a capital letter when one is in its second half.</summary>
    private static IEnumerable<string> Pieces(string word, float size, float width, ITextMeasure measure, bool bold)
    {
        var rest = word;
        while (rest.Length > 1 && measure.Width(rest, size, bold) > width)
        {
            var fits = 1;
            while (fits < rest.Length - 1 && measure.Width(rest[..(fits + 1)], size, bold) <= width)
            {
                fits++;
            }
            var capital = rest.LastIndexOfAny([.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"], fits);
            var cut = capital > fits / 2 ? capital : fits;
            yield return rest[..cut];
            rest = rest[cut..];
        }
        yield return rest;
    }

    /// <summary>The last resort: words wrapped as far as they go, the last line (and any too-wide line) ending in an ellipsis.</summary>
    private static List<string> Cut(string text, float size, float width, int maxLines, ITextMeasure measure, bool bold)
    {
        var lines = new List<string>();
        var rest = text;
        while (rest.Length > 0 && lines.Count < maxLines)
        {
            var last = lines.Count == maxLines - 1;
            var take = Longest(rest, size, width, measure, bold, last || rest.IndexOf(' ', StringComparison.Ordinal) < 0);
            lines.Add(take.Line);
            rest = take.Remainder;
        }
        return lines;
    }

    private static (string Line, string Remainder) Longest(string text, float size, float width, ITextMeasure measure, bool bold, bool ellipsis)
    {
        if (measure.Width(text, size, bold) <= width)
        {
            return (text, "");
        }
        if (!ellipsis)
        {
            // Whole words while they fit.
            var words = text.Split(' ');
            for (var count = words.Length - 1; count >= 1; count--)
            {
                var line = string.Join(' ', words.Take(count));
                if (measure.Width(line, size, bold) <= width)
                {
                    return (line, string.Join(' ', words.Skip(count)));
                }
            }
        }
        // Characters, by bisection (a longer start is never narrower), then "…".
        var (fits, tooLong) = (0, text.Length);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            if (measure.Width(string.Concat(text.AsSpan(0, middle), "…"), size, bold) > width)
            {
                tooLong = middle;
            }
            else
            {
                fits = middle;
            }
        }
        return (string.Concat(text.AsSpan(0, fits).TrimEnd(), "…"), "");
    }
}
