using System.Collections.Concurrent;
using System.Reflection;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace RegressionRender.Encoding;

/// <summary>
/// One ffmpeg process fed from a <see cref="FramePump"/>: its errors turned into one clear line (a full disk, an
/// interruption, or ffmpeg's last words), and its cancellation kept from throwing into the caller.
/// </summary>
internal static class FfmpegRun
{
    /// <summary>
    /// One ffmpeg run over every frame of <paramref name="source"/>. ffmpeg runs in <paramref name="workingFolder"/>
    /// and reads and writes plain temporary names there: paths with quotes or spaces never have to survive
    /// FFMpegCore's joining of arguments into one string. An ffmpeg that exits "successfully" before reading every
    /// frame fails the run: its output cannot be the video.
    /// </summary>
    public static async Task RunAsync(
        IFrameSource source,
        PipeFormat format,
        string workingFolder,
        string outputName,
        string arguments,
        string target,
        EncoderOptions options,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        // ffmpeg's stderr is read into a bounded log, never into FFMpegCore's unbounded list of lines (FfmpegLog).
        using var errors = new FfmpegLog();
        var ffOptions = new FFOptions { BinaryFolder = FfmpegLocator.FindFolder(options.FfmpegFolder), WorkingDirectory = workingFolder, Encoding = errors.Encoding };
        // FFMpegCore stops ffmpeg by writing "q" to its stdin from a cancellation callback, which throws when
        // ffmpeg has already exited (Ctrl-C reaches it too). Relay the caller's cancellation on the thread pool, so
        // that the caller's Cancel() never sees that exception.
        using var stop = new CancellationTokenSource();
        using var relay = cancellationToken.Register(() => ThreadPool.QueueUserWorkItem(_ => CancelQuietly(stop)));
        await using (var pump = new FramePump(source, format, options.QueueDepth, cancellationToken))
        {
            var frames = new RawPipeSource(source, pump, progress);
            try
            {
                StartupTrace.Mark("starting ffmpeg");
                await FFMpegArguments.FromPipeInput(frames)
                    .OutputToFile(outputName, overwrite: true, o => o.WithCustomArgument(arguments))
                    .CancellableThrough(stop.Token)
                    .ProcessAsynchronously(throwOnError: true, ffOptions, stop.Token);
            }
            catch (Exception e) when (e is FFMpegException or IOException or System.ComponentModel.Win32Exception && !cancellationToken.IsCancellationRequested)
            {
                if (errors.Interrupted)
                {
                    // Ctrl-C reaches ffmpeg too (same process group); it may stop before our own handler runs.
                    throw new OperationCanceledException($"{target}: ffmpeg was interrupted", e);
                }
                if (errors.DiskFull)
                {
                    throw EncoderException.DiskFull(target, "ffmpeg: No space left on device", e);
                }
                var words = errors.Last();
                throw new EncoderException($"{target}: ffmpeg failed{(words.Length > 0 ? words : ": " + FfmpegLog.Cut(e.Message.Split('\n')[0]))}", e);
            }
            // ffmpeg 5.1 exits 0 when writing the end of the file fails ("Error writing trailer … No space left on
            // device"): the file is cut short. What it said decides.
            if (errors.DiskFull && !cancellationToken.IsCancellationRequested)
            {
                throw EncoderException.DiskFull(target, "ffmpeg: No space left on device", null);
            }
            if (frames.Written != source.FrameCount && !cancellationToken.IsCancellationRequested)
            {
                throw new EncoderException($"{target}: ffmpeg exited after reading {frames.Written} of {source.FrameCount} frames{errors.Last()}");
            }
        }
        StartupTrace.Mark("ffmpeg finished");
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>See <see cref="VideoEncoder.WarmUp"/>.</summary>
    public static void WarmUp(EncoderOptions options)
    {
        string binary;
        try
        {
            binary = GlobalFFOptions.GetFFMpegBinaryPath(new FFOptions { BinaryFolder = FfmpegLocator.FindFolder(options.FfmpegFolder) });
        }
        catch (MissingDependencyException)
        {
            return; // the encode reports it, with its own message and exit code
        }
        // FFMpegCore runs `ffmpeg -version` before its first process for a binary and keeps the binaries it checked in
        // an internal record (the version is pinned). We found the binary ourselves, so mark it checked: the first
        // encode starts ffmpeg at once (measured: 0.2 s of a 5.6 s render). A binary that exists but does not work
        // still fails the encode, with ffmpeg's own words. If FFMpegCore renames the record this does nothing and
        // VideoOutputTests.WarmUp_Spares_The_First_Encode_The_Version_Check fails.
        var helper = Type.GetType("FFMpegCore.Helpers.FFMpegHelper, FFMpegCore");
        if (helper?.GetField("_verifiedBinaries", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is ConcurrentDictionary<string, bool> verified)
        {
            verified.TryAdd(binary, true);
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (Exception e) when (e is AggregateException or ObjectDisposedException)
        {
            // ffmpeg was gone already, or the run ended meanwhile: nothing left to stop.
        }
    }
}
