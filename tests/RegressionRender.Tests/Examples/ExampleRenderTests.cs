using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Examples;

/// <summary>Every example loads, fits, draws and encodes (at a tiny size and length, through the real CLI).</summary>
public sealed class ExampleRenderTests
{
    [Theory]
    [Trait("Speed", "Slow")]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public async Task Renders_A_Short_Clip_And_A_Poster(string example)
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("render", ExampleTheory.PathOf(example), "-o", folder.Path,
            "--size", "320x180", "--fps", "8", "--duration", "1", "--format", "mp4", "--format", "png");
        Assert.True(result.ExitCode == 0, result.Error);
        var mp4 = Assert.Single(Directory.GetFiles(folder.Path, "*.mp4"));
        var facts = VideoFacts.Probe(mp4);
        Assert.Equal((320, 180), (facts.Width, facts.Height));
        Assert.True(facts.Frames >= 8, $"{facts.Frames} frames");
        Assert.Single(Directory.GetFiles(folder.Path, "*.png"));
    }

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public async Task Validates(string example)
    {
        var result = await CliRunner.RunAsync("validate", ExampleTheory.PathOf(example));
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
