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
    [InlineData("render|{config}|--size|big|--quality|ultra|-f|gof|--fps|99999999999", "--size: 'big' is not WIDTHxHEIGHT (e.g. 1280x720)|--quality: unknown preset 'ultra'; valid: draft, standard, high, 4k|--format: unknown format 'gof' (did you mean 'gif'?); valid: mp4, gif, png, raw, vtt, webm, frames|--fps: '99999999999' is not a whole number this tool can use (too large)")]
    [InlineData("still|{config}|--size|640x|--fps|2|--fps|3", "--size: '640x' is not WIDTHxHEIGHT (e.g. 1280x720)|--fps: given more than once; give it once")]
    [InlineData("render|-o|{folder}", "missing CONFIG: Scene config files (JSON)")]
    [InlineData("still|{config}|--duration|1,5|--at|0,5|--progress|3|--width|5", "--duration: '1,5' is not a number (write decimals with a dot: 1.5)|--at: '0,5' is not a number (write decimals with a dot: 0.5)|--progress: must be between 0 and 1 (got 3)|--width: must be at least 64 pixels (got 5)|--at, --progress: give only one of --at, --frame, --progress")]
    [InlineData("still|{config}|--at|1e400", "--at: '1e400' is too large")]
    [InlineData("batch|{folder}|--shard|5/4|-j|0", "--jobs: must be at least 1|--shard: '5/4' is not K/N with 1 ≤ K ≤ N (e.g. 2/4)")]
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
    public async Task After_Double_Dash_A_Name_Like_An_Option_Is_A_Config_File()
    {
        using var folder = new TempFolder();
        var config = folder.Write("-odd.json", Scenes.Tiny());

        var refused = await CliRunner.RunAsync("validate", "-odd.json");
        var result = await CliRunner.RunAsync("validate", "--", config);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("unknown option '-odd.json'", refused.Error, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Command_Is_The_Only_Line()
    {
        var result = await CliRunner.RunAsync("rendr", "x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["usage: unknown command 'rendr'; did you mean render?", "run 'regrender --help' for the options"], result.Error.TrimEnd().Split('\n'));
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
