using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary>
/// <c>regrender completion bash|zsh</c>: a script that wires the shell's completion to System.CommandLine's
/// <c>[suggest:POSITION]</c> directive, so commands, options and their values complete from the real command tree.
/// </summary>
internal static class CompletionCommand
{
    public static IReadOnlyDictionary<string, string> Scripts { get; } = new Dictionary<string, string>
    {
        ["bash"] = """
            # regrender completion for bash: add `source <(regrender completion bash)` to ~/.bashrc
            _regrender_complete() {
              local IFS=$'\n'
              local suggestions
              suggestions="$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)"
              COMPREPLY=($(compgen -W "${suggestions}" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _regrender_complete regrender

            """,
        ["zsh"] = """
            # regrender completion for zsh: add `source <(regrender completion zsh)` to ~/.zshrc
            _regrender_complete() {
              local -a suggestions
              suggestions=("${(@f)$(${words[1]} "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
              _describe 'regrender' suggestions || _files
            }
            compdef _regrender_complete regrender

            """,
    };

    public static Command Create(CliContext cli)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.CompletionSources.Add([.. Scripts.Keys]);
        var command = new Command("completion", "Print a shell completion script: source <(regrender completion bash)") { shell };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetValue(shell)!;
            if (!Scripts.TryGetValue(name, out var script))
            {
                await cli.Error.WriteLineAsync($"completion: unknown shell '{name}'; valid: {string.Join(", ", Scripts.Keys)}");
                return ExitCodes.InvalidInput;
            }
            await cli.Output.WriteAsync(script);
            return ExitCodes.Success;
        });
        return command;
    }
}
