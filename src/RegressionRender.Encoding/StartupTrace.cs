using System.Diagnostics;

namespace RegressionRender.Encoding;

/// <summary>
/// With <c>REGRENDER_TRACE</c> set, prints milestones of a render to stderr: milliseconds since the process started,
/// the thread, and the methods compiled so far (0 in a native build). For measuring start-up (bench/README.md).
/// </summary>
public static class StartupTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("REGRENDER_TRACE") is { Length: > 0 };

    /// <summary>Prints one milestone when tracing is on.</summary>
    public static void Mark(string milestone)
    {
        if (!On)
        {
            return;
        }
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"[{sinceStart.TotalMilliseconds,6:0} ms] {milestone} (thread {Environment.CurrentManagedThreadId}, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods JIT-compiled)"));
    }
}
