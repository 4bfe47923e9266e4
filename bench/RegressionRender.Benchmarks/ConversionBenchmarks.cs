using BenchmarkDotNet.Attributes;
using RegressionRender.Encoding;

namespace RegressionRender.Benchmarks;

/// <summary>BGRA → YUV 4:2:0 of one 1280×720 frame: the SIMD path against the scalar path (the baseline).</summary>
[MemoryDiagnoser]
public class ConversionBenchmarks
{
    private const int Width = 1280, Height = 720;
    private readonly byte[] _bgra = new byte[Width * Height * 4];
    private readonly byte[] _yuv = new byte[Yuv420Converter.FrameBytes(Width, Height)];

    [GlobalSetup]
    public void Setup() => new Random(1).NextBytes(_bgra);

    [Benchmark(Baseline = true)]
    public void Scalar() => Yuv420Converter.Convert(_bgra, _yuv, Width, Height, simd: false);

    [Benchmark]
    public void Simd() => Yuv420Converter.Convert(_bgra, _yuv, Width, Height, simd: true);
}
