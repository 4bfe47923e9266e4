using RegressionRender.Encoding;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Encoding;

/// <summary>The GIF made for plots: its palette, and a size limit — checked through ffprobe facts and file sizes.</summary>
public sealed class GifTests
{
    /// <summary>A plot-like frame: white, a dark text block, a red line, and a red-to-white fade (a trail).</summary>
    private sealed class PlotFrames(int count, int fps = 20) : IFrameSource
    {
        public int Width => 120;

        public int Height => 80;

        public int Fps => fps;

        public int FrameCount => count;

        public bool HasAlpha => false;

        public void Render(int index, Span<byte> pixels)
        {
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var (r, g, b) = (255, 255, 255);
                    if (y < 10 && x < 40)
                    {
                        (r, g, b) = (31, 35, 40);
                    }
                    else if (y == 40 + (index % 20))
                    {
                        (r, g, b) = (214, 39, 40);
                    }
                    else if (y >= 60 && x >= 10 && x < 110)
                    {
                        // A fade from the red to white across 100 columns: 100 blends.
                        var t = (x - 10) / 100.0;
                        (r, g, b) = ((int)(214 + (t * 41)), (int)(39 + (t * 216)), (int)(40 + (t * 215)));
                    }
                    var i = ((y * Width) + x) * 4;
                    (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = ((byte)b, (byte)g, (byte)r, 255);
                }
            }
        }
    }

    [Fact]
    public void The_Palette_Holds_The_Scenes_Own_Colours_Exactly_And_Within_Its_Size()
    {
        var counts = GifPalette.Count(new PlotFrames(20), CancellationToken.None);
        Assert.True(counts.Count > 100, $"the frames hold {counts.Count} colours");
        var palette = GifPalette.Choose(counts, 12);
        Assert.True(palette.Length <= 12, $"{palette.Length} entries");
        Assert.Contains(0xFFFFFF, palette);
        Assert.Contains(0x1F2328, palette);
        Assert.Contains(0xD62728, palette);
        // The rest go to the fade, spread along it rather than heaped on one end.
        var fade = palette.Where(c => c is not (0xFFFFFF or 0x1F2328 or 0xD62728)).Select(c => (c >> 8) & 0xFF).Order().ToArray();
        Assert.True(fade.Length >= 6 && fade[^1] - fade[0] > 120, $"fade entries (green): {string.Join(", ", fade)}");
    }

    [Fact]
    public void The_Palette_Does_Not_Depend_On_Anything_But_The_Frames()
    {
        var one = GifPalette.Build(new PlotFrames(30), 16, CancellationToken.None);
        var two = GifPalette.Build(new PlotFrames(30), 16, CancellationToken.None);
        Assert.Equal(16, one.Length);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Without_A_Count_The_Palette_Takes_The_Fewest_Colours_That_Keep_The_Frames_Faithful()
    {
        var counts = GifPalette.Count(new PlotFrames(20), CancellationToken.None);
        var colors = GifPalette.Build(new PlotFrames(20), null, CancellationToken.None).Length;
        Assert.True(GifPalette.Psnr(counts, GifPalette.Choose(counts, colors)) >= GifPalette.TargetPsnr);
        var fewer = GifPalette.Ladder.Where(c => c < colors).DefaultIfEmpty(0).Max();
        Assert.True(fewer == 0 || GifPalette.Psnr(counts, GifPalette.Choose(counts, fewer)) < GifPalette.TargetPsnr, $"{fewer} colours would have done");
    }

    [Theory]
    [InlineData(41, 20)]
    [InlineData(143, 15)]
    [InlineData(90, 12)]
    [InlineData(37, 7)]
    public async Task A_Gif_Lasts_As_Long_As_Its_Frames_To_The_Centisecond(int frames, int fps)
    {
        using var folder = new TempFolder();
        await VideoEncoder.EncodeGifAsync(new PlotFrames(frames, fps), new GifSettings(Loop: false), folder.File("p.gif"), new EncoderOptions(), null, CancellationToken.None);
        var facts = VideoFacts.Probe(folder.File("p.gif"));
        Assert.Equal(frames, facts.Frames);
        Assert.Equal(Math.Round(frames * 100.0 / fps) / 100, facts.Duration, 3);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(33)]
    [InlineData(50)]
    public async Task A_Rendered_Gif_Lasts_The_Configured_Length_At_Any_Rate(int fps)
    {
        // 0.35 + 1.3 + 0.45 = 2.1 s: at these rates each phase is a fraction of a frame off a whole number of frames.
        using var folder = new TempFolder();
        var config = folder.Write("odd.json", Scenes.Tiny("\"gif\"")
            .Replace("\"duration\": 1, \"fps\": 10, \"holdStart\": 0.2, \"holdEnd\": 0.3", $"\"duration\": 1.3, \"fps\": 10, \"holdStart\": 0.35, \"holdEnd\": 0.45", StringComparison.Ordinal)
            .Replace("\"formats\": [\"gif\"]", $"\"formats\": [\"gif\"], \"gif\": {{ \"width\": 160, \"fps\": {fps} }}", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("render", config, "-o", folder.File("out"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(2.1, VideoFacts.Probe(Path.Combine(folder.File("out"), "odd.gif")).Duration, 3);
        Assert.Contains("2.1 s", result.Error, StringComparison.Ordinal);
    }

    private const string Budgeted = """
        {
          "title": "Budget",
          "data": { "points": [[1.2, 1.2], [3, 2.5], [5.1, 6], [6.3, 4.5], [7.1, 5.2], [8.2, 8.9], [9, 13.8], [11.2, 12.1], [13.8, 14.2]] },
          "fit": { "optimizer": "sgd", "learningRate": 0.01, "epochs": 40, "standardize": true },
          "animation": { "duration": 2, "fps": 20, "holdStart": 0, "holdEnd": 0, "trail": 0.5 },
          "view": { "width": 320, "height": 240 },
          "output": { "formats": ["gif"], "gif": { "width": 320, "fps": 20 } }
        }
        """;

    [Fact]
    public async Task A_Size_Limit_Takes_The_Most_Colours_That_Fit_And_Says_What_It_Chose()
    {
        using var folder = new TempFolder();
        var config = folder.Write("b.json", Budgeted);
        var free = await CliRunner.RunAsync("render", config, "-o", folder.File("free"));
        Assert.True(free.ExitCode == 0, free.Error);
        var unlimited = new FileInfo(Path.Combine(folder.File("free"), "b.gif")).Length;
        var limit = (int)(unlimited * 0.8);

        var result = await CliRunner.RunAsync("render", config, "-o", folder.File("out"), "--gif-max-bytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.Error);
        var gif = Path.Combine(folder.File("out"), "b.gif");
        Assert.InRange(new FileInfo(gif).Length, 1, limit);
        var line = Assert.Single(result.Error.Split('\n'), l => l.Contains("b.gif", StringComparison.Ordinal));
        Assert.Matches(@"\d+ colours at 20 fps, 320×240 to fit output\.gif\.maxBytes", line);
        var facts = VideoFacts.Probe(gif);
        Assert.Equal((40, 320, 240), (facts.Frames, facts.Width, facts.Height));
        Assert.Equal(2.0, facts.Duration, 2);
        Assert.Equal(["b.gif"], TempFolder.FilesIn(folder.File("out")));
    }

    [Fact]
    public async Task A_Size_Limit_That_Cannot_Be_Met_Is_Refused_With_The_Size_It_Could_Reach()
    {
        using var folder = new TempFolder();
        // An MP4 too: the GIF with a limit goes first, so the refusal leaves no other output behind.
        var config = folder.Write("b.json", Budgeted.Replace("\"duration\": 2", "\"duration\": 30", StringComparison.Ordinal)
            .Replace("\"formats\": [\"gif\"]", "\"formats\": [\"mp4\", \"gif\"]", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("render", config, "-o", folder.File("out"), "--gif-max-bytes", "10000");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"\$\.output\.gif\.maxBytes: 10,000 bytes cannot be met: the smallest GIF \(8 colours at 5 fps, 160×120\) is [\d,]+ bytes", result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("out")), "the refused render left its new output folder behind");
    }
}
