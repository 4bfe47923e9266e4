using System.Globalization;

namespace RegressionRender.Core.Layout;

/// <summary>Axis ticks on a 1-2-5 ladder with labels free of float noise (0.3, never 0.30000000000000004).</summary>
public sealed record NiceTicks(double Step, IReadOnlyList<double> Values, int Decimals)
{
    /// <summary>Ticks inside [min, max], about <paramref name="target"/> of them.</summary>
    public static NiceTicks For(AxisRange range, int target = 6)
    {
        var step = NiceStep(range.Span / Math.Max(1, target));
        var first = Math.Ceiling((range.Min / step) - 1e-9) * step;
        var values = new List<double>();
        for (var i = 0; ; i++)
        {
            var value = first + (i * step);
            if (value > range.Max + (step * 1e-9) || i > 1000)
            {
                break;
            }
            values.Add(Math.Abs(value) < step * 1e-9 ? 0 : value);
        }
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return new NiceTicks(step, values, decimals);
    }

    /// <summary>The smallest 1, 2 or 5 × 10^k at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Pads a data interval and widens it to whole tick steps, for axes without an explicit range.</summary>
    public static AxisRange Expand(double min, double max, int target = 6)
    {
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            (min, max) = (min - 1, max + 1);
        }
        var pad = (max - min) * 0.06;
        var step = NiceStep((max - min + (2 * pad)) / target);
        return new AxisRange(Math.Floor((min - pad) / step) * step, Math.Ceiling((max + pad) / step) * step);
    }

    /// <summary>A tick label with this axis's decimals and a real minus sign.</summary>
    public string Label(double value) => Format(value, Decimals);

    /// <summary>A number with fixed decimals and a real minus sign (−, U+2212); −0 prints as 0.</summary>
    public static string Format(double value, int decimals)
    {
        // Beyond 15 decimals a double has no digits left to show (an axis only 1e-15 wide).
        decimals = Math.Clamp(decimals, 0, 15);
        var rounded = Math.Round(value, decimals);
        var text = Math.Abs(rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded < 0 && text.Any(c => c is >= '1' and <= '9') ? "\u2212" + text : text;
    }
}
