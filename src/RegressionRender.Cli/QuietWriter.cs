namespace RegressionRender.Cli;

/// <summary>
/// Standard error that never throws: when messages cannot be written (<c>2&gt;/dev/full</c>, <c>2&gt;&amp;-</c>) they
/// are dropped and the exit code still tells the outcome. Writing a message must never crash the process — an
/// exception from the error stream would escape every handler, and the runtime, failing to print it, aborts.
/// </summary>
internal sealed class QuietWriter(TextWriter inner) : TextWriter
{
    private bool _broken;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (_broken)
        {
            return;
        }
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            _broken = true;
        }
    }
}
