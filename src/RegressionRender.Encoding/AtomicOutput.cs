namespace RegressionRender.Encoding;

/// <summary>
/// A file written under a temporary name beside its target and renamed over it only on success, so that a failed
/// or cancelled render never leaves a partial file and never touches an existing output of the same name.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private bool _committed;

    /// <summary>Reserves a temporary path beside <paramref name="target"/>.</summary>
    public AtomicOutput(string target)
    {
        Target = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(Target)!;
        Directory.CreateDirectory(folder);
        // No user text in the temporary name: it reaches ffmpeg through one argument string (FFMpegCore joins them).
        TempFileName = $".regrender-{Guid.NewGuid():N}{Path.GetExtension(Target)}.partial";
        TempPath = Path.Combine(folder, TempFileName);
    }

    /// <summary>The final path.</summary>
    public string Target { get; }

    /// <summary>Where to write until the output is complete.</summary>
    public string TempPath { get; }

    /// <summary>The temporary file's name alone (ASCII letters, digits, dots and dashes only).</summary>
    public string TempFileName { get; }

    /// <summary>The folder of the target and the temporary file.</summary>
    public string Folder => Path.GetDirectoryName(Target)!;

    /// <summary>Renames the temporary file over the target (atomic on one file system).</summary>
    public void Commit()
    {
        if (!File.Exists(TempPath) || new FileInfo(TempPath).Length == 0)
        {
            throw new EncoderException($"{Target}: the encoder reported success but wrote nothing");
        }
        File.Move(TempPath, Target, overwrite: true);
        _committed = true;
    }

    /// <summary>Writes all bytes and commits.</summary>
    public static void WriteAllBytes(string target, ReadOnlySpan<byte> bytes)
    {
        using var output = new AtomicOutput(target);
        using (var stream = new FileStream(output.TempPath, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
        }
        output.Commit();
    }

    /// <summary>Removes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            try
            {
                File.Delete(TempPath);
            }
            catch (IOException)
            {
                // Best effort: a leftover ".partial" file is visible and harmless.
            }
        }
    }
}
