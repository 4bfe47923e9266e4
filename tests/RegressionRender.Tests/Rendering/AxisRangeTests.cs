using RegressionRender.Core.Layout;

namespace RegressionRender.Tests.Rendering;

/// <summary>Honest axes: auto ranges hug the data, never cross zero when the data do not, and add no empty tick interval.</summary>
public sealed class AxisRangeTests
{
    [Theory]
    [InlineData(1958, 2019)] // dates: once 1940–2040
    [InlineData(12_000, 250_000)] // incomes: once from −50,000
    [InlineData(1.2, 14.2)] // the seed
    [InlineData(0, 77.19)] // a loss axis
    [InlineData(-3.7, -0.2)]
    [InlineData(-40, 35)]
    [InlineData(0.001, 0.0042)]
    [InlineData(315.4, 411.2)] // CO₂ in ppm
    public void An_Auto_Range_Hugs_Its_Data(double min, double max)
    {
        var range = NiceTicks.Expand(min, max);
        var span = max - min;
        var step = NiceTicks.NiceStep(span / 6);

        Assert.True(range.Min <= min && range.Max >= max, $"{range} leaves out data from {min} to {max}");
        if (min >= 0)
        {
            Assert.True(range.Min >= 0, $"{range} crosses zero for data from {min}");
        }
        if (max <= 0)
        {
            Assert.True(range.Max <= 0, $"{range} crosses zero for data up to {max}");
        }
        // Neither end reaches as far as half a tick step (or the 3% margin) beyond the data: no empty tick interval.
        Assert.True(min - range.Min <= Math.Max(step / 2, 0.03 * span) + 1e-9, $"{range} pads {min - range.Min} below {min}");
        Assert.True(range.Max - max <= Math.Max(step / 2, 0.03 * span) + 1e-9, $"{range} pads {range.Max - max} above {max}");
    }

    [Theory]
    [InlineData(1956.2, 2020.8, 3)]
    [InlineData(-4.5, 0.7, 3)]
    [InlineData(0.01, 0.9, 3)]
    public void An_Axis_Gets_At_Least_Two_Labelled_Ticks(double min, double max, int target)
    {
        // A small plot asks for few ticks; a 1-2-5 step that leaves one tick inside (2000 alone) is stepped down.
        var ticks = NiceTicks.For(new AxisRange(min, max), target);

        Assert.True(ticks.Values.Count >= 2, $"[{min}, {max}]: {string.Join(", ", ticks.Values)}");
        Assert.All(ticks.Values, v => Assert.InRange(v, min, max));
    }

    [Fact]
    public void An_End_Near_A_Tick_Ends_On_It()
    {
        // The seed's points from 1.2 to 14.2 get the axis 0–15, its intercept in view.
        Assert.Equal(new AxisRange(0, 15), NiceTicks.Expand(1.2, 14.2));
        Assert.Equal(0, NiceTicks.Expand(12_000, 250_000).Min);
    }
}

/// <summary>One tick notation per log axis.</summary>
public sealed class LogTickTests
{
    [Fact]
    public void A_Log_Axis_That_Needs_Powers_Writes_Every_Tick_As_A_Power()
    {
        var wide = RegressionRender.Rendering.AxisLabels.Decades(new AxisRange(0, 9), 5);
        var labels = wide.Values.Select(wide.Label).ToList();
        Assert.All(labels, label => Assert.StartsWith("10", label, StringComparison.Ordinal));
        Assert.Contains("10⁸", labels);
        Assert.DoesNotContain("10000", labels);

        var narrow = RegressionRender.Rendering.AxisLabels.Decades(new AxisRange(-2, 3), 6);
        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000"], narrow.Values.Select(narrow.Label));
    }
}
