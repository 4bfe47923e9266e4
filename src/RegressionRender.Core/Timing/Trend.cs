using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Timing;

/// <summary>
/// The drift of a stochastic fit under its noise: at each kept step, the mean of the kept steps within a
/// half-width around it (narrowing at the ends, so that it starts at step 0 and ends at the final step exactly).
/// Visual pacing follows the trend of a stochastic fit, so that frames are spaced by how the fit really moves,
/// not by its jitter; the frames themselves still show recorded steps (<see cref="FrameDisplay"/>). Never drawn.
/// </summary>
internal sealed class Trend
{
    private readonly FitRecord _record;
    private readonly double[] _prefix;
    private readonly int[] _halfWidth;
    private readonly int _p;

    /// <param name="record">The fit.</param>
    /// <param name="halfWidthInSteps">The half-width of the average at a kept step, in optimizer steps.</param>
    public Trend(FitRecord record, Func<int, double> halfWidthInSteps)
    {
        _record = record;
        _p = record.ParameterCount;
        var count = record.EntryCount;
        _prefix = new double[(count + 1) * _p];
        _halfWidth = new int[count];
        for (var i = 0; i < count; i++)
        {
            var entry = record.Entry(i);
            for (var k = 0; k < _p; k++)
            {
                _prefix[((i + 1) * _p) + k] = _prefix[(i * _p) + k] + entry[k];
            }
            var half = (int)Math.Round(halfWidthInSteps(record.EntryStep(i)) / record.Stride);
            _halfWidth[i] = Math.Max(0, Math.Min(half, Math.Min(i, count - 1 - i)));
        }
    }

    /// <summary>True when the trend averages at the kept step at or before <paramref name="step"/>, rather than following the path.</summary>
    public bool Averages(double step) => _halfWidth[_record.EntryAtOrBefore(step)] > 0;

    /// <summary>The trend at a fractional step: straight between the trend values of the kept steps around it.</summary>
    public void At(double step, Span<double> destination)
    {
        var (lower, upper, fraction) = _record.Bracket(step);
        for (var k = 0; k < _p; k++)
        {
            destination[k] = Value(lower, k);
        }
        if (upper != lower)
        {
            for (var k = 0; k < _p; k++)
            {
                destination[k] += fraction * (Value(upper, k) - destination[k]);
            }
        }
    }

    private double Value(int entry, int k)
    {
        var h = _halfWidth[entry];
        if (h == 0)
        {
            return _record.Entry(entry)[k];
        }
        return (_prefix[((entry + h + 1) * _p) + k] - _prefix[((entry - h) * _p) + k]) / ((2 * h) + 1);
    }
}
