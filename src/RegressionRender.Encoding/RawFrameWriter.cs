namespace RegressionRender.Encoding;

/// <summary>
/// Writes every frame as raw BGRA into one file, atomically: the exact bytes the encoders receive, so that a
/// benchmark can time ffmpeg alone on the same frames.
/// </summary>
public static class RawFrameWriter
{
    /// <summary>Draws and writes all frames of <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static async Task WriteAsync(IFrameSource source, string target, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var output = new AtomicOutput(target);
        await using (var pump = new FramePump(source, PipeFormat.Bgra, 4, cancellationToken))
        await using (var file = new FileStream(output.TempPath, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true))
        {
            var written = 0;
            var bytes = source.Width * source.Height * 4;
            await foreach (var buffer in pump.Frames.ReadAllAsync(cancellationToken))
            {
                await file.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken);
                pump.Return(buffer);
                progress?.Report(++written);
            }
        }
        output.Commit();
    }
}
