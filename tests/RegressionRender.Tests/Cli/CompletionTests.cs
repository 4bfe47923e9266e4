using System.Diagnostics;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary>Shell completion: System.CommandLine's suggest directive, and the bash script that uses it.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("render --format ", "webm")]
    [InlineData("render --quality ", "4k")]
    [InlineData("init --template ", "logistic")]
    [InlineData("ren", "render")]
    public async Task The_Suggest_Directive_Offers_Commands_And_Option_Values(string line, string expected)
    {
        var result = await CliRunner.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void The_Bash_Script_Completes_Through_The_Real_Command()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "regrender.dll");
        // Each line is completed as bash would: COMP_LINE, COMP_POINT, COMP_WORDS, COMP_CWORD, then the function.
        var script = $$"""
            regrender() { dotnet "{{cli}}" "$@"; }
            source <(regrender completion bash)
            complete_line() {
              COMP_LINE="$1"; COMP_POINT=${#1}; read -ra COMP_WORDS <<< "$1"
              [[ "$1" == *" " ]] && COMP_WORDS+=("")
              COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
              _regrender_complete
              echo "$1=>${COMPREPLY[*]}"
            }
            complete_line "regrender rend"
            complete_line "regrender render --format w"
            complete_line "regrender render --quality h"
            """;
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(info)!;
        bash.StandardInput.Write(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEnd();
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, error);
        Assert.Equal(["regrender rend=>render", "regrender render --format w=>webm", "regrender render --quality h=>high"], output.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_Unknown_Shell_Is_A_Usage_Error()
    {
        var result = await CliRunner.RunAsync("completion", "fish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown shell 'fish'; valid: bash, zsh", result.Error);
    }
}
