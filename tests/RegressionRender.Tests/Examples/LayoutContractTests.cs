using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionRender.Core.Config;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Examples;

/// <summary>
/// Every example, from a 320×180 GIF to a 4K video, at its first, middle and last frame, read from the layout report
/// (what <c>layout --json</c> prints): no data point lies under a text's background, every text box stays on the
/// canvas, no two texts overlap, every text is drawn whole, and none is smaller than 11 px (10 px at 320 wide).
/// </summary>
[Trait("Speed", "Slow")]
public sealed class LayoutContractTests
{
    [Theory]
    [InlineData("topRight")]
    [InlineData("auto")]
    [InlineData("outside")]
    [InlineData("none")]
    public async Task The_Readout_Goes_Where_Asked_And_Auto_Hides_No_Point(string place)
    {
        // The seed race: its points climb to the top right, where a readout box would hide two of them.
        using var folder = new TempFolder();
        var json = File.ReadAllText(ExampleTheory.PathOf("seed-race.json")).Replace("\"view\": {", $"\"view\": {{ \"readout\": \"{place}\",", StringComparison.Ordinal);
        var config = folder.Write("race.json", json);

        var result = await CliRunner.RunAsync("layout", config, "--progress", "0.5", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var layout = JsonDocument.Parse(result.Output);
        var covered = layout.RootElement.GetProperty("covered").GetInt32();
        var readouts = layout.RootElement.GetProperty("texts").EnumerateArray().Where(t => t.GetProperty("role").GetString() == "readout").ToList();
        if (place == "topRight")
        {
            Assert.True(covered > 0, "a box in the top-right corner hides the top-right points");
        }
        else
        {
            Assert.Equal(0, covered);
        }
        Assert.Equal(place == "none" ? 0 : 1, readouts.Count);
    }

    [Theory]
    [InlineData(640, 360)]
    [InlineData(854, 480)]
    [InlineData(1280, 720)]
    public void The_Divergence_Caption_Says_Every_Word(int width, int height)
    {
        // "η = 2.2 diverged at step 39 — learning rate too high" used to end in "— learnin…" at 640 and 854 wide.
        var scene = PreparedScene.Load(ExampleTheory.PathOf("race-converge-diverge.json"), new SceneOverrides { Width = width, Height = height, Formats = [OutputFormat.Png] });

        var report = LayoutReport.Build(scene, scene.FrameCount - 1);

        var caption = Assert.Single(report.Texts, t => t.Role == "caption");
        Assert.Contains("learning rate too high", caption.Text, StringComparison.Ordinal);
        Assert.Equal(caption.Text, caption.Drawn);
    }

    private static readonly (int Width, int Height)[] Sizes = [(320, 180), (640, 360), (854, 480), (1280, 720), (1080, 1920), (3840, 2160)];

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void No_Text_Hides_Data_Is_Cut_Too_Small_Leaves_The_Canvas_Or_Overlaps_Another(string example)
    {
        // The layout is decided once per video; which step a frame shows hardly matters to it, so the frames are paced
        // by iterations here (cheap), not visually (the example tests pace them).
        using var folder = new TempFolder();
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var json = JsonNode.Parse(File.ReadAllText(ExampleTheory.PathOf(example)), documentOptions: options)!.AsObject();
        json.Remove("$schema");
        json["animation"] ??= new JsonObject();
        json["animation"]!["pacing"] = "iterations";
        if (json["data"]?["csv"] is { } csv)
        {
            json["data"]!["csv"] = Path.Combine(Repo.Examples, csv.GetValue<string>());
        }
        var fitted = PreparedScene.Load(folder.Write(example, json.ToJsonString()), new SceneOverrides { Formats = [OutputFormat.Png] });
        foreach (var (width, height) in Sizes)
        {
            var scene = fitted.AtSize(width, height);
            var last = scene.FrameCount - 1;
            // The readout box is fixed per video; its text changes; the last frame adds the divergence captions.
            foreach (var report in LayoutReport.Build(scene, [0, last / 2, last], CancellationToken.None))
            {
                var where = $"{example} at {width}×{height}, frame {report.Frame}";
                Assert.NotEmpty(report.Points);
                Assert.True(report.Covered == 0, $"{where}: {report.Covered} data points under text");
                foreach (var text in report.Texts)
                {
                    Assert.True(text.Drawn == text.Text, $"{where}: {text.Role} '{text.Text}' is drawn cut: '{text.Drawn}'");
                    Assert.True(text.FontPx >= (width <= 320 ? 10 : 11) - 0.01, $"{where}: {text.Role} '{text.Drawn}' is {text.FontPx:0.0} px");
                    var box = text.Box;
                    Assert.True(box[0] >= -0.5 && box[1] >= -0.5 && box[0] + box[2] <= width + 0.5 && box[1] + box[3] <= height + 0.5,
                        $"{where}: {text.Role} '{text.Drawn}' at [{string.Join(", ", box)}] leaves the canvas");
                }
                for (var i = 0; i < report.Texts.Count; i++)
                {
                    for (var j = i + 1; j < report.Texts.Count; j++)
                    {
                        var (a, b) = (report.Texts[i], report.Texts[j]);
                        var shared = Math.Max(0, Math.Min(a.Box[0] + a.Box[2], b.Box[0] + b.Box[2]) - Math.Max(a.Box[0], b.Box[0]))
                            * Math.Max(0, Math.Min(a.Box[1] + a.Box[3], b.Box[1] + b.Box[3]) - Math.Max(a.Box[1], b.Box[1]));
                        Assert.True(shared <= 1, $"{where}: {a.Role} '{a.Drawn}' overlaps {b.Role} '{b.Drawn}'");
                    }
                }
            }
        }
    }
}
