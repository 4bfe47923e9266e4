using System.Globalization;

namespace RegressionRender.Core.Layout;

/// <summary>Axis ticks on a 1-2-5 ladder with labels free of float noise (0.3, never 0.30000000000000004).</summary>
public sealed record NiceTicks(double Step, IReadOnlyList<double> Values, int Decimals)
{
    /// <summary>
    /// Ticks inside [min, max], about <paramref name="target"/> of them, and never fewer than two where the axis has
    /// room for them (a step down the ladder when one tick alone would fall inside: years 1956–2021 get 1960 … 2020,
    /// not 2000 alone).
    /// </summary>
    public static NiceTicks For(AxisRange range, int target = 6)
    {
        var step = NiceStep(range.Span / Math.Max(1, target));
        var values = Inside(range, step);
        while (values.Count < 2 && range.Span > 0 && step > range.Span / 20)
        {
            step = Smaller(step);
            values = Inside(range, step);
        }
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return new NiceTicks(step, values, decimals);
    }

    private static List<double> Inside(AxisRange range, double step)
    {
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
        return values;
    }

    /// <summary>The next step down the 1-2-5 ladder.</summary>
    private static double Smaller(double step)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        var fraction = Math.Round(step / power);
        return fraction >= 5 ? 2 * power : fraction >= 2 ? power : power / 2;
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

    /// <summary>
    /// The range of an axis without an explicit one: it hugs the data. Each end goes out to the next tick (on a
    /// 1-2-5 ladder of about <paramref name="target"/> steps) when that tick lies within half a step of the data and
    /// leaves a margin of 3% of the data's span; otherwise the end is the data ± that margin. So no end adds an empty
    /// tick interval (dates from 1958 to 2019 give 1956.2–2020.8, not 1940–2040), and an axis never crosses zero when
    /// the data do not (incomes from 12,000 start at 0, never at −50,000).
    /// </summary>
    public static AxisRange Expand(double min, double max, int target = 6)
    {
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            (min, max) = (min - 1, max + 1);
        }
        var span = max - min;
        var step = NiceStep(span / target);
        var margin = 0.03 * span;
        var below = Math.Floor((min / step) + 1e-9) * step;
        var above = Math.Ceiling((max / step) - 1e-9) * step;
        var low = min - below >= margin && min - below <= step / 2 ? below : min - margin;
        var high = above - max >= margin && above - max <= step / 2 ? above : max + margin;
        return new AxisRange(min >= 0 ? Math.Max(0, low) : low, max <= 0 ? Math.Min(0, high) : high);
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
