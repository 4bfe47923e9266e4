namespace RegressionRender.Encoding;

/// <summary>An encoder failed (ffmpeg, or the disk under the GIF writer); the message ends with ffmpeg's own last words where it has any.</summary>
public sealed class EncoderException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The one line for a full disk while writing <paramref name="target"/>; <paramref name="detail"/> is who said so.</summary>
    public static EncoderException DiskFull(string target, string detail, Exception? inner) =>
        new($"{target}: the disk is full ({detail}); free space in {Path.GetDirectoryName(Path.GetFullPath(target))} or choose another folder with -o", inner);
}

/// <summary>A program the render needs (ffmpeg) is not installed; the message says how to install it.</summary>
public sealed class MissingDependencyException(string message) : Exception(message);
