using Spectre.Console;

namespace RegressionRender.Cli;

/// <summary>
/// Progress on stderr: a live bar per output on a terminal, nothing but one line per finished output when
/// stderr is redirected (logs and CI stay readable).
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool isTerminal)
{
    public async Task<T> RunAsync<T>(string title, Func<IProgress<RenderProgress>, Task<T>> work)
    {
        if (!isTerminal)
        {
            return await work(new Progress<RenderProgress>(_ => { }));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<Core.Config.OutputFormat, ProgressTask>();
                var progress = new Progress<RenderProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Format, out var task))
                    {
                        task = tasks[p.Format] = context.AddTask($"{Markup.Escape(title)} {p.Format.ToString().ToLowerInvariant()}", maxValue: p.Total);
                    }
                    task.Value = p.Done;
                });
                return await work(progress);
            });
    }
}
