namespace RegressionRender.Core.Fitting;

/// <summary>
/// The truthful tween between two kept steps a and b of a record. A straight line in parameter space between two
/// steps on opposite sides of the valley (oscillation, momentum overshoot, divergence, SGD noise) sweeps through
/// the valley floor and shows fits far better than the optimizer ever was. With δ = θ − θ* in the loss bowl's
/// metric (loss = loss(θ*) + ‖δ‖², exactly for least squares) and the floor at 99.5% of the lower of the two steps'
/// losses: where the line never dips below the floor (a fit converging from one side, the usual case) the tween is
/// the straight line, and so it is without an optimum. Where it dips but stays well away from the optimum, the
/// dipping points are <em>lifted</em> straight out onto the floor — the smallest change. Where it passes close to
/// the optimum (opposite steps: a diverging or oscillating fit), a lift would turn round the optimum in an
/// instant, so the tween <em>swings</em> round it at an even rate instead, its distance changing steadily from one
/// step's to the other's. A straight line (degree 1, least squares) swings as the viewer sees it instead: it
/// <em>pivots</em> about the point where the two steps' lines cross, turning the long way round, through the
/// vertical (<see cref="Pivot"/>): every line on the way is steeper or flatter than both and fits worse than both,
/// and no line is shown that does not pass through the point both steps share.
/// </summary>
/// <param name="center">The optimum θ*.</param>
/// <param name="centerLoss">Its loss.</param>
/// <param name="radius">Each kept step's distance from θ* in the bowl's metric.</param>
/// <param name="cosine">The cosine, in that metric, between each kept step's offset from θ* and the next one's.</param>
/// <param name="turns">For steps exactly opposite each other, the direction the swing turns through.</param>
/// <param name="lineAspect">
/// For a straight-line fit, the spread of x over the spread of y (the optimizer's units), which turns slopes into the
/// angles a viewer sees on a panel framing the data; null for any other model.
/// </param>
internal sealed class LevelPath(double[] center, double centerLoss, double[] radius, double[] cosine, IReadOnlyDictionary<int, double[]> turns, double? lineAspect)
{
    /// <summary>The optimum θ* the bowl is centred on (for the log-loss, which the bowl only roughly fits, all that its tweens use: <see cref="FitRecord.Tween"/>).</summary>
    public ReadOnlySpan<double> Center => center;

    /// <summary>True when the tween from kept entry <paramref name="entry"/> (parameters <paramref name="a"/>) to the next (<paramref name="b"/>) pivots through the vertical, where its loss soars.</summary>
    public bool Pivots(int entry, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Span<double> probe = stackalloc double[a.Length];
        return lineAspect is { } aspect && Swings(entry) && Pivot(0.5, aspect, a, b, probe);
    }

    /// <summary>True when the straight line from kept entry <paramref name="entry"/> passes so close to the optimum that the tween swings (or pivots).</summary>
    private bool Swings(int entry) => Departure(entry) is { Lifted: false };

    /// <summary>
    /// How the tween from kept entry <paramref name="entry"/> leaves the straight line: null when the line is truthful
    /// (or a step overflowed); else lifted onto the floor (the line stays well away from the optimum) or swung round it,
    /// with the floor, the radii and the cosine it needs.
    /// </summary>
    private (bool Lifted, double Floor, double Ra, double Rb, double C)? Departure(int entry)
    {
        var (ra, rb, c) = (radius[entry], radius[entry + 1], cosine[entry]);
        if (!double.IsFinite(ra) || !double.IsFinite(rb) || !double.IsFinite(c) || Math.Max(ra, rb) == 0 || StraightIsTruthful(ra, rb, c))
        {
            return null;
        }
        var floor = (Margin * (centerLoss + Math.Min(ra * ra, rb * rb))) - centerLoss;
        return (Closest(ra, rb, c) >= NearCenter * NearCenter * floor, floor, ra, rb, c);
    }

    /// <summary>Parameters (original units) a fraction <paramref name="t"/> of the way from kept entry a to b = a + 1; false when the straight line must do.</summary>
    public bool TryTween(int entry, double t, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) =>
        Departure(entry) is { } departure
        && (departure.Lifted
            ? Lift(t, departure.Ra, departure.Rb, departure.C, departure.Floor, a, b, destination)
            : (lineAspect is { } aspect && Pivot(t, aspect, a, b, destination)) || Swing(entry, t, departure.Ra, departure.Rb, departure.C, a, b, destination));

    /// <summary>
    /// The pivot, for two straight lines y = a₀ + b₀x and y = a₁ + b₁x whose straight tween would pass the best fit:
    /// the line turns about their crossing point P the long way round, its angle on screen changing at an even rate
    /// through the vertical. The lines through P fit worse the further their slope is from the best slope through P,
    /// which lies between b₀ and b₁ (that is why the straight tween dips), so the long way never shows a fit better than
    /// both steps. Used where the two lines are more than 90° apart on screen, so that the long way is the shorter turn
    /// (a diverging or wildly oscillating fit flipping from too steep one way to too steep the other); false otherwise,
    /// and for parallel lines (no crossing point): those swing.
    /// </summary>
    private static bool Pivot(double t, double aspect, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        var (from, to) = (Math.Atan(a[1] * aspect), Math.Atan(b[1] * aspect));
        var turn = b[1] - a[1];
        if (Math.Abs(to - from) <= PivotAngle || turn == 0)
        {
            return false;
        }
        var x = (a[0] - b[0]) / turn;
        var y = a[0] + (a[1] * x);
        // The long way: away from the other angle, round through ±90°, by π less the short way.
        var angle = from + (Math.Sign(from - to) * t * (Math.PI - Math.Abs(to - from)));
        angle = angle > Math.PI / 2 ? angle - Math.PI : angle < -Math.PI / 2 ? angle + Math.PI : angle;
        var slope = Math.Tan(angle) / aspect;
        destination[1] = slope;
        destination[0] = y - (slope * x);
        return double.IsFinite(slope) && double.IsFinite(destination[0]);
    }

    /// <summary>
    /// The lift: the straight line, each point whose loss would fall below the floor pushed straight out from the
    /// optimum onto it — the smallest change that keeps the tween truthful, used where the line stays well away from
    /// the optimum (a step across a narrow valley, a first step overshooting it), so the tween stays close to the line.
    /// </summary>
    private bool Lift(double t, double ra, double rb, double c, double floor, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        // The straight line's offset from the optimum, δ(t) = (1 − t)·δa + t·δb, and its squared length in the bowl.
        var squared = ((1 - t) * (1 - t) * ra * ra) + (t * t * rb * rb) + (2 * t * (1 - t) * ra * rb * c);
        if (squared >= floor)
        {
            return false;
        }
        var lift = Math.Sqrt(floor / Math.Max(squared, 1e-300));
        for (var k = 0; k < destination.Length; k++)
        {
            destination[k] = center[k] + (lift * (((1 - t) * (a[k] - center[k])) + (t * (b[k] - center[k]))));
        }
        return true;
    }

    /// <summary>
    /// The swing, where the straight line passes close to the optimum (steps on opposite sides: oscillation,
    /// divergence), and a lift would turn round it in an instant, in effect a cut: the direction from the optimum
    /// turns at an even rate from a's to b's (along the great circle between them in the bowl's metric, or through
    /// the turn direction when they are exactly opposite) while the distance changes geometrically from ra to rb, so
    /// the loss (the optimum's + distance²) never falls below the lower of the two.
    /// </summary>
    private bool Swing(int entry, double t, double ra, double rb, double c, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        var distance = Math.Pow(Math.Max(ra, 1e-300), 1 - t) * Math.Pow(Math.Max(rb, 1e-300), t);
        double wa, wb;
        double[]? through = null;
        if (c > LossBowl.OppositeCosine || !turns.TryGetValue(entry, out through))
        {
            var angle = Math.Acos(Math.Clamp(c, -1, 1));
            var sine = Math.Sin(angle);
            (wa, wb) = sine > 1e-9 ? (Math.Sin((1 - t) * angle) / sine, Math.Sin(t * angle) / sine) : (1 - t, t);
        }
        else
        {
            // Opposite: half a turn through the turn direction, corrected linearly onto b's exact direction.
            (wa, wb) = (Math.Cos(Math.PI * t) + t, t);
        }
        // Unnormalised direction, in original units: wa·ua + wb·ub (+ sin(πt)·turn), then scaled to the distance.
        var turn = through is null ? 0 : Math.Sin(Math.PI * t);
        // ‖wa·ua + wb·ub + turn·w‖² in the bowl: ua, ub unit with cosine c; w unit, orthogonal to ua and (nearly) to ub.
        var squared = (wa * wa) + (wb * wb) + (2 * wa * wb * c) + (turn * turn);
        var scale = distance / Math.Sqrt(Math.Max(squared, 1e-300));
        for (var k = 0; k < destination.Length; k++)
        {
            var direction = (wa * (a[k] - center[k]) / ra) + (wb * (b[k] - center[k]) / rb) + (turn * (through?[k] ?? 0));
            destination[k] = center[k] + (scale * direction);
        }
        return true;
    }

    /// <summary>The squared distance (in the bowl) from the optimum of the closest point of the straight line between the two steps.</summary>
    private static double Closest(double ra, double rb, double c)
    {
        // ‖(1 − t)·δa + t·δb‖² is lowest at t* = (ra² − ra·rb·c) / gap, or at an end.
        var gap = (ra * ra) + (rb * rb) - (2 * ra * rb * c);
        if (gap <= 0)
        {
            return ra * ra;
        }
        var lowestAt = ((ra * ra) - (ra * rb * c)) / gap;
        return lowestAt <= 0 ? ra * ra : lowestAt >= 1 ? rb * rb : ra * ra * rb * rb * (1 - (c * c)) / gap;
    }

    /// <summary>
    /// True when the straight line between the two steps never comes below 99% of the lower of their losses
    /// (in the bowl: its lowest point, from the radii and the angle): then the tween is the straight line.
    /// </summary>
    private bool StraightIsTruthful(double ra, double rb, double c) =>
        centerLoss + Closest(ra, rb, c) >= Margin * (centerLoss + Math.Min(ra * ra, rb * rb));

    /// <summary>
    /// Lines further apart than this on screen pivot (the long way is then the shorter turn); closer ones (noise, a
    /// gentle oscillation, a first overshoot from a flat start) swing, as a long turn would spin them round.
    /// </summary>
    private const double PivotAngle = Math.PI / 2;

    /// <summary>A straight line passing the optimum closer than this share of the floor's distance swings round it instead of being lifted.</summary>
    private const double NearCenter = 0.5;

    /// <summary>Stricter than the truth rule's 0.99, so that rounding never crosses it.</summary>
    private const double Margin = 0.995;
}
