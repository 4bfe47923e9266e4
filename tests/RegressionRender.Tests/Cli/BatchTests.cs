using System.Diagnostics;
using System.Text.Json;
using RegressionRender.Cli;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary><c>regrender batch</c> through the real command line, with tiny configs and real ffmpeg.</summary>
public sealed class BatchTests
{
    private static TempFolder Configs(int count, bool withBroken = false)
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("configs"));
        for (var i = 0; i < count; i++)
        {
            folder.Write($"configs/scene{i}.json", Scenes.Tiny().Replace("\"epochs\": 50", $"\"epochs\": {20 + i}", StringComparison.Ordinal));
        }
        folder.Write("configs/csv.json", """{ "data": { "csv": "points.csv", "x": "X", "y": "Y" }, "animation": { "duration": 1, "fps": 8 }, "view": { "width": 160, "height": 120 } }""");
        folder.Write("configs/points.csv", "X,Y\n1,2\n2,3\n3,5\n");
        if (withBroken)
        {
            folder.Write("configs/broken.json", """{ "data": { "points": [[1, 2], [3, 4]] }, "fit": { "learningRat": 1 } }""");
        }
        return folder;
    }

    private static async Task<(CliRunner.Result Result, JsonElement Summary)> Batch(TempFolder folder, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["batch", folder.File("configs"), "-o", folder.File("out"), "--json", "-j", "2", .. extra]);
        var summary = JsonDocument.Parse(result.Output).RootElement.Clone();
        return (result, summary);
    }

    private static string[] Statuses(JsonElement summary, string status) =>
        [.. summary.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("status").GetString() == status).Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Renders_Every_Config_Then_Skips_Them_All_Until_Something_Changes()
    {
        using var folder = Configs(3);
        var (first, summary) = await Batch(folder);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(["csv", "scene0", "scene1", "scene2"], Statuses(summary, "rendered"));
        Assert.Equal(4, Directory.GetFiles(folder.File("out"), "*.mp4").Length);

        var clock = Stopwatch.StartNew();
        var (second, again) = await Batch(folder);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["csv", "scene0", "scene1", "scene2"], Statuses(again, "skipped"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"skipping took {clock.Elapsed}");

        File.AppendAllText(folder.File("configs/points.csv"), "4,4\n");
        var (third, changed) = await Batch(folder);
        Assert.Equal(0, third.ExitCode);
        Assert.Equal(["csv"], Statuses(changed, "rendered"));

        var (forced, all) = await Batch(folder, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(4, Statuses(all, "rendered").Length);
    }

    [Fact]
    public async Task A_Broken_Config_Does_Not_Stop_The_Others_And_Exits_2()
    {
        using var folder = Configs(2, withBroken: true);
        var (result, summary) = await Batch(folder);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal(["broken"], Statuses(summary, "invalid"));
        Assert.Equal(["csv", "scene0", "scene1"], Statuses(summary, "rendered"));
        Assert.Contains("did you mean 'learningRate'", result.Error);
    }

    [Fact]
    public async Task Two_Shards_Render_Each_Config_Exactly_Once()
    {
        using var folder = Configs(6);
        var (one, first) = await Batch(folder, "--shard", "1/2");
        var (two, second) = await Batch(folder, "--shard", "2/2");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        var rendered = Statuses(first, "rendered").Concat(Statuses(second, "rendered")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["csv", "scene0", "scene1", "scene2", "scene3", "scene4", "scene5"], rendered);
        Assert.NotEmpty(Statuses(first, "rendered"));
        Assert.NotEmpty(Statuses(second, "rendered"));
    }

    [Fact]
    public async Task Two_Configs_Writing_The_Same_Output_Are_Reported_Before_Anything_Renders()
    {
        using var folder = Configs(1);
        folder.Write("configs/twin.json", Scenes.Tiny().Replace("\"output\": {", "\"output\": { \"name\": \"scene0\",", StringComparison.Ordinal));
        var result = await CliRunner.RunAsync("batch", folder.File("configs"), "-o", folder.File("out"));
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("would both write", result.Error);
        Assert.Empty(TempFolder.FilesIn(folder.File("out")));
    }

    [Fact]
    public async Task Prints_A_Summary_Table_When_Not_Asked_For_Json()
    {
        using var folder = Configs(1);
        var result = await CliRunner.RunAsync("batch", folder.File("configs"), "-o", folder.File("out"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("status", result.Error);
        Assert.Contains("rendered", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Bad_Shard_Is_A_Usage_Error()
    {
        var result = await CliRunner.RunAsync("batch", ".", "--shard", "3/2");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith("usage: --shard: ", result.Error);
    }
}
