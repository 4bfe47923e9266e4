namespace RegressionRender.Cli;

/// <summary>The process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Everything was written.</summary>
    public const int Success = 0;

    /// <summary>A render or the encoder failed.</summary>
    public const int RenderFailed = 1;

    /// <summary>Invalid input: usage, config or data.</summary>
    public const int InvalidInput = 2;

    /// <summary>A dependency (ffmpeg) is missing.</summary>
    public const int MissingDependency = 3;

    /// <summary>Cancelled (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
