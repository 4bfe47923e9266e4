using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary><c>regrender validate CONFIG...</c>: loads each config and its data and runs the fits, without drawing.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var configs = new Argument<string[]>("CONFIG") { Description = "Scene config files (JSON)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check configs and their data; exit 2 if any is invalid") { configs };
        command.SetAction(async (result, cancellationToken) =>
        {
            var worst = ExitCodes.Success;
            foreach (var config in result.GetValue(configs)!)
            {
                var code = await cli.Errors(result).RunAsync(async () =>
                {
                    var prepared = PreparedScene.Load(config, cancellationToken: cancellationToken);
                    foreach (var warning in prepared.Warnings)
                    {
                        await cli.Error.WriteLineAsync(ErrorReporter.Warning(config, warning));
                    }
                    await cli.Output.WriteLineAsync($"ok {config}: {prepared.Data.Count} points, {prepared.Fits.Count} fit(s), {string.Join(", ", prepared.Config.Output.Formats).ToLowerInvariant()}");
                    return ExitCodes.Success;
                });
                if (code == ExitCodes.Cancelled)
                {
                    return code;
                }
                worst = Math.Max(worst, code);
            }
            return worst;
        });
        return command;
    }
}
