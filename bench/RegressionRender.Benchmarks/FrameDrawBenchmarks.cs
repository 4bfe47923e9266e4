using BenchmarkDotNet.Attributes;
using RegressionRender.Core.Timing;
using RegressionRender.Rendering;

namespace RegressionRender.Benchmarks;

/// <summary>The per-frame draw of the seed scene (1280×720, fit panel) and of the three-panel 1080p scene.</summary>
[MemoryDiagnoser]
public class FrameDrawBenchmarks
{
    private FontSet _fonts = null!;
    private FrameRenderer _seed = null!;
    private FrameRenderer _threePanels = null!;
    private Timeline _seedTimeline = null!;
    private Timeline _threeTimeline = null!;
    private byte[] _seedPixels = null!;
    private byte[] _threePixels = null!;
    private int _frame;

    [GlobalSetup]
    public void Setup() => Setup([]);

    /// <summary>Loads the two bench scenes, or the given config files instead.</summary>
    public void Setup(string[] configs)
    {
        _fonts = FontSet.Load();
        (_seed, _seedTimeline) = Load(configs.Length > 0 ? configs[0] : "bench.json", null);
        (_threePanels, _threeTimeline) = Load(configs.Length > 1 ? configs[1] : "bench-1080p-three-panels.json", null);
        _seedPixels = new byte[_seed.FrameBytes];
        _threePixels = new byte[_threePanels.FrameBytes];
    }

    private (FrameRenderer, Timeline) Load(string name, SceneOverrides? overrides)
    {
        var scene = PreparedScene.Load(Path.Combine(BenchPaths.Folder, name), overrides);
        var plan = scene.PlanFor(scene.Config.View.Width, scene.Config.View.Height);
        return (new FrameRenderer(plan, _fonts), scene.TimelineFor(plan, scene.Config.Animation.Fps));
    }

    [Benchmark]
    public void SeedFrame720p()
    {
        _frame = (_frame + 1) % _seedTimeline.FrameCount;
        _seed.DrawInto(_seedTimeline.Frames[_frame], _seedPixels);
    }

    [Benchmark]
    public void ThreePanelFrame1080p()
    {
        _frame = (_frame + 1) % _threeTimeline.FrameCount;
        _threePanels.DrawInto(_threeTimeline.Frames[_frame], _threePixels);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _seed.Dispose();
        _threePanels.Dispose();
        _fonts.Dispose();
    }
}
