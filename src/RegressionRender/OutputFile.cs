using RegressionRender.Core;

namespace RegressionRender;

/// <summary>
/// What may happen to whatever is already at an output's path. A regular file (or nothing) is replaced atomically,
/// and through a symbolic link its file is replaced while the link stays (<see cref="Encoding.AtomicOutput"/>).
/// (A cache record is not an output: a link in the cache folder is replaced by the record, whatever it pointed to.)
/// A single-file output (<c>still -o</c>, <c>--record</c>) goes straight into a named pipe or a character device
/// (<c>/dev/stdout</c>, a FIFO another program reads; <c>-</c> is standard output), which renaming would replace
/// by a regular file. Anything else — a folder where a file goes, a block device, a socket — is refused, untouched.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// Where an output replacing <paramref name="target"/> is written: the path itself, or through symbolic links
    /// the file they finally point to (so that the link stays). Refuses (<see cref="InvalidInputException"/>) a target
    /// that holds anything but a regular file, or for a <paramref name="folder"/> output anything but a folder:
    /// called before any work.
    /// </summary>
    public static string Replaceable(string target, bool folder = false)
    {
        var kind = InputFile.KindOf(target);
        if (kind is not FileKind.Missing && kind != (folder ? FileKind.Directory : FileKind.Regular))
        {
            throw new InvalidInputException(target, $"is {InputFile.Describe(kind)}, which regrender never replaces; remove it or choose another output");
        }
        FileSystemInfo? final;
        try
        {
            final = File.ResolveLinkTarget(target, returnFinalTarget: true);
        }
        catch (IOException)
        {
            return target; // not there, or a loop of links: writing then fails with its own message
        }
        // Through a link only into what exists: a dangling link must not make regrender create folders elsewhere.
        if (final is not null && !Path.Exists(final.FullName))
        {
            throw new InvalidInputException(target, $"is a symbolic link to '{InvalidInputException.Excerpt(final.FullName, 200)}', which does not exist; regrender writes through a link only into an existing file; remove the link or choose another output");
        }
        return final?.FullName ?? target;
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="target"/>: <c>-</c> is standard output, a named pipe or a
    /// character device is written into, a regular file (or nothing) is replaced atomically; anything else is refused.
    /// </summary>
    public static void WriteAllBytes(string target, ReadOnlySpan<byte> bytes)
    {
        if (target == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            return;
        }
        if (InputFile.KindOf(target) is FileKind.Fifo or FileKind.CharacterDevice)
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            stream.Write(bytes);
            return;
        }
        Encoding.AtomicOutput.WriteAllBytes(Replaceable(target), bytes);
    }
}
