using System.Runtime.InteropServices;
using System.Text;

namespace RegressionRender.Core;

/// <summary>What a path names, after following symbolic links.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling link).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A named pipe (FIFO).</summary>
    Fifo,

    /// <summary>A character device (/dev/null, /dev/zero, a terminal).</summary>
    CharacterDevice,

    /// <summary>A block device, a socket, or anything else.</summary>
    Other,
}

/// <summary>
/// Reading the files a render is given (config, CSV, cache records) so that no file can exhaust the machine or hang
/// it: only regular files are read — a FIFO would block, <c>/dev/zero</c> never ends — and only up to a size
/// checked before the first byte is read.
/// </summary>
public static class InputFile
{
    /// <summary>Largest config file: a million inline points fit with room to spare.</summary>
    public const long MaxConfigBytes = 64L << 20;

    /// <summary>Largest CSV file: a million rows of up to 64 bytes.</summary>
    public const long MaxCsvBytes = 64L << 20;

    /// <summary>What <paramref name="path"/> names, following symbolic links (<c>statx</c>; the file is not opened).</summary>
    public static FileKind KindOf(string path)
    {
        var buffer = new byte[256];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        int result;
        try
        {
            result = Statx(AtFdCwd, name, 0, StatxType, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // No statx (an old C library): fall back to what .NET tells apart.
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
        if (result != 0)
        {
            return FileKind.Missing;
        }
        // struct statx: stx_mode is the 16-bit field at byte 28, the same on every architecture.
        return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            _ => FileKind.Other,
        };
    }

    /// <summary>
    /// The text (UTF-8, a byte-order mark skipped) of the regular file <paramref name="path"/>; see <see cref="ReadBytes"/>.
    /// </summary>
    public static string ReadText(string path, string shownPath, string what, long maxBytes)
    {
        var bytes = ReadBytes(path, shownPath, what, maxBytes);
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>
    /// The bytes of the regular file <paramref name="path"/>, refused with <see cref="InvalidInputException"/> at
    /// <paramref name="shownPath"/> when it is missing, not a regular file, unreadable, or over
    /// <paramref name="maxBytes"/>; <paramref name="what"/> names it in messages ("config file", "CSV file").
    /// </summary>
    public static byte[] ReadBytes(string path, string shownPath, string what, long maxBytes)
    {
        var kind = KindOf(path);
        if (kind != FileKind.Regular)
        {
            throw new InvalidInputException(shownPath, kind switch
            {
                FileKind.Missing => $"{what} not found",
                FileKind.Directory => $"is a folder, not a {what}",
                _ => $"is not a regular file ({Describe(kind)}); give a {what}",
            });
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > maxBytes)
            {
                throw new InvalidInputException(shownPath, $"the {what} is {stream.Length:N0} bytes, over the limit of {maxBytes:N0}");
            }
            // Read at most one byte past the limit: a file that grows while read (or reports no size) is caught too.
            var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(stream.Length + 1, 4096))];
            var total = 0;
            int read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new InvalidInputException(shownPath, $"the {what} grew past the limit of {maxBytes:N0} bytes while being read");
                }
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, buffer.Length * 2L));
                }
            }
            return buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(shownPath, $"cannot read the {what}: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}");
        }
    }

    /// <summary>The environment variable that confines data paths to one folder (opt-in; unset = anywhere; the CLI's <c>--data-root</c> sets it).</summary>
    public const string DataRootVariable = "REGRENDER_DATA_ROOT";

    /// <summary>How messages name the data root setting.</summary>
    private const string DataRootSetting = "--data-root / " + DataRootVariable;

    /// <summary>
    /// Refuses (<see cref="InvalidInputException"/> at <paramref name="location"/>) a <paramref name="path"/> that,
    /// after following every symbolic link (<c>realpath</c>), is outside the folder named by
    /// <see cref="DataRootVariable"/>, when that is set.
    /// </summary>
    public static void CheckInsideDataRoot(string path, string location)
    {
        if (Environment.GetEnvironmentVariable(DataRootVariable) is not { } rootSetting)
        {
            return;
        }
        var root = RealPath(rootSetting) is { } folder && Directory.Exists(folder) ? folder
            : throw new InvalidInputException(DataRootSetting, $"'{InvalidInputException.Excerpt(rootSetting)}' is not a folder that exists");
        // Nothing there (or a dangling link): reading it fails with "not found" anyway.
        var real = RealPath(path);
        if (real is not null && real != root && !real.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            var followed = real == path ? "" : $" once its links are followed ({InvalidInputException.Excerpt(real, 200)})";
            throw new InvalidInputException(location, $"'{InvalidInputException.Excerpt(path, 200)}' is outside the data root {root} ({DataRootSetting}){followed}; data files must be inside it");
        }
    }

    /// <summary>The absolute path with every symbolic link followed, or null when it does not exist (or is empty).</summary>
    private static string? RealPath(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }
        var resolved = new byte[4097];
        return RealPath(Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\0"), resolved) == IntPtr.Zero
            ? null
            : Encoding.UTF8.GetString(resolved, 0, Array.IndexOf(resolved, (byte)0));
    }

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath(byte[] path, byte[] resolved);

    /// <summary>A few words for a kind of file, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing there",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe",
        FileKind.CharacterDevice => "a character device",
        _ => "a device or socket",
    };

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
