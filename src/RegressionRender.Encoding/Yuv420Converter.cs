using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RegressionRender.Encoding;

/// <summary>
/// BGRA8888 → planar YUV 4:2:0, BT.709, limited ("tv") range — what x264 encodes. Converting here sends ffmpeg
/// 2.7× fewer bytes and takes its single-threaded colour conversion off its critical path. Y per pixel; U and V
/// from the mean of each 2×2 block. Fixed point at 2¹⁶, SIMD over 16 pixels at a time (Vector256 where the CPU
/// has it, the same arithmetic in scalar code for the rest), so both paths give identical bytes.
/// </summary>
public static class Yuv420Converter
{
    // BT.709 limited range, ×65536: Y = 16 + 0.18259 R + 0.61423 G + 0.06201 B; Cb and Cr rows sum to 0 so
    // that greys have no colour.
    private const int YR = 11966, YG = 40254, YB = 4064;
    private const int UR = -6596, UG = -22189, UB = 28785;
    private const int VR = 28785, VG = -26145, VB = -2640;
    private const int YOffset = (16 << 16) + (1 << 15);
    private const int ChromaOffset = (128 << 18) + (1 << 17);

    /// <summary>Bytes of one YUV 4:2:0 frame of an even <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static int FrameBytes(int width, int height) => (width * height) + (2 * (width / 2) * (height / 2));

    /// <summary>Converts one opaque BGRA frame (alpha ignored) into <paramref name="yuv"/>: the Y plane, then U, then V.</summary>
    public static void Convert(ReadOnlySpan<byte> bgra, Span<byte> yuv, int width, int height) =>
        Convert(bgra, yuv, width, height, Vector256.IsHardwareAccelerated);

    /// <summary>As <see cref="Convert(ReadOnlySpan{byte}, Span{byte}, int, int)"/>; <paramref name="simd"/> = false forces the scalar path (tests).</summary>
    // Vector256 code is not precompiled (ReadyToRun targets a baseline CPU): optimize it on first call instead of
    // running it unoptimized for the first frames (measured: the tier-0 helpers cost a render ~0.3 s of CPU).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Convert(ReadOnlySpan<byte> bgra, Span<byte> yuv, int width, int height, bool simd)
    {
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentException($"4:2:0 needs an even width and height (got {width}×{height})");
        }
        if (bgra.Length < width * height * 4 || yuv.Length < FrameBytes(width, height))
        {
            throw new ArgumentException("a buffer is too small for the frame");
        }
        var pixels = MemoryMarshal.Cast<byte, uint>(bgra);
        var yPlane = yuv[..(width * height)];
        var chroma = (width / 2) * (height / 2);
        var uPlane = yuv.Slice(width * height, chroma);
        var vPlane = yuv.Slice((width * height) + chroma, chroma);
        var simdWidth = simd ? width / 16 * 16 : 0;
        for (var row = 0; row < height; row += 2)
        {
            var top = pixels.Slice(row * width, width);
            var bottom = pixels.Slice((row + 1) * width, width);
            var yTop = yPlane.Slice(row * width, width);
            var yBottom = yPlane.Slice((row + 1) * width, width);
            var u = uPlane.Slice(row / 2 * (width / 2), width / 2);
            var v = vPlane.Slice(row / 2 * (width / 2), width / 2);
            for (var x = 0; x < simdWidth; x += 16)
            {
                Block16(top.Slice(x, 16), bottom.Slice(x, 16), yTop.Slice(x, 16), yBottom.Slice(x, 16), u.Slice(x / 2, 8), v.Slice(x / 2, 8));
            }
            for (var x = simdWidth; x < width; x += 2)
            {
                Block2(top.Slice(x, 2), bottom.Slice(x, 2), yTop.Slice(x, 2), yBottom.Slice(x, 2), ref u[x / 2], ref v[x / 2]);
            }
        }
    }

    /// <summary>16 columns of two rows: 32 Y values, 8 U and 8 V.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block16(ReadOnlySpan<uint> top, ReadOnlySpan<uint> bottom, Span<byte> yTop, Span<byte> yBottom, Span<byte> u, Span<byte> v)
    {
        var t0 = Vector256.Create(top[..8]);
        var t1 = Vector256.Create(top.Slice(8, 8));
        var b0 = Vector256.Create(bottom[..8]);
        var b1 = Vector256.Create(bottom.Slice(8, 8));
        Luma(t0, t1).CopyTo(yTop);
        Luma(b0, b1).CopyTo(yBottom);
        // Per channel: the two rows added, then neighbouring columns added (the two 32-bit halves of each 64-bit lane).
        var (r0, g0, bl0) = PairSums(t0, b0);
        var (r1, g1, bl1) = PairSums(t1, b1);
        var r = Vector256.Narrow(r0, r1).AsInt32();
        var g = Vector256.Narrow(g0, g1).AsInt32();
        var b = Vector256.Narrow(bl0, bl1).AsInt32();
        ToBytes((r * UR) + (g * UG) + (b * UB) + Vector256.Create(ChromaOffset), 18).CopyTo(u);
        ToBytes((r * VR) + (g * VG) + (b * VB) + Vector256.Create(ChromaOffset), 18).CopyTo(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Luma(Vector256<uint> p0, Vector256<uint> p1)
    {
        var y0 = Weigh(p0, YR, YG, YB) + Vector256.Create(YOffset);
        var y1 = Weigh(p1, YR, YG, YB) + Vector256.Create(YOffset);
        var words = Vector256.Narrow(Vector256.ShiftRightArithmetic(y0, 16), Vector256.ShiftRightArithmetic(y1, 16));
        var bytes = Vector256.Narrow(words.AsUInt16(), words.AsUInt16());
        return bytes.GetLower();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Weigh(Vector256<uint> pixels, int r, int g, int b)
    {
        var mask = Vector256.Create(0xFFu);
        var blue = (pixels & mask).AsInt32();
        var green = ((pixels >> 8) & mask).AsInt32();
        var red = ((pixels >> 16) & mask).AsInt32();
        return (red * r) + (green * g) + (blue * b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<ulong> R, Vector256<ulong> G, Vector256<ulong> B) PairSums(Vector256<uint> top, Vector256<uint> bottom)
    {
        var mask = Vector256.Create(0xFFu);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector256<ulong> Pairs(Vector256<uint> sums)
        {
            var wide = sums.AsUInt64();
            return (wide & Vector256.Create(0xFFFFFFFFul)) + (wide >> 32);
        }
        return (
            Pairs(((top >> 16) & mask) + ((bottom >> 16) & mask)),
            Pairs(((top >> 8) & mask) + ((bottom >> 8) & mask)),
            Pairs((top & mask) + (bottom & mask)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector64<byte> ToBytes(Vector256<int> values, int shift)
    {
        var shifted = Vector256.Max(Vector256.ShiftRightArithmetic(values, shift), Vector256<int>.Zero);
        var words = Vector256.Narrow(shifted, shifted);
        var bytes = Vector256.Narrow(words.AsUInt16(), words.AsUInt16());
        return bytes.GetLower().GetLower();
    }

    /// <summary>The scalar path: the same fixed-point arithmetic for one 2×2 block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block2(ReadOnlySpan<uint> top, ReadOnlySpan<uint> bottom, Span<byte> yTop, Span<byte> yBottom, ref byte u, ref byte v)
    {
        int r = 0, g = 0, b = 0;
        for (var i = 0; i < 2; i++)
        {
            yTop[i] = Luma(top[i]);
            yBottom[i] = Luma(bottom[i]);
            foreach (var p in (ReadOnlySpan<uint>)[top[i], bottom[i]])
            {
                r += (int)((p >> 16) & 0xFF);
                g += (int)((p >> 8) & 0xFF);
                b += (int)(p & 0xFF);
            }
        }
        u = (byte)Math.Max(0, ((r * UR) + (g * UG) + (b * UB) + ChromaOffset) >> 18);
        v = (byte)Math.Max(0, ((r * VR) + (g * VG) + (b * VB) + ChromaOffset) >> 18);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Luma(uint p) =>
        (byte)((((int)((p >> 16) & 0xFF) * YR) + ((int)((p >> 8) & 0xFF) * YG) + ((int)(p & 0xFF) * YB) + YOffset) >> 16);
}
