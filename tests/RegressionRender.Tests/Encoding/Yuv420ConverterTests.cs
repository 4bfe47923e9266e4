using CsCheck;
using RegressionRender.Encoding;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Encoding;

/// <summary>Our BGRA → YUV 4:2:0 (BT.709, tv range) conversion: known colours, SIMD = scalar, and ffmpeg agrees.</summary>
public sealed class Yuv420ConverterTests
{
    [Theory]
    [InlineData(255, 255, 255, 235, 128, 128)]
    [InlineData(0, 0, 0, 16, 128, 128)]
    [InlineData(128, 128, 128, 126, 128, 128)]
    [InlineData(255, 0, 0, 63, 102, 240)]
    [InlineData(0, 255, 0, 173, 42, 26)]
    [InlineData(0, 0, 255, 32, 240, 118)]
    public void Flat_Colours_Give_The_Bt709_Tv_Range_Values(byte r, byte g, byte b, int y, int u, int v)
    {
        const int width = 34, height = 6; // two SIMD blocks and a scalar tail
        var bgra = Enumerable.Range(0, width * height).SelectMany(_ => new[] { b, g, r, (byte)255 }).ToArray();
        var yuv = new byte[Yuv420Converter.FrameBytes(width, height)];

        Yuv420Converter.Convert(bgra, yuv, width, height);

        Assert.All(yuv[..(width * height)], value => Assert.Equal(y, value));
        Assert.All(yuv.AsSpan(width * height, width * height / 4).ToArray(), value => Assert.Equal(u, value));
        Assert.All(yuv.AsSpan(width * height * 5 / 4).ToArray(), value => Assert.Equal(v, value));
    }

    [Fact]
    public void Simd_And_Scalar_Give_Identical_Bytes_On_Random_Frames()
    {
        var frames = from width in Gen.Int[1, 40].Select(w => w * 2)
                     from height in Gen.Int[1, 6].Select(h => h * 2)
                     from pixels in Gen.Byte.Array[width * height * 4]
                     select (width, height, pixels);
        frames.Sample(frame =>
        {
            var simd = new byte[Yuv420Converter.FrameBytes(frame.width, frame.height)];
            var scalar = new byte[simd.Length];
            Yuv420Converter.Convert(frame.pixels, simd, frame.width, frame.height, simd: true);
            Yuv420Converter.Convert(frame.pixels, scalar, frame.width, frame.height, simd: false);
            Assert.Equal(scalar, simd);
        }, iter: 300);
    }

    [Fact]
    public void Ffmpeg_Converting_The_Same_Frame_With_An_Area_Filter_Gives_The_Same_Bytes()
    {
        var random = new Random(7);
        const int width = 64, height = 32;
        var bgra = new byte[width * height * 4];
        random.NextBytes(bgra);
        for (var i = 3; i < bgra.Length; i += 4)
        {
            bgra[i] = 255;
        }
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("in.bgra"), bgra);
        // swscale's "area" filter averages each 2×2 block for chroma, as we do; its default bicubic filter rings by ±2.
        VideoFacts.Run("ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "bgra", "-s", $"{width}x{height}", "-i", folder.File("in.bgra"),
            "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=area+accurate_rnd+full_chroma_int,format=yuv420p", "-f", "rawvideo", folder.File("out.yuv"));
        var expected = File.ReadAllBytes(folder.File("out.yuv"));
        var ours = new byte[Yuv420Converter.FrameBytes(width, height)];

        Yuv420Converter.Convert(bgra, ours, width, height);

        var differing = Enumerable.Range(0, ours.Length).Count(i => ours[i] != expected[i]);
        var worst = Enumerable.Range(0, ours.Length).Max(i => Math.Abs(ours[i] - expected[i]));
        Assert.True(worst <= 1 && differing < ours.Length / 100, $"{differing} of {ours.Length} bytes differ, by up to {worst}");
    }
}
