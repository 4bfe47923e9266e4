using RegressionRender.Core;
using RegressionRender.Encoding;

namespace RegressionRender.Cli;

/// <summary>Turns exceptions into one clear line on stderr and the documented exit code; stack traces only with --verbose.</summary>
internal sealed class ErrorReporter(TextWriter error, bool verbose)
{
    public async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e)
        {
            var (code, line) = Describe(e);
            await error.WriteLineAsync(line);
            if (verbose)
            {
                // The stack trace only: the message is the line above (an invalid input's ToString is its message).
                await error.WriteLineAsync($"{e.GetType().FullName}{Environment.NewLine}{e.StackTrace}");
            }
            return code;
        }
    }

    /// <summary>A warning line, the same from every command: "warning: CONFIG: what happened".</summary>
    public static string Warning(string config, string warning) => $"warning: {config}: {warning}";

    public static (int Code, string Line) Describe(Exception e) => e switch
    {
        InvalidInputException invalid => (ExitCodes.InvalidInput, invalid.ToString()),
        MissingDependencyException missing => (ExitCodes.MissingDependency, $"error: {missing.Message}"),
        EncoderException encoder => (ExitCodes.RenderFailed, $"error: {encoder.Message}"),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled: unfinished outputs were not written; existing files are untouched"),
        UnauthorizedAccessException or IOException => (ExitCodes.RenderFailed, $"error: {e.Message}"),
        _ => (ExitCodes.RenderFailed, $"error: {e.Message} (run with --verbose for details)"),
    };
}
