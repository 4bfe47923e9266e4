using System.Runtime.InteropServices;
using RegressionRender.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the work: unfinished outputs and their temporary files are removed, then the
// process exits 130. It waits for that clean-up, however long it takes; a second Ctrl-C stops it at once.
RegressionRender.Host.Trace("main entered");
using var cancel = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
// Messages go to standard error through a writer that cannot fail: an unwritable stderr must not crash the process.
var error = new QuietWriter(Console.Error);
Console.SetError(error);
return await CommandLine.RunAsync(args, Console.Out, error, isTerminal: !Console.IsErrorRedirected, cancel.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = !cancel.IsCancellationRequested;
    try
    {
        cancel.Cancel();
    }
    catch (AggregateException)
    {
        // A cancellation callback failed; the cancellation itself has happened.
    }
}
