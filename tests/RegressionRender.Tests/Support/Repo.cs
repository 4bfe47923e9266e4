namespace RegressionRender.Tests.Support;

/// <summary>Paths inside the repository, found from the test binary's location.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static IEnumerable<string> ExampleConfigs() =>
        Directory.EnumerateFiles(Examples, "*.json").OrderBy(p => p, StringComparer.Ordinal);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RegressionRender.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("RegressionRender.sln not found above the test binaries");
    }
}
