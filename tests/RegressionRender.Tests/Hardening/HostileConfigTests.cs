using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>Configs written to hurt: huge strings, repeated keys, data paths at files that are not CSV — refused in one line.</summary>
public sealed class HostileConfigTests
{
    [Fact]
    public async Task A_Title_Past_The_Text_Limit_Is_Refused_With_Its_Length_And_Not_Echoed()
    {
        using var folder = new TempFolder();
        var config = folder.Write("long.json", Scenes.Tiny().Replace("\"title\": \"Tiny\"", $"\"title\": \"{new string('x', 64_000)}\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{config}: $.title: is 64,000 characters long, over the limit of 1,000", result.Error.Trim());
    }

    [Fact]
    public async Task A_Title_At_The_Limit_Is_Drawn_Cut_Short_With_An_Ellipsis()
    {
        using var folder = new TempFolder();
        var config = folder.Write("long.json", Scenes.Tiny().Replace("\"title\": \"Tiny\"", $"\"title\": \"{string.Concat(Enumerable.Repeat("Gradient ", 111))}\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("still", config, "-o", folder.File("t.png"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(folder.File("t.png")));
    }

    [Fact]
    public async Task A_Key_Given_Twice_Is_Refused()
    {
        using var folder = new TempFolder();
        var config = folder.Write("dup.json", Scenes.Tiny().Replace("\"title\": \"Tiny\"", "\"title\": \"Tiny\", \"title\": \"Other\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{config}: $.title: 'title' is given twice in this object; keep one", result.Error.Trim());
    }

    [Fact]
    public async Task A_Data_Path_At_Some_Other_Text_File_Quotes_Only_A_Little_Of_It()
    {
        using var folder = new TempFolder();
        var secret = "password=" + new string('s', 5000) + "," + string.Join(",", Enumerable.Range(0, 100).Select(i => $"c{i}"));
        folder.Write("notes.txt", secret + "\nmore text\n");
        var config = folder.Write("scene.json", """{ "data": { "csv": "notes.txt", "x": "a", "y": "b" } }""");

        var result = await CliRunner.RunAsync("validate", config);

        Assert.Equal(2, result.ExitCode);
        Assert.InRange(result.Error.Length, 1, 1000);
        Assert.Contains("and 89 more", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('s', 100), result.Error, StringComparison.Ordinal);
    }
}
