namespace RegressionRender.Core.Layout;

/// <summary>
/// The y axis of the loss panel: logarithmic when the recorded losses span more than two decades (gradient
/// descent's loss usually falls by orders of magnitude), linear otherwise. Values pass through <see cref="ToAxis"/>
/// before the viewport maps them.
/// </summary>
public sealed record LossScale(bool IsLog)
{
    /// <summary>Log scale when max/min &gt; 100 (and every loss is positive).</summary>
    public static LossScale For(double min, double max) => new(min > 0 && max / min > 100);

    /// <summary>A loss on the axis: log10 of it on a log scale (floored to keep zero losses on the chart).</summary>
    public double ToAxis(double loss) => IsLog ? Math.Log10(Math.Max(loss, 1e-300)) : loss;
}
