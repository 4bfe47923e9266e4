using System.Diagnostics;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// Files that are not regular files, through the real command line: inputs (config, CSV, cache record) that are
/// devices, pipes, folders or too large are refused at once, never read without end; outputs never replace what is
/// not a regular file — a pipe or a character device is written into, a link keeps pointing at its new file.
/// </summary>
public sealed class SpecialFileTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static string Fifo(TempFolder folder, string name)
    {
        var path = folder.File(name);
        Assert.Equal(0, ScratchMount.Run("mkfifo", path));
        return path;
    }

    private static bool IsFifo(string path) => ScratchMount.Run("test", "-p", path) == 0;

    /// <summary>Runs the CLI with a deadline: a read that blocks or never ends fails the test instead of hanging it.</summary>
    private static async Task<CliRunner.Result> RunWithin(TimeSpan limit, params string[] args)
    {
        using var timeout = new CancellationTokenSource(limit);
        var run = CliRunner.RunAsync(args);
        var finished = await Task.WhenAny(run, Task.Delay(limit, timeout.Token));
        Assert.True(finished == run, $"regrender {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s");
        return await run;
    }

    [Theory]
    [InlineData("/dev/zero", "is not a regular file (a character device); give a config file")]
    [InlineData("/dev/urandom", "is not a regular file (a character device); give a config file")]
    [InlineData("fifo", "is not a regular file (a named pipe); give a config file")]
    [InlineData("folder", "is a folder, not a config file")]
    public async Task A_Config_That_Is_Not_A_Regular_File_Is_Refused_Without_Reading_It(string kind, string message)
    {
        using var folder = new TempFolder();
        var config = kind switch
        {
            "fifo" => Fifo(folder, "scene.json"),
            "folder" => Directory.CreateDirectory(folder.File("scene.json")).FullName,
            _ => kind,
        };

        var result = await RunWithin(TimeSpan.FromSeconds(20), "validate", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{config}: {message}", result.Error.Trim());
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("fifo")]
    [InlineData("large")]
    public async Task A_Csv_That_Is_A_Device_A_Pipe_Or_Too_Large_Is_Refused_Before_It_Is_Read(string kind)
    {
        using var folder = new TempFolder();
        var csv = folder.File("data.csv");
        switch (kind)
        {
            case "zero":
                File.CreateSymbolicLink(csv, "/dev/zero");
                break;
            case "fifo":
                Fifo(folder, "data.csv");
                break;
            default:
                // A sparse file past the limit: no disk used, and reading it would take seconds and gigabytes.
                using (var file = new FileStream(csv, FileMode.CreateNew))
                {
                    file.SetLength(Core.InputFile.MaxCsvBytes + 1);
                }
                break;
        }
        var config = folder.Write("scene.json", """{ "data": { "csv": "data.csv", "x": "a", "y": "b" } }""");

        var result = await RunWithin(TimeSpan.FromSeconds(20), "render", config, "-o", folder.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(kind switch
        {
            "zero" => "data.csv: is not a regular file \\(a character device\\); give a CSV file",
            "fifo" => "data.csv: is not a regular file \\(a named pipe\\); give a CSV file",
            _ => "data.csv: the CSV file is 67,108,865 bytes, over the limit of 67,108,864",
        }, result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("out")) && TempFolder.FilesIn(folder.File("out")).Length > 0);
    }

    [Fact]
    public async Task A_Cache_Record_That_Is_A_Link_To_A_Device_Is_No_Record_And_The_Scene_Renders()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny("\"png\""));
        var output = folder.File("out");
        Assert.Equal(0, (await CliRunner.RunAsync("render", config, "-o", output)).ExitCode);
        var record = Path.Combine(output, ".regrender", "tiny.json");
        File.Delete(record);
        File.CreateSymbolicLink(record, "/dev/zero");

        var result = await RunWithin(TimeSpan.FromSeconds(30), "render", config, "-o", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("wrote", result.Error, StringComparison.Ordinal);
        // The link was replaced by a new record; what it pointed to was never touched.
        Assert.Equal(0, ScratchMount.Run("test", "-c", "/dev/zero"));
        Assert.Null(new FileInfo(record).LinkTarget);
    }

    [Fact]
    public async Task A_Still_Goes_Into_A_Named_Pipe_Which_Stays_A_Pipe()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny());
        var pipe = Fifo(folder, "frame.png");
        var reader = Task.Run(() => File.ReadAllBytes(pipe));

        var result = await RunWithin(TimeSpan.FromSeconds(30), "still", config, "-o", pipe);

        Assert.True(result.ExitCode == 0, result.Error);
        var png = await reader;
        Assert.Equal(PngSignature, png[..4]);
        Assert.True(IsFifo(pipe));
    }

    [Fact]
    public async Task A_Record_Goes_Into_A_Character_Device_Which_Stays_A_Device()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny("\"png\""));
        // A device node of our own (the null device's numbers): /dev itself is never put at risk by a test.
        var device = folder.File("null");
        if (ScratchMount.Run("mknod", "-m", "666", device, "c", "1", "3") != 0)
        {
            return; // making device nodes needs root (CI runs as root)
        }

        var result = await RunWithin(TimeSpan.FromSeconds(30), "render", config, "-o", folder.File("out"), "--record", device);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(0, ScratchMount.Run("test", "-c", device));
    }

    [Fact]
    public async Task A_Still_Through_A_Link_Replaces_The_Linked_File_And_Keeps_The_Link()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny());
        var real = folder.Write("real.png", "older");
        var link = folder.File("link.png");
        File.CreateSymbolicLink(link, real);

        var result = await RunWithin(TimeSpan.FromSeconds(30), "still", config, "-o", link);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal(PngSignature, File.ReadAllBytes(real)[..4]);
    }

    [Fact]
    public async Task A_Render_Refuses_A_Pipe_Where_Its_Output_Goes_And_Leaves_It_Alone()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny("\"png\", \"mp4\""));
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        var pipe = Path.Combine(output, "tiny.mp4");
        Assert.Equal(0, ScratchMount.Run("mkfifo", pipe));

        var result = await RunWithin(TimeSpan.FromSeconds(30), "render", config, "-o", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{pipe}: is a named pipe, which regrender never replaces; remove it or choose another output", result.Error, StringComparison.Ordinal);
        Assert.True(IsFifo(pipe));
        Assert.Equal(["tiny.mp4"], TempFolder.FilesIn(output));
    }

    [Fact]
    public async Task A_Still_To_Standard_Output_Is_The_Png_And_Nothing_Else()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "regrender.dll"), "still", config, "-o", "-"])
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using var png = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(png);
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        var bytes = png.ToArray();
        Assert.Equal(PngSignature, bytes[..4]);
        Assert.Equal("IEND"u8.ToArray(), bytes[^8..^4]);
    }
}
