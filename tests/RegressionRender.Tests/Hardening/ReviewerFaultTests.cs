using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// Faults an independent reviewer found: a disk that fills while ffmpeg writes the end of the file (ffmpeg 5.1 then
/// exits 0), a dangling symbolic link as an output, an empty or non-folder data root, ffmpeg's last words without a
/// newline, output names too long for the file system.
/// </summary>
public sealed class ReviewerFaultTests
{
    [SkippableFact]
    public async Task A_Disk_That_Fills_While_The_Mp4_Is_Finished_Is_A_Failure_Not_A_Cut_File()
    {
        using var folder = new TempFolder();
        var output = Directory.CreateDirectory(folder.File("small")).FullName;
        // Room for the frames' stream but not for the index ffmpeg writes last (a 2 s seed at 640×640 is ~30 KB).
        using var disk = ScratchMount.TryMount(output, "size=32k");
        Skip.If(disk is null, "mounting a tmpfs needs root");
        File.WriteAllText(Path.Combine(output, "seed.mp4"), "older");

        var result = await CliRunner.RunAsync("render", Repo.Path_("examples", "seed.json"), "-o", output, "-f", "mp4", "--size", "640x640", "--duration", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine(output, "seed.mp4")}: the disk is full", result.Error, StringComparison.Ordinal);
        Assert.Equal("older", File.ReadAllText(Path.Combine(output, "seed.mp4")));
        Assert.Equal(["seed.mp4"], TempFolder.FilesIn(output));
    }

    [Fact]
    public async Task A_Dangling_Link_As_An_Output_Is_Refused_And_Creates_Nothing_Elsewhere()
    {
        using var folder = new TempFolder();
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        var nowhere = folder.File("nowhere");
        File.CreateSymbolicLink(Path.Combine(output, "tiny.png"), Path.Combine(nowhere, "deep", "file.png"));

        var result = await CliRunner.RunAsync("render", folder.Write("tiny.json", Scenes.Tiny("\"png\"")), "-o", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a symbolic link to", result.Error, StringComparison.Ordinal);
        Assert.Contains("which does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(nowhere));
    }

    [Fact]
    public void An_Empty_Or_File_Data_Root_Is_Refused_Not_Ignored()
    {
        using var folder = new TempFolder();
        folder.Write("data/d.csv", "a,b\n1,2\n2,3\n3,5\n");
        var config = folder.Write("scene.json", """{ "data": { "csv": "data/d.csv", "x": "a", "y": "b" } }""");
        var environment = $"REGRENDER_DATA_ROOT='{folder.File("data")}'";

        var empty = ChildProcess.RunCli(environment, "", "validate", config, "--data-root", "");
        var file = ChildProcess.RunCli("", "", "validate", config, "--data-root", folder.File("data/d.csv"));

        foreach (var refused in new[] { empty, file })
        {
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--data-root / REGRENDER_DATA_ROOT: ", refused.Error, StringComparison.Ordinal);
            Assert.Contains("is not a folder that exists", refused.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ffmpegs_Last_Words_Count_Even_Without_A_Final_Newline()
    {
        using var folder = new TempFolder();
        var ffmpeg = FakeFfmpeg.Create(folder, "printf 'line one\\nlast words, cut off' >&2\nexit 1");

        var result = ChildProcess.RunCli($"REGRENDER_FFMPEG_DIR='{ffmpeg}'", "", "render", folder.Write("tiny.json", Scenes.Tiny()), "-o", folder.File("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ffmpeg failed: line one | last words, cut off", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Output_Name_Too_Long_For_The_File_System_Is_Refused_By_Validate()
    {
        using var folder = new TempFolder();
        var config = folder.Write("long.json", $$"""
            { "data": { "points": [[1, 1], [2, 2], [3, 3]] }, "output": { "name": "{{new string('日', 150)}}", "formats": ["png"] } }
            """);

        var result = await CliRunner.RunAsync("validate", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.output.name: is 450 bytes long (UTF-8), over the limit of 240", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_Fits_Than_Memory_Allows_Are_Refused_Up_Front_With_The_Limit_Named()
    {
        using var folder = new TempFolder();
        var fits = string.Join(", ", Enumerable.Range(0, 11).Select(i => $$"""{ "optimizer": "gd", "learningRate": {{0.001 * (i + 1)}}, "epochs": 5 }"""));
        var config = folder.Write("race.json", $$"""{ "data": { "points": [[1, 1], [2, 2], [3, 3]] }, "fit": [{{fits}}] }""");

        var result = await CliRunner.RunAsync("validate", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{config}: $.fit: holds 11 fits, over the limit of 10 in one scene", result.Error, StringComparison.Ordinal);
    }
}
