namespace RegressionRender.Core.Fitting;

/// <summary>
/// The bowl of the loss around its optimum θ*, in the optimizer's own (possibly standardized) coordinates:
/// loss(θ* + δ) ≈ loss(θ*) + ‖δ‖², with ‖δ‖² = δᵀMδ and M half the Hessian at θ* (exact for least squares).
/// While fitting it measures each kept step — its radius ‖δ‖ and the angle to the next kept step — so that a
/// tween between two steps can be lifted off the valley floor where the straight line would cross it (see
/// <see cref="LevelPath"/>).
/// </summary>
internal sealed class LossBowl
{
    /// <summary>Below this cosine two steps lie on opposite sides of the optimum: the straight line between them may pass through it.</summary>
    public const double OppositeCosine = -0.999;

    private readonly double[] _center;
    private readonly double[] _metric;
    private readonly int _p;
    private readonly List<double> _radius = [];
    private readonly List<double> _cosine = [];
    private readonly Dictionary<int, double[]> _turns = [];
    private readonly double[] _delta;
    private readonly double[] _previous;
    private readonly double[] _product;

    public LossBowl(double[] center, double[] metric)
    {
        _center = center;
        _metric = metric;
        _p = center.Length;
        _delta = new double[_p];
        _previous = new double[_p];
        _product = new double[_p];
    }

    /// <summary>Measures the next kept step (fitted coordinates), after the one measured before it.</summary>
    public void Add(ReadOnlySpan<double> parameters)
    {
        for (var k = 0; k < _p; k++)
        {
            _delta[k] = parameters[k] - _center[k];
        }
        Multiply(_delta, _product);
        var radius = Math.Sqrt(Math.Max(0, Dot(_delta, _product)));
        if (_radius.Count > 0)
        {
            var previousRadius = _radius[^1];
            var cosine = Math.Clamp(Dot(_previous, _product) / (previousRadius * radius), -1, 1);
            _cosine.Add(double.IsFinite(cosine) ? cosine : double.NaN);
            if (cosine < OppositeCosine)
            {
                _turns[_radius.Count - 1] = Oriented(Turn(previousRadius), Math.Sqrt(previousRadius * radius));
            }
        }
        _radius.Add(double.IsFinite(radius) ? radius : double.NaN);
        _delta.CopyTo(_previous, 0);
    }

    /// <summary>The measurements of every kept step, for the record.</summary>
    public LevelPath ToPath(double[] center, double centerLoss, double? lineAspect) => new(center, centerLoss, [.. _radius], [.. _cosine], _turns, lineAspect);

    /// <summary>
    /// A unit direction (in M) orthogonal to the previous step's, from the first axis that is not
    /// along it: where the straight line between two opposite steps passes exactly through the optimum, the tween
    /// passes through this direction instead (<see cref="LevelPath"/>).
    /// </summary>
    private double[] Turn(double previousRadius)
    {
        var unit = new double[_p];
        var other = new double[_p];
        var along = new double[_p];
        Multiply(_previous, along);
        for (var axis = 0; axis < _p; axis++)
        {
            Array.Clear(unit);
            unit[axis] = 1;
            // Gram–Schmidt in M against the previous step's direction.
            var share = along[axis] / (previousRadius * previousRadius);
            for (var k = 0; k < _p; k++)
            {
                unit[k] -= share * _previous[k];
            }
            Multiply(unit, other);
            var norm = Math.Sqrt(Math.Max(0, Dot(unit, other)));
            if (norm > 1e-9 * Math.Sqrt(Math.Abs(_metric[(axis * _p) + axis])) && double.IsFinite(norm))
            {
                for (var k = 0; k < _p; k++)
                {
                    unit[k] /= norm;
                }
                return unit;
            }
        }
        return new double[_p];
    }

    /// <summary>
    /// The turn direction or its mirror image, which are equally truthful (the same distance from the optimum): the one
    /// whose halfway fit keeps the sign that both steps give a coefficient, or one gives and the other leaves at zero (a
    /// slope rising from a flat start is not drawn falling on the way); the first when they tie.
    /// </summary>
    private double[] Oriented(double[] turn, double halfway)
    {
        int WrongSigns(double sign)
        {
            var wrong = 0;
            for (var k = 1; k < _p; k++)
            {
                var (a, b, middle) = (Math.Sign(_center[k] + _previous[k]), Math.Sign(_center[k] + _delta[k]), Math.Sign(_center[k] + (sign * halfway * turn[k])));
                var kept = a != 0 ? a : b; // a step at zero (a start at the origin) leaves the other's sign to keep
                wrong += a * b >= 0 && kept != 0 && middle != kept ? 1 : 0;
            }
            return wrong;
        }
        if (WrongSigns(-1) < WrongSigns(1))
        {
            for (var k = 0; k < _p; k++)
            {
                turn[k] = -turn[k];
            }
        }
        return turn;
    }

    private void Multiply(double[] vector, double[] result)
    {
        for (var j = 0; j < _p; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < _p; k++)
            {
                sum += _metric[(j * _p) + k] * vector[k];
            }
            result[j] = sum;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
