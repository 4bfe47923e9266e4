namespace RegressionRender.Encoding;

/// <summary>Finds the ffmpeg executable: a folder given explicitly, then <c>REGRENDER_FFMPEG_DIR</c>, then PATH.</summary>
public static class FfmpegLocator
{
    /// <summary>How to get ffmpeg, for messages.</summary>
    public const string InstallHint = "install it with: sudo apt-get install ffmpeg (Debian/Ubuntu), or set REGRENDER_FFMPEG_DIR to the folder holding ffmpeg";

    /// <summary>The folder holding ffmpeg, or throws <see cref="MissingDependencyException"/>.</summary>
    public static string FindFolder(string? explicitFolder = null)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            candidates.Add(explicitFolder);
        }
        else if (Environment.GetEnvironmentVariable("REGRENDER_FFMPEG_DIR") is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }
        else
        {
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }
        foreach (var folder in candidates)
        {
            if (File.Exists(Path.Combine(folder, "ffmpeg")))
            {
                return Path.GetFullPath(folder);
            }
        }
        throw new MissingDependencyException($"ffmpeg was not found; {InstallHint}");
    }
}
