using System.Threading.Channels;

namespace RegressionRender.Encoding;

/// <summary>What travels through the pipe to ffmpeg.</summary>
internal enum PipeFormat
{
    /// <summary>The frames as drawn, 4 bytes a pixel.</summary>
    Bgra,

    /// <summary>Converted here to BT.709 YUV 4:2:0, 1.5 bytes a pixel (<see cref="Yuv420Converter"/>).</summary>
    Yuv420p,
}

/// <summary>
/// Draws frames ahead of the encoder through a bounded queue of pinned buffers: drawing and encoding overlap,
/// memory stays at a few frames however long the video, and buffers are reused rather than allocated per frame.
/// For <see cref="PipeFormat.Yuv420p"/> each frame is drawn into one reused BGRA buffer and converted into the queue.
/// </summary>
internal sealed class FramePump : IAsyncDisposable
{
    private readonly Channel<byte[]> _free;
    private readonly Channel<byte[]> _filled;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    public FramePump(IFrameSource source, PipeFormat format, int depth, CancellationToken cancellationToken)
    {
        Format = format;
        FrameBytes = format == PipeFormat.Yuv420p ? Yuv420Converter.FrameBytes(source.Width, source.Height) : source.Width * source.Height * 4;
        _free = Channel.CreateBounded<byte[]>(depth);
        _filled = Channel.CreateBounded<byte[]>(depth);
        for (var i = 0; i < depth; i++)
        {
            _free.Writer.TryWrite(GC.AllocateUninitializedArray<byte>(FrameBytes, pinned: true));
        }
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Run(() => ProduceAsync(source, _stop.Token), CancellationToken.None);
    }

    /// <summary>The pixel format of the frames in the queue.</summary>
    public PipeFormat Format { get; }

    /// <summary>Bytes of one frame in the queue.</summary>
    public int FrameBytes { get; }

    /// <summary>Filled frames in order; hand each back with <see cref="Return"/> once written.</summary>
    public ChannelReader<byte[]> Frames => _filled.Reader;

    /// <summary>Gives a buffer back for the next frame.</summary>
    public void Return(byte[] buffer) => _free.Writer.TryWrite(buffer);

    private async Task ProduceAsync(IFrameSource source, CancellationToken token)
    {
        try
        {
            var drawn = Format == PipeFormat.Yuv420p ? GC.AllocateUninitializedArray<byte>(source.Width * source.Height * 4, pinned: true) : null;
            for (var i = 0; i < source.FrameCount; i++)
            {
                var buffer = await _free.Reader.ReadAsync(token);
                if (drawn is null)
                {
                    source.Render(i, buffer);
                }
                else
                {
                    source.Render(i, drawn);
                    Yuv420Converter.Convert(drawn, buffer, source.Width, source.Height);
                }
                if (i == 0)
                {
                    StartupTrace.Mark("first frame drawn");
                }
                await _filled.Writer.WriteAsync(buffer, token);
            }
            StartupTrace.Mark("last frame drawn");
            _filled.Writer.Complete();
        }
        catch (Exception e)
        {
            _filled.Writer.TryComplete(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _producer;
        _stop.Dispose();
    }
}
