namespace RegressionRender.Core.Timing;

/// <summary>
/// Visual pacing: frames spaced so that the curves move by equal on-screen distances, shaped by the easing. Three
/// stages, each run only when the one before found no plan that keeps the smoothness rule with room to spare
/// without flickering (<see cref="Smoothness"/>): (1) the inverse of the visible-movement measure, phase-locked
/// from a few spacings and refined, plus for stochastic fits the walk along their trend (<see cref="TrendWalk"/>),
/// tried first and taken at once when it is calm and clearly smooth;
/// (2) walks along the record (<see cref="VisualWalk"/>, <see cref="BudgetWalk"/>); (3) for a deterministic fit
/// that still flickers, its trend walk. Among the plans that keep the rule and reach the final step only on the
/// last frame, the one with the fewest reversals wins (up to the calm share they count alike), then the smoothest.
/// When none keeps the rule with room to spare, (4) the two smoothest are polished frame by frame
/// (<see cref="JumpPolish"/>); a plan that keeps the rule at all then wins, and failing that the one that breaks it least.
/// </summary>
internal static class VisualPacing
{
    /// <summary>How far under the busiest limit a plan must stay to keep the rule with room to spare (the drawn frames round).</summary>
    private const double BusiestMargin = 0.01;

    /// <summary>A stochastic fit's trend walk scoring at most this (half the jump limit) is taken without trying the placements.</summary>
    private const double ClearlySmooth = 0.5;

    /// <summary>Most knots the visual walk scans (their pixel rows are kept in memory).</summary>
    private const int MaxWalkKnots = 20_000;

    /// <summary>How far along the path a frame of the budget walk looks for its movement, in multiples of it (<see cref="BudgetWalk"/>).</summary>
    private static readonly double[] BudgetReaches = [3, 12];

    /// <summary>Frame spacings, in epochs, at which snapping to whole epochs may begin (∞ = never).</summary>
    private static readonly double[] LockThresholds = [double.PositiveInfinity, 0.3, 0.75, 1.5, 3];

    /// <summary>Clock positions for eased progress values (first 0, last the end).</summary>
    public static double[] Positions(IReadOnlyList<double> eased, RunClock clock)
    {
        var (knots, cumulative) = VisibleMovement.Measure(clock);
        clock.Cancellation.ThrowIfCancellationRequested();
        var total = cumulative[^1];
        if (total <= 1e-9)
        {
            return [.. eased.Select(e => Math.Clamp(e, 0, 1) * clock.End)];
        }
        var inverse = Invert(eased, knots, cumulative, clock.End);
        var calm = (int)Math.Floor(Smoothness.FlickerShare * eased.Count);
        // A stochastic fit is in its noise for much of the run: its walk along the trend comes first, and when it is
        // calm and well within the rule (the seed), it is the plan: nothing else is tried.
        var stochastic = clock.Fits.Any(f => f.Info.StepsPerEpoch > 1);
        var judged = new List<Judged>();
        if (stochastic && TrendWalk.Positions(eased, clock) is { } trend)
        {
            judged.Add(Judge(trend, clock));
            if (Choose(judged, calm, headroom: ClearlySmooth) is { } clear && clear.Reversals <= calm)
            {
                return clear.Positions;
            }
        }
        clock.Cancellation.ThrowIfCancellationRequested();
        IEnumerable<Func<RunClock, double[]?>> placements =
            LockThresholds.Select(start => (Func<RunClock, double[]?>)(own => FrameRefiner.Refine(FrameRefiner.LockPhase(inverse, own, start), eased, own, start)));
        judged.AddRange(Run(placements, clock));
        // A stochastic fit's trend walk is already here: walks along the record would not flicker less.
        if (Choose(judged, calm) is { } chosen && (stochastic || Settled(chosen, calm)))
        {
            return chosen.Positions;
        }
        // The walks cost more; they run, side by side, only when the placements above (nearly) let a frame jump or,
        // for deterministic fits, flicker. A deterministic fit that oscillates faster than the frames (Adam in a loss
        // spike, momentum in a narrow valley) gets its trend walk last, when the walks along the record flicker or jump too.
        IEnumerable<Func<RunClock, double[]?>> walks =
        [
            own => new VisualWalk(own, WalkKnots(knots)).Positions(eased, total),
            .. BudgetReaches.Select(reach => (Func<RunClock, double[]?>)(own => BudgetWalk.Positions(eased, own, reach))),
        ];
        judged.AddRange(Run(walks, clock));
        clock.Cancellation.ThrowIfCancellationRequested();
        if (!stochastic && !Settled(Choose(judged, calm), calm) && TrendWalk.Positions(eased, clock) is { } late)
        {
            judged.Add(Judge(late, clock));
        }
        if (Choose(judged, calm) is { } settled)
        {
            return settled.Positions;
        }
        // Nothing keeps the rule with room to spare: the smoothest plans that keep the busiest limit are polished
        // frame by frame. A plan that keeps the rule at all then beats one that breaks it.
        judged.AddRange(Run(
            judged.Where(candidate => candidate.Busiest <= Smoothness.BusiestLimit && !candidate.EndsEarly && candidate.Empty <= calm)
                .OrderBy(candidate => candidate.Score).Take(2)
                .Select(candidate => (Func<RunClock, double[]?>)(own => JumpPolish.Polish(candidate.Positions, own))),
            clock));
        return (Choose(judged, calm) ?? Choose(judged, calm, headroom: 1) ?? judged.MinBy(candidate => Math.Max(candidate.Score, candidate.Busiest / Smoothness.BusiestLimit))).Positions;
    }

    /// <summary>
    /// Among the placements that keep the smoothness rule with room to spare (a score up to <paramref name="headroom"/>), reach the final step only on the last
    /// frame and show some fit in all but a few frames (no more than <paramref name="calm"/>), the one that flickers least (all with at most <paramref name="calm"/> reversing frames count as calm
    /// alike), then the smoothest; null when none keeps the rule.
    /// </summary>
    private static Judged? Choose(List<Judged> judged, int calm, double headroom = Smoothness.Headroom) =>
        judged.Where(candidate => candidate.Score <= headroom && candidate.Busiest <= Smoothness.BusiestLimit - (headroom < 1 ? BusiestMargin : 0) && !candidate.EndsEarly
                && candidate.Empty <= calm)
            .OrderBy(candidate => Math.Max(candidate.Reversals, calm))
            .ThenBy(candidate => candidate.Score)
            .Cast<Judged?>()
            .FirstOrDefault();

    /// <summary>Runs independent placements in parallel, each with its own clock (clocks hold scratch buffers), and judges those that place the frames.</summary>
    private static List<Judged> Run(IEnumerable<Func<RunClock, double[]?>> placements, RunClock clock) =>
        [.. placements
            .AsParallel().AsOrdered().WithCancellation(clock.Cancellation)
            .Select(place =>
            {
                var own = clock.Copy();
                return place(own) is { } positions ? Judge(positions, own) : (Judged?)null;
            })
            .Where(judged => judged is not null)
            .Select(judged => judged!.Value)];

    /// <summary>True when a placement was chosen and it does not flicker: pacing need look no further.</summary>
    private static bool Settled(Judged? chosen, int calm) => chosen is { } placement && placement.Reversals <= calm;

    /// <summary>A placement with its smoothness score, busiest share, reversing frames, frames with no fit in view, and whether a frame before the last already shows the end.</summary>
    private readonly record struct Judged(double[] Positions, double Score, double Busiest, int Reversals, int Empty, bool EndsEarly);

    /// <summary>A placement, judged.</summary>
    private static Judged Judge(double[] positions, RunClock clock)
    {
        var moves = FrameRefiner.Displacements(positions, clock)[1..];
        var endsEarly = positions.Length > 1 && positions[^2] >= clock.End;
        var (reversals, empty) = clock.Watch(positions);
        return new(positions, Smoothness.Score(moves), Smoothness.BusiestShare(moves), reversals, empty, endsEarly);
    }

    /// <summary>Frame j goes where the measure reaches eased progress j of its total.</summary>
    private static double[] Invert(IReadOnlyList<double> eased, double[] knots, double[] cumulative, double end)
    {
        var total = cumulative[^1];
        var positions = new double[eased.Count];
        for (var j = 0; j < eased.Count; j++)
        {
            var target = Math.Clamp(eased[j], 0, 1) * total;
            var segment = Math.Min(VisibleMovement.LastAtOrBelow(cumulative, target), knots.Length - 2);
            var span = cumulative[segment + 1] - cumulative[segment];
            var fraction = span > 0 ? Math.Clamp((target - cumulative[segment]) / span, 0, 1) : 0;
            positions[j] = knots[segment] + (fraction * (knots[segment + 1] - knots[segment]));
        }
        positions[0] = 0;
        positions[^1] = end;
        return positions;
    }

    /// <summary>At most <see cref="MaxWalkKnots"/> of the measure's knots, keeping the last.</summary>
    private static double[] WalkKnots(double[] knots)
    {
        if (knots.Length <= MaxWalkKnots)
        {
            return knots;
        }
        var every = (int)Math.Ceiling((double)knots.Length / MaxWalkKnots);
        return [.. knots.Where((_, i) => i % every == 0 || i == knots.Length - 1)];
    }
}
