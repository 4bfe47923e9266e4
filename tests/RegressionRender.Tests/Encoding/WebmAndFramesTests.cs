using RegressionRender.Encoding;
using RegressionRender.Tests.Support;
using SkiaSharp;

namespace RegressionRender.Tests.Encoding;

/// <summary>WebM (VP9, with alpha on a transparent background) and PNG sequences, through the real CLI and ffmpeg.</summary>
public sealed class WebmAndFramesTests
{
    private const string Transparent = "\"width\": 160, \"height\": 120, \"colors\": { \"background\": \"transparent\" }";

    [Fact]
    public async Task A_Transparent_Background_Gives_Webm_Frames_And_Png_An_Alpha_Channel_And_Mp4_None()
    {
        using var folder = new TempFolder();
        var config = folder.Write("clear.json", Scenes.Tiny("\"webm\", \"frames\", \"png\", \"mp4\"").Replace("\"width\": 160, \"height\": 120", Transparent, StringComparison.Ordinal));
        var output = folder.File("out");

        var result = await CliRunner.RunAsync("render", config, "-o", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var webm = VideoFacts.Probe(Path.Combine(output, "clear.webm"));
        Assert.Equal(("vp9", 160, 120, 15), (webm.Codec, webm.Width, webm.Height, webm.Frames));
        Assert.Equal(1.5, webm.Duration, 1);
        Assert.Equal("1", AlphaModeTag(Path.Combine(output, "clear.webm")));
        // ffmpeg's own VP9 decoder drops alpha; libvpx's keeps it.
        var decoded = folder.File("decoded.png");
        var log = Ffmpeg("-c:v", "libvpx-vp9", "-i", Path.Combine(output, "clear.webm"), "-frames:v", "1", decoded);
        Assert.Contains("yuva420p", log);
        AssertSeeThroughCornerAndOpaqueInk(decoded);

        var frames = Path.Combine(output, "clear.frames");
        Assert.Equal([.. Enumerable.Range(0, 15).Select(i => $"{i:000000}.png")], TempFolder.FilesIn(frames));
        Assert.Equal("rgba", VideoFacts.Probe(Path.Combine(frames, "000007.png")).PixelFormat);
        AssertSeeThroughCornerAndOpaqueInk(Path.Combine(frames, "000014.png"));
        AssertSeeThroughCornerAndOpaqueInk(Path.Combine(output, "clear.png"));

        var mp4 = folder.File("mp4-first.png");
        Ffmpeg("-i", Path.Combine(output, "clear.mp4"), "-frames:v", "1", mp4);
        using var opaque = SKBitmap.Decode(mp4);
        Assert.True(opaque.GetPixel(1, 1).Red > 240 && opaque.GetPixel(1, 1).Alpha == 255, "mp4 has no alpha: the light theme's white shows");
    }

    [Fact]
    public async Task An_Opaque_Webm_Is_Plain_Yuv420p_And_Frames_Are_Rgb()
    {
        using var folder = new TempFolder();
        var config = folder.Write("solid.json", Scenes.Tiny("\"webm\", \"frames\""));
        var output = folder.File("out");

        var result = await CliRunner.RunAsync("render", config, "-o", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var webm = VideoFacts.Probe(Path.Combine(output, "solid.webm"));
        Assert.Equal(("vp9", "yuv420p", "bt709", 15), (webm.Codec, webm.PixelFormat, webm.ColorSpace, webm.Frames));
        Assert.Null(AlphaModeTag(Path.Combine(output, "solid.webm")));
        Assert.Equal("rgb24", VideoFacts.Probe(Path.Combine(output, "solid.frames", "000000.png")).PixelFormat);
        Assert.Contains("solid.frames", result.Error);
    }

    [Fact]
    public async Task A_New_Frames_Folder_Replaces_The_Old_One_Whole_And_A_Failed_One_Keeps_It()
    {
        using var folder = new TempFolder();
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        var frames = Directory.CreateDirectory(Path.Combine(output, "tiny.frames")).FullName;
        File.WriteAllText(Path.Combine(frames, "999999.png"), "old");
        var fakeFfmpeg = FakeFfmpeg.Create(folder, "echo half > 000000.png\necho 'No space left on device' >&2\nexit 1");
        var scene = PreparedScene.Load(folder.Write("tiny.json", Scenes.Tiny("\"frames\"")));

        var error = await Assert.ThrowsAsync<EncoderException>(() =>
            SceneRenderer.RenderAsync(scene, output, new EncoderOptions(fakeFfmpeg), null, CancellationToken.None));

        Assert.Contains("No space left on device", error.Message);
        Assert.Equal(["tiny.frames"], Entries(output));
        Assert.Equal(["999999.png"], TempFolder.FilesIn(frames));

        await SceneRenderer.RenderAsync(scene, output, new EncoderOptions(), null, CancellationToken.None);

        Assert.Equal(["tiny.frames"], Entries(output));
        Assert.Equal(15, TempFolder.FilesIn(frames).Length);
        Assert.DoesNotContain("999999.png", TempFolder.FilesIn(frames));
    }

    private static string[] Entries(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static void AssertSeeThroughCornerAndOpaqueInk(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.True(bitmap.GetPixel(1, 1).Alpha < 8, $"{png}: the corner should be see-through (alpha {bitmap.GetPixel(1, 1).Alpha})");
        var opaque = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                opaque += bitmap.GetPixel(x, y).Alpha > 240 ? 1 : 0;
            }
        }
        Assert.InRange(opaque, 100, bitmap.Width * bitmap.Height / 2);
    }

    private static string? AlphaModeTag(string webm)
    {
        var tag = VideoFacts.Run("ffprobe", "-v", "error", "-show_entries", "stream_tags=alpha_mode", "-of", "default=noprint_wrappers=1:nokey=1", webm).Trim();
        return tag.Length == 0 ? null : tag;
    }

    /// <summary>Runs ffmpeg and returns its log (stream descriptions included).</summary>
    private static string Ffmpeg(params string[] arguments)
    {
        var result = ChildProcess.Run("ffmpeg", null, ["-hide_banner", "-y", .. arguments]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Error;
    }
}
