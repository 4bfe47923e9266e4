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
        command.SetAction((result, cancellationToken) => cli.Errors(result).RunAsync(async () =>
        {
            var code = ExitCodes.Success;
            string folder;
            try
            {
                folder = Host.FfmpegFolder();
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
            // Checked without changing anything: a folder that does not exist yet is not created; its nearest existing
            // parent must take a new entry (a probe file, removed at once).
            var output = result.GetValue(outputFolder)!;
            var existing = Path.GetFullPath(output);
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }
            try
            {
                var probe = Path.Combine(existing, $".doctor-{Guid.NewGuid():N}");
                await File.WriteAllTextAsync(probe, "ok", cancellationToken);
                File.Delete(probe);
                var created = existing == Path.GetFullPath(output) ? "" : " (it will be created)";
                await cli.Output.WriteLineAsync($"✓ output folder {Path.GetFullPath(output)} is writable{created}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Output.WriteLineAsync($"✗ output folder {output} is not writable ({e.Message}); choose another with -o");
                code = ExitCodes.RenderFailed;
            }
            return code;
        }));
        return command;
    }

    /// <summary>How long a probe of ffmpeg may take: a working ffmpeg answers in well under a second.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// ffmpeg's answer to <paramref name="arguments"/>. A probe that hangs is killed (with any children) after
    /// <see cref="ProbeTimeout"/> and reported; Ctrl-C kills it too, never leaving it running.
    /// </summary>
    private static async Task<string> RunAsync(string file, string arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true })!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ProbeTimeout);
        try
        {
            var error = process.StandardError.ReadToEndAsync(deadline.Token);
            var text = await process.StandardOutput.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            await error;
            return text;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new MissingDependencyException($"{file} {arguments} gave no answer within {ProbeTimeout.TotalSeconds:0} s; check that ffmpeg runs (try it in a terminal), or set REGRENDER_FFMPEG_DIR to a working one");
        }
    }
}
