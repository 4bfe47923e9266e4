using System.CommandLine;

namespace RegressionRender.Cli;

/// <summary><c>regrender layout CONFIG [--frame N | --progress P | --at S] [--width W] [--json]</c>: where everything of one frame goes.</summary>
internal static class LayoutCommand
{
    public static Command Create(CliContext cli)
    {
        var config = new Argument<string>("CONFIG") { Description = "Scene config file (JSON)" };
        var json = new Option<bool>("--json") { Description = "Print the layout as one JSON object on stdout" };
        var pick = new FramePick();
        var scene = new SceneOptions();
        var command = new Command("layout", "Print where a frame's panels, texts and data points go, and how many points text covers") { config, json };
        pick.AddTo(command);
        scene.AddTo(command, withFormats: false);
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            var prepared = pick.Load(result, result.GetValue(config)!, scene, cancellationToken);
            var report = LayoutReport.Build(prepared, pick.Index(result, prepared), cancellationToken);
            if (result.GetValue(json))
            {
                await cli.Output.WriteLineAsync(report.ToJson());
                return ExitCodes.Success;
            }
            await cli.Output.WriteLineAsync($"frame {report.Frame}, {report.Width}×{report.Height}; {report.Points.Count} data points in the fit panel, {report.Covered} under text");
            foreach (var panel in report.Panels)
            {
                await cli.Output.WriteLineAsync($"panel {panel.Kind,-8} at ({panel.Rect[0]:0}, {panel.Rect[1]:0}), {panel.Rect[2]:0}×{panel.Rect[3]:0}");
            }
            foreach (var text in report.Texts)
            {
                var cut = text.Drawn == text.Text ? "" : "  (cut)";
                await cli.Output.WriteLineAsync($"{text.Role,-11} {text.FontPx,5:0.0}px at ({text.Box[0]:0}, {text.Box[1]:0}) {text.Box[2]:0}×{text.Box[3]:0}  {text.Drawn.Replace('\n', '|')}{cut}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
