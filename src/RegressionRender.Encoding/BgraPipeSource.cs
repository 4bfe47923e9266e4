using System.Globalization;
using FFMpegCore.Pipes;

namespace RegressionRender.Encoding;

/// <summary>Feeds ffmpeg raw BGRA frames from a <see cref="FramePump"/>, reporting each frame written.</summary>
internal sealed class BgraPipeSource(IFrameSource source, FramePump pump, IProgress<int>? progress) : IPipeSource
{
    public string GetStreamArguments() => string.Create(CultureInfo.InvariantCulture,
        $"-f rawvideo -pix_fmt bgra -s {source.Width}x{source.Height} -framerate {source.Fps}");

    public async Task WriteAsync(Stream outputStream, CancellationToken cancellationToken)
    {
        var written = 0;
        await foreach (var buffer in pump.Frames.ReadAllAsync(cancellationToken))
        {
            await outputStream.WriteAsync(buffer.AsMemory(0, source.Width * source.Height * 4), cancellationToken);
            pump.Return(buffer);
            progress?.Report(++written);
        }
    }
}
