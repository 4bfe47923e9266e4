using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary>The <c>regrender</c> command tree.</summary>
public static class CommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool isTerminal, CancellationToken cancellationToken)
    {
        var root = Build(output, error, isTerminal);
        var parsed = root.Parse(args);
        if (parsed.GetValue<string>("--data-root") is { } dataRoot)
        {
            // One setting for the flag and the variable: the flag wins, for this process.
            Host.UseDataRoot(dataRoot);
        }
        // Every mistake at once, before anything runs; help only on request (the command's --help).
        if (parsed.Action is not System.CommandLine.Help.HelpAction && UsageErrors.Of(parsed) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"usage: {problem}");
            }
            var help = string.Join(' ', parsed.CommandResult.Command.Parents.OfType<Command>().Select(c => c.Name).Reverse().Append(parsed.CommandResult.Command.Name).Skip(1));
            await error.WriteLineAsync($"run 'regrender {(help.Length > 0 ? help + " " : "")}--help' for the options");
            return ExitCodes.InvalidInput;
        }
        // Signals are handled by the caller (Program.cs), which waits for the clean-up; System.CommandLine's own
        // handler would return after a timeout and leave temporary files behind.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(TextWriter output, TextWriter error, bool isTerminal)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces with errors", Recursive = true };
        var context = new CliContext(output, error, isTerminal, verbose);
        var root = new RootCommand("RegressionRender: turn a regression fitted by gradient descent into a smooth teaching video (MP4), a looping GIF or a poster PNG.")
        {
            RenderCommand.Create(context),
            BatchCommand.Create(context),
            StillCommand.Create(context),
            PlanCommand.Create(context),
            LayoutCommand.Create(context),
            ValidateCommand.Create(context),
            DoctorCommand.Create(context),
            SchemaCommand.Create(context),
            InitCommand.Create(context),
            CompletionCommand.Create(context),
        };
        root.Options.Add(verbose);
        root.Options.Add(new Option<string>("--data-root")
        {
            Description = $"Refuse data files outside DIR, after following symbolic links (for services rendering configs they did not write; also {Host.DataRootVariable})",
            HelpName = "DIR",
            Recursive = true,
        });
        return root;
    }
}

/// <summary>What every command writes to and how.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool IsTerminal, Option<bool> Verbose)
{
    public ErrorReporter Errors(ParseResult result) => new(Error, result.GetValue(Verbose));
}
