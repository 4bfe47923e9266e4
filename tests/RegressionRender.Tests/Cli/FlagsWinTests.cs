using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary>
/// Defaults &lt; config &lt; flags in every command: the config is checked once, after the flags are applied; a still
/// is a PNG; and a config's independent problems are all reported at once.
/// </summary>
public sealed class FlagsWinTests
{
    /// <summary>A config valid only once flags fix it: an odd width for MP4 and 500 fps.</summary>
    private static string Odd() => Scenes.Tiny().Replace("\"width\": 160", "\"width\": 161", StringComparison.Ordinal).Replace("\"fps\": 10", "\"fps\": 500", StringComparison.Ordinal);

    [Theory]
    [InlineData("plan")]
    [InlineData("render")]
    [InlineData("batch")]
    [InlineData("still")]
    public async Task Flags_Fix_What_The_File_Alone_Would_Fail(string command)
    {
        using var folder = new TempFolder();
        var config = folder.Write("configs/odd.json", Odd());
        var output = folder.File("out");
        string[] args = command switch
        {
            "plan" => ["plan", config, "--json"],
            "render" => ["render", config, "-o", output, "-f", "png"],
            "batch" => ["batch", folder.File("configs"), "-o", output, "-f", "png"],
            _ => ["still", config, "-o", Path.Combine(output, "odd.png")],
        };

        var refused = await CliRunner.RunAsync([.. args]);
        var fixedByFlags = await CliRunner.RunAsync([.. args, "--size", "160x120", "--fps", "10"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("$.animation.fps", refused.Error + refused.Output, StringComparison.Ordinal);
        if (command == "plan")
        {
            // Nothing on the command line changed the config: the message names the file alone (render and batch
            // here have -f png).
            Assert.DoesNotContain("command-line options", refused.Error + refused.Output, StringComparison.Ordinal);
            var flagged = await CliRunner.RunAsync([.. args, "--duration", "2"]);
            Assert.Contains("odd.json (with command-line options)", flagged.Error + flagged.Output, StringComparison.Ordinal);
        }
        Assert.True(fixedByFlags.ExitCode == 0, fixedByFlags.Error + fixedByFlags.Output);
        if (command == "plan")
        {
            Assert.Contains("\"fps\":10", fixedByFlags.Output, StringComparison.Ordinal);
            Assert.Contains("\"width\":160", fixedByFlags.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(160, PngWidth(TempFolder.FilesIn(output).Select(f => Path.Combine(output, f)).Single(f => f.EndsWith(".png", StringComparison.Ordinal))));
        }
    }

    [Fact]
    public async Task A_Still_Is_A_Png_And_Its_Frame_Must_Be_In_The_Video()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny());

        // The config lists mp4 (even sizes only): a 161-pixel-wide PNG is still fine.
        var odd = await CliRunner.RunAsync("still", config, "--width", "161", "-o", folder.File("odd.png"));
        var late = await CliRunner.RunAsync("still", config, "--at", "100", "-o", folder.File("late.png"));
        var frame = await CliRunner.RunAsync("still", config, "--frame", "15", "-o", folder.File("frame.png"));
        // 1.49 s is within the 1.5 s video (frame 14 is on screen from 1.4 s): not rounded up past its end.
        var last = await CliRunner.RunAsync("still", config, "--at", "1.49", "-o", folder.File("last.png"));

        Assert.True(odd.ExitCode == 0, odd.Error);
        Assert.Equal(161, PngWidth(folder.File("odd.png")));
        Assert.Equal(121, PngHeight(folder.File("odd.png"))); // 160×120 at 161 wide: the aspect kept, no even rounding
        Assert.True(last.ExitCode == 0, last.Error);
        Assert.Contains("(frame 14)", last.Error, StringComparison.Ordinal);
        Assert.Equal(2, late.ExitCode);
        Assert.Contains("--at: 100 s is not in the video: it lasts 1.5 s (frames 0 to 14 at 10 fps)", late.Error, StringComparison.Ordinal);
        Assert.Equal(2, frame.ExitCode);
        Assert.Contains("--frame: 15 is not a frame of the video", frame.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("late.png")) || File.Exists(folder.File("frame.png")));
    }

    [Theory]
    [InlineData("render")]
    [InlineData("batch")]
    public async Task An_Output_Folder_That_Is_A_File_Is_Refused_And_Kept(string command)
    {
        using var folder = new TempFolder();
        var config = folder.Write("configs/tiny.json", Scenes.Tiny());
        var file = folder.Write("notes.json", "{ \"mine\": true }");

        var result = await CliRunner.RunAsync(command, command == "batch" ? folder.File("configs") : config, "-o", file, "-f", "png");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--output: '{file}' is a file; give a folder for the outputs", result.Error, StringComparison.Ordinal);
        Assert.Equal("{ \"mine\": true }", File.ReadAllText(file));
    }

    [Fact]
    public async Task Every_Problem_Of_A_Config_Is_Reported_At_Once()
    {
        using var folder = new TempFolder();
        var typos = folder.Write("typos.json", Scenes.Tiny()
            .Replace("\"title\"", "\"titel\"", StringComparison.Ordinal)
            .Replace("\"epochs\"", "\"epoch\"", StringComparison.Ordinal)
            .Replace("\"holdEnd\"", "\"holdend\"", StringComparison.Ordinal));
        var ranges = folder.Write("ranges.json", Scenes.Tiny()
            .Replace("\"learningRate\": 0.01", "\"learningRate\": -1", StringComparison.Ordinal)
            .Replace("\"fps\": 10", "\"fps\": 0", StringComparison.Ordinal)
            .Replace("\"height\": 120", "\"height\": 8", StringComparison.Ordinal));

        // A typo and range errors together: the typo does not hide the others.
        var both = folder.Write("both.json", Scenes.Tiny()
            .Replace("\"title\"", "\"titel\"", StringComparison.Ordinal)
            .Replace("\"fps\": 10", "\"fps\": 0", StringComparison.Ordinal));

        var spelled = await CliRunner.RunAsync("validate", typos);
        var ranged = await CliRunner.RunAsync("validate", ranges);
        var mixed = await CliRunner.RunAsync("validate", both);

        Assert.Equal(2, spelled.ExitCode);
        Assert.Contains($"{typos}: $.titel: unknown key 'titel'", spelled.Error, StringComparison.Ordinal);
        Assert.Contains($"{typos}: $.fit.epoch: unknown key 'epoch'", spelled.Error, StringComparison.Ordinal);
        Assert.Contains($"{typos}: $.animation.holdend: unknown key 'holdend'", spelled.Error, StringComparison.Ordinal);
        Assert.Equal(2, ranged.ExitCode);
        Assert.Contains($"{ranges}: $.fit.learningRate: must be > 0", ranged.Error, StringComparison.Ordinal);
        Assert.Contains($"{ranges}: $.animation.fps: must be between 1 and 120 (got 0)", ranged.Error, StringComparison.Ordinal);
        Assert.Contains($"{ranges}: $.view.height: must be between 64 and 4320 (got 8)", ranged.Error, StringComparison.Ordinal);
        Assert.Equal(3, ranged.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains($"{both}: $.titel: unknown key 'titel'", mixed.Error, StringComparison.Ordinal);
        Assert.Contains($"{both}: $.animation.fps: must be between 1 and 120 (got 0)", mixed.Error, StringComparison.Ordinal);
    }

    private static int PngWidth(string path)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        return bitmap.Width;
    }

    private static int PngHeight(string path)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        return bitmap.Height;
    }
}
