using System.Diagnostics;
using BenchmarkDotNet.Running;
using RegressionRender.Benchmarks;

// "quick" prints the median draw time per frame over every frame of each bench scene, without BenchmarkDotNet's
// warm-up and statistics; anything else runs BenchmarkDotNet.
if (args is ["quick", .. var configs])
{
    var bench = new FrameDrawBenchmarks();
    bench.Setup(configs);
    foreach (var (name, draw) in new (string, Action)[] { ("seed 720p", bench.SeedFrame720p), ("three panels 1080p", bench.ThreePanelFrame1080p) })
    {
        var times = new List<double>();
        for (var i = 0; i < 330; i++)
        {
            var clock = Stopwatch.StartNew();
            draw();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times = [.. times.Skip(30).Order()];
        Console.WriteLine($"{name}: median {times[times.Count / 2]:0.000} ms, p90 {times[times.Count * 9 / 10]:0.000} ms per frame");
    }
    bench.Cleanup();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(FrameDrawBenchmarks).Assembly).Run(args);

namespace RegressionRender.Benchmarks
{
    /// <summary>Where the bench configs are: the repository's bench/ folder.</summary>
    internal static class BenchPaths
    {
        public static string Folder { get; } = Find();

        private static string Find()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "bench", "bench.json")))
            {
                folder = folder.Parent;
            }
            return Path.Combine(folder?.FullName ?? ".", "bench");
        }
    }
}
