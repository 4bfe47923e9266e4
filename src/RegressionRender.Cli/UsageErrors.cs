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
        // "rendr x.json": the unknown command says it all; "give a command" and "x.json" follow from it.
        if (problems.FirstOrDefault(p => p.StartsWith("unknown command", StringComparison.Ordinal)) is { } unknownCommand)
        {
            return [unknownCommand];
        }
        // An option System.CommandLine does not know lands among the config files ("render a.json --fromat gif"
        // would read --fromat and gif as configs): a token that looks like an option never names a file, unless it
        // comes after "--", the end of the options (render -- -odd.json).
        var endOfOptions = parsed.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        HashSet<object> afterEnd = endOfOptions < 0 ? [] : new(parsed.Tokens.Skip(endOfOptions + 1), ReferenceEqualityComparer.Instance);
        foreach (var argument in parsed.CommandResult.Children.OfType<ArgumentResult>())
        {
            problems.AddRange(argument.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-' && !afterEnd.Contains(t)).Select(t => UnknownOption(t.Value, command)));
        }
        problems.AddRange(OptionChecks.Exclusions(parsed));
        // "plan -o x a.json": after an unknown option, where the words that follow belong cannot be known.
        if (problems.Any(p => p.StartsWith("unknown option", StringComparison.Ordinal)))
        {
            problems.RemoveAll(p => p.StartsWith("unexpected", StringComparison.Ordinal));
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
        // Short aliases (-o, -h) are one typo from each other: never suggested.
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(name => name.Length > 2);
    }

    private static string? Nearest(string typed, IEnumerable<string> names) => Core.Config.NameSuggester.Closest(typed, names);

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
        if (Repeated().Match(message) is { Success: true } repeated)
        {
            return $"{repeated.Groups["option"].Value}: given more than once; give it once";
        }
        if (message.StartsWith("Required argument missing", StringComparison.Ordinal) && command.Arguments.FirstOrDefault() is { } missing)
        {
            return $"missing {missing.Name}: {missing.Description}";
        }
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }
        var type = match.Groups["type"].Value;
        var value = match.Groups["value"].Value;
        var whole = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal);
        var kind = whole && WholeNumber().IsMatch(value) ? "a whole number this tool can use (too large)"
            : whole ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : "a valid value";
        return $"{match.Groups["option"].Value}: '{value}' is not {kind}";
    }

    [GeneratedRegex(@"^Option '(?<option>[^']*)' expects a single argument")]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<value>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
