using RegressionRender.Core;
using RegressionRender.Encoding;

namespace RegressionRender;

/// <summary>
/// What the machine around a render provides and how a host program (the <c>regrender</c> command, a service)
/// sets it up: where ffmpeg is, which folder data files must stay in, and start-up tracing.
/// </summary>
public static class Host
{
    /// <summary>The environment variable that confines data files to a folder (<c>--data-root</c> sets it too).</summary>
    public static string DataRootVariable => InputFile.DataRootVariable;

    /// <summary>Confines every data file read from now on, in this process, to <paramref name="folder"/>.</summary>
    public static void UseDataRoot(string folder) => Environment.SetEnvironmentVariable(InputFile.DataRootVariable, folder);

    /// <summary>The folder holding ffmpeg: <c>REGRENDER_FFMPEG_DIR</c>, then the PATH.</summary>
    /// <exception cref="MissingDependencyException">No ffmpeg was found; the message says how to install one.</exception>
    public static string FfmpegFolder() => FfmpegLocator.FindFolder();

    /// <summary>
    /// Call early in a process that will encode video: spares the first encode ffmpeg's one-time version check.
    /// Problems are left for the encode to report.
    /// </summary>
    public static void PrepareEncoder(EncoderOptions? options = null) => VideoEncoder.WarmUp(options ?? new EncoderOptions());

    /// <summary>With <c>REGRENDER_TRACE</c> set, prints a start-up milestone to stderr (bench/README.md).</summary>
    public static void Trace(string milestone) => StartupTrace.Mark(milestone);
}
