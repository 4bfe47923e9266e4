using RegressionRender.Encoding;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// A full disk and a read-only output folder, for real where the test may mount a tmpfs (root), else simulated
/// (a fake ffmpeg failing with ENOSPC; a folder without write permission). Either way: the documented exit code,
/// one clear line, no temporary file, the older output byte-identical.
/// </summary>
public sealed class FileSystemFaultTests
{
    private static string Bigger(string formats) => Scenes.Tiny(formats)
        .Replace("\"duration\": 1, \"fps\": 10", "\"duration\": 3, \"fps\": 20", StringComparison.Ordinal)
        .Replace("\"width\": 160, \"height\": 120", "\"width\": 640, \"height\": 360", StringComparison.Ordinal);

    [Theory]
    [InlineData("gif", "No space left on device")] // written by regrender itself
    [InlineData("mp4", "ffmpeg: No space left on device")]
    public async Task A_Full_Disk_Fails_With_One_Clear_Line_And_Keeps_The_Older_Output(string format, string detail)
    {
        using var folder = new TempFolder();
        var output = Directory.CreateDirectory(folder.File("small-disk")).FullName;
        // The GIF on a real small disk (root may mount one; CI runs as root); ffmpeg's formats through an ffmpeg
        // that writes part of its output and fails as on a full disk (a small plot MP4 may fit any small disk).
        using var disk = format == "gif" ? ScratchMount.TryMount(output, "size=64k") : null;
        if (disk is null && format == "gif")
        {
            return;
        }
        var ffmpeg = format == "gif" ? null : FakeFfmpeg.Create(folder,
            "for a; do case \"$a\" in *.partial) out=\"$a\";; esac; done\nhead -c 4096 /dev/zero > \"$out\"\necho \"Error closing file $out: No space left on device\" >&2\nexit 1");
        var target = Path.Combine(output, "big." + format);
        File.WriteAllText(target, "older");
        var scene = PreparedScene.Load(folder.Write("big.json", Bigger($"\"{format}\"")));

        var error = await Assert.ThrowsAsync<EncoderException>(() =>
            SceneRenderer.RenderAsync(scene, output, new EncoderOptions(ffmpeg), null, CancellationToken.None));

        var (code, line) = RegressionRender.Cli.ErrorReporter.Describe(error);
        Assert.Equal(RegressionRender.Cli.ExitCodes.RenderFailed, code);
        Assert.Equal($"error: {target}: the disk is full ({detail}); free space in {output} or choose another folder with -o", line);
        Assert.Equal(["big." + format], TempFolder.FilesIn(output));
        Assert.Equal("older", File.ReadAllText(target));
    }

    [Fact]
    public async Task Leftovers_Of_A_Killed_Render_Older_Than_A_Day_Are_Removed_By_The_Next_Render_There()
    {
        using var folder = new TempFolder();
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        var stale = Path.Combine(output, ".regrender-0123456789abcdef0123456789abcdef.mp4.partial");
        var staleFrames = Directory.CreateDirectory(Path.Combine(output, ".regrender-fedcba9876543210fedcba9876543210.frames.partial")).FullName;
        var recent = Path.Combine(output, ".regrender-00000000000000000000000000000000.gif.partial");
        File.WriteAllText(stale, "killed");
        File.WriteAllText(recent, "another render, still running");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));
        Directory.SetLastWriteTimeUtc(staleFrames, DateTime.UtcNow.AddDays(-2));

        var result = await CliRunner.RunAsync("render", folder.Write("tiny.json", Scenes.Tiny("\"png\"")), "-o", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.False(File.Exists(stale));
        Assert.False(Directory.Exists(staleFrames));
        Assert.True(File.Exists(recent));
    }

    [Fact]
    public async Task A_Read_Only_Folder_Fails_Before_Any_Work_And_Keeps_The_Older_Output()
    {
        using var folder = new TempFolder();
        var output = Directory.CreateDirectory(folder.File("read-only")).FullName;
        using var disk = ScratchMount.TryMount(output, "size=1m");
        File.WriteAllText(Path.Combine(output, "tiny.mp4"), "older");
        if (disk is not null)
        {
            disk.MakeReadOnly();
        }
        else
        {
            File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        var config = folder.Write("tiny.json", Scenes.Tiny());

        var result = await CliRunner.RunAsync("render", config, "-o", output);

        if (disk is null)
        {
            File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Assert.Equal(RegressionRender.Cli.ExitCodes.RenderFailed, result.ExitCode);
        var reason = disk is not null ? "Read-only file system" : "permission denied";
        Assert.Equal([$"error: {Path.Combine(output, "tiny.mp4")}: cannot write in {output} ({reason})"], result.Error.Trim().Split('\n'));
        Assert.Equal(["tiny.mp4"], TempFolder.FilesIn(output));
        Assert.Equal("older", File.ReadAllText(Path.Combine(output, "tiny.mp4")));
    }
}
