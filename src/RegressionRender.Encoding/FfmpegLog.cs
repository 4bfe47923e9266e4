using System.Collections.Concurrent;
using System.Text;

namespace RegressionRender.Encoding;

/// <summary>
/// What one ffmpeg run said on stderr, kept bounded however much it writes (a broken or hostile ffmpeg can write
/// gigabytes, in lines or in one line): whether it ever reported a full disk or a signal, and its last few lines, each
/// cut at <see cref="MaxLine"/> characters, for the error message.
/// <para>
/// FFMpegCore (through Instances) would keep every line ffmpeg writes, and .NET reads a line whole before handing it
/// over: 1 GB of stderr took 8 GB. So the run reads stderr through <see cref="Encoding"/>, whose decoder feeds this
/// log and hands nothing on: memory stays at a few lines. FFOptions keeps an encoding by its name, so each log's
/// encoding has a name of its own, resolved by an <see cref="EncodingProvider"/> while the log is in use.
/// </para>
/// </summary>
internal sealed class FfmpegLog : IDisposable
{
    /// <summary>Characters kept of one line.</summary>
    public const int MaxLine = 300;

    /// <summary>Lines kept.</summary>
    private const int KeptLines = 6;

    private readonly Queue<string> _last = new();
    private readonly StringBuilder _line = new(MaxLine);

    private readonly string _name = $"x-regrender-ffmpeg-log-{Guid.NewGuid():N}";

    public FfmpegLog()
    {
        Encoding = new SinkEncoding(this);
        Names.Live[_name] = Encoding;
    }

    public void Dispose() => Names.Live.TryRemove(_name, out _);

    /// <summary>The encoding to read ffmpeg's stderr (and stdout) with: it decodes UTF-8 into this log and returns no text.</summary>
    public System.Text.Encoding Encoding { get; }

    /// <summary>ffmpeg reported ENOSPC (the line still open included).</summary>
    public bool DiskFull
    {
        get
        {
            lock (_last)
            {
                return _diskFull || _line.ToString().Contains(DiskFullWords, StringComparison.Ordinal);
            }
        }
    }

    private const string DiskFullWords = "No space left on device";
    private bool _diskFull;

    /// <summary>ffmpeg reported that SIGINT or SIGTERM stopped it.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>A line cut at <see cref="MaxLine"/> characters.</summary>
    public static string Cut(string line) => line.Length > MaxLine ? line[..MaxLine] + "…" : line;

    /// <summary>Takes one line, as if ffmpeg had written it.</summary>
    public void Add(string line)
    {
        lock (_last)
        {
            Feed(line.AsSpan());
            EndLine();
        }
    }

    /// <summary>": line | line | line", the last three lines that say something, or "" when none.</summary>
    public string Last()
    {
        lock (_last)
        {
            // A line still open counts: a crashed ffmpeg may stop mid-line, and those are often its last words.
            var meaningful = _last.Append(Cut(_line.ToString())).Where(l => l.Trim().Length > 0).TakeLast(3).ToList();
            return meaningful.Count == 0 ? "" : ": " + string.Join(" | ", meaningful.Select(l => l.Trim()));
        }
    }

    /// <summary>Decoded text: kept up to <see cref="MaxLine"/> characters per line, lines ended by \n or \r (progress lines).</summary>
    private void Feed(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                EndLine();
            }
            else if (_line.Length <= MaxLine)
            {
                _line.Append(c);
            }
        }
    }

    private void EndLine()
    {
        if (_line.Length == 0)
        {
            return;
        }
        var line = _line.ToString();
        _line.Clear();
        _diskFull |= line.Contains(DiskFullWords, StringComparison.Ordinal);
        Interrupted |= line.Contains("received signal 2", StringComparison.Ordinal) || line.Contains("received signal 15", StringComparison.Ordinal);
        _last.Enqueue(Cut(line));
        if (_last.Count > KeptLines)
        {
            _last.Dequeue();
        }
    }

    /// <summary>UTF-8 whose decoder writes into the log and produces no characters (its encoder is plain UTF-8).</summary>
    private sealed class SinkEncoding(FfmpegLog log) : System.Text.Encoding
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        public override string WebName => log._name;

        public override string EncodingName => log._name;

        public override int GetByteCount(char[] chars, int index, int count) => Utf8.GetByteCount(chars, index, count);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            Utf8.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

        public override int GetCharCount(byte[] bytes, int index, int count) => 0;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            new SinkDecoder(log).GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

        public override int GetMaxByteCount(int charCount) => Utf8.GetMaxByteCount(charCount);

        public override int GetMaxCharCount(int byteCount) => Utf8.GetMaxCharCount(byteCount);

        public override Decoder GetDecoder() => new SinkDecoder(log);

        public override Encoder GetEncoder() => Utf8.GetEncoder();
    }

    private sealed class SinkDecoder(FfmpegLog log) : Decoder
    {
        private readonly Decoder _utf8 = new UTF8Encoding(false).GetDecoder();
        private char[] _scratch = new char[4096];

        public override int GetCharCount(byte[] bytes, int index, int count) => 0;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush)
        {
            var needed = _utf8.GetCharCount(bytes, byteIndex, byteCount, flush);
            if (needed > _scratch.Length)
            {
                _scratch = new char[needed];
            }
            var decoded = _utf8.GetChars(bytes, byteIndex, byteCount, _scratch, 0, flush);
            lock (log._last)
            {
                log.Feed(_scratch.AsSpan(0, decoded));
                if (flush)
                {
                    log.EndLine();
                }
            }
            return 0;
        }

        public override void Reset() => _utf8.Reset();
    }

    /// <summary>Resolves the names of the logs in use to their encodings.</summary>
    private sealed class Names : EncodingProvider
    {
        public static readonly ConcurrentDictionary<string, System.Text.Encoding> Live = Register();

        private static ConcurrentDictionary<string, System.Text.Encoding> Register()
        {
            System.Text.Encoding.RegisterProvider(new Names());
            return new(StringComparer.OrdinalIgnoreCase);
        }

        public override System.Text.Encoding? GetEncoding(string name) => Live.TryGetValue(name, out var encoding) ? encoding : null;

        public override System.Text.Encoding? GetEncoding(int codepage) => null;
    }
}
