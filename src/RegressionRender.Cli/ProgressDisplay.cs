using Spectre.Console;
using Spectre.Console.Rendering;

namespace RegressionRender.Cli;

/// <summary>
/// Progress on stderr: on a terminal a live bar per active output (frames done/total, fps, ETA); when stderr is
/// redirected nothing live, so logs and CI stay readable (callers print one line per finished output).
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool isTerminal)
{
    private IAnsiConsole? _live;

    /// <summary>Runs <paramref name="work"/>, giving it a progress reporter per job name.</summary>
    public async Task<T> RunAsync<T>(Func<Func<string, IProgress<RenderProgress>>, Task<T>> work)
    {
        if (!isTerminal)
        {
            return await work(_ => new Progress<RenderProgress>(_ => { }));
        }
        // stderr is a terminal: live bars, with ANSI and interaction as a terminal has them.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new FramesColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _live = console;
                try
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    return await work(job => new SynchronousProgress(p =>
                    {
                        var key = $"{job} {p.Format.ToString().ToLowerInvariant()}";
                        lock (tasks)
                        {
                            if (!tasks.TryGetValue(key, out var task))
                            {
                                task = tasks[key] = context.AddTask(Markup.Escape(key), maxValue: p.Total);
                            }
                            task.Value = p.Done;
                        }
                    }));
                }
                finally
                {
                    _live = null;
                }
            });
    }

    /// <summary>
    /// Writes lines that must stay (wrote …, rendered in …, warnings): while the bars are live, through their console,
    /// which prints the lines above the bars and redraws these under them; a plain write would be drawn over.
    /// </summary>
    public void Lines(IEnumerable<string> lines)
    {
        lock (error)
        {
            foreach (var line in lines)
            {
                if (_live is { } console)
                {
                    // Padded to the width: the line is drawn where a bar was, and must cover all of it.
                    console.Write(new Text(line.PadRight(Math.Max(0, console.Profile.Width - 1)) + "\n"));
                }
                else
                {
                    error.WriteLine(line);
                }
            }
        }
    }

    /// <summary>Reports on the caller's thread: the encoder reports every frame, and Progress&lt;T&gt; would queue them.</summary>
    private sealed class SynchronousProgress(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => report(value);
    }

    /// <summary>"120/240 frames · 58 fps".</summary>
    private sealed class FramesColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var speed = task.Speed is { } fps ? $" · {fps:0} fps" : "";
            return new Markup($"{task.Value:0}/{task.MaxValue:0} frames{speed}");
        }
    }
}
