using System.Runtime.InteropServices;
using RegressionRender.Encoding;
using RegressionRender.Tests.Support;
using SkiaSharp;

namespace RegressionRender.Tests.Encoding;

/// <summary>
/// The GIF writer, read back by an independent decoder (Skia's): every frame as shown equals the source frame with
/// each pixel at its nearest palette entry; only changed rectangles are written; held frames merge; delays sum exactly.
/// </summary>
public sealed class GifWriterTests
{
    /// <summary>Frames from a function of (frame, x, y) → 0xRRGGBB.</summary>
    private sealed class Frames(int width, int height, int count, int fps, Func<int, int, int, int> colour) : IFrameSource
    {
        public int Width => width;

        public int Height => height;

        public int Fps => fps;

        public int FrameCount => count;

        public bool HasAlpha => false;

        public void Render(int index, Span<byte> pixels)
        {
            var words = MemoryMarshal.Cast<byte, uint>(pixels);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    words[(y * width) + x] = 0xFF000000u | (uint)colour(index, x, y);
                }
            }
        }
    }

    /// <summary>A moving red line over a white plot with a fade; frames 0–9 and 30–39 are held (no motion).</summary>
    private static Frames Plot(int fps = 20) => new(96, 64, 40, fps, (f, x, y) =>
    {
        var t = Math.Clamp(f, 10, 30) - 10;
        if (y == 10 + t)
        {
            return 0xD62728;
        }
        if (y >= 50)
        {
            var s = x / 95.0;
            return ((int)(214 + (s * 41)) << 16) | ((int)(39 + (s * 216)) << 8) | (int)(40 + (s * 215));
        }
        return x < 20 && y < 6 ? 0x1F2328 : 0xFFFFFF;
    });

    private sealed record Decoded(uint[] Pixels, int DurationMs, SKRectI Rect);

    private static List<Decoded> Decode(string path, out int repetitions)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidOperationException($"Skia cannot read {path}");
        repetitions = codec.RepetitionCount;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Bgra8888, SKAlphaType.Unpremul);
        var frames = new List<Decoded>();
        for (var i = 0; i < codec.FrameCount; i++)
        {
            var pixels = new uint[info.Width * info.Height];
            var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
            try
            {
                Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, handle.AddrOfPinnedObject(), new SKCodecOptions(i)));
            }
            finally
            {
                handle.Free();
            }
            codec.GetFrameInfo(i, out var frame);
            frames.Add(new Decoded(pixels, frame.Duration, frame.FrameRect));
        }
        return frames;
    }

    private static async Task<string> WriteAsync(TempFolder folder, IFrameSource source, GifSettings settings)
    {
        var path = folder.File("w.gif");
        await VideoEncoder.EncodeGifAsync(source, settings, path, new EncoderOptions(), null, CancellationToken.None);
        return path;
    }

    /// <summary>Every source frame, at the time it starts, against the GIF frame shown then: each pixel is an entry nearest to the source colour.</summary>
    private static void AssertShowsEverySourceFrame(IFrameSource source, List<Decoded> gif, int[] palette)
    {
        var starts = new List<int> { 0 };
        foreach (var frame in gif)
        {
            starts.Add(starts[^1] + frame.DurationMs);
        }
        var pixels = new byte[source.Width * source.Height * 4];
        for (var i = 0; i < source.FrameCount; i++)
        {
            source.Render(i, pixels);
            var at = (int)Math.Round(i * 100.0 / source.Fps, MidpointRounding.AwayFromZero) * 10;
            var shown = gif[starts.FindLastIndex(s => s <= at)].Pixels;
            var words = MemoryMarshal.Cast<byte, uint>(pixels);
            for (var p = 0; p < words.Length; p++)
            {
                var (want, got) = ((int)(words[p] & 0xFFFFFF), (int)(shown[p] & 0xFFFFFF));
                Assert.True(palette.Contains(got), $"frame {i}, pixel {p}: {got:X6} is not in the palette");
                Assert.True(Distance(want, got) == palette.Min(e => Distance(want, e)), $"frame {i}, pixel {p}: shows {got:X6} for {want:X6}, not the nearest entry");
            }
        }
    }

    private static int Distance(int a, int b)
    {
        var (r, g, bl) = (((a >> 16) & 0xFF) - ((b >> 16) & 0xFF), ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF), (a & 0xFF) - (b & 0xFF));
        return (r * r) + (g * g) + (bl * bl);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(null)]
    public async Task Every_Frame_Reads_Back_As_The_Source_At_Its_Nearest_Palette_Entries(int? colors)
    {
        using var folder = new TempFolder();
        var source = Plot();
        var path = await WriteAsync(folder, source, new GifSettings(Loop: true, colors));

        var gif = Decode(path, out var repetitions);

        Assert.Equal(-1, repetitions); // forever
        AssertShowsEverySourceFrame(source, gif, GifPalette.Build(source, colors, CancellationToken.None));
    }

    [Fact]
    public async Task Held_Frames_Merge_Into_One_Longer_Frame_And_Only_The_Changed_Rectangle_Is_Written()
    {
        using var folder = new TempFolder();
        var path = await WriteAsync(folder, Plot(), new GifSettings(Loop: false));

        var gif = Decode(path, out _);

        // Played once: no loop extension (decoders differ on what they report for its absence; browsers play once).
        Assert.Equal(-1, File.ReadAllBytes(path).AsSpan().IndexOf("NETSCAPE2.0"u8));
        // Frame 0 holds through frame 10 (the line starts moving at 11), 11–29 move, 30 is the last change and holds to the end.
        Assert.Equal(1 + 20, gif.Count);
        Assert.Equal(550, gif[0].DurationMs);
        Assert.Equal(500, gif[^1].DurationMs);
        Assert.Equal(2000, gif.Sum(f => f.DurationMs));
        Assert.Equal(new SKRectI(0, 0, 96, 64), gif[0].Rect);
        // The line moves down one row a frame: the rows it leaves and enters, the full width.
        Assert.All(gif.Skip(1), f => Assert.Equal((96, 2), (f.Rect.Width, f.Rect.Height)));
    }

    [Fact]
    public async Task Noise_Over_Many_Colours_Survives_The_Code_Table_Filling_Up()
    {
        // 255 colours in random order: thousands of LZW codes per frame, so the table fills and restarts many times.
        using var folder = new TempFolder();
        var colours = Enumerable.Range(0, 255).Select(i => (i * 0x010305 * 7) & 0xFFFFFF).Distinct().ToArray();
        var random = new Random(5);
        var noise = Enumerable.Range(0, 3 * 200 * 150).Select(_ => colours[random.Next(colours.Length)]).ToArray();
        var source = new Frames(200, 150, 3, 10, (f, x, y) => noise[(f * 200 * 150) + (y * 200) + x]);
        var path = await WriteAsync(folder, source, new GifSettings(Loop: true, 255));

        var gif = Decode(path, out _);

        var palette = GifPalette.Build(source, 255, CancellationToken.None);
        Assert.Equal(colours.Order(), palette.Order());
        AssertShowsEverySourceFrame(source, gif, palette);
    }
}
