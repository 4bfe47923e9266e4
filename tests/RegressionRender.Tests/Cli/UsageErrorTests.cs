using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary>
/// Command-line mistakes are refused before anything runs, all at once, in words: no .NET type names, no wall of
/// help, a did-you-mean for typos, and an unknown option is never taken for a config file.
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("render|{config}|--fromat|gif", "unknown option '--fromat'; did you mean --format?")]
    [InlineData("render|{config}|--fps|abc|--gif-max-bytes|1.5|--duraton|3", "--fps: 'abc' is not a whole number|--gif-max-bytes: '1.5' is not a whole number|unknown option '--duraton'; did you mean --duration?")]
    [InlineData("still|{config}|--at|soon", "--at: 'soon' is not a number")]
    [InlineData("batch|{folder}|-j|two", "--jobs: 'two' is not a whole number")]
    [InlineData("plan|--jsn|{config}", "unknown option '--jsn'; did you mean --json?")]
    [InlineData("validate|{config}|--verbos", "unknown option '--verbos'; did you mean --verbose?")]
    [InlineData("rendr|{config}", "unknown command 'rendr'; did you mean render?")]
    public async Task A_Mistake_Is_One_Line_Each_Before_Anything_Runs(string arguments, string expected)
    {
        using var folder = new TempFolder();
        var config = folder.Write("configs/tiny.json", Scenes.Tiny());
        var output = folder.File("out");
        string[] args = [.. arguments.Split('|').Select(a => a.Replace("{config}", config, StringComparison.Ordinal).Replace("{folder}", folder.File("configs"), StringComparison.Ordinal)), "-o", output];
        if (args[0] is "plan" or "validate" or "rendr")
        {
            args = args[..^2];
        }

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        foreach (var line in expected.Split('|'))
        {
            Assert.Contains($"usage: {line}\n", result.Error, StringComparison.Ordinal);
        }
        Assert.Contains("--help' for the options", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Options:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(output), "something was written");
    }

    [Fact]
    public async Task Help_Is_Still_There_On_Request()
    {
        var result = await CliRunner.RunAsync("render", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--data-root", result.Output, StringComparison.Ordinal);
        Assert.Contains("--format", result.Output, StringComparison.Ordinal);
    }
}
