using RegressionRender.Core.Config;
using RegressionRender.Encoding;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Encoding;

/// <summary>Real ffmpeg, checked through ffprobe facts.</summary>
public sealed class VideoOutputTests
{
    [Fact]
    public async Task Render_Writes_Mp4_Gif_And_Png_As_Configured()
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny("\"mp4\", \"gif\", \"png\"").Replace("\"title\": \"Tiny\"", "\"title\": null", StringComparison.Ordinal).Replace("\"output\": { \"formats\"", "\"output\": { \"gif\": { \"width\": 120, \"fps\": 20 }, \"formats\"", StringComparison.Ordinal));
        var outputFolder = Path.Combine(folder.Path, "out");

        var result = await CliRunner.RunAsync("render", config, "-o", outputFolder);

        Assert.True(result.ExitCode == 0, result.Error);
        var mp4 = VideoFacts.Probe(Path.Combine(outputFolder, "tiny.mp4"));
        Assert.Equal(("h264", 160, 120, "yuv420p"), (mp4.Codec, mp4.Width, mp4.Height, mp4.PixelFormat));
        Assert.Equal(2 + 10 + 3, mp4.Frames);
        Assert.Equal(1.5, mp4.Duration, 1);
        Assert.Equal("bt709", mp4.ColorSpace);

        var gif = VideoFacts.Probe(Path.Combine(outputFolder, "tiny.gif"));
        Assert.Equal(("gif", 120, 90), (gif.Codec, gif.Width, gif.Height));
        Assert.Equal(4 + 20 + 6, gif.Frames);
        Assert.Equal(1.5, gif.Duration, 1);

        var png = VideoFacts.Probe(Path.Combine(outputFolder, "tiny.png"));
        Assert.Equal(("png", 160, 120), (png.Codec, png.Width, png.Height));
        Assert.Equal(["tiny.gif", "tiny.mp4", "tiny.png"], TempFolder.FilesIn(outputFolder));
    }

    [Fact]
    public async Task A_Failing_Encoder_Leaves_No_File_And_Keeps_The_Older_Output()
    {
        using var folder = new TempFolder();
        // Writes half a file to its output path, complains and fails, as a crashing ffmpeg would.
        var fakeFfmpeg = FakeFfmpeg.Create(folder, "for a; do case \"$a\" in *.partial) out=\"$a\";; esac; done\nhead -c 1000 /dev/urandom > \"$out\"\necho 'Conversion failed: disk on fire' >&2\nexit 1");
        var outputFolder = Directory.CreateDirectory(folder.File("out")).FullName;
        var older = Path.Combine(outputFolder, "tiny.mp4");
        File.WriteAllBytes(older, [1, 2, 3, 4]);
        var scene = PreparedScene.Load(folder.Write("tiny.json", Scenes.Tiny()));

        var error = await Assert.ThrowsAsync<EncoderException>(() =>
            SceneRenderer.RenderAsync(scene, outputFolder, new EncoderOptions(fakeFfmpeg), null, CancellationToken.None));

        Assert.Contains("tiny.mp4", error.Message);
        Assert.Contains("disk on fire", error.Message);
        Assert.Equal(["tiny.mp4"], TempFolder.FilesIn(outputFolder));
        Assert.Equal([1, 2, 3, 4], File.ReadAllBytes(older));
    }

    [Fact]
    public async Task WarmUp_Spares_The_First_Encode_The_Version_Check()
    {
        using var folder = new TempFolder();
        // The real ffmpeg behind a script that logs every call.
        var real = FfmpegLocator.FindFolder();
        var log = folder.File("calls.log");
        var logging = Directory.CreateDirectory(folder.File("logging")).FullName;
        File.WriteAllText(Path.Combine(logging, "ffmpeg"), $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{real}/ffmpeg' \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(logging, "ffmpeg"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var scene = PreparedScene.Load(folder.Write("tiny.json", Scenes.Tiny("\"mp4\"")));
        var options = new EncoderOptions(logging);

        VideoEncoder.WarmUp(options);
        var outputs = await SceneRenderer.RenderAsync(scene, folder.File("out"), options, null, CancellationToken.None);

        var calls = File.ReadAllLines(log);
        Assert.Single(calls);
        Assert.DoesNotContain("-version", calls[0]);
        Assert.Equal("h264", VideoFacts.Probe(outputs[0].Path).Codec);
    }

    [Fact]
    public async Task A_Cancelled_Render_Leaves_No_File_And_Keeps_The_Older_Output()
    {
        using var folder = new TempFolder();
        var outputFolder = Directory.CreateDirectory(folder.File("out")).FullName;
        var older = Path.Combine(outputFolder, "long.mp4");
        File.WriteAllBytes(older, [9, 9, 9]);
        var json = Scenes.Tiny().Replace("\"duration\": 1, \"fps\": 10", "\"duration\": 120, \"fps\": 30", StringComparison.Ordinal)
            .Replace("\"width\": 160, \"height\": 120", "\"width\": 640, \"height\": 360", StringComparison.Ordinal);
        var scene = PreparedScene.Load(folder.Write("long.json", json));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done >= 20)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SceneRenderer.RenderAsync(scene, outputFolder, new EncoderOptions(), progress, cancel.Token));

        Assert.Equal(["long.mp4"], TempFolder.FilesIn(outputFolder));
        Assert.Equal([9, 9, 9], File.ReadAllBytes(older));
    }

    [Fact]
    public async Task Odd_Sizes_Are_Refused_Before_Ffmpeg_Starts()
    {
        using var folder = new TempFolder();
        var source = new SolidFrames(161, 120);
        var error = await Assert.ThrowsAsync<EncoderException>(() =>
            VideoEncoder.EncodeMp4Async(source, new Mp4Settings(23, "ultrafast"), folder.File("odd.mp4"), new EncoderOptions(), null, CancellationToken.None));
        Assert.Contains("even width and height", error.Message);
        Assert.Empty(TempFolder.FilesIn(folder.Path));
    }

    private sealed class SynchronousProgress(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => report(value);
    }

    [Fact]
    public async Task A_Gif_Comes_Out_Byte_Identical_Across_Runs_And_Reports_Its_Frames()
    {
        using var folder = new TempFolder();
        var source = new MovingFrames(96, 64, 40);
        var progress = new List<int>();

        await VideoEncoder.EncodeGifAsync(source, new GifSettings(Loop: true), folder.File("one.gif"), new EncoderOptions(), null, CancellationToken.None);
        await VideoEncoder.EncodeGifAsync(source, new GifSettings(Loop: true), folder.File("two.gif"), new EncoderOptions(), new SynchronousIntProgress(progress.Add), CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(folder.File("one.gif")), File.ReadAllBytes(folder.File("two.gif")));
        Assert.Equal(40, VideoFacts.Probe(folder.File("two.gif")).Frames);
        Assert.Equal(["one.gif", "two.gif"], TempFolder.FilesIn(folder.Path));
        Assert.Equal(40, progress[^1]);
        Assert.True(progress.SequenceEqual(progress.Order()), "progress only goes forward");
    }

    private sealed class SynchronousIntProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>A bright square moving over a gradient: frames that differ, with more colours than a GIF holds.</summary>
    private sealed class MovingFrames(int width, int height, int count) : IFrameSource
    {
        public int Width => width;

        public int Height => height;

        public int Fps => 20;

        public int FrameCount => count;

        public bool HasAlpha => false;

        public void Render(int index, Span<byte> pixels)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var i = ((y * width) + x) * 4;
                    var inSquare = x >= index * 2 && x < (index * 2) + 12 && y >= 20 && y < 32;
                    pixels[i] = (byte)(inSquare ? 30 : x * 255 / width);
                    pixels[i + 1] = (byte)(inSquare ? 200 : y * 255 / height);
                    pixels[i + 2] = (byte)(inSquare ? 250 : 128);
                    pixels[i + 3] = 255;
                }
            }
        }
    }

    private sealed class SolidFrames(int width, int height) : IFrameSource
    {
        public int Width => width;

        public int Height => height;

        public int Fps => 10;

        public int FrameCount => 5;

        public bool HasAlpha => false;

        public void Render(int index, Span<byte> pixels) => pixels.Fill(128);
    }
}

/// <summary>WebVTT captions beside the MP4 play in ffmpeg.</summary>
public sealed class CaptionTests
{
    [Fact]
    public async Task Captions_Follow_The_Readouts_And_Mux_With_The_Video()
    {
        using var folder = new TempFolder();
        var output = folder.File("out");
        var result = await CliRunner.RunAsync("render", Repo.Path_("examples", "seed.json"), "-o", output, "--format", "mp4", "--format", "vtt", "--size", "320x320", "--fps", "10");
        Assert.True(result.ExitCode == 0, result.Error);
        var vtt = File.ReadAllText(Path.Combine(output, "seed.vtt"));
        Assert.StartsWith("WEBVTT", vtt);
        // What the frames' readouts say (one builder), R² included; a frame may put the step on a line of its own, and
        // ends with the legend of its marks (the faint start), which a caption has no picture for.
        var first = await CliRunner.RunAsync("layout", Repo.Path_("examples", "seed.json"), "--frame", "0", "--json");
        var readout = System.Text.Json.JsonDocument.Parse(first.Output).RootElement.GetProperty("texts").EnumerateArray()
            .Single(t => t.GetProperty("role").GetString() == "readout").GetProperty("text").GetString()!;
        Assert.EndsWith("\nstart", readout, StringComparison.Ordinal);
        readout = readout[..^"\nstart".Length];
        Assert.Contains($"00:00:00.000 --> 00:00:01.000\n{readout.Replace("\nstep ", "  ·  step ", StringComparison.Ordinal)}\n\n", vtt);
        Assert.Contains("epoch 0 / 1000  ·  step 0 / 9000\ny = 0.010x + 0.0100\nMSE = 77.191    R² = ", vtt);
        Assert.Contains("epoch 1000 / 1000  ·  step 9000 / 9000\ny = 1.073x − 0.0024\nMSE = 3.2559    R² = 0.", vtt);
        Assert.EndsWith("\n\n", vtt);
        var muxed = Path.Combine(output, "captioned.mp4");
        VideoFacts.Run("ffmpeg", "-v", "error", "-i", Path.Combine(output, "seed.mp4"), "-i", Path.Combine(output, "seed.vtt"), "-map", "0", "-map", "1", "-c:v", "copy", "-c:s", "mov_text", muxed);
        var streams = VideoFacts.Run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", muxed);
        Assert.Equal(["video", "subtitle"], streams.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
    }
}
