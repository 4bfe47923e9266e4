namespace RegressionRender.Core.Timing;

/// <summary>
/// Visual pacing: frames spaced so that the curves move by equal on-screen distances, shaped by the easing. It is one
/// stage with one objective (<see cref="Smoothness.Verdict"/>: keep the smoothness rule, do not flicker, show a fit):
/// <list type="number">
/// <item>Where no fit shows in the panel at first (a start off the view), the placements start at the last step
/// before one does; the first frame still shows step 0.</item>
/// <item>Three placements each put every frame on the run clock, so each frame is a recorded step or a tween between
/// two:
/// the <em>inverse</em> of the visible-movement measure, refined against the movement between the frames actually
/// placed (<see cref="FrameRefiner"/>), for paths that move on (descents);
/// the <em>trend walks</em> (<see cref="TrendWalk"/>), frames gliding along the path's average (over a narrow window
/// that follows the frames, and for a stochastic fit a wide one at an even pace), for paths that double back faster
/// than frames can show (stochastic noise, loss spikes, momentum in a narrow valley);
/// the <em>budget walk</em> (<see cref="BudgetWalk"/>), each frame given its share of the path still ahead, looking 3×
/// and 12× its movement ahead, for paths whose steps grow (divergence).</item>
/// <item>They run in stages, likeliest first: for a stochastic fit the wide trend walk, then the others side by side; for
/// deterministic fits the inverse, then the budget walks, then the trend walk. Once the best plan so far settles
/// (keeps the rule with room to spare and is calm), it is the plan; after the last stage, the best that keeps the rule.</item>
/// <item>When none keeps the rule with room to spare, the <see cref="PolishedPlans"/> that break it least (that end on
/// time and show a fit, and break it at most <see cref="PolishedBreach"/> times as much as the least) are polished frame by frame
/// (<see cref="JumpPolish"/>); a plan that keeps the rule at all then wins, and failing that the calmest that breaks it
/// little (<see cref="Least"/>).</item>
/// </list>
/// </summary>
internal static class VisualPacing
{
    /// <summary>How far along the path a frame of the budget walk looks for its movement, in multiples of it (<see cref="BudgetWalk"/>).</summary>
    private static readonly double[] BudgetReaches = [3, 12];

    /// <summary>
    /// The trend walk's windows (<see cref="TrendWalk"/>): three frames' worth of steps where the frames fall, which
    /// keeps a deterministic fit's swings and spikes; and, tried first for a stochastic fit, six frames' worth at an
    /// even pace, along which steady noise glides with its epochs at an even rate.
    /// </summary>
    private static readonly TrendWindow NarrowTrend = new(3, FollowsFrames: true), WideTrend = new(6, FollowsFrames: false);

    /// <summary>How many plans are polished when none keeps the rule with room to spare.</summary>
    private const int PolishedPlans = 4;

    /// <summary>
    /// Plans that break the rule more than this many times as much as the least breaking one are not polished: that
    /// much polish rarely wins and costs the most (minutes, with a logistic fit on raw x).
    /// </summary>
    private const double PolishedBreach = 2.5;

    /// <summary>Clock positions for eased progress values (cumulative, 0 first and 1 last: <see cref="EasedProgress"/>).</summary>
    public static double[] Positions(IReadOnlyList<double> eased, RunClock clock) => Positions(eased, clock, skipLeadIn: true);

    private static double[] Positions(IReadOnlyList<double> eased, RunClock clock, bool skipLeadIn)
    {
        var (knots, cumulative) = VisibleMovement.Measure(clock);
        clock.Cancellation.ThrowIfCancellationRequested();
        if (cumulative[^1] <= 1e-9)
        {
            // Nothing moves on screen: frames even in steps.
            return [.. eased.Select(e => e * clock.End)];
        }
        // A lead-in where no fit is in view (a fit starting off the panel): every placement starts at the last step
        // before one shows, which looks the same as step 0; the first frame still shows step 0.
        var leadIn = skipLeadIn ? LeadIn(knots, clock) : 0;
        if (skipLeadIn && leadIn > 0)
        {
            var placed = Positions(eased, clock.From(leadIn), skipLeadIn: false);
            return [0, .. placed.Skip(1).Select(u => u + leadIn)];
        }
        Func<RunClock, double[]?> inverse = own => FrameRefiner.Refine(Invert(eased, knots, cumulative, own.End), eased, own, (knots, cumulative));
        Func<TrendWindow, Func<RunClock, double[]?>> trend = window => own => TrendWalk.Positions(eased, own, window);
        var budget = BudgetReaches.Select(reach => (Func<RunClock, double[]?>)(own => BudgetWalk.Positions(eased, own, reach)));
        // Stages, likeliest first: a stochastic fit's noise wants the trend walk; a deterministic fit moves on (the
        // inverse) or grows (the budget walk), and oscillates faster than the frames (the trend walk) least often.
        List<Func<RunClock, double[]?>[]> stages = clock.Fits.Any(f => f.Info.StepsPerEpoch > 1)
            ? [[trend(WideTrend)], [trend(NarrowTrend), inverse, .. budget]]
            : [[inverse], [.. budget], [trend(NarrowTrend)]];

        var judged = new List<Judged>();
        foreach (var stage in stages)
        {
            judged.AddRange(Run(stage, clock));
            if (Best(judged) is { Verdict.Settles: true } settled)
            {
                return settled.Positions;
            }
        }
        if (Best(judged) is { } chosen)
        {
            return chosen.Positions;
        }
        var polishable = judged.Where(plan => plan.Verdict is { EndsEarly: false } verdict && verdict.Empty <= verdict.Calm).ToList();
        var least = polishable.Count > 0 ? polishable.Min(plan => plan.Verdict.Breach) : 0;
        judged.AddRange(Run(
            polishable.Where(plan => plan.Verdict.Breach <= PolishedBreach * least)
                .OrderBy(plan => plan.Verdict.Breach).Take(PolishedPlans)
                .Select(plan => (Func<RunClock, double[]?>)(own => JumpPolish.Polish(plan.Positions, own))),
            clock));
        return (Best(judged) ?? Best(judged, headroom: 1) ?? judged[Least([.. judged.Select(plan => plan.Verdict)])]).Positions;
    }

    /// <summary>The last whole step before any fit shows inside the panel (0 when one does at once).</summary>
    private static double LeadIn(double[] knots, RunClock clock)
    {
        var row = new float[clock.RowLength];
        var k = 0;
        while (k < knots.Length - 1 && Sampled(knots[k + 1]) is var shown && !clock.Probe.AnyInside(shown))
        {
            k++;
        }
        return Math.Floor(knots[k]);

        float[] Sampled(double u)
        {
            clock.Sample(u, row);
            return row;
        }
    }

    /// <summary>
    /// Of plans that all break the rule, the one a viewer minds least: of those that break it at most
    /// <see cref="PolishedBreach"/> times as much as the least, the calmest (a line flickering back and forth all along
    /// is worse than a jolt in speed), then the one that breaks it least. Returns its index.
    /// </summary>
    public static int Least(IReadOnlyList<Smoothness.Verdict> verdicts)
    {
        var least = verdicts.Min(verdict => verdict.Breach);
        return Enumerable.Range(0, verdicts.Count).Where(k => verdicts[k].Breach <= PolishedBreach * least)
            .OrderBy(k => verdicts[k].Rank.Flicker).ThenBy(k => verdicts[k].Breach).First();
    }

    /// <summary>A placement and its verdict.</summary>
    private readonly record struct Judged(double[] Positions, Smoothness.Verdict Verdict);

    /// <summary>The best plan that keeps the rule with a score of at most <paramref name="headroom"/>, or null when none does.</summary>
    private static Judged? Best(List<Judged> judged, double headroom = Smoothness.Headroom) =>
        judged.Where(plan => plan.Verdict.Keeps(headroom)).OrderBy(plan => plan.Verdict.Rank).Cast<Judged?>().FirstOrDefault();

    /// <summary>Runs independent placements in parallel, each with its own clock (clocks hold scratch buffers), and judges those that place the frames.</summary>
    private static List<Judged> Run(IEnumerable<Func<RunClock, double[]?>> placements, RunClock clock)
    {
        var judged = placements
            .AsParallel().AsOrdered().WithCancellation(clock.Cancellation)
            .Select(place =>
            {
                var own = clock.Copy();
                return place(own) is { } positions ? new Judged(positions, Judge(positions, own)) : (Judged?)null;
            })
            .Where(plan => plan is not null)
            .Select(plan => plan!.Value)
            .ToList();
        clock.Cancellation.ThrowIfCancellationRequested();
        return judged;
    }

    /// <summary>What a viewer would see of frames at <paramref name="positions"/>.</summary>
    public static Smoothness.Verdict Judge(double[] positions, RunClock clock)
    {
        var moves = FrameRefiner.Displacements(positions, clock)[1..];
        var (reversals, empty) = clock.Watch(positions);
        var endsEarly = positions.Length > 1 && positions[^2] >= clock.End;
        return new(Smoothness.Score(moves), Smoothness.BusiestShare(moves), reversals, empty, endsEarly, positions.Length);
    }

    /// <summary>Frame j goes where the measure reaches eased progress j of its total.</summary>
    private static double[] Invert(IReadOnlyList<double> eased, double[] knots, double[] cumulative, double end)
    {
        var positions = eased.Select(e => VisibleMovement.Lookup(cumulative, knots, e * cumulative[^1])).ToArray();
        positions[0] = 0;
        positions[^1] = end;
        return positions;
    }
}
