using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionRender.Core.Config;
using RegressionRender.Tests.Support;
using SkiaSharp;

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
    [InlineData("auto", "auto", "1280x720", 0, true)]
    [InlineData("auto", "auto", "854x480", 1, false)]
    [InlineData("auto", "none", "1280x720", 0, false)]
    [InlineData("auto", "outside", "854x480", 1, false)]
    [InlineData("topLeft", "bottomRight", "854x480", 1, false)]
    [InlineData("topLeft", "topLeft", "1280x720", 0, true)]
    [InlineData("none", "bottomLeft", "854x480", 1, false)]
    [InlineData("topRight", "bottomLeft", "320x180", 0, false)]
    public async Task The_Legend_Goes_Where_Asked(string readout, string legend, string size, int legendBoxes, bool inReadout)
    {
        // The seed race at 854×480 has no room for the legend in its readouts: auto gives it a free corner of its own.
        using var folder = new TempFolder();
        var json = File.ReadAllText(ExampleTheory.PathOf("seed-race.json"))
            .Replace("\"view\": {", $"\"view\": {{ \"readout\": \"{readout}\", \"legend\": \"{legend}\",", StringComparison.Ordinal);
        var config = folder.Write("race.json", json);

        var result = await CliRunner.RunAsync("layout", config, "--progress", "0.5", "--size", size, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var texts = JsonDocument.Parse(result.Output).RootElement.GetProperty("texts").EnumerateArray().ToList();
        var boxes = texts.Where(t => t.GetProperty("role").GetString() == "legend").ToList();
        // Two corners forced on a canvas too small for both never overlap: the legend joins the readouts (or goes).
        var readoutBox = texts.Where(t => t.GetProperty("role").GetString() == "readout").Select(t => t.GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray()).SingleOrDefault();
        Assert.All(boxes.Select(b => b.GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray()), b =>
            Assert.False(readoutBox is { } r && b[0] < r[0] + r[2] && r[0] < b[0] + b[2] && b[1] < r[1] + r[3] && r[1] < b[1] + b[3], "the legend overlaps the readouts"));
        Assert.Equal(legendBoxes, boxes.Count);
        Assert.All(boxes, b => Assert.Equal("start\nexact optimum", b.GetProperty("text").GetString()));
        var readoutText = texts.Where(t => t.GetProperty("role").GetString() == "readout").Select(t => t.GetProperty("text").GetString()!).SingleOrDefault() ?? "";
        Assert.Equal(inReadout, readoutText.EndsWith("start\nexact optimum", StringComparison.Ordinal));
        var plot = JsonDocument.Parse(result.Output).RootElement.GetProperty("panels")[0].GetProperty("rect").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        foreach (var box in boxes.Select(b => b.GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray()))
        {
            var inside = box[0] >= plot[0] - 1 && box[1] >= plot[1] - 1 && box[0] + box[2] <= plot[0] + plot[2] + 1 && box[1] + box[3] <= plot[1] + plot[3] + 1;
            Assert.Equal(legend != "outside", inside);
            if (legend is "outside" or "auto")
            {
                Assert.Equal(0, JsonDocument.Parse(result.Output).RootElement.GetProperty("covered").GetInt32());
            }
            if (legend == "bottomRight" || legend == "bottomLeft")
            {
                Assert.True(box[1] + box[3] > plot[1] + (plot[3] / 2), "a bottom corner is in the plot's lower half");
            }
        }
    }

    [Theory]
    [InlineData("seed-race.json", "640x360", "0")]
    [InlineData("seed-race.json", "320x180", "0.5")]
    [InlineData("penguins-logistic.json", "1280x720", "1")]
    public async Task Every_Point_Of_The_Still_Shows_Its_Colour_Where_The_Layout_Says(string example, string size, string progress)
    {
        // Through the command line: the PNG of `still` and the points of `layout --json`, with a point colour of the
        // author's (the classes keep theirs: a logistic point's centre may show either class colour, never a box's).
        using var folder = new TempFolder();
        var json = File.ReadAllText(ExampleTheory.PathOf(example)).Replace("\"view\": {", "\"view\": { \"pointColor\": \"#ff0000\",", StringComparison.Ordinal);
        if (example.Contains("penguins", StringComparison.Ordinal))
        {
            json = json.Replace("\"view\": {", "\"view\": { \"colors\": { \"classZero\": \"#ff0000\", \"classOne\": \"#0000ff\" },", StringComparison.Ordinal)
                .Replace("\"csv\": \"", $"\"csv\": \"{Repo.Examples.Replace("\\", "/", StringComparison.Ordinal)}/", StringComparison.Ordinal);
        }
        var config = folder.Write("scene.json", json);
        var png = Path.Combine(folder.Path, "still.png");

        var still = await CliRunner.RunAsync("still", config, "--progress", progress, "--size", size, "-o", png);
        var layout = await CliRunner.RunAsync("layout", config, "--progress", progress, "--size", size, "--json");

        Assert.True(still.ExitCode == 0 && layout.ExitCode == 0, still.Error + layout.Error);
        using var bitmap = SKBitmap.Decode(png);
        var points = JsonDocument.Parse(layout.Output).RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        SKColor[] colors = [new(0xFF, 0, 0), new(0, 0, 0xFF)];
        foreach (var point in points)
        {
            var pixel = bitmap.GetPixel((int)point.GetProperty("x").GetSingle(), (int)point.GetProperty("y").GetSingle());
            var nearest = colors.Min(c => Math.Max(Math.Max(Math.Abs(c.Red - pixel.Red), Math.Abs(c.Green - pixel.Green)), Math.Abs(c.Blue - pixel.Blue)));
            Assert.True(nearest <= 6, $"{example} at {size}: the point at {point} shows {pixel}");
        }
    }

    [Theory]
    [InlineData("learning-rate-too-high.json", 320, 180, false)]
    [InlineData("learning-rate-too-high.json", 320, 180, true)]
    [InlineData("learning-rate-too-high.json", 640, 360, true)]
    [InlineData("race-converge-diverge.json", 640, 360, true)]
    public void A_Fit_Flying_Off_Never_Cuts_Its_Readout_In_Any_Frame(string example, int width, int height, bool byIterations)
    {
        // A line pivoting through the vertical shows losses far above its steps' (MSE = 8.6×10¹⁰): the box, sized once per
        // video, has room for them in every frame, not only in the three the contract test looks at, however paced.
        using var folder = new TempFolder();
        var config = byIterations ? PacedByIterations(folder, example) : ExampleTheory.PathOf(example);
        var scene = PreparedScene.Load(config, new SceneOverrides { Width = width, Height = height, Formats = [OutputFormat.Png] });

        var reports = LayoutReport.Build(scene, [.. Enumerable.Range(0, scene.FrameCount)], CancellationToken.None);

        Assert.All(reports, report => Assert.All(report.Texts.Where(t => t.Role is "readout" or "legend"), t =>
            Assert.True(t.Drawn == t.Text, $"frame {report.Frame}: '{t.Text}' drawn as '{t.Drawn}'")));
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

    /// <summary>An example with its frames paced by iterations (cheap to plan; the frames land on other steps than visual pacing's).</summary>
    private static string PacedByIterations(TempFolder folder, string example)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var json = JsonNode.Parse(File.ReadAllText(ExampleTheory.PathOf(example)), documentOptions: options)!.AsObject();
        json.Remove("$schema");
        json["animation"] ??= new JsonObject();
        json["animation"]!["pacing"] = "iterations";
        if (json["data"]?["csv"] is { } csv)
        {
            json["data"]!["csv"] = Path.Combine(Repo.Examples, csv.GetValue<string>());
        }
        return folder.Write(example, json.ToJsonString());
    }

    /// <summary>The colours a data point's centre may have: the point colour (each class's, for logistic regression) as drawn on the paper.</summary>
    private static SKColor[] PointColors(PreparedScene scene)
    {
        var style = RegressionRender.Rendering.SceneStyle.From(Core.Layout.DrawSettings.From(scene.Config));
        return scene.Fits[0].Info.Model.IsLogistic ? [style.OnPaper(style.ClassZero), style.OnPaper(style.ClassOne)] : [style.OnPaper(style.Points)];
    }

    /// <summary>Each data point's centre pixel has a point colour: no box, line or mark washes it.</summary>
    private static void AssertPointsShow(LayoutReport report, byte[] pixels, SKColor[] colors, string where)
    {
        foreach (var point in report.Points)
        {
            var (column, row) = ((int)point.X, (int)point.Y);
            var at = ((row * report.Width) + column) * 4;
            var pixel = new SKColor(pixels[at + 2], pixels[at + 1], pixels[at], pixels[at + 3]);
            var nearest = colors.Min(c => Math.Max(Math.Max(Math.Abs(c.Red - pixel.Red), Math.Abs(c.Green - pixel.Green)), Math.Max(Math.Abs(c.Blue - pixel.Blue), Math.Abs(c.Alpha - pixel.Alpha))));
            Assert.True(nearest <= 6, $"{where}: the point at ({point.X:0.0}, {point.Y:0.0}) shows {pixel}, not the point colour {string.Join(" or ", colors)}");
        }
    }

    private static readonly (int Width, int Height)[] Sizes = [(320, 180), (640, 360), (854, 480), (1280, 720), (1080, 1920), (3840, 2160)];

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void No_Text_Hides_Data_Is_Cut_Too_Small_Leaves_The_Canvas_Or_Overlaps_Another(string example)
    {
        // The layout is decided once per video; which step a frame shows hardly matters to it, so the frames are paced
        // by iterations here (cheap), not visually (the example tests pace them).
        using var folder = new TempFolder();
        var fitted = PreparedScene.Load(PacedByIterations(folder, example), new SceneOverrides { Formats = [OutputFormat.Png] });
        foreach (var (width, height) in Sizes)
        {
            var scene = fitted.AtSize(width, height);
            var last = scene.FrameCount - 1;
            // The readout box is fixed per video; its text changes; the last frame adds the divergence captions.
            foreach (var (report, pixels) in LayoutReport.Build(scene, [0, last / 2, last], FrameImage.Pixels, CancellationToken.None))
            {
                var where = $"{example} at {width}×{height}, frame {report.Frame}";
                Assert.NotEmpty(report.Points);
                Assert.True(report.Covered == 0, $"{where}: {report.Covered} data points under text");
                AssertPointsShow(report, pixels, PointColors(scene), where);
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
