using System.Threading.Channels;

namespace RegressionRender.Encoding;

/// <summary>
/// Draws frames ahead of the encoder through a bounded queue of pinned buffers: drawing and encoding overlap,
/// memory stays at a few frames however long the video, and buffers are reused rather than allocated per frame.
/// </summary>
internal sealed class FramePump : IAsyncDisposable
{
    private readonly Channel<byte[]> _free;
    private readonly Channel<byte[]> _filled;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    public FramePump(IFrameSource source, int depth, CancellationToken cancellationToken)
    {
        var bytes = source.Width * source.Height * 4;
        _free = Channel.CreateBounded<byte[]>(depth);
        _filled = Channel.CreateBounded<byte[]>(depth);
        for (var i = 0; i < depth; i++)
        {
            _free.Writer.TryWrite(GC.AllocateUninitializedArray<byte>(bytes, pinned: true));
        }
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Run(() => ProduceAsync(source, _stop.Token), CancellationToken.None);
    }

    /// <summary>Filled frames in order; hand each back with <see cref="Return"/> once written.</summary>
    public ChannelReader<byte[]> Frames => _filled.Reader;

    /// <summary>Gives a buffer back for the next frame.</summary>
    public void Return(byte[] buffer) => _free.Writer.TryWrite(buffer);

    private async Task ProduceAsync(IFrameSource source, CancellationToken token)
    {
        try
        {
            for (var i = 0; i < source.FrameCount; i++)
            {
                var buffer = await _free.Reader.ReadAsync(token);
                source.Render(i, buffer);
                await _filled.Writer.WriteAsync(buffer, token);
            }
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
