using RegressionRender.Encoding;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// An encoder that says it succeeded but did not do the job — exits 0 without reading the frames, or writes garbage —
/// never gets its output committed or cached: exit 1 with one line, the older output untouched, no temporary file.
/// </summary>
public sealed class LyingEncoderTests
{
    private const string WriteGarbage = "for a; do case \"$a\" in *.partial) out=\"$a\";; esac; done\necho garbage > \"$out\"\nexit 0";

    [Theory]
    [InlineData("mp4", false, "ffmpeg exited after reading 0 of 10 frames")]
    [InlineData("mp4", true, "ffmpeg reported success but what it wrote is not an MP4 file")]
    [InlineData("webm", true, "ffmpeg reported success but what it wrote is not a WebM file")]
    public async Task Its_Output_Is_Refused_And_The_Older_Output_Stays(string format, bool readsFrames, string message)
    {
        using var folder = new TempFolder();
        // Reading the frames: the real ffmpeg encodes them, then the output is overwritten with garbage.
        var real = Path.Combine(FfmpegLocator.FindFolder(), "ffmpeg");
        var ffmpeg = FakeFfmpeg.Create(folder, (readsFrames ? $"\"{real}\" \"$@\" 2>/dev/null\n" : "") + WriteGarbage);
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        var older = Path.Combine(output, "tiny." + format);
        File.WriteAllText(older, "older");
        var config = folder.Write("tiny.json", Scenes.Tiny($"\"{format}\"").Replace("\"holdStart\": 0.2, \"holdEnd\": 0.3", "\"holdStart\": 0, \"holdEnd\": 0", StringComparison.Ordinal));

        var result = await Task.Run(() => ChildProcess.RunCli($"REGRENDER_FFMPEG_DIR='{ffmpeg}'", "", "render", config, "-o", output));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{older}: {message}", result.Error, StringComparison.Ordinal);
        Assert.Equal("older", File.ReadAllText(older));
        Assert.Equal(["tiny." + format], TempFolder.FilesIn(output));
        // Nothing cached: the next run renders again instead of calling the older output up to date.
        Assert.False(Directory.Exists(Path.Combine(output, ".regrender")) && Directory.EnumerateFiles(Path.Combine(output, ".regrender")).Any());
    }
}
