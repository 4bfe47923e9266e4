using System.Diagnostics;

namespace RegressionRender.Tests.Support;

/// <summary>Runs a program with arguments passed as they are (no shell) and collects what it printed.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// The CLI beside the tests (regrender.dll) in a child process, through bash: for what the in-process runner cannot
    /// do — environment variables (<paramref name="environment"/>, e.g. <c>REGRENDER_FFMPEG_DIR='…'</c>) and
    /// redirections of its own streams (<paramref name="redirect"/>, e.g. <c>2&gt;/dev/full</c>). Arguments are single-quoted.
    /// </summary>
    public static Result RunCli(string environment, string redirect, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "regrender.dll");
        var command = $"{environment} dotnet '{dll}' {string.Join(' ', arguments.Select(a => $"'{a}'"))} {redirect}; echo \"exit $?\"";
        var result = Run("bash", null, "-c", command);
        var lines = result.Output.TrimEnd().Split('\n');
        if (!lines[^1].StartsWith("exit ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"no exit code from: {command}\n{result.Error}");
        }
        return new Result(int.Parse(lines[^1][5..], System.Globalization.CultureInfo.InvariantCulture), string.Join('\n', lines[..^1]), result.Error);
    }

    public static Result Run(string file, string? workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.Result);
    }
}
