using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// One clock for all fits of a scene: a position u counted in steps of the longest run. Every fit shows the
/// same epoch at the same u (fit k is at step u · its steps per epoch / the reference's), so the runs of a race
/// stay comparable; a fit that ended early (fewer epochs, or diverged) stays on its last step.
/// </summary>
internal sealed class RunClock
{
    private readonly IReadOnlyList<FitRecord> _fits;
    private readonly CurveProbe _probe;
    private readonly double[] _stepsPerClockStep;
    private readonly double[][] _a;
    private readonly double[][] _b;

    public RunClock(IReadOnlyList<FitRecord> fits, CurveProbe probe)
    {
        _fits = fits;
        _probe = probe;
        var reference = fits.MaxBy(f => (double)f.Steps / f.Info.StepsPerEpoch)!;
        End = reference.Steps;
        StepsPerEpoch = reference.Info.StepsPerEpoch;
        _stepsPerClockStep = [.. fits.Select(f => (double)f.Info.StepsPerEpoch / reference.Info.StepsPerEpoch)];
        _a = [.. fits.Select(f => new double[f.ParameterCount])];
        _b = [.. fits.Select(f => new double[f.ParameterCount])];
    }

    /// <summary>A clock over the same fits with its own scratch buffers, for use on another thread.</summary>
    public RunClock Copy() => new(_fits, _probe);

    /// <summary>The fits on this clock.</summary>
    public IReadOnlyList<FitRecord> Fits => _fits;

    /// <summary>What the fits look like on screen.</summary>
    public CurveProbe Probe => _probe;

    /// <summary>The clock position at which every fit shows its last step.</summary>
    public double End { get; }

    /// <summary>Clock steps per epoch (the reference fit's).</summary>
    public int StepsPerEpoch { get; }

    /// <summary>The fractional step fit <paramref name="fit"/> shows at clock position <paramref name="u"/>.</summary>
    public double Iteration(int fit, double u) =>
        u >= End ? _fits[fit].Steps : Math.Min(u * _stepsPerClockStep[fit], _fits[fit].Steps);

    /// <summary>Length of a row of <see cref="Sample"/>.</summary>
    public int RowLength => _fits.Count * CurveProbe.SampleCount;

    /// <summary>The pixel rows of every curve at clock position <paramref name="u"/>.</summary>
    public void Sample(double u, Span<float> row)
    {
        for (var k = 0; k < _fits.Count; k++)
        {
            _fits[k].Interpolate(Iteration(k, u), _a[k]);
            _probe.Sample(_fits[k].Info.Model, _a[k], row.Slice(k * CurveProbe.SampleCount, CurveProbe.SampleCount));
        }
    }

    /// <summary>RMS distance between two rows of <see cref="Sample"/>: the on-screen movement between them.</summary>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = (double)a[i] - b[i];
            sum += d * d;
        }
        return Math.Sqrt(sum / a.Length);
    }

    /// <summary>RMS on-screen movement of all curves between two clock positions, in pixels.</summary>
    public double Displacement(double from, double to)
    {
        var sum = 0.0;
        for (var k = 0; k < _fits.Count; k++)
        {
            _fits[k].Interpolate(Iteration(k, from), _a[k]);
            _fits[k].Interpolate(Iteration(k, to), _b[k]);
            sum += _probe.SquaredDisplacement(_fits[k].Info.Model, _a[k], _b[k]);
        }
        return Math.Sqrt(sum / _fits.Count);
    }
}
