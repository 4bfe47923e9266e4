using RegressionRender.Core;

namespace RegressionRender;

/// <summary>Commented starter configs that render as they are: <c>regrender init NAME --template T</c>.</summary>
public static class StarterConfig
{
    /// <summary>The template names.</summary>
    public static IReadOnlyList<string> Templates { get; } = ["seed", "polynomial", "logistic", "race", "csv"];

    /// <summary>Writes <c>NAME.json</c> (and <c>NAME.csv</c> for the csv template) into <paramref name="folder"/>; never overwrites.</summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string folder, string name, string template)
    {
        if (!Templates.Contains(template))
        {
            throw new InvalidInputException("--template", $"unknown template '{template}'{Core.Config.NameSuggester.Hint(template, Templates)}; valid: {string.Join(", ", Templates)}");
        }
        if (!Core.Config.SceneValidator.IsSafeName(name))
        {
            throw new InvalidInputException("NAME", $"'{name}' must be a plain file name: no folders, no leading '.' or '-'");
        }
        var files = new List<(string Path, string Text)> { (Path.Combine(folder, name + ".json"), Read(template + ".jsonc").Replace("NAME", name, StringComparison.Ordinal)) };
        if (template == "csv")
        {
            files.Add((Path.Combine(folder, name + ".csv"), Read("csv.csv")));
        }
        foreach (var (path, _) in files.Where(f => File.Exists(f.Path)))
        {
            throw new InvalidInputException(path, "already exists; choose another name (init never overwrites)");
        }
        Directory.CreateDirectory(folder);
        foreach (var (path, text) in files)
        {
            Encoding.AtomicOutput.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
        }
        return [.. files.Select(f => f.Path)];
    }

    private static string Read(string file)
    {
        using var stream = typeof(StarterConfig).Assembly.GetManifestResourceStream($"RegressionRender.Templates.{file}")
            ?? throw new InvalidOperationException($"template {file} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
