using RegressionRender.Cli;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary><c>regrender init</c>: every template writes a commented config that renders as it is.</summary>
public sealed class InitTests
{
    [Theory]
    [InlineData("seed")]
    [InlineData("polynomial")]
    [InlineData("logistic")]
    [InlineData("race")]
    [InlineData("csv")]
    public async Task Each_Template_Renders_As_It_Is(string template)
    {
        using var folder = new TempFolder();
        var init = await CliRunner.RunAsync("init", "lesson", "--template", template, "-o", folder.Path);
        Assert.True(init.ExitCode == 0, init.Error);
        var config = folder.File("lesson.json");
        Assert.Contains("//", File.ReadAllText(config));
        var render = await CliRunner.RunAsync("render", config, "-o", folder.File("out"), "--size", "320x180", "--fps", "8", "--duration", "1");
        Assert.True(render.ExitCode == 0, render.Error);
        Assert.NotEmpty(Directory.GetFiles(folder.File("out"), "lesson.*"));
    }

    [Fact]
    public async Task Init_Never_Overwrites_And_Names_Unknown_Templates()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("mine.json"), "precious");
        var again = await CliRunner.RunAsync("init", "mine", "-o", folder.Path);
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        Assert.Contains("already exists", again.Error);
        Assert.Equal("precious", File.ReadAllText(folder.File("mine.json")));
        var unknown = await CliRunner.RunAsync("init", "x", "--template", "logistc", "-o", folder.Path);
        Assert.Equal(ExitCodes.InvalidInput, unknown.ExitCode);
        Assert.Contains("did you mean 'logistic'", unknown.Error);
    }
}
