namespace RegressionRender.Core.Fitting;

/// <summary>
/// The record of one optimizer run: parameters (the optimizer's own, in the scaling of <see cref="RegressionModel.Scaling"/>;
/// <see cref="InDataUnits"/> converts), loss and gradient norm after each step,
/// step 0 being the initial parameters and step <see cref="Steps"/> the last update. Every step is kept up to
/// <see cref="Fitter.RecordLimit"/>; longer runs keep every <see cref="Stride"/>-th step plus the last, and
/// parameters at any (fractional) step are interpolated between the kept steps around it.
/// </summary>
public sealed class FitRecord
{
    private readonly double[] _parameters;
    private readonly double[] _loss;
    private readonly double[] _gradientNorm;
    private readonly LevelPath? _levels;
    private readonly IObjective _objective;

    internal FitRecord(FitRecordInfo info, int steps, int stride, double[] parameters, double[] loss, double[] gradientNorm, LevelPath? levels, IObjective objective)
    {
        _levels = levels;
        _objective = objective;
        Info = info;
        Steps = steps;
        Stride = stride;
        _parameters = parameters;
        _loss = loss;
        _gradientNorm = gradientNorm;
    }

    /// <summary>What was fitted and how.</summary>
    public FitRecordInfo Info { get; }

    /// <summary>Number of parameters per step.</summary>
    public int ParameterCount => Info.ParameterCount;

    /// <summary>The last step (the number of updates made).</summary>
    public int Steps { get; }

    /// <summary>Steps between kept entries: 1 unless the run was longer than the record limit.</summary>
    public int Stride { get; }

    /// <summary>Number of kept entries.</summary>
    public int EntryCount => _loss.Length;

    /// <summary>The step of kept entry <paramref name="entry"/>.</summary>
    public int EntryStep(int entry) => entry == EntryCount - 1 ? Steps : entry * Stride;

    /// <summary>Parameters of kept entry <paramref name="entry"/>.</summary>
    public ReadOnlySpan<double> Entry(int entry) => _parameters.AsSpan(entry * ParameterCount, ParameterCount);

    /// <summary>Loss of kept entry <paramref name="entry"/>.</summary>
    public double EntryLoss(int entry) => _loss[entry];

    /// <summary>Gradient norm (full data) of kept entry <paramref name="entry"/>.</summary>
    public double EntryGradientNorm(int entry) => _gradientNorm[entry];

    /// <summary>Parameters after exactly <paramref name="step"/> updates (a kept step).</summary>
    public ReadOnlySpan<double> ParametersAt(int step) => Entry(EntryOf(step));

    /// <summary>Loss after exactly <paramref name="step"/> updates (a kept step).</summary>
    public double LossAt(int step) => _loss[EntryOf(step)];

    /// <summary>Gradient norm after exactly <paramref name="step"/> updates (a kept step).</summary>
    public double GradientNormAt(int step) => _gradientNorm[EntryOf(step)];

    /// <summary>The parameters after the last step.</summary>
    public ReadOnlySpan<double> Final => Entry(EntryCount - 1);

    /// <summary>The loss after the last step.</summary>
    public double FinalLoss => _loss[^1];

    /// <summary>
    /// The parameters drawn at a fractional step: a kept step exactly, or the truthful tween between the two kept
    /// steps around it: the straight line, lifted off the valley floor where it would show a better fit than both (<see cref="LevelPath"/>).
    /// The log-loss is only roughly that bowl (far from it on raw x, where a swing round the optimum in the bowl's metric
    /// turns the sigmoid the wrong way): its tween is the straight line, each point that would flatter the fit raised
    /// straight out from the optimum onto the level of the lower step (<see cref="Raise"/>); where there is no optimum
    /// to raise from (<see cref="Holds"/>), the nearer of the two steps: a cut halfway.
    /// </summary>
    public void Tween(double step, Span<double> destination)
    {
        var (lower, fraction) = Split(step);
        if (fraction == 0 || Holds(lower))
        {
            Entry(fraction < 0.5 ? lower : lower + 1).CopyTo(destination);
            return;
        }
        Path(lower, fraction, destination);
        if (_levels is not null && _objective is not SquaredLoss && !Raise(HoldMargin * Math.Min(_loss[lower], _loss[lower + 1]), destination))
        {
            Entry(fraction < 0.5 ? lower : lower + 1).CopyTo(destination);
        }
    }

    /// <summary>The tween a fraction of the way from kept entry <paramref name="lower"/> to the next, before any raise or hold: the bowl's level path for least squares, else the straight line.</summary>
    private void Path(int lower, double fraction, Span<double> destination)
    {
        if (_levels is null || _objective is not SquaredLoss || !_levels.TryTween(lower, fraction, Entry(lower), Entry(lower + 1), destination))
        {
            Lerp(Entry(lower), Entry(lower + 1), fraction, destination);
        }
    }

    /// <summary>
    /// True when the frames between kept entry <paramref name="entry"/> and the next hold a step instead of tweening:
    /// there is no optimum to raise the tween from (none found) and the straight line between the two steps would show
    /// a fit better than both (loss below <see cref="HoldMargin"/> × the lower of theirs) at one of a few points checked,
    /// once per segment.
    /// </summary>
    public bool Holds(int entry)
    {
        if (_levels is not null)
        {
            return false;
        }
        _held ??= new byte[Math.Max(EntryCount - 1, 1)];
        if (_held[entry] == 0)
        {
            var floor = HoldMargin * Math.Min(_loss[entry], _loss[entry + 1]);
            var probe = new double[ParameterCount];
            var flatters = false;
            for (var i = 1; i < HoldChecks && !flatters; i++)
            {
                Path(entry, (double)i / HoldChecks, probe);
                flatters = !(_objective.Loss(probe) >= floor);
            }
            _held[entry] = flatters ? (byte)2 : (byte)1;
        }
        return _held[entry] == 2;
    }

    /// <summary>
    /// Moves <paramref name="point"/>, if its loss is below <paramref name="floor"/>, straight out from the optimum until
    /// its loss is the floor: along any ray from the minimiser a convex loss only rises, so the raised point is the
    /// nearest one on that ray that does not flatter, and it moves continuously with the tween. False when the loss
    /// never reaches the floor along the ray (then the caller holds a step).
    /// </summary>
    /// <remarks>
    /// Newton's method along the ray finds the crossing in a handful of loss evaluations (a bisection took about
    /// twenty, and sampling such tweens is most of the pacing time of a logistic fit on raw x): a convex function lies
    /// above its tangents, so from below the floor the first step lands at or past the crossing, and from there every
    /// step stays on that side and closes in quadratically. Where rounding breaks that, it steps on outward; where the
    /// loss stops rising along the ray, the bisection decides.
    /// </remarks>
    private bool Raise(double floor, Span<double> point)
    {
        if (_objective.Loss(point) >= floor)
        {
            return true;
        }
        var center = _levels!.Center;
        Span<double> ray = stackalloc double[point.Length];
        for (var k = 0; k < ray.Length; k++)
        {
            ray[k] = point[k] - center[k];
        }
        Span<double> probe = stackalloc double[point.Length];
        var (loss, slope) = _objective.LossAndSlope(point, ray);
        var scale = 1 + ((floor - loss) / slope);
        for (var round = 0; round < NewtonRounds && slope > 0 && scale is > 1 and <= RaiseLimit; round++)
        {
            (loss, slope) = _objective.LossAndSlope(Scaled(center, point, scale, probe), ray);
            var next = scale - ((loss - floor) / slope);
            if (loss >= floor && scale - next <= RaisePrecision * scale)
            {
                probe.CopyTo(point);
                return true;
            }
            // Short of the floor (rounding, where the loss is nearly straight along the ray): on outward.
            scale = loss >= floor ? next : Math.Max(next, scale * (1 + RaisePrecision));
        }
        return Bisect(floor, point);
    }

    /// <summary><see cref="Raise"/> by doubling the distance from the optimum until the loss reaches the floor, then bisecting.</summary>
    private bool Bisect(double floor, Span<double> point)
    {
        var center = _levels!.Center;
        Span<double> probe = stackalloc double[point.Length];
        var (low, high) = (1.0, 2.0);
        while (!(_objective.Loss(Scaled(center, point, high, probe)) >= floor))
        {
            (low, high) = (high, high * 2);
            if (high > RaiseLimit)
            {
                return false;
            }
        }
        while (high - low > RaisePrecision * high)
        {
            var middle = 0.5 * (low + high);
            (low, high) = _objective.Loss(Scaled(center, point, middle, probe)) >= floor ? (low, middle) : (middle, high);
        }
        Scaled(center, point, high, probe).CopyTo(point);
        return true;
    }

    /// <summary>The point <paramref name="scale"/> times as far from <paramref name="center"/> as <paramref name="point"/>, written to <paramref name="destination"/>.</summary>
    private static Span<double> Scaled(ReadOnlySpan<double> center, ReadOnlySpan<double> point, double scale, Span<double> destination)
    {
        for (var k = 0; k < destination.Length; k++)
        {
            destination[k] = center[k] + (scale * (point[k] - center[k]));
        }
        return destination;
    }

    /// <summary>How far out (times its distance) a point may be raised before the tween holds a step instead.</summary>
    private const double RaiseLimit = 1e6;

    /// <summary>Relative precision of a raise: far below a pixel; the raised point is on the safe side of it.</summary>
    private const double RaisePrecision = 1e-7;

    /// <summary>Newton steps a raise takes before it bisects instead (it needs about five).</summary>
    private const int NewtonRounds = 30;

    /// <summary>Per segment between kept entries: 0 unchecked, 1 tweened, 2 held (<see cref="Holds"/>); benign races between threads.</summary>
    private byte[]? _held;

    /// <summary>Points of a segment checked for <see cref="Holds"/>, less one.</summary>
    private const int HoldChecks = 16;

    /// <summary>Stricter than the truth rule's 0.99, so that a dip between the points checked does not cross it.</summary>
    private const double HoldMargin = 0.995;

    /// <summary>
    /// True when some tween may show a loss far above both of its steps' (a line pivoting through the vertical, or a fit
    /// that diverged): its readouts can then print numbers as large as 10⁹⁹, and their box makes room for them.
    /// </summary>
    public bool SoaringTweens => _soaring ??= Info.Diverged || (_levels is { } levels && Enumerable.Range(0, EntryCount - 1).Any(e => levels.Pivots(e, Entry(e), Entry(e + 1))));

    private bool? _soaring;

    /// <summary>The kept entries the (fractional) step lies between, and how far along: (e, e, 0) on a kept step.</summary>
    public (int Lower, int Upper, double Fraction) Bracket(double step)
    {
        var (lower, fraction) = Split(step);
        return fraction == 0 ? (lower, lower, 0) : (lower, lower + 1, fraction);
    }

    /// <summary>The loss (as recorded: MSE or log-loss, with the penalty) of any parameters (the optimizer's), recomputed from the data.</summary>
    public double LossOf(ReadOnlySpan<double> parameters) => _objective.Loss(parameters);

    /// <summary>
    /// The same curve's coefficients in powers of x itself (the data's units), for printing and export. For a
    /// standardized fit of high degree on large x (years) these lose precision; the curve is drawn from the
    /// parameters themselves.
    /// </summary>
    public double[] InDataUnits(ReadOnlySpan<double> parameters)
    {
        var original = new double[parameters.Length];
        Info.Scaling.ToOriginal(parameters, original);
        return original;
    }

    /// <summary>
    /// True when the fit did not diverge and ends within 1% of the way from its starting loss to the optimum's
    /// (false when there is no optimum to compare with).
    /// </summary>
    public bool Converged => !Info.Diverged && Info.TargetLoss is { } best
        && FinalLoss - best <= Math.Max(0.01 * (_loss[0] - best), 1e-9 * Math.Max(1, Math.Abs(best)));


    /// <summary>Parameters at a fractional step on the straight line between the kept steps around it.</summary>
    public void Interpolate(double step, Span<double> destination)
    {
        var (lower, fraction) = Split(step);
        var a = Entry(lower);
        if (fraction == 0)
        {
            a.CopyTo(destination);
            return;
        }
        Lerp(a, Entry(lower + 1), fraction, destination);
    }

    private static void Lerp(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double fraction, Span<double> destination)
    {
        for (var k = 0; k < a.Length; k++)
        {
            destination[k] = a[k] + ((b[k] - a[k]) * fraction);
        }
    }

    /// <summary>The epoch a (fractional) step belongs to: 0 before the first update, then 1, 2, ….</summary>
    public int EpochOf(double step) => (int)Math.Ceiling(Math.Round(step, 9) / Info.StepsPerEpoch);

    private int EntryOf(int step)
    {
        if (step == Steps)
        {
            return EntryCount - 1;
        }
        if (step < 0 || step > Steps || step % Stride != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"step {step} is not kept (every {Stride}th of {Steps} is)");
        }
        return step / Stride;
    }

    private (int Lower, double Fraction) Split(double step)
    {
        var clamped = Math.Clamp(step, 0, Steps);
        var lower = Math.Min((int)Math.Floor(clamped / Stride), EntryCount - 1);
        if (lower == EntryCount - 1)
        {
            return (lower, 0);
        }
        var from = EntryStep(lower);
        var to = EntryStep(lower + 1);
        return (lower, (clamped - from) / (to - from));
    }
}

/// <summary>Facts about a fit that do not change per step.</summary>
/// <param name="Label">Name in the legend and the plan.</param>
/// <param name="Model">The fitted function.</param>
/// <param name="StepsPerEpoch">Updates per pass over the data.</param>
/// <param name="Epochs">Passes asked for.</param>
/// <param name="DivergedAtStep">The step at which the loss blew up, or null.</param>
/// <param name="Target">The closed-form optimum (the optimizer's parameters), or null when there is none.</param>
/// <param name="TargetLoss">The loss at <paramref name="Target"/>.</param>
/// <param name="NoTargetReason">Why there is no target, when there is none.</param>
/// <param name="Scaling">The feature scaling the optimizer worked in.</param>
/// <param name="L2">The ridge penalty λ.</param>
public sealed record FitRecordInfo(
    string Label,
    RegressionModel Model,
    int StepsPerEpoch,
    int Epochs,
    int? DivergedAtStep,
    double[]? Target,
    double? TargetLoss,
    string? NoTargetReason,
    FeatureScaling Scaling,
    double L2)
{
    /// <summary>Parameters per step.</summary>
    public int ParameterCount => Model.ParameterCount;

    /// <summary>True when the run was stopped because the loss blew up.</summary>
    public bool Diverged => DivergedAtStep is not null;
}
