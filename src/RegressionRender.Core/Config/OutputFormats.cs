namespace RegressionRender.Core.Config;

/// <summary>What each output format is.</summary>
public static class OutputFormats
{
    /// <summary>The file (or folder, for frames) a format writes for scene <paramref name="name"/>: NAME.FORMAT.</summary>
    public static string FileName(this OutputFormat format, string name) => $"{name}.{format.ToString().ToLowerInvariant()}";

    /// <summary>True for formats that keep an alpha channel when the background is transparent.</summary>
    public static bool KeepsAlpha(this OutputFormat format) => format is OutputFormat.Webm or OutputFormat.Png or OutputFormat.Frames;

    /// <summary>True for formats holding every frame (not one still or text).</summary>
    public static bool IsMoving(this OutputFormat format) => format is not (OutputFormat.Png or OutputFormat.Vtt);
}
