using System.Diagnostics;
using BenchmarkDotNet.Running;
using RegressionRender.Benchmarks;

// "quick" prints the median draw time per frame over every frame of each bench scene, without BenchmarkDotNet's
// warm-up and statistics; anything else runs BenchmarkDotNet.
if (args is ["allocations", var config])
{
    // Managed bytes allocated by each stage of a render of CONFIG (what the GC has to clean up).
    var clock = Stopwatch.StartNew();
    long Step(string name, long before)
    {
        var now = GC.GetTotalAllocatedBytes(precise: true);
        Console.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds:0} ms, {(now - before) / 1048576.0:0.0} MB allocated, heap {GC.GetTotalMemory(false) / 1048576.0:0.0} MB");
        clock.Restart();
        return now;
    }
    var mark = GC.GetTotalAllocatedBytes(precise: true);
    var loaded = RegressionRender.Core.Config.SceneLoader.Load(config);
    mark = Step("load and validate the config", mark);
    var scene = RegressionRender.PreparedScene.Prepare(loaded);
    mark = Step("data and fit", mark);
    var plan = scene.PlanFor(scene.Config.View.Width, scene.Config.View.Height);
    mark = Step("layout", mark);
    var timeline = scene.TimelineFor(plan, scene.Config.Animation.Fps);
    mark = Step($"timeline ({timeline.FrameCount} frames)", mark);
    timeline = scene.TimelineFor(plan, scene.Config.Animation.Fps);
    mark = Step($"timeline again, warm", mark);
    using var fonts = RegressionRender.Rendering.FontSet.Load();
    using var renderer = new RegressionRender.Rendering.FrameRenderer(plan, fonts);
    mark = Step("renderer (static layers)", mark);
    var pixels = new byte[renderer.FrameBytes];
    foreach (var frame in timeline.Frames)
    {
        renderer.DrawInto(frame, pixels);
    }
    Step("drawing every frame", mark);
    return;
}
if (args is ["quick", .. var configs])
{
    var bench = new FrameDrawBenchmarks();
    bench.Setup(configs);
    foreach (var (name, draw) in new (string, Action)[] { ("seed 720p", bench.SeedFrame720p), ("three panels 1080p", bench.ThreePanelFrame1080p) })
    {
        var times = new double[330];
        long allocated = 0;
        var collections = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var (bytes, gcs) = (GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0));
            var clock = Stopwatch.StartNew();
            draw();
            times[i] = clock.Elapsed.TotalMilliseconds;
            // Steady state: after the first 30 frames (JIT, caches).
            (allocated, collections) = i < 30 ? (0, 0) : (allocated + GC.GetAllocatedBytesForCurrentThread() - bytes, collections + GC.CollectionCount(0) - gcs);
        }
        var sorted = times.Skip(30).Order().ToList();
        Console.WriteLine($"{name}: median {sorted[sorted.Count / 2]:0.000} ms, p90 {sorted[sorted.Count * 9 / 10]:0.000} ms per frame; " +
            $"{allocated / sorted.Count} bytes allocated per frame, {collections} gen0 GCs in {sorted.Count} frames");
    }
    bench.Cleanup();
    var conversion = new ConversionBenchmarks();
    conversion.Setup();
    foreach (var (name, convert) in new (string, Action)[] { ("bgra→yuv420p 720p, scalar", conversion.Scalar), ("bgra→yuv420p 720p, SIMD", conversion.Simd) })
    {
        var times = new List<double>();
        for (var i = 0; i < 230; i++)
        {
            var clock = Stopwatch.StartNew();
            convert();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times = [.. times.Skip(30).Order()];
        Console.WriteLine($"{name}: median {times[times.Count / 2]:0.000} ms per frame");
    }
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
