namespace RegressionRender.Encoding;

/// <summary>H.264 settings.</summary>
/// <param name="Crf">Constant rate factor, 0–51.</param>
/// <param name="Preset">x264 preset.</param>
public sealed record Mp4Settings(int Crf, string Preset);

/// <summary>GIF settings.</summary>
/// <param name="Loop">Loop forever, or play once.</param>
/// <param name="Colors">
/// Palette entries (2–255); null = the fewest that keep the scene's colours within
/// <see cref="GifPalette.TargetPsnr"/> (on the seed 96 or fewer, on a scene with a colour surface up to 255).
/// </param>
/// <param name="Seconds">
/// The length the frame delays add up to, to the centisecond: the video's own length, which a whole number of frames
/// at the GIF's rate may miss by part of a frame; null = <see cref="IFrameSource.FrameCount"/> / <see cref="IFrameSource.Fps"/>.
/// </param>
public sealed record GifSettings(bool Loop, int? Colors = null, double? Seconds = null);

/// <summary>VP9 settings.</summary>
/// <param name="Crf">Constant quality, 0–63 (lower is better).</param>
public sealed record WebmSettings(int Crf);

/// <summary>How to run ffmpeg.</summary>
/// <param name="FfmpegFolder">Folder holding ffmpeg; null = REGRENDER_FFMPEG_DIR, then PATH.</param>
/// <param name="QueueDepth">Frames drawn ahead of the encoder.</param>
public sealed record EncoderOptions(string? FfmpegFolder = null, int QueueDepth = 4);

/// <summary>Streams frames to an ffmpeg process and writes MP4, GIF, WebM or a PNG folder atomically.</summary>
public static class VideoEncoder
{
    /// <summary>
    /// H.264 in MP4: the frames are converted here to YUV 4:2:0 with the BT.709 matrix (players assume 709 for
    /// HD; ffmpeg would convert untagged bgra with the 601 matrix and shift colours) and tagged BT.709, tv range;
    /// <c>+faststart</c> so that it plays while downloading. Converting here instead of in ffmpeg sends 2.7× fewer
    /// bytes through the pipe and takes swscale's single-threaded conversion off the encoder's critical path.
    /// </summary>
    public static Task EncodeMp4Async(IFrameSource source, Mp4Settings settings, string target, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (source.Width % 2 != 0 || source.Height % 2 != 0)
        {
            throw new EncoderException($"{target}: H.264 needs an even width and height (got {source.Width}×{source.Height})");
        }
        var arguments = FormattableString.Invariant(
            $"-c:v libx264 -preset {settings.Preset} -crf {settings.Crf} -pix_fmt yuv420p -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv -movflags +faststart -f mp4");
        return EncodeAsync(source, target, arguments, options, progress, cancellationToken, PipeFormat.Yuv420p);
    }

    /// <summary>
    /// GIF made for plots: a palette of the scene's own colours (<see cref="GifPalette"/>: exact theme colours, then
    /// their blends, counted over frames spread through the video; as few as keep them faithful), no dithering (plots
    /// are flat; dithering costs bytes and fidelity), each frame only the rectangle that changed with its unchanged
    /// pixels transparent, and held frames merged into one longer frame (<see cref="GifWriter"/>). Written here, not by
    /// ffmpeg: see <see cref="GifWriter"/> for why. The frames are drawn once for the palette's sample and once for the
    /// encode, so memory stays flat however long the video.
    /// </summary>
    public static async Task EncodeGifAsync(IFrameSource source, GifSettings settings, string target, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var output = new AtomicOutput(target);
        await WriteGifAsync(source, settings, output, options, progress, cancellationToken);
        output.Commit();
    }

    /// <summary>Encodes a GIF (see <see cref="EncodeGifAsync"/>) into <paramref name="output"/>'s temporary file, without committing it; returns the colours it used.</summary>
    public static async Task<int> WriteGifAsync(IFrameSource source, GifSettings settings, AtomicOutput output, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var palette = GifPalette.Build(source, settings.Colors, cancellationToken);
        try
        {
            using var file = new FileStream(output.TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new GifWriter(file, source.Width, source.Height, palette, settings.Loop);
            await using var pump = new FramePump(source, PipeFormat.Bgra, options.QueueDepth, cancellationToken);
            // Frame i starts at i / count of the length, rounded to a centisecond: the delays sum to the length exactly.
            var length = settings.Seconds is { } seconds ? (long)Math.Round(seconds * 100, MidpointRounding.AwayFromZero) : Centiseconds(source.FrameCount, source.Fps);
            long Start(int frame) => (long)Math.Round((double)frame * length / source.FrameCount, MidpointRounding.AwayFromZero);
            var written = 0;
            await foreach (var buffer in pump.Frames.ReadAllAsync(cancellationToken))
            {
                writer.Add(buffer.AsSpan(0, pump.FrameBytes), (int)(Start(written + 1) - Start(written)));
                pump.Return(buffer);
                written++;
                progress?.Report(written);
            }
            writer.Finish();
        }
        catch (IOException e) when (e.HResult == DiskFullErrno || e.Message.Contains("No space left on device", StringComparison.Ordinal))
        {
            throw EncoderException.DiskFull(output.Target, "No space left on device", e);
        }
        return palette.Length;
    }

    /// <summary>ENOSPC, which .NET reports as the IOException's HResult on Linux.</summary>
    private const int DiskFullErrno = 28;

    /// <summary>The start of frame <paramref name="frame"/> in whole centiseconds.</summary>
    private static long Centiseconds(int frame, int fps) => (long)Math.Round(frame * 100.0 / fps, MidpointRounding.AwayFromZero);

    /// <summary>
    /// VP9 in WebM, BT.709 like the MP4; a source with alpha keeps it (yuva420p, for compositing in editors).
    /// The realtime deadline is 5× faster than "good" on flat plots at a similar size.
    /// </summary>
    public static Task EncodeWebmAsync(IFrameSource source, WebmSettings settings, string target, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (source.Width % 2 != 0 || source.Height % 2 != 0)
        {
            throw new EncoderException($"{target}: VP9 needs an even width and height (got {source.Width}×{source.Height})");
        }
        var format = source.HasAlpha ? "yuva420p" : "yuv420p";
        var arguments = FormattableString.Invariant(
            $"-vf scale=out_color_matrix=bt709:out_range=tv,format={format} -c:v libvpx-vp9 -crf {settings.Crf} -b:v 0 -deadline realtime -cpu-used 6 -row-mt 1 -tile-columns 2 -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv -f webm");
        return EncodeAsync(source, target, arguments, options, progress, cancellationToken);
    }

    /// <summary>Every frame as a PNG (RGBA when the source has alpha) in the folder <paramref name="target"/>: 000000.png, 000001.png, ….</summary>
    public static Task EncodeFramesAsync(IFrameSource source, string target, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var arguments = $"-pix_fmt {(source.HasAlpha ? "rgba" : "rgb24")} -start_number 0 -f image2";
        return EncodeAsync(source, target, arguments, options, progress, cancellationToken, folder: true);
    }

    private static async Task EncodeAsync(IFrameSource source, string target, string arguments, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken, PipeFormat format = PipeFormat.Bgra, bool folder = false)
    {
        using var output = new AtomicOutput(target, folder);
        await FfmpegRun.RunAsync(source, format, folder ? output.TempPath : output.Folder, folder ? "%06d.png" : output.TempFileName, arguments, target, options, progress, cancellationToken);
        Verify(output, source.FrameCount);
        output.Commit();
    }

    /// <summary>
    /// Refuses to commit what ffmpeg wrote unless it is the kind of output asked for: an MP4 box, a WebM (EBML) header,
    /// a PNG per frame. An encoder that exits 0 with garbage must never replace a good output or be cached.
    /// </summary>
    private static void Verify(AtomicOutput output, int frameCount)
    {
        var extension = Path.GetExtension(output.Target).ToLowerInvariant();
        if (Directory.Exists(output.TempPath))
        {
            var written = Directory.GetFiles(output.TempPath, "*.png").Length;
            if (written != frameCount || (written > 0 && !Starts(Path.Combine(output.TempPath, "000000.png"), 0, [0x89, 0x50, 0x4E, 0x47])))
            {
                throw new EncoderException($"{output.Target}: ffmpeg reported success but wrote {written} PNG frames of {frameCount}");
            }
            return;
        }
        var (offset, magic, kind) = extension switch
        {
            ".mp4" => (4, "ftyp"u8.ToArray(), "an MP4 file"),
            ".webm" => (0, new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }, "a WebM file"),
            _ => (0, Array.Empty<byte>(), ""),
        };
        if (!Starts(output.TempPath, offset, magic))
        {
            throw new EncoderException($"{output.Target}: ffmpeg reported success but what it wrote is not {kind}");
        }
        // An MP4 cut short (its end never written) has no index: it starts right but does not play.
        if (extension == ".mp4" && !HasWholeBox(output.TempPath, "moov"))
        {
            throw new EncoderException($"{output.Target}: ffmpeg reported success but the MP4 is incomplete (it has no index, the 'moov' box)");
        }
    }

    /// <summary>True when the MP4 at <paramref name="path"/> has a top-level box of <paramref name="type"/> that ends within the file.</summary>
    private static bool HasWholeBox(string path, string type)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        var (at, length) = (0L, file.Length);
        while (at + 8 <= length)
        {
            file.Position = at;
            if (file.ReadAtLeast(header[..8], 8, throwOnEndOfStream: false) < 8)
            {
                return false;
            }
            long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1 && file.ReadAtLeast(header[8..16], 8, throwOnEndOfStream: false) == 8)
            {
                size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
            }
            else if (size == 0)
            {
                size = length - at;
            }
            if (size < 8)
            {
                return false;
            }
            if (System.Text.Encoding.ASCII.GetString(header.Slice(4, 4)) == type)
            {
                return at + size <= length;
            }
            at += size;
        }
        return false;
    }

    private static bool Starts(string path, int offset, byte[] magic)
    {
        var head = new byte[offset + magic.Length];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan(offset).SequenceEqual(magic);
    }

    /// <summary>
    /// Spares the first encode FFMpegCore's one-time check of the ffmpeg binary (it runs <c>ffmpeg -version</c>, about
    /// 0.1 s, before starting the encode). Problems are left for the encode to report.
    /// </summary>
    public static void WarmUp(EncoderOptions options) => FfmpegRun.WarmUp(options);
}
