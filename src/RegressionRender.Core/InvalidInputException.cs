namespace RegressionRender.Core;

/// <summary>
/// Bad input from the user: a config, a data file or a command-line value. The message is complete and
/// meant for a person; <see cref="Location"/> names the file with its JSON path or line, so that the CLI
/// can print <c>location: message</c> and exit with code 2.
/// </summary>
public sealed class InvalidInputException(string location, string message) : Exception(message)
{
    /// <summary>File and JSON path, file:line:column, or the option that was wrong.</summary>
    public string Location { get; } = location;

    /// <summary>
    /// Input quoted in a message, at most <paramref name="max"/> characters: an error never echoes a whole file or a
    /// huge value back (a data path pointing at some other text file, a title of a million characters).
    /// </summary>
    public static string Excerpt(string text, int max = 60) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length:N0} characters)";

    /// <summary>One line: <c>location: message</c>, with line breaks from quoted input shown as \n.</summary>
    public override string ToString() => OneLine(Location.Length == 0 ? Message : $"{Location}: {Message}");

    private static string OneLine(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
