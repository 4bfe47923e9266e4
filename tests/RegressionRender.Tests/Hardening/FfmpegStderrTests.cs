using System.Globalization;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// An ffmpeg that writes without end to stderr (a broken build, a hostile binary) cannot exhaust our memory: only a
/// bounded tail of what it said is kept. Before, FFMpegCore kept every line: 200 MB of stderr took 1.9 GB.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class FfmpegStderrTests
{
    [Theory]
    [InlineData("lines", "yes 'frame=  1 fps=0.0 q=0.0 size=       0kB time=00:00:00.00 bitrate=N/A speed=   0x' | head -c 200000000 >&2")]
    [InlineData("one line", "head -c 200000000 /dev/zero | tr '\\0' 'x' >&2")]
    public void Gigantic_Stderr_Keeps_Memory_Bounded_And_Reports_The_Last_Words(string shape, string flood)
    {
        using var folder = new TempFolder();
        var peak = folder.File("peak");
        // After the flood the fake notes regrender's peak memory (VmHWM, its parent's), then fails with last words.
        var ffmpeg = FakeFfmpeg.Create(folder, $"""
            {flood}
            awk '/VmHWM/ {"{"}print $2{"}"}' /proc/$PPID/status > '{peak}'
            printf '\nlast words: Conversion failed!\n' >&2
            exit 1
            """);
        var config = folder.Write("tiny.json", Scenes.Tiny("\"mp4\""));
        var output = folder.File("out");

        var result = ChildProcess.RunCli($"REGRENDER_FFMPEG_DIR='{ffmpeg}'", "", "render", config, "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ffmpeg failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("last words: Conversion failed!", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Length < 2000, $"{shape}: the error quotes {result.Error.Length} characters");
        var megabytes = long.Parse(File.ReadAllText(peak).Trim(), CultureInfo.InvariantCulture) / 1024;
        Assert.True(megabytes < 300, $"{shape}: regrender peaked at {megabytes} MB while ffmpeg wrote 200 MB to stderr");
    }
}
