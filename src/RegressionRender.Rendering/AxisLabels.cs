using RegressionRender.Core.Layout;

namespace RegressionRender.Rendering;

/// <summary>Tick positions and their labels for one axis, linear or logarithmic (decades).</summary>
internal sealed record AxisLabels(IReadOnlyList<double> Values, Func<double, string> Label)
{
    private static readonly string Superscript = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>1-2-5 ticks on a linear axis.</summary>
    public static AxisLabels Linear(AxisRange range, int target)
    {
        var ticks = NiceTicks.For(range, target);
        return new AxisLabels(ticks.Values, ticks.Label);
    }

    /// <summary>
    /// Ticks at whole decades of an axis holding log10 values, in one notation per axis: "0.01", "1", "1000" while every
    /// tick reads well that way, else "10⁻⁶", "10⁰", "10⁴" for all of them (never 10⁸ beside 10000).
    /// </summary>
    public static AxisLabels Decades(AxisRange range, int target)
    {
        var first = (int)Math.Ceiling(range.Min - 1e-9);
        var last = (int)Math.Floor(range.Max + 1e-9);
        var every = Math.Max(1, (int)Math.Ceiling((last - first + 1) / (double)Math.Max(2, target)));
        var values = new List<double>();
        for (var k = first; k <= last; k += every)
        {
            values.Add(k);
        }
        var powers = values.Any(v => v is < -3 or > 4);
        return new AxisLabels(values, exponent => powers ? Power(exponent) : NiceTicks.Format(Math.Pow(10, Math.Round(exponent)), Math.Max(0, -(int)Math.Round(exponent))));
    }

    /// <summary>Ticks at epochs 0, 1, 10, 100, … on an axis holding log10(1 + epoch), up to <paramref name="epochs"/>.</summary>
    public static AxisLabels Epochs(double epochs)
    {
        var values = new List<double> { 0 };
        for (var epoch = 1.0; epoch <= epochs + 1e-9; epoch *= 10)
        {
            values.Add(Math.Log10(1 + epoch));
        }
        return new AxisLabels(values, axis => NiceTicks.Format(Math.Round(Math.Pow(10, axis) - 1), 0));
    }

    private static string Power(double exponent)
    {
        var k = (int)Math.Round(exponent);
        var digits = string.Concat(Math.Abs(k).ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Superscript[c - '0']));
        return "10" + (k < 0 ? "⁻" : "") + digits;
    }
}
