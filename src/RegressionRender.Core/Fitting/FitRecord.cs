namespace RegressionRender.Core.Fitting;

/// <summary>
/// Every step of one optimizer run: step 0 is the initial parameters, step <see cref="Steps"/> the last
/// update. Read-only once built; the timeline reads parameters at fractional steps from it.
/// </summary>
public sealed class FitRecord
{
    private readonly double[] _parameters;
    private readonly double[] _loss;
    private readonly double[] _gradientNorm;

    internal FitRecord(FitRecordInfo info, double[] parameters, double[] loss, double[] gradientNorm)
    {
        Info = info;
        _parameters = parameters;
        _loss = loss;
        _gradientNorm = gradientNorm;
    }

    /// <summary>What was fitted and how.</summary>
    public FitRecordInfo Info { get; }

    /// <summary>Number of parameters per step.</summary>
    public int ParameterCount => Info.ParameterCount;

    /// <summary>Index of the last recorded step (0 when nothing was updated).</summary>
    public int Steps => _loss.Length - 1;

    /// <summary>Parameters after <paramref name="step"/> updates.</summary>
    public ReadOnlySpan<double> ParametersAt(int step) => _parameters.AsSpan(step * ParameterCount, ParameterCount);

    /// <summary>MSE after <paramref name="step"/> updates.</summary>
    public double LossAt(int step) => _loss[step];

    /// <summary>Norm of the full-data gradient after <paramref name="step"/> updates.</summary>
    public double GradientNormAt(int step) => _gradientNorm[step];

    /// <summary>The parameters after the last step.</summary>
    public ReadOnlySpan<double> Final => ParametersAt(Steps);

    /// <summary>The loss after the last step.</summary>
    public double FinalLoss => _loss[Steps];

    /// <summary>Parameters at a fractional step, interpolated linearly between the neighbouring steps.</summary>
    public void Interpolate(double step, Span<double> destination)
    {
        var (lower, fraction) = Split(step);
        var a = ParametersAt(lower);
        if (fraction == 0)
        {
            a.CopyTo(destination);
            return;
        }
        var b = ParametersAt(lower + 1);
        for (var k = 0; k < ParameterCount; k++)
        {
            destination[k] = a[k] + ((b[k] - a[k]) * fraction);
        }
    }

    /// <summary>Loss at a fractional step, interpolated like the parameters.</summary>
    public double LossAtFraction(double step)
    {
        var (lower, fraction) = Split(step);
        return fraction == 0 ? _loss[lower] : _loss[lower] + ((_loss[lower + 1] - _loss[lower]) * fraction);
    }

    /// <summary>The epoch a (fractional) step belongs to: 0 before the first update, then 1, 2, ….</summary>
    public int EpochOf(double step) => (int)Math.Ceiling(Math.Round(step, 9) / Info.StepsPerEpoch);

    private (int Lower, double Fraction) Split(double step)
    {
        var clamped = Math.Clamp(step, 0, Steps);
        var lower = Math.Min((int)Math.Floor(clamped), Steps);
        return (lower, lower == Steps ? 0 : clamped - lower);
    }
}

/// <summary>Facts about a fit that do not change per step.</summary>
/// <param name="Label">Name in the legend and the plan.</param>
/// <param name="ParameterCount">Parameters per step.</param>
/// <param name="StepsPerEpoch">Updates per pass over the data.</param>
/// <param name="Epochs">Passes asked for.</param>
/// <param name="DivergedAtStep">The step at which the loss blew up, or null.</param>
/// <param name="Target">The closed-form optimum, or null when there is none.</param>
/// <param name="TargetLoss">The loss at <paramref name="Target"/>.</param>
public sealed record FitRecordInfo(
    string Label,
    int ParameterCount,
    int StepsPerEpoch,
    int Epochs,
    int? DivergedAtStep,
    double[]? Target,
    double? TargetLoss)
{
    /// <summary>True when the run was stopped because the loss blew up.</summary>
    public bool Diverged => DivergedAtStep is not null;
}
