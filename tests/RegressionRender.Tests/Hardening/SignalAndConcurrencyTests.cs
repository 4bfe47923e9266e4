using System.Diagnostics;
using System.Security.Cryptography;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>Ctrl-C (a real SIGINT to a real regrender process) during render and batch; batch -j 4 over shared data.</summary>
public sealed partial class SignalAndConcurrencyTests
{
    private static string Long(string formats = "\"mp4\"") => Scenes.Tiny(formats)
        .Replace("\"duration\": 1, \"fps\": 10", "\"duration\": 120, \"fps\": 30", StringComparison.Ordinal)
        .Replace("\"width\": 160, \"height\": 120", "\"width\": 640, \"height\": 360", StringComparison.Ordinal);

    [Theory]
    [InlineData("render", false)]
    [InlineData("batch", false)]
    [InlineData("render", true)]
    [InlineData("batch", true)]
    public async Task Sigint_Exits_130_Leaves_No_Temporary_File_And_Keeps_Older_Outputs(string command, bool ffmpegToo)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("configs"));
        var configs = Enumerable.Range(0, 3).Select(i => folder.Write($"configs/long{i}.json", Long())).ToList();
        var output = Directory.CreateDirectory(folder.File("out")).FullName;
        File.WriteAllText(Path.Combine(output, "long0.mp4"), "older");
        string[] arguments = command == "render" ? ["render", configs[0], "-o", output] : ["batch", folder.File("configs"), "-o", output, "-j", "2"];

        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "regrender.dll"), .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Interrupt once encoding is under way: a temporary output exists.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(output, "*.partial").Any() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var seen = $"seen after {clock.Elapsed.TotalSeconds:0.00} s: {string.Join(' ', Directory.EnumerateFiles(output))}";
        if (process.HasExited)
        {
            Assert.Fail("the render ended before it could be interrupted: " + await error);
        }
        await Task.Delay(300);
        if (ffmpegToo)
        {
            // Ctrl-C in a terminal reaches the whole process group: ffmpeg may stop first. The temporary file is made
            // before ffmpeg starts, so wait (on a loaded machine, a while) until ffmpeg is there to be interrupted.
            var parent = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var running = Stopwatch.StartNew();
            while (ScratchMount.Run("pgrep", "-P", parent, "ffmpeg") != 0 && !process.HasExited && running.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }
            Assert.Equal(0, ScratchMount.Run("pkill", "-INT", "-P", parent, "ffmpeg"));
        }
        Assert.True(Kill(process.Id, Sigint) == 0, $"kill(SIGINT) failed; {seen}; exited {process.HasExited}");
        await process.WaitForExitAsync();

        var log = await error;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {log}");
        Assert.Contains("cancelled", log);
        await stdout;
        Assert.Empty(Directory.EnumerateFiles(output, "*.partial"));
        Assert.Equal("older", File.ReadAllText(Path.Combine(output, "long0.mp4")));
    }

    [Fact]
    public async Task Batch_With_Four_Jobs_Over_One_Shared_Csv_Gives_The_Same_Pixels_As_One_Job()
    {
        using var folder = new TempFolder();
        var random = new Random(3);
        folder.Write("configs/shared.csv", "hours,score\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => $"{i * 0.25:0.00},{(3 + (1.5 * i * 0.25) + (random.NextDouble() * 4)):0.000}")));
        string[] optimizers = ["gd", "sgd", "minibatch", "momentum", "nesterov", "rmsprop", "adam", "gd"];
        for (var i = 0; i < optimizers.Length; i++)
        {
            folder.Write($"configs/c{i}.json", $$"""
                {
                  "data": { "csv": "shared.csv", "x": "hours", "y": "score" },
                  "model": { "type": "polynomial", "degree": {{1 + (i % 3)}} },
                  "fit": { "optimizer": "{{optimizers[i]}}", "learningRate": 0.01, "epochs": 40, "batchSize": 8, "standardize": true },
                  "animation": { "duration": 1, "fps": 10 },
                  "view": { "width": 320, "height": 180, "panels": ["fit", "loss"] },
                  "output": { "formats": ["png", "gif"], "gif": { "width": 160, "fps": 8 } }
                }
                """);
        }

        var one = await CliRunner.RunAsync("batch", folder.File("configs"), "-o", folder.File("one"), "-j", "1");
        var four = await CliRunner.RunAsync("batch", folder.File("configs"), "-o", folder.File("four"), "-j", "4");

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(four.ExitCode == 0, four.Error);
        Assert.Equal(16, TempFolder.FilesIn(folder.File("four")).Length);
        Assert.Equal(Hashes(folder.File("one")), Hashes(folder.File("four")));
    }

    private const int Sigint = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
