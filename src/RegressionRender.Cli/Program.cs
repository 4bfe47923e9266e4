using System.Runtime.InteropServices;
using RegressionRender.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the work: unfinished outputs and their temporary files are removed, then the
// process exits 130. It waits for that clean-up, however long it takes; a second Ctrl-C stops it at once.
RegressionRender.Encoding.StartupTrace.Mark("main entered");
using var cancel = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await CommandLine.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsErrorRedirected, cancel.Token);

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
