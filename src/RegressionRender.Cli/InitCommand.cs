using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary><c>regrender init [NAME] [--template T]</c>: a commented starter config that renders as it is.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "Base name of the config file to write", DefaultValueFactory = _ => "scene" };
        var template = new Option<string>("--template", "-t") { Description = $"Starter: {string.Join(", ", StarterConfig.Templates)}", DefaultValueFactory = _ => "seed" };
        template.CompletionSources.Add([.. StarterConfig.Templates]);
        var folder = new Option<string>("--output", "-o") { Description = "Folder to write into", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Write a commented starter config (never overwrites)") { name, template, folder };
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            foreach (var file in StarterConfig.Write(result.GetValue(folder)!, result.GetValue(name)!, result.GetValue(template)!))
            {
                await cli.Error.WriteLineAsync($"wrote {RenderCommand.Shown(file)}");
            }
            await cli.Error.WriteLineAsync($"render it with: regrender render {RenderCommand.Shown(Path.Combine(result.GetValue(folder)!, result.GetValue(name)! + ".json"))}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
