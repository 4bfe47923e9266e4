using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>The render cache never calls an output up to date that a failed render replaced.</summary>
public sealed class StaleCacheTests
{
    [Fact]
    public void A_Render_That_Replaced_Some_Outputs_And_Failed_Leaves_No_Record_So_Reverting_Renders_Again()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var one = Scenes.Tiny("\"png\", \"mp4\"");
        var config = folder.Write("tiny.json", one);
        Assert.Equal(0, Render(config, output, null));
        var first = File.ReadAllBytes(Path.Combine(output, "tiny.png"));

        // A new title; the PNG is written, then ffmpeg fails on the MP4.
        folder.Write("tiny.json", one.Replace("\"title\": \"Tiny\"", "\"title\": \"Changed\"", StringComparison.Ordinal));
        var failing = FakeFfmpeg.Create(folder, "echo 'Conversion failed!' >&2\nexit 1");
        Assert.Equal(1, Render(config, output, failing));
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(output, "tiny.png")));

        // Back to the first config: its outputs are not on disk any more, so it renders again.
        folder.Write("tiny.json", one);
        Assert.Equal(0, Render(config, output, null));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(output, "tiny.png")));
    }

    private static int Render(string config, string output, string? ffmpeg) =>
        ChildProcess.RunCli(ffmpeg is null ? "" : $"REGRENDER_FFMPEG_DIR='{ffmpeg}'", "", "render", config, "-o", output).ExitCode;
}
