using RegressionRender.Encoding;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>Faults mid-render and hostile file names: a clear error, no temporary file left, older outputs untouched.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData("we\"ird name", "out \"dir\"")]
    [InlineData("ünïcødé σκηνή", "ausgabe ordner")]
    [InlineData("-leading-dash", "-out")]
    [InlineData("it's $(echo nope) `x`", "a;b&c")]
    public async Task Names_With_Quotes_Spaces_Unicode_And_Dashes_Reach_Ffmpeg_Intact(string name, string outputFolder)
    {
        using var folder = new TempFolder();
        var config = folder.Write(name + ".json", Scenes.Tiny("\"mp4\", \"gif\""));
        var output = Path.Combine(folder.Path, outputFolder);
        var result = await CliRunner.RunAsync("render", config, "-o", output);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([name + ".gif", name + ".mp4"], TempFolder.FilesIn(output));
        Assert.Equal("h264", VideoFacts.Probe(Path.Combine(output, name + ".mp4")).Codec);
    }

    [Fact]
    public async Task Ffmpeg_Killed_Mid_Stream_Leaves_No_File_And_Keeps_The_Older_Output()
    {
        using var folder = new TempFolder();
        var real = Path.Combine(FfmpegLocator.FindFolder(), "ffmpeg");
        var fake = Directory.CreateDirectory(folder.File("killed-ffmpeg")).FullName;
        // The real ffmpeg, killed with SIGKILL a moment after it starts encoding.
        File.WriteAllText(Path.Combine(fake, "ffmpeg"), $"#!/bin/sh\n\"{real}\" \"$@\" &\npid=$!\nsleep 0.4\nkill -9 $pid\nwait $pid\nexit $?\n");
        File.SetUnixFileMode(Path.Combine(fake, "ffmpeg"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        File.WriteAllBytes(Path.Combine(output, "long.mp4"), [7, 7, 7]);
        var json = Scenes.Tiny().Replace("\"duration\": 1, \"fps\": 10", "\"duration\": 60, \"fps\": 30", StringComparison.Ordinal)
            .Replace("\"width\": 160, \"height\": 120", "\"width\": 1280, \"height\": 720", StringComparison.Ordinal);
        var scene = PreparedScene.Load(folder.Write("long.json", json));

        var error = await Assert.ThrowsAsync<EncoderException>(() =>
            SceneRenderer.RenderAsync(scene, output, new EncoderOptions(fake), null, CancellationToken.None));

        Assert.Contains("long.mp4", error.Message);
        Assert.Equal(["long.mp4"], TempFolder.FilesIn(output));
        Assert.Equal([7, 7, 7], File.ReadAllBytes(Path.Combine(output, "long.mp4")));
    }

    [Fact]
    public async Task Missing_Ffmpeg_Is_Exit_Code_3_With_What_To_Install()
    {
        using var folder = new TempFolder();
        var scene = PreparedScene.Load(folder.Write("tiny.json", Scenes.Tiny()));
        var error = await Assert.ThrowsAsync<MissingDependencyException>(() =>
            SceneRenderer.RenderAsync(scene, folder.File("out"), new EncoderOptions(folder.File("no-ffmpeg-here")), null, CancellationToken.None));
        Assert.Contains("apt-get install ffmpeg", error.Message);
        Assert.Equal((RegressionRender.Cli.ExitCodes.MissingDependency, $"error: {error.Message}"), RegressionRender.Cli.ErrorReporter.Describe(error));
        Assert.Empty(TempFolder.FilesIn(folder.File("out")));
    }
}

/// <summary>Ctrl-C during a batch: exit 130, no temporary file, finished outputs kept.</summary>
public sealed class BatchCancelTests
{
    [Fact]
    public async Task Cancelling_A_Batch_Exits_130_And_Leaves_No_Partial_File()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("configs"));
        for (var i = 0; i < 4; i++)
        {
            folder.Write($"configs/long{i}.json", Scenes.Tiny().Replace("\"duration\": 1, \"fps\": 10", "\"duration\": 60, \"fps\": 30", StringComparison.Ordinal)
                .Replace("\"width\": 160, \"height\": 120", "\"width\": 640, \"height\": 360", StringComparison.Ordinal));
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var result = await CliRunner.RunAsync(cancel.Token, "batch", folder.File("configs"), "-o", folder.File("out"), "-j", "2");
        Assert.Equal(RegressionRender.Cli.ExitCodes.Cancelled, result.ExitCode);
        Assert.DoesNotContain(TempFolder.FilesIn(folder.File("out")), f => f.EndsWith(".partial", StringComparison.Ordinal));
        Assert.Contains("cancelled", result.Error);
    }
}
