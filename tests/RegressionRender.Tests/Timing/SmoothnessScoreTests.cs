using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Timing;

/// <summary>The README's smoothness rule, computed in one place for pacing and tests.</summary>
public sealed class SmoothnessScoreTests
{
    [Fact]
    public void Even_Movement_Scores_Zero_And_Holds()
    {
        double[] moves = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
        Assert.Equal(0, Smoothness.Score(moves));
        Assert.Equal(0.1, Smoothness.BusiestShare(moves), 12);
        Assert.True(Smoothness.Holds(moves));
    }

    [Theory]
    [InlineData(new double[] { 10, 10, 11.5, 11.5 }, 0.8695652173913043)]   // 1.5 px against 15% of the largest (11.5 → limit 1.725) …
    [InlineData(new double[] { 10, 10, 13, 13 }, 1.5384615384615385)]  // … 3 px against a 1.95 px limit
    [InlineData(new double[] { 1, 2, 1, 2 }, 0.6666666666666666)]  // small movements: the 1.5 px floor applies
    public void Score_Is_The_Largest_Change_Over_The_Allowed_Change(double[] moves, double expected)
    {
        var largest = moves.Max();
        var jumps = moves.Skip(1).Select((m, i) => Math.Abs(m - moves[i])).Max();
        Assert.Equal(jumps / Math.Max(0.15 * largest, 1.5), Smoothness.Score(moves), 12);
        Assert.Equal(expected, Smoothness.Score(moves), 1e-9);
    }

    [Fact]
    public void A_Burst_Of_Motion_Breaks_The_Spread_Rule()
    {
        var moves = Enumerable.Repeat(1.0, 90).Concat(Enumerable.Repeat(20.0, 10)).ToArray();
        Assert.True(Smoothness.BusiestShare(moves) > Smoothness.BusiestLimit);
        Assert.False(Smoothness.Holds(moves));
    }
}
