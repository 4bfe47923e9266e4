using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Timing;

/// <summary>The one easing policy: an easing is a speed profile, run forward, capped and limited in how fast it changes.</summary>
public sealed class EasedProgressTests
{
    public static TheoryData<string> AllNames() => [.. Easing.Names];

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Progress_Starts_At_Zero_Ends_At_One_And_Never_Goes_Back(string name)
    {
        foreach (var frames in new[] { 2, 3, 17, 240, 1800 })
        {
            var progress = EasedProgress.For(Easing.Get(name), frames);
            Assert.Equal(frames, progress.Length);
            Assert.Equal(0, progress[0]);
            Assert.Equal(1, progress[^1]);
            for (var j = 1; j < frames; j++)
            {
                Assert.True(progress[j] >= progress[j - 1], $"{name} at {frames} frames: frame {j} goes back");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void No_Frame_Moves_More_Than_The_Cap_Times_The_Average(string name)
    {
        var progress = EasedProgress.For(Easing.Get(name), 240);
        var speeds = progress.Skip(1).Select((p, j) => p - progress[j]).ToArray();
        Assert.True(speeds.Max() <= (EasedProgress.MaxSpeed * speeds.Average()) + 1e-9, $"{name}: {speeds.Max() / speeds.Average():0.00}× the average");
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void The_Easing_Alone_Keeps_Half_The_Smoothness_Rule_At_Any_Frame_Count(string name)
    {
        // A path that moves evenly, paced exactly by the easing, moves by the eased speeds: they alone must leave half of
        // the jump rule's allowance (and room under the busiest share) to the path (elastic at 240 frames once scored 1.05).
        foreach (var frames in new[] { 24, 36, 72, 240, 1800 })
        {
            var progress = EasedProgress.For(Easing.Get(name), frames);
            var moves = progress.Skip(1).Select((p, j) => (p - progress[j]) * 1e6).ToArray();
            Assert.True(Smoothness.Score(moves) <= 0.55, $"{name} at {frames} frames: score {Smoothness.Score(moves):F2}");
            Assert.True(Smoothness.BusiestShare(moves) <= 0.31, $"{name} at {frames} frames: busiest {Smoothness.BusiestShare(moves):F2}");
        }
    }

    [Fact]
    public void Overshooting_Easings_Surge_Forward_Instead_Of_Freezing_On_The_End()
    {
        // back-out passes 1 at about 60% of its time and comes back: clamped, 40% of the frames would sit on the end.
        var progress = EasedProgress.For(Easing.Get("back-out"), 240);
        Assert.True(progress[^2] < 1);
        Assert.True(progress.Count(p => p >= 1 - 1e-12) == 1);
        // It slows to a near stop where the easing turns round, then moves on.
        var speeds = progress.Skip(1).Select((p, j) => p - progress[j]).ToArray();
        var turn = (int)(0.58 * speeds.Length);
        Assert.True(speeds[(turn - 20)..(turn + 20)].Min() < 0.1 * speeds.Max());
    }

    [Fact]
    public void A_Smooth_Easing_Keeps_Its_Shape()
    {
        var progress = EasedProgress.For(Easing.Get("sine-in-out"), 241);
        for (var j = 0; j < progress.Length; j++)
        {
            Assert.True(Math.Abs(Easing.Get("sine-in-out")(j / 240.0) - progress[j]) <= 0.005, $"frame {j}: {progress[j]}");
        }
    }
}
