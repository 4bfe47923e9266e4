namespace RegressionRender.Encoding;

/// <summary>H.264 settings.</summary>
/// <param name="Crf">Constant rate factor, 0–51.</param>
/// <param name="Preset">x264 preset.</param>
public sealed record Mp4Settings(int Crf, string Preset);

/// <summary>GIF settings.</summary>
/// <param name="Loop">Loop forever, or play once.</param>
/// <param name="SinglePassBytes">
/// Largest video (frames × width × height × 4 bytes) encoded in one ffmpeg run, which holds every frame in memory
/// until the palette is known; longer ones take two runs (palette, then frames) with flat memory.
/// </param>
public sealed record GifSettings(bool Loop, long SinglePassBytes = GifSettings.DefaultSinglePassBytes)
{
    /// <summary>256 MB: a 640×360 GIF of 290 frames (14.5 s at 20 fps).</summary>
    public const long DefaultSinglePassBytes = 256L << 20;
}

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
    /// GIF: a palette from the frames (stats_mode=diff favours what moves), then paletteuse with bayer dithering and
    /// rectangle diffs — twice as fast as the defaults at similar quality on flat plots. Short videos do both in
    /// one ffmpeg run (which holds every frame until the palette is known); longer ones draw the frames twice, for
    /// a palette run and an encoding run, so that memory stays flat however long the video.
    /// </summary>
    public static async Task EncodeGifAsync(IFrameSource source, GifSettings settings, string target, EncoderOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        const string Use = "paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle";
        var loop = $"-loop {(settings.Loop ? 0 : -1)} -f gif";
        if ((long)source.Width * source.Height * 4 * source.FrameCount <= settings.SinglePassBytes)
        {
            await EncodeAsync(source, target, $"-filter_complex split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]{Use} {loop}", options, progress, cancellationToken);
            return;
        }
        using var output = new AtomicOutput(target);
        // Never committed: the palette lives beside the output under a temporary name and is deleted at the end.
        using var palette = new AtomicOutput(Path.Combine(output.Folder, "palette.png"));
        await FfmpegRun.RunAsync(source, PipeFormat.Bgra, output.Folder, palette.TempFileName, "-vf palettegen=stats_mode=diff -c:v png -f image2", null, target, options, new Halves(progress, 0), cancellationToken);
        await FfmpegRun.RunAsync(source, PipeFormat.Bgra, output.Folder, output.TempFileName, $"-filter_complex [0:v][1:v]{Use} {loop}", palette.TempFileName, target, options, new Halves(progress, source.FrameCount), cancellationToken);
        output.Commit();
    }

    /// <summary>Progress of a two-run encode: each run's frames count half.</summary>
    private sealed class Halves(IProgress<int>? progress, int offset) : IProgress<int>
    {
        public void Report(int value) => progress?.Report((offset + value) / 2);
    }

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
        await FfmpegRun.RunAsync(source, format, folder ? output.TempPath : output.Folder, folder ? "%06d.png" : output.TempFileName, arguments, null, target, options, progress, cancellationToken);
        output.Commit();
    }

    /// <summary>
    /// Spares the first encode FFMpegCore's one-time check of the ffmpeg binary (it runs <c>ffmpeg -version</c>, about
    /// 0.1 s, before starting the encode). Problems are left for the encode to report.
    /// </summary>
    public static void WarmUp(EncoderOptions options) => FfmpegRun.WarmUp(options);
}
