namespace RegressionRender.Core;

/// <summary>
/// Bad input from the user: a config, a data file or a command-line value. The message is complete and
/// meant for a person; <see cref="Location"/> names the file with its JSON path or line, so that the CLI
/// can print <c>location: message</c> and exit with code 2.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string location, string message)
        : base(message)
    {
        Location = location;
        Problems = [this];
    }

    private InvalidInputException(IReadOnlyList<InvalidInputException> problems)
        : base($"{problems[0].Message} (and {problems.Count - 1} more)")
    {
        Location = problems[0].Location;
        Problems = problems;
    }

    /// <summary>File and JSON path, file:line:column, or the option that was wrong.</summary>
    public string Location { get; }

    /// <summary>Every problem found, when they are independent and all were reported at once (one when only one was).</summary>
    public IReadOnlyList<InvalidInputException> Problems { get; }

    /// <summary>One exception for all of <paramref name="problems"/> (flattened; at least one).</summary>
    public static InvalidInputException Combine(IEnumerable<InvalidInputException> problems)
    {
        var all = problems.SelectMany(p => p.Problems).ToList();
        return all.Count == 1 ? all[0] : new InvalidInputException(all);
    }

    /// <summary>
    /// Input quoted in a message, at most <paramref name="max"/> characters: an error never echoes a whole file or a
    /// huge value back (a data path pointing at some other text file, a title of a million characters).
    /// </summary>
    public static string Excerpt(string text, int max = 60) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length:N0} characters)";

    /// <summary>One line per problem: <c>location: message</c>, with line breaks from quoted input shown as \n.</summary>
    public override string ToString() => Problems.Count == 1
        ? OneLine(Location.Length == 0 ? Message : $"{Location}: {Message}")
        : string.Join('\n', Problems.Select(p => p.ToString()));

    private static string OneLine(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
