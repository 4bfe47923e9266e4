namespace RegressionRender.Encoding;

/// <summary>
/// A file (or folder) written under a temporary name beside its target and moved over it only on success, so that a
/// failed or cancelled render never leaves a partial output and never touches an existing output of the same name.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private readonly bool _isFolder;
    private bool _committed;

    /// <summary>Reserves a temporary path beside <paramref name="target"/>; for a folder, creates it empty.</summary>
    public AtomicOutput(string target, bool isFolder = false)
    {
        Target = Path.GetFullPath(target);
        _isFolder = isFolder;
        var folder = Path.GetDirectoryName(Target)!;
        // No user text in the temporary name: it reaches ffmpeg through one argument string (FFMpegCore joins them).
        TempFileName = $".regrender-{Guid.NewGuid():N}{Path.GetExtension(Target)}.partial";
        TempPath = Path.Combine(folder, TempFileName);
        try
        {
            Directory.CreateDirectory(folder);
            RemoveStaleLeftovers(folder);
            // Claim the temporary name now: a read-only or full folder fails here, before any frame is drawn.
            if (isFolder)
            {
                Directory.CreateDirectory(TempPath);
            }
            else
            {
                new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write).Dispose();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message.Split(" : ")[0].TrimEnd('.');
            throw new IOException($"{Target}: cannot write in {folder} ({reason})", e);
        }
    }

    /// <summary>
    /// Temporary outputs are removed on failure and Ctrl-C, but a SIGKILL or a power cut leaves them behind. Any
    /// older than <see cref="StaleAfter"/> in an output folder belong to no running render (a render writes its
    /// temporary file continuously) and are removed when the folder is next written to.
    /// </summary>
    private static void RemoveStaleLeftovers(string folder)
    {
        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos(".regrender-*.partial"))
        {
            try
            {
                if (entry.LastWriteTimeUtc < cutoff)
                {
                    if (entry is DirectoryInfo directory)
                    {
                        directory.Delete(recursive: true);
                    }
                    else
                    {
                        entry.Delete();
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: someone else's leftover, or already gone.
            }
        }
    }

    /// <summary>Age after which a temporary output is a leftover.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    /// <summary>The final path.</summary>
    public string Target { get; }

    /// <summary>Where to write until the output is complete.</summary>
    public string TempPath { get; }

    /// <summary>The temporary file's name alone (ASCII letters, digits, dots and dashes only).</summary>
    public string TempFileName { get; }

    /// <summary>The folder of the target and the temporary file.</summary>
    public string Folder => Path.GetDirectoryName(Target)!;

    /// <summary>Moves the temporary file over the target (atomic on one file system); a folder replaces the old one.</summary>
    public void Commit()
    {
        if (_isFolder)
        {
            CommitFolder();
            return;
        }
        if (!File.Exists(TempPath) || new FileInfo(TempPath).Length == 0)
        {
            throw new EncoderException($"{Target}: the encoder reported success but wrote nothing");
        }
        File.Move(TempPath, Target, overwrite: true);
        _committed = true;
    }

    /// <summary>
    /// Folders cannot be renamed over each other: the old one is moved aside, the new one into place, then the old
    /// one deleted. Only between the two moves (microseconds, after the render succeeded) is there no folder at the target.
    /// </summary>
    private void CommitFolder()
    {
        if (!Directory.EnumerateFileSystemEntries(TempPath).Any())
        {
            throw new EncoderException($"{Target}: the encoder reported success but wrote nothing");
        }
        if (File.Exists(Target))
        {
            throw new IOException($"{Target}: a file is in the way of the frames folder; move it away");
        }
        string? aside = null;
        if (Directory.Exists(Target))
        {
            aside = Path.Combine(Folder, $".regrender-{Guid.NewGuid():N}.old");
            Directory.Move(Target, aside);
        }
        Directory.Move(TempPath, Target);
        _committed = true;
        if (aside is not null)
        {
            Directory.Delete(aside, recursive: true);
        }
    }

    /// <summary>Writes all bytes and commits.</summary>
    public static void WriteAllBytes(string target, ReadOnlySpan<byte> bytes)
    {
        using var output = new AtomicOutput(target);
        using (var stream = new FileStream(output.TempPath, FileMode.Truncate, FileAccess.Write))
        {
            stream.Write(bytes);
        }
        output.Commit();
    }

    /// <summary>Removes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }
        try
        {
            if (_isFolder)
            {
                Directory.Delete(TempPath, recursive: true);
            }
            else
            {
                File.Delete(TempPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover ".partial" entry is visible and harmless.
        }
    }
}
