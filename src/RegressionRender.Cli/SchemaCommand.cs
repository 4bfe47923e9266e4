using System.CommandLine;
using RegressionRender.Core.Config;

namespace RegressionRender.Cli;

/// <summary><c>regrender schema</c>: the JSON Schema of a config on stdout (also committed at schema/scene.schema.json).</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("schema", "Print the JSON Schema of a scene config");
        command.SetAction(async (result, cancellationToken) =>
        {
            await cli.Output.WriteAsync(SceneSchema.Text());
            return ExitCodes.Success;
        });
        return command;
    }
}
