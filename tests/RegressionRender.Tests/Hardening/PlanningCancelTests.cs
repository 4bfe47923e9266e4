using System.Diagnostics;
using System.Runtime.InteropServices;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// Ctrl-C while the fits run or the frames are planned (before any output exists): every command stops within moments,
/// exits 130 and writes nothing. Before, fitting and pacing ignored it: `plan` ran on for 20 s and exited 0; then pacing
/// checked only between its placements (10–18 s late).
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PlanningCancelTests
{
    /// <summary>Three per-sample SGD fits of 10,000,000 epochs on 5 points: 150 million steps, over 10 s of fitting.</summary>
    private const string LongFits = """
        {
          "data": { "points": [[1, 1], [2, 2.5], [3, 2.9], [4, 4.2], [5, 5.1]] },
          "model": { "type": "linear" },
          "fit": [
            { "optimizer": "sgd", "learningRate": 0.0001, "epochs": 10000000 },
            { "optimizer": "sgd", "learningRate": 0.00005, "epochs": 10000000 },
            { "optimizer": "sgd", "learningRate": 0.00002, "epochs": 10000000 }
          ],
          "animation": { "duration": 2, "fps": 10 },
          "view": { "width": 160, "height": 120 },
          "output": { "formats": ["png"] }
        }
        """;

    /// <summary>
    /// Ten fits on the seed points, 480 s at 120 fps: quick fits, then pacing 57,600 frames (about 10 s in a Release
    /// build, longer in the tests' Debug build; 120 s at seven fits took only 4 s once pacing got faster, and finished
    /// before the signal).
    /// </summary>
    private const string LongPacing = """
        {
          "data": { "points": [[1.2, 1.2], [3, 2.5], [5.1, 6], [6.3, 4.5], [7.1, 5.2], [8.2, 8.9], [9, 13.8], [11.2, 12.1], [13.8, 14.2]] },
          "fit": [
            { "optimizer": "gd", "learningRate": 0.001, "epochs": 300 }, { "optimizer": "sgd", "learningRate": 0.0001, "epochs": 300 },
            { "optimizer": "minibatch", "learningRate": 0.001, "epochs": 300, "batchSize": 3 }, { "optimizer": "momentum", "learningRate": 0.001, "epochs": 300 },
            { "optimizer": "nesterov", "learningRate": 0.001, "epochs": 300 }, { "optimizer": "rmsprop", "learningRate": 0.001, "epochs": 300 },
            { "optimizer": "adam", "learningRate": 0.001, "epochs": 300 }, { "optimizer": "gd", "learningRate": 0.0005, "epochs": 300 },
            { "optimizer": "momentum", "learningRate": 0.0005, "epochs": 300 }, { "optimizer": "adam", "learningRate": 0.002, "epochs": 300 }
          ],
          "animation": { "duration": 480, "fps": 120, "trail": 60 },
          "view": { "width": 160, "height": 120 },
          "output": { "formats": ["png"] }
        }
        """;

    [Theory]
    [InlineData("plan", false)]
    [InlineData("validate", false)]
    [InlineData("still", false)]
    [InlineData("render", false)]
    [InlineData("plan", true)]
    [InlineData("render", true)]
    public async Task Sigint_While_Fitting_Or_Pacing_Exits_130_At_Once_And_Writes_Nothing(string command, bool pacing)
    {
        using var folder = new TempFolder();
        var config = folder.Write("long.json", pacing ? LongPacing : LongFits);
        var output = folder.File("out");
        string[] arguments = command switch
        {
            "render" => ["render", config, "-o", output],
            "still" => ["still", config, "-o", Path.Combine(output, "frame.png")],
            _ => [command, config],
        };
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.Environment["REGRENDER_TRACE"] = "1";
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "regrender.dll"), .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        // The trace's first line comes as main starts, just before the signal handlers are registered.
        var log = new System.Text.StringBuilder();
        log.AppendLine(await process.StandardError.ReadLineAsync());
        var rest = process.StandardError.ReadToEndAsync();
        await Task.Delay(pacing ? 3000 : 1500);
        if (process.HasExited)
        {
            Assert.Fail($"the command ended before it could be interrupted: {log}{await rest}");
        }

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id, 2));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(patience.Token);
        var late = clock.Elapsed;
        log.Append(await rest);
        await stdout;

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {log}");
        Assert.Contains("cancelled", log.ToString(), StringComparison.Ordinal);
        Assert.True(late < TimeSpan.FromSeconds(3), $"exited {late.TotalSeconds:0.0} s after Ctrl-C");
        Assert.False(Directory.Exists(output), "the output folder was created");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
