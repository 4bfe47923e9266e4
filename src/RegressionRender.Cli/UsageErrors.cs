using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace RegressionRender.Cli;

/// <summary>
/// Command-line mistakes as short lines a user can act on, reported before anything runs: every mistake at once,
/// in words (no .NET type names), an unknown option with the nearest real one, and no wall of help text.
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>The mistakes in <paramref name="parsed"/>, one line each; empty when there are none.</summary>
    public static List<string> Of(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var problems = parsed.Errors.Select(e => Worded(e.Message, command)).Distinct().ToList();
        // An option System.CommandLine does not know lands among the config files ("render a.json --fromat gif"
        // would read --fromat and gif as configs): a token that looks like an option never names a file.
        foreach (var argument in parsed.CommandResult.Children.OfType<ArgumentResult>())
        {
            problems.AddRange(argument.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-').Select(t => UnknownOption(t.Value, command)));
        }
        return problems;
    }

    private static string UnknownOption(string typed, Command command) =>
        $"unknown option '{typed}'" + (Nearest(typed, OptionNames(command)) is { } nearest ? $"; did you mean {nearest}?" : "");

    /// <summary>Every spelling of the options <paramref name="command"/> takes, its own and those it inherits.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }
        return options.SelectMany(o => o.Aliases.Prepend(o.Name));
    }

    /// <summary>The name nearest <paramref name="typed"/> when it is close enough to be a typo, else null.</summary>
    private static string? Nearest(string typed, IEnumerable<string> names) =>
        names.Select(name => (Name: name, Distance: Distance(typed, name)))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>Edit distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>System.CommandLine's messages in words: no "expected type 'System.Nullable`1[System.Int32]'", a did-you-mean for typos.</summary>
    private static string Worded(string message, Command command)
    {
        if (Unrecognized().Match(message) is { Success: true } unknown)
        {
            var typed = unknown.Groups["value"].Value;
            var commands = command.Subcommands.Select(c => c.Name).ToList();
            return typed.StartsWith('-') ? UnknownOption(typed, command)
                : commands.Count == 0 ? $"unexpected '{typed}'"
                : $"unknown command '{typed}'" + (Nearest(typed, commands) is { } nearest ? $"; did you mean {nearest}?" : $"; the commands are {string.Join(", ", commands)}");
        }
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            return $"give a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }
        var type = match.Groups["type"].Value;
        var kind = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : "a valid value";
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {kind}";
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(?<value>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
