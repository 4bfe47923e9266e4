using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RegressionRender.Cli;

/// <summary>
/// Checks of option values that run while parsing, so that every mistake on the command line is reported at once,
/// as a <c>usage:</c> line (<see cref="UsageErrors"/>), before anything runs.
/// </summary>
internal static class OptionChecks
{
    /// <summary>
    /// A number option read the same everywhere: a dot for decimals and no thousands separator (1,5 is a mistake,
    /// not 15), finite.
    /// </summary>
    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }
            result.AddError(text.Contains(',', StringComparison.Ordinal) ? $"{name}: '{text}' is not a number (write decimals with a dot: {text.Replace(',', '.')})"
                : double.IsInfinity(value) ? $"{name}: '{text}' is too large"
                : $"{name}: '{text}' is not a number");
            return null;
        },
    };

    /// <summary>Adds a check of the value of <paramref name="option"/>: <paramref name="problem"/> says what is wrong, or null.</summary>
    public static void Check<T>(Option<T> option, Func<T, string?> problem) => option.Validators.Add(result =>
    {
        if (result.Implicit)
        {
            return; // a default value, not typed by the user
        }
        T value;
        try
        {
            value = result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return; // not a value of its type: that mistake is reported already
        }
        if (problem(value) is { } message)
        {
            result.AddError($"{option.Name}: {message}");
        }
    });

    /// <summary>The output folder, refused when it names a file (nothing would be written, and the file stays as it is).</summary>
    public static string OutputFolder(string folder) => File.Exists(folder)
        ? throw new Core.InvalidInputException("--output", $"'{folder}' is a file; give a folder for the outputs")
        : folder;

    /// <summary>Groups of options of which at most one may be given.</summary>
    private static readonly List<Option[]> Exclusive = [];

    /// <summary>
    /// At most one of <paramref name="options"/> may be given. Checked with the other mistakes in
    /// <see cref="UsageErrors.Of"/>: a command-level validator would hide the options' own checks.
    /// </summary>
    public static void OneOf(params Option[] options)
    {
        lock (Exclusive)
        {
            Exclusive.Add(options);
        }
    }

    /// <summary>One line per group of which more than one option was given.</summary>
    public static IEnumerable<string> Exclusions(ParseResult parsed)
    {
        Option[][] groups;
        lock (Exclusive)
        {
            groups = [.. Exclusive];
        }
        foreach (var group in groups)
        {
            var given = group.Where(o => parsed.GetResult(o) is OptionResult { Implicit: false }).ToList();
            if (given.Count > 1)
            {
                yield return $"{string.Join(", ", given.Select(o => o.Name))}: give only one of {string.Join(", ", group.Select(o => o.Name))}";
            }
        }
    }
}
