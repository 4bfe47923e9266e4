namespace RegressionRender.Core.Fitting;

/// <summary>
/// The truthful tween between two kept steps a and b of a record. A straight line in parameter space between two
/// steps on opposite sides of the valley (oscillation, momentum overshoot, divergence, SGD noise) sweeps through
/// the valley floor and shows fits far better than the optimizer ever was. This path instead keeps to the loss
/// bowl's level sets: with δ = θ − θ*, its radius ‖δ‖ goes from ‖δa‖ to ‖δb‖ (‖δ‖² linearly, so that for least
/// squares the loss goes linearly from loss(a) to loss(b)) while its direction turns evenly from δa's to δb's
/// (slerp in the bowl's metric; through a fixed third direction when they are opposite). Where a and b lie on
/// one ray from θ* it is the straight line. Where the straight line itself stays above 99% of the lower loss (a
/// fit converging from one side, the usual case), the tween is the straight line; so it is without an optimum.
/// </summary>
internal sealed class LevelPath(double[] center, double centerLoss, double[] radius, double[] cosine, IReadOnlyDictionary<int, LevelTurn> turns)
{
    /// <summary>Parameters (original units) a fraction <paramref name="t"/> of the way from kept entry a to b = a + 1; false when the straight line must do.</summary>
    public bool TryTween(int entry, double t, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        var ra = radius[entry];
        var rb = radius[entry + 1];
        var c = cosine[entry];
        if (!double.IsFinite(ra) || !double.IsFinite(rb) || !double.IsFinite(c) || Math.Min(ra, rb) <= 1e-12 * Math.Max(ra, rb) || Math.Max(ra, rb) == 0)
        {
            return false;
        }
        if (StraightIsTruthful(ra, rb, c))
        {
            return false;
        }
        var r = Math.Sqrt(((1 - t) * ra * ra) + (t * rb * rb));
        double alpha, beta, gamma = 0;
        double[]? turn = null;
        if (turns.TryGetValue(entry, out var through))
        {
            // a → the turn direction (a quarter circle), then the turn direction → b.
            turn = through.Direction;
            if (t < 0.5)
            {
                (alpha, beta, gamma) = (Math.Cos(t * Math.PI), 0, Math.Sin(t * Math.PI));
            }
            else
            {
                var (first, second) = Slerp(through.CosineToNext, (2 * t) - 1);
                (alpha, beta, gamma) = (0, second, first);
            }
        }
        else
        {
            (alpha, beta) = Slerp(c, t);
        }
        for (var k = 0; k < destination.Length; k++)
        {
            var direction = (alpha * (a[k] - center[k]) / ra) + (beta * (b[k] - center[k]) / rb) + (turn is null ? 0 : gamma * turn[k]);
            destination[k] = center[k] + (r * direction);
        }
        return true;
    }

    /// <summary>
    /// True when the straight line between the two steps never comes below 99% of the lower of their losses
    /// (in the bowl: its lowest point, from the radii and the angle): then the tween is the straight line.
    /// </summary>
    private bool StraightIsTruthful(double ra, double rb, double c)
    {
        var gap = (ra * ra) + (rb * rb) - (2 * ra * rb * c);
        if (gap <= 0)
        {
            return true;
        }
        // ‖(1 − t)·δa + t·δb‖² is lowest at t* = (ra² − ra·rb·c) / gap.
        var lowestAt = ((ra * ra) - (ra * rb * c)) / gap;
        if (lowestAt <= 0 || lowestAt >= 1)
        {
            return true;
        }
        var lowest = ra * ra * rb * rb * (1 - (c * c)) / gap;
        return centerLoss + lowest >= Margin * (centerLoss + Math.Min(ra * ra, rb * rb));
    }

    /// <summary>Stricter than the truth rule's 0.99, so that rounding never crosses it.</summary>
    private const double Margin = 0.995;

    /// <summary>Weights of two unit vectors with cosine <paramref name="cosine"/> for a unit vector a fraction t of the way along the arc between them.</summary>
    private static (double First, double Second) Slerp(double cosine, double t)
    {
        var angle = Math.Acos(Math.Clamp(cosine, -1, 1));
        if (angle < 1e-4)
        {
            // Nearly one direction: normalised lerp (its norm from the cosine, no metric needed).
            var norm = Math.Sqrt(((1 - t) * (1 - t)) + (t * t) + (2 * t * (1 - t) * cosine));
            return ((1 - t) / norm, t / norm);
        }
        var sine = Math.Sin(angle);
        return (Math.Sin((1 - t) * angle) / sine, Math.Sin(t * angle) / sine);
    }
}
