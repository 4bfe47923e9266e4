using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Timing;

public sealed class EasingTests
{
    private static readonly string[] Families = ["sine", "quad", "cubic", "quart", "quint", "expo", "circ", "back", "elastic", "bounce"];

    public static TheoryData<string> AllNames() => [.. Easing.Names];

    [Fact]
    public void Has_The_Whole_Penner_Set_Plus_Smoothstep()
    {
        var expected = new List<string> { "linear", "smoothstep", "smootherstep" };
        expected.AddRange(Families.SelectMany(f => new[] { $"{f}-in", $"{f}-out", $"{f}-in-out" }));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Easing.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Starts_At_Zero_And_Ends_At_One(string name)
    {
        var f = Easing.Get(name);
        Assert.Equal(0, f(0), 9);
        Assert.Equal(1, f(1), 9);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Stays_Bounded(string name)
    {
        var f = Easing.Get(name);
        for (var i = 0; i <= 1000; i++)
        {
            var y = f(i / 1000.0);
            Assert.InRange(y, -0.5, 1.5);
        }
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Is_Monotone_Unless_It_Overshoots_On_Purpose(string name)
    {
        if (name.StartsWith("back", StringComparison.Ordinal) || name.StartsWith("elastic", StringComparison.Ordinal) || name.StartsWith("bounce", StringComparison.Ordinal))
        {
            return;
        }
        var f = Easing.Get(name);
        for (var i = 1; i <= 1000; i++)
        {
            Assert.True(f(i / 1000.0) >= f((i - 1) / 1000.0) - 1e-12, $"{name} decreases at {i / 1000.0}");
        }
    }

    [Theory]
    [InlineData("linear", 0.25, 0.25)]
    [InlineData("quad-in", 0.5, 0.25)]
    [InlineData("quad-out", 0.5, 0.75)]
    [InlineData("cubic-in-out", 0.25, 0.0625)]
    [InlineData("cubic-in-out", 0.5, 0.5)]
    [InlineData("cubic-in-out", 0.75, 0.9375)]
    [InlineData("sine-in-out", 0.5, 0.5)]
    [InlineData("smoothstep", 0.25, 0.15625)]
    [InlineData("smootherstep", 0.5, 0.5)]
    [InlineData("expo-out", 0.5, 0.96875)]
    [InlineData("circ-in", 0.6, 0.2)]
    [InlineData("bounce-out", 0.5, 0.765625)]
    [InlineData("back-in", 0.5, -0.0876975)]
    public void Matches_Known_Values(string name, double x, double expected) =>
        Assert.Equal(expected, Easing.Get(name)(x), 6);

    [Fact]
    public void Back_And_Elastic_Overshoot()
    {
        Assert.Contains(Enumerable.Range(0, 100), i => Easing.Get("back-out")(i / 100.0) > 1);
        Assert.Contains(Enumerable.Range(0, 100), i => Easing.Get("elastic-out")(i / 100.0) > 1);
    }
}
