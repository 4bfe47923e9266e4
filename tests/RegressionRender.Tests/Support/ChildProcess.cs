using System.Diagnostics;

namespace RegressionRender.Tests.Support;

/// <summary>Runs a program with arguments passed as they are (no shell) and collects what it printed.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

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
