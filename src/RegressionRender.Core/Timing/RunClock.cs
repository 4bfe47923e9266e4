using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// One clock for all fits of a scene: a position u counted in steps of the longest run. Every fit shows the
/// same epoch at the same u (fit k is at step u · its steps per epoch / the reference's), so the runs of a race
/// stay comparable; a fit that ended early (fewer epochs, or diverged) stays on its last step.. The clock also
/// samples what pacing follows: each fit's drawn path.
/// </summary>
internal sealed class RunClock
{
    private readonly IReadOnlyList<FitRecord> _fits;
    private readonly double[] _stepsPerClockStep;
    private readonly double[][] _scratch;
    private readonly double _start;
    private readonly float[] _rowA;
    private readonly float[] _rowB;
    private readonly float[] _rowC;

    public RunClock(IReadOnlyList<FitRecord> fits, CurveProbe probe, CancellationToken cancellation = default)
        : this(fits, probe, 0, cancellation)
    {
    }

    /// <summary>A clock whose 0 stands for step <paramref name="start"/> of the reference run (<see cref="From"/>).</summary>
    private RunClock(IReadOnlyList<FitRecord> fits, CurveProbe probe, double start, CancellationToken cancellation)
    {
        _fits = fits;
        Probe = probe;
        Cancellation = cancellation;
        _start = start;
        var reference = fits.MaxBy(f => (double)f.Steps / f.Info.StepsPerEpoch)!;
        End = reference.Steps - start;
        StepsPerEpoch = reference.Info.StepsPerEpoch;
        _stepsPerClockStep = [.. fits.Select(f => (double)f.Info.StepsPerEpoch / reference.Info.StepsPerEpoch)];
        _scratch = [.. fits.Select(f => new double[f.ParameterCount])];
        _rowA = new float[RowLength];
        _rowB = new float[RowLength];
        _rowC = new float[RowLength];
    }

    /// <summary>The fits on this clock.</summary>
    public IReadOnlyList<FitRecord> Fits => _fits;

    /// <summary>What the fits look like on screen.</summary>
    public CurveProbe Probe { get; }

    /// <summary>Stops pacing (Ctrl-C): checked between its stages and between the placements it tries.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The clock position at which every fit shows its last step.</summary>
    public double End { get; }

    /// <summary>Clock steps per epoch (the reference fit's).</summary>
    public int StepsPerEpoch { get; }

    /// <summary>The fractional step fit <paramref name="fit"/> shows at clock position <paramref name="u"/>.</summary>
    public double Iteration(int fit, double u) =>
        u >= End ? _fits[fit].Steps : Math.Min((Math.Max(u, 0) + _start) * _stepsPerClockStep[fit], _fits[fit].Steps);

    /// <summary>Length of a row of <see cref="Sample"/>.</summary>
    public int RowLength => _fits.Count * CurveProbe.SampleCount;

    /// <summary>The pixel rows, at clock position <paramref name="u"/>, of what pacing follows for every fit.</summary>
    public void Sample(double u, Span<float> row)
    {
        // Every placement samples the path many times a frame: checking here stops any of them within moments.
        Cancellation.ThrowIfCancellationRequested();
        for (var k = 0; k < _fits.Count; k++)
        {
            var step = Iteration(k, u);
            _fits[k].Tween(step, _scratch[k]);
            Probe.Sample(_fits[k].Info.Model, _scratch[k], row.Slice(k * CurveProbe.SampleCount, CurveProbe.SampleCount));
        }
    }

    /// <summary>A clock over the same fits with its own scratch buffers, for use on another thread.</summary>
    public RunClock Copy() => new(_fits, Probe, _start, Cancellation);

    /// <summary>The same clock starting at position <paramref name="start"/> of this one (a clock starting at 0): positions on it are this one's less <paramref name="start"/>.</summary>
    public RunClock From(double start) => new(_fits, Probe, _start + start, Cancellation);

    /// <summary>The visible movement, between clock positions <paramref name="from"/> and <paramref name="to"/>, of what pacing follows.</summary>
    public double Displacement(double from, double to)
    {
        Sample(from, _rowA);
        Sample(to, _rowB);
        return Distance(_rowA, _rowB);
    }

    /// <summary>True when some fit shows inside the panel at clock position <paramref name="u"/>.</summary>
    public bool Shows(double u)
    {
        Sample(u, _rowC);
        return Probe.AnyInside(_rowC);
    }

    /// <summary>
    /// Bisects (<paramref name="low"/>, <paramref name="high"/>] for the first position whose curves are
    /// <paramref name="target"/> pixels from <paramref name="from"/>, assuming <paramref name="high"/> is at least that far.
    /// </summary>
    public double FirstAtDistance(double low, double high, ReadOnlySpan<float> from, float[] probe, double target, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            var middle = (low + high) / 2;
            Sample(middle, probe);
            (low, high) = Distance(from, probe) >= target ? (low, middle) : (middle, high);
        }
        return high;
    }

    /// <summary>
    /// How many frames at <paramref name="positions"/> reverse: their movement turns back on the previous frame's
    /// (see <see cref="Smoothness.ReversalCosine"/>): flicker, when a stochastic fit's noise makes it.
    /// </summary>
    public int Reversals(IReadOnlyList<double> positions) => Watch(positions).Reversals;

    /// <summary>
    /// What a viewer would notice in frames at <paramref name="positions"/> that the smoothness rule cannot see:
    /// frames that reverse (<see cref="Reversals"/>), and frames that show no fit inside the panel.
    /// </summary>
    public (int Reversals, int Empty) Watch(IReadOnlyList<double> positions)
    {
        // Three rows at a time (before, this, after): memory stays at three frames whatever the frame count.
        var (before, now, after) = (new float[RowLength], new float[RowLength], new float[RowLength]);
        var (empty, count) = (0, 0);
        for (var j = 0; j < positions.Count; j++)
        {
            (before, now, after) = (now, after, before);
            Sample(positions[j], after);
            empty += Probe.AnyInside(after) ? 0 : 1;
            count += j >= 2 && Probe.Reverses(before, now, after) ? 1 : 0;
        }
        return (count, empty);
    }

    /// <summary>The visible movement between two rows of <see cref="Sample"/> (<see cref="CurveProbe.Movement"/>).</summary>
    public double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Probe.Movement(a, b);
}
