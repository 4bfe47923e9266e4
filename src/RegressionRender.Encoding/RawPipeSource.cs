using System.Globalization;
using FFMpegCore.Pipes;

namespace RegressionRender.Encoding;

/// <summary>Feeds ffmpeg raw frames (BGRA or YUV 4:2:0) from a <see cref="FramePump"/>, reporting each frame written.</summary>
internal sealed class RawPipeSource(IFrameSource source, FramePump pump, IProgress<int>? progress) : IPipeSource
{
    public string GetStreamArguments() => string.Create(CultureInfo.InvariantCulture,
        $"-f rawvideo -pix_fmt {(pump.Format == PipeFormat.Yuv420p ? "yuv420p" : "bgra")} -s {source.Width}x{source.Height} -framerate {source.Fps}");

    /// <summary>Frames ffmpeg has taken.</summary>
    public int Written { get; private set; }

    public async Task WriteAsync(Stream outputStream, CancellationToken cancellationToken)
    {
        StartupTrace.Mark("ffmpeg connected to the frame pipe");
        await foreach (var buffer in pump.Frames.ReadAllAsync(cancellationToken))
        {
            await outputStream.WriteAsync(buffer.AsMemory(0, pump.FrameBytes), cancellationToken);
            pump.Return(buffer);
            Written++;
            progress?.Report(Written);
        }
    }
}
