using System.Text.Json;
using RegressionRender.Cli;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary>The real command line: exit codes, messages on stderr, nothing written on bad input.</summary>
public sealed class CliTests
{
    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { """{ "data": { "points": [[1,2],[3,4]] }, "fit": { "epoks": 3 } }""", "$.fit.epoks", "did you mean 'epochs'" },
        { """{ "data": { "points": [[1,2],[3,4]] }, "view": { "width": "wide" } }""", "$.view.width", "expected a whole number" },
        { """{ "data": { "points": [[1,2],[3,4]] }, "animation": { "duration": 9000 } }""", "$.animation.duration", "600" },
        { """{ "data": { "csv": "bad.csv", "x": "X", "y": "Y" } }""", "bad.csv:3:2", "'abc'" },
        { """{ "data": { "csv": "missing.csv", "x": "X", "y": "Y" } }""", "missing.csv", "not found" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_Input_Exits_2_With_The_Location_And_Writes_Nothing(string json, string location, string message)
    {
        using var folder = new TempFolder();
        folder.Write("bad.csv", "X,Y\n1,2\n3,abc\n");
        var config = folder.Write("scene.json", json);
        var output = folder.File("out");

        var result = await CliRunner.RunAsync("render", config, "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(location, line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Empty(TempFolder.FilesIn(output));
    }

    [Fact]
    public async Task Unknown_Option_Is_A_Usage_Error()
    {
        var result = await CliRunner.RunAsync("render", "x.json", "--fsp", "3");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    [Fact]
    public async Task Bad_Size_Option_Names_The_Option()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("plan", folder.Write("s.json", Scenes.Tiny()), "--size", "big");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith("usage: --size: ", result.Error);
    }

    [Fact]
    public async Task Command_Line_Values_Win_Over_The_Config()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("plan", folder.Write("s.json", Scenes.Tiny()), "--json", "--size", "320x240", "--fps", "20", "--duration", "2");
        Assert.Equal(0, result.ExitCode);
        using var plan = JsonDocument.Parse(result.Output);
        Assert.Equal(320, plan.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(240, plan.RootElement.GetProperty("height").GetInt32());
        Assert.Equal(20, plan.RootElement.GetProperty("fps").GetInt32());
        Assert.Equal(4 + 40 + 6, plan.RootElement.GetProperty("frameCount").GetInt32());
    }

    [Fact]
    public async Task Plan_Json_Follows_The_Contract_For_The_Seed()
    {
        var result = await CliRunner.RunAsync("plan", Repo.Path_("examples", "seed.json"), "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var plan = JsonDocument.Parse(result.Output);
        var root = plan.RootElement;
        Assert.Equal(315, root.GetProperty("frameCount").GetInt32());
        Assert.Equal(30, root.GetProperty("fps").GetInt32());
        Assert.Equal(800, root.GetProperty("width").GetInt32());
        Assert.Equal(800, root.GetProperty("height").GetInt32());
        var fit = root.GetProperty("fits")[0];
        Assert.Equal("SGD", fit.GetProperty("label").GetString());
        Assert.Equal(9000, fit.GetProperty("steps").GetInt32());
        Assert.Equal(-0.0024, fit.GetProperty("final")[0].GetDouble(), 4);
        Assert.Equal(1.0730, fit.GetProperty("final")[1].GetDouble(), 4);
        Assert.Equal(3.2559, fit.GetProperty("finalLoss").GetDouble(), 4);
        Assert.Equal(-0.6434, fit.GetProperty("target")[0].GetDouble(), 4);
        Assert.Equal(1.1432, fit.GetProperty("target")[1].GetDouble(), 4);
        Assert.False(fit.GetProperty("diverged").GetBoolean());

        var frames = root.GetProperty("frames");
        Assert.Equal(315, frames.GetArrayLength());
        var first = frames[0];
        Assert.Equal(0, first.GetProperty("frame").GetInt32());
        Assert.Equal(0.0, first.GetProperty("time").GetDouble());
        Assert.Equal("hold-start", first.GetProperty("phase").GetString());
        Assert.Equal(0.0, first.GetProperty("progress").GetDouble());
        Assert.Equal(0.0, first.GetProperty("displacementPx").GetDouble());
        var firstFit = first.GetProperty("fits")[0];
        Assert.Equal(0.0, firstFit.GetProperty("iteration").GetDouble());
        Assert.Equal(0.01, firstFit.GetProperty("parameters")[1].GetDouble());
        Assert.True(firstFit.GetProperty("loss").GetDouble() > 50);
        Assert.Equal("animate", frames[15].GetProperty("phase").GetString());
        Assert.Equal("animate", frames[254].GetProperty("phase").GetString());
        Assert.Equal(9000.0, frames[254].GetProperty("fits")[0].GetProperty("iteration").GetDouble());
        Assert.Equal("hold-end", frames[255].GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Validate_Reports_Each_Config_And_Exits_2_If_Any_Is_Invalid()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.json", Scenes.Tiny());
        var bad = folder.Write("bad.json", """{ "data": {} }""");
        var result = await CliRunner.RunAsync("validate", good, bad);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("ok ", result.Output);
        Assert.Contains("bad.json: $.data", result.Error);
    }

    [Fact]
    public async Task Still_Writes_A_Png_Without_Ffmpeg()
    {
        using var folder = new TempFolder();
        var target = folder.File("still.png");
        var result = await CliRunner.RunAsync("still", folder.Write("s.json", Scenes.Tiny()), "--at", "0.5", "-o", target);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(target)[..4]);
        Assert.Contains("frame 5", result.Error);
    }
}

/// <summary><c>render --record</c> exports the fit record as CSV.</summary>
public sealed class RecordExportTests
{
    [Fact]
    public async Task Record_Has_Every_Step_Of_The_Seed_With_Its_Loss_And_Parameters()
    {
        using var folder = new TempFolder();
        var csv = folder.File("record.csv");
        var result = await CliRunner.RunAsync("render", Repo.Path_("examples", "seed.json"), "-o", folder.File("out"), "--format", "png", "--record", csv);
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("fit,label,step,epoch,loss,gradient_norm,theta0,theta1", lines[0]);
        Assert.Equal(9002, lines.Length);
        var last = lines[^1].Split(',');
        Assert.Equal(("0", "SGD", "9000", "1000"), (last[0], last[1], last[2], last[3]));
        Assert.Equal(3.2559, double.Parse(last[4], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Equal(1.0730, double.Parse(last[7], System.Globalization.CultureInfo.InvariantCulture), 4);
    }
}

/// <summary>A job renders the scene it was handed already fitted (render --record fits once, not twice).</summary>
public sealed class PreparedJobTests
{
    [Fact]
    public async Task A_Job_Renders_The_Prepared_Scene_It_Is_Given_Without_Fitting_Again()
    {
        using var folder = new TempFolder();
        var loaded = Core.Config.SceneLoader.Load(folder.Write("tiny.json", Scenes.Tiny("\"png\"")));
        // Prepared from a different fit (10 epochs, not 50): if the job fitted again, its frame would show 50 epochs.
        var shorter = loaded with { Config = loaded.Config with { Fit = [loaded.Config.Fit[0] with { Epochs = 10 }] } };
        var prepared = PreparedScene.Prepare(shorter);
        var handed = folder.File("handed");
        var fitted = folder.File("fitted");

        var result = await SceneJob.RunAsync(loaded, prepared, handed, force: true, _ => new Progress<RenderProgress>(), CancellationToken.None);
        await SceneJob.RunAsync(shorter, null, fitted, force: true, _ => new Progress<RenderProgress>(), CancellationToken.None);

        Assert.Equal(JobStatus.Rendered, result.Status);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fitted, "tiny.png")), File.ReadAllBytes(Path.Combine(handed, "tiny.png")));
    }
}

/// <summary><c>--quality</c> presets set size and rate; explicit --size and --fps win.</summary>
public sealed class QualityPresetTests
{
    [Theory]
    [InlineData("draft", new string[0], 854, 480, 15)]
    [InlineData("high", new string[0], 1920, 1080, 60)]
    [InlineData("4k", new[] { "--fps", "24" }, 3840, 2160, 24)]
    [InlineData("standard", new[] { "--size", "640x360" }, 640, 360, 30)]
    public async Task Preset_Sets_Size_And_Fps_Unless_Given(string preset, string[] extra, int width, int height, int fps)
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync(["plan", folder.Write("s.json", Scenes.Tiny()), "--json", "--quality", preset, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var plan = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal((width, height, fps), (plan.RootElement.GetProperty("width").GetInt32(), plan.RootElement.GetProperty("height").GetInt32(), plan.RootElement.GetProperty("fps").GetInt32()));
    }

    [Fact]
    public async Task Unknown_Preset_Is_Exit_2()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("plan", folder.Write("s.json", Scenes.Tiny()), "--quality", "hihg");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("did you mean 'high'", result.Error);
    }
}
