using System.Collections.Concurrent;
using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Examples;

/// <summary>
/// The product's promise, measured: over the animated phase, with d_i the on-screen movement of the fitted
/// curve(s) between consecutive frames, (a) no frame jumps, (b) the motion is spread out, (c) the animation
/// starts at step 0 and ends at the final step of every fit.
/// </summary>
public sealed class SmoothnessTests
{
    // Each example is planned once for the three checks.
    private static readonly ConcurrentDictionary<string, Lazy<(Timeline, PreparedScene)>> Plans = new();

    private static (Timeline Timeline, PreparedScene Scene) Plan(string name) =>
        Plans.GetOrAdd(name, n => new Lazy<(Timeline, PreparedScene)>(() =>
        {
            var scene = PreparedScene.Load(ExampleTheory.PathOf(n));
            var plan = scene.PlanFor(scene.Config.View.Width, scene.Config.View.Height);
            return (scene.TimelineFor(plan, scene.Config.Animation.Fps), scene);
        })).Value;

    private static double[] AnimatedMoves(Timeline timeline) =>
        [.. timeline.Frames.Where(f => f.Phase == FramePhase.Animate).Skip(1).Select(f => f.DisplacementPx)];

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void No_Frame_Jumps(string example)
    {
        var moves = AnimatedMoves(Plan(example).Timeline);
        var largest = moves.Max();
        var limit = Math.Max(Smoothness.JumpShare * largest, Smoothness.JumpPixels);
        for (var i = 0; i + 1 < moves.Length; i++)
        {
            Assert.True(Math.Abs(moves[i + 1] - moves[i]) <= limit,
                $"{example}: animate frame {i + 2} moves {moves[i + 1]:0.00} px after {moves[i]:0.00} px (limit {limit:0.00})");
        }
    }

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void Motion_Is_Spread_Out(string example)
    {
        var moves = AnimatedMoves(Plan(example).Timeline);
        var busiest = moves.OrderDescending().Take(Math.Max(1, moves.Length / 10)).Sum();
        var share = busiest / moves.Sum();
        Assert.True(share <= 0.35, $"{example}: the busiest 10% of frames carry {share:P1} of the motion");
        Assert.Equal(share, Smoothness.BusiestShare(moves), 12);
    }

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void Animation_Runs_From_Step_Zero_To_The_Final_Step_Of_Every_Fit(string example)
    {
        var (timeline, scene) = Plan(example);
        var animated = timeline.Frames.Where(f => f.Phase == FramePhase.Animate).ToList();
        for (var k = 0; k < scene.Fits.Count; k++)
        {
            Assert.Equal(0, animated[0].Fits[k].Iteration);
            Assert.Equal(scene.Fits[k].Steps, animated[^1].Fits[k].Iteration);
            Assert.Equal(scene.Fits[k].Final.ToArray(), animated[^1].Fits[k].Parameters);
        }
    }
}
