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
    private readonly float[] _rowA;
    private readonly float[] _rowB;

    public RunClock(IReadOnlyList<FitRecord> fits, CurveProbe probe, CancellationToken cancellation = default)
    {
        _fits = fits;
        Probe = probe;
        Cancellation = cancellation;
        var reference = fits.MaxBy(f => (double)f.Steps / f.Info.StepsPerEpoch)!;
        End = reference.Steps;
        StepsPerEpoch = reference.Info.StepsPerEpoch;
        _stepsPerClockStep = [.. fits.Select(f => (double)f.Info.StepsPerEpoch / reference.Info.StepsPerEpoch)];
        _scratch = [.. fits.Select(f => new double[f.ParameterCount])];
        _rowA = new float[RowLength];
        _rowB = new float[RowLength];
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
        u >= End ? _fits[fit].Steps : Math.Min(Math.Max(u, 0) * _stepsPerClockStep[fit], _fits[fit].Steps);

    /// <summary>Length of a row of <see cref="Sample"/>.</summary>
    public int RowLength => _fits.Count * CurveProbe.SampleCount;

    /// <summary>The pixel rows, at clock position <paramref name="u"/>, of what pacing follows for every fit.</summary>
    public void Sample(double u, Span<float> row)
    {
        for (var k = 0; k < _fits.Count; k++)
        {
            var step = Iteration(k, u);
            _fits[k].Tween(step, _scratch[k]);
            Probe.Sample(_fits[k].Info.Model, _scratch[k], row.Slice(k * CurveProbe.SampleCount, CurveProbe.SampleCount));
        }
    }

    /// <summary>A clock over the same fits with its own scratch buffers, for use on another thread.</summary>
    public RunClock Copy() => new(_fits, Probe, Cancellation);

    /// <summary>The visible movement, between clock positions <paramref name="from"/> and <paramref name="to"/>, of what pacing follows.</summary>
    public double Displacement(double from, double to)
    {
        Sample(from, _rowA);
        Sample(to, _rowB);
        return Distance(_rowA, _rowB);
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
        var rows = positions.Select(u =>
        {
            var row = new float[RowLength];
            Sample(u, row);
            return row;
        }).ToArray();
        var empty = rows.Count(row => !Probe.AnyInside(row));
        var count = 0;
        for (var j = 1; j < rows.Length - 1; j++)
        {
            double dot = 0, before = 0, after = 0;
            for (var s = 0; s < RowLength; s++)
            {
                var a = Probe.Clamp(rows[j][s]) - Probe.Clamp(rows[j - 1][s]);
                var b = Probe.Clamp(rows[j + 1][s]) - Probe.Clamp(rows[j][s]);
                (dot, before, after) = (dot + (a * b), before + (a * a), after + (b * b));
            }
            var floor = Smoothness.ReversalPixels * Smoothness.ReversalPixels * RowLength;
            if (before >= floor && after >= floor && dot < Smoothness.ReversalCosine * Math.Sqrt(before * after))
            {
                count++;
            }
        }
        return (count, empty);
    }

    /// <summary>The visible movement between two rows of <see cref="Sample"/> (<see cref="CurveProbe.Movement"/>).</summary>
    public double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Probe.Movement(a, b);
}
