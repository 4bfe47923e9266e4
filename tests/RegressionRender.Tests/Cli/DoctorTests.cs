using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary><c>regrender doctor</c>: checks without changing anything, and never hangs on an ffmpeg that does not answer.</summary>
public sealed class DoctorTests
{
    [Fact]
    public async Task Doctor_Checks_A_Missing_Output_Folder_Without_Creating_It()
    {
        using var folder = new TempFolder();
        var output = folder.File("not/yet");

        var result = await CliRunner.RunAsync("doctor", "-o", output);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"✓ output folder {output} is writable (it will be created)", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("not")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Doctor_Gives_Up_On_An_Ffmpeg_That_Never_Answers_And_Leaves_Nothing_Running()
    {
        using var folder = new TempFolder();
        // An ffmpeg that hangs (a distinctive sleep, to find it afterwards).
        var ffmpeg = FakeFfmpeg.Create(folder, "exec sleep 6137");
        var result = ChildProcess.RunCli($"REGRENDER_FFMPEG_DIR='{ffmpeg}'", "", "doctor", "-o", folder.File("out"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gave no answer within 10 s", result.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, ScratchMount.Run("pgrep", "-f", "sleep 6137"));
    }
}
