using System.CommandLine;
using System.Diagnostics;
using RegressionRender.Encoding;

namespace RegressionRender.Cli;

/// <summary><c>regrender doctor</c>: is everything a render needs here? Each problem comes with its fix.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext cli)
    {
        var outputFolder = new Option<string>("--output", "-o") { Description = "Output folder to check", DefaultValueFactory = _ => "output" };
        var command = new Command("doctor", "Check ffmpeg (version, libx264, libvpx-vp9, png; GIFs are written without it), the bundled font and the output folder") { outputFolder };
        command.SetAction(async (result, cancellationToken) =>
        {
            var code = ExitCodes.Success;
            string folder;
            try
            {
                folder = FfmpegLocator.FindFolder();
            }
            catch (MissingDependencyException e)
            {
                await cli.Output.WriteLineAsync($"✗ ffmpeg: {e.Message}");
                return ExitCodes.MissingDependency;
            }
            var ffmpeg = Path.Combine(folder, "ffmpeg");
            var version = (await RunAsync(ffmpeg, "-hide_banner -version", cancellationToken)).Split('\n')[0];
            await cli.Output.WriteLineAsync($"✓ ffmpeg: {ffmpeg} ({version.Trim()})");
            var encoders = await RunAsync(ffmpeg, "-hide_banner -encoders", cancellationToken);
            foreach (var (name, use) in new[] { ("libx264", "mp4"), ("libvpx-vp9", "webm"), ("png", "frames") })
            {
                var found = encoders.Contains($" {name} ", StringComparison.Ordinal);
                await cli.Output.WriteLineAsync(found ? $"✓ encoder {name} ({use})" : $"✗ encoder {name} missing: {use} output will fail; install a full ffmpeg build (Debian: apt-get install ffmpeg)");
                code = found ? code : ExitCodes.MissingDependency;
            }
            await cli.Output.WriteLineAsync($"✓ font: {SceneRenderer.BundledFontName()} (bundled)");
            var output = result.GetValue(outputFolder)!;
            try
            {
                Directory.CreateDirectory(output);
                var probe = Path.Combine(output, $".doctor-{Guid.NewGuid():N}");
                await File.WriteAllTextAsync(probe, "ok", cancellationToken);
                File.Delete(probe);
                await cli.Output.WriteLineAsync($"✓ output folder {Path.GetFullPath(output)} is writable");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Output.WriteLineAsync($"✗ output folder {output} is not writable ({e.Message}); choose another with -o");
                code = ExitCodes.RenderFailed;
            }
            return code;
        });
        return command;
    }

    private static async Task<string> RunAsync(string file, string arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return text;
    }
}
