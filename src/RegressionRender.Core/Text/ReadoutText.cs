using System.Globalization;
using System.Text;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;

namespace RegressionRender.Core.Text;

/// <summary>
/// The readout lines of a fit (epoch and step, equation, loss). Decimals per coefficient are fixed once per
/// video from the size of the final and target values, so digits do not jump in and out from frame to frame.
/// </summary>
public sealed class ReadoutText
{
    private static readonly string[] Superscripts = ["", "", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "¹⁰"];
    private readonly FitRecord _record;
    private readonly int[] _decimals;

    private readonly bool _penalized;
    private readonly double? _varianceOfY;

    private readonly string _xName;

    /// <summary>
    /// Readouts for one fit; <paramref name="penalized"/> when the loss includes an l2 penalty; R² needs the variance
    /// of y; <paramref name="xName"/> names x in the definition of z. With <paramref name="xRange"/> and
    /// <paramref name="pixel"/> (y units of one pixel), each coefficient gets the digits the final (and target) curve
    /// needs: printed as shown, it stays within a pixel of the curve over the x range (a fit that flew off keeps the
    /// usual digits: there is no pixel to land on).
    /// </summary>
    public ReadoutText(FitRecord record, bool penalized = false, double? varianceOfY = null, string xName = "x", AxisRange? xRange = null, double pixel = 0)
    {
        _record = record;
        _penalized = penalized;
        _varianceOfY = varianceOfY is > 0 ? varianceOfY : null;
        _xName = xName;
        _decimals = new int[record.ParameterCount];
        var final = InStandardUnits ? record.Final.ToArray() : record.InDataUnits(record.Final);
        var target = record.Info.Target is { } optimum ? InStandardUnits ? optimum : record.InDataUnits(optimum) : null;
        for (var k = 0; k < _decimals.Length; k++)
        {
            var size = Math.Max(Math.Abs(final[k]), target is { } t ? Math.Abs(t[k]) : 0);
            // Coefficients below 0.001 (high powers of x in data units) read better as 2.61×10⁻⁷: marked -1.
            _decimals[k] = size is > 0 and < 1e-3 ? -1 : size > 0 && double.IsFinite(size) ? Math.Clamp(2 - (int)Math.Floor(Math.Log10(size)), 2, 6) : 2;
        }
        if (xRange is { } range && pixel > 0 && !record.Info.Diverged)
        {
            // More digits, one at a time, until the printed curves are within a pixel of the curves they stand for.
            var curves = target is null ? [final] : new[] { final, target };
            while (_extra < MostExtraDigits && curves.Any(c => PrintedError(c, range) > pixel))
            {
                _extra++;
            }
        }
    }

    /// <summary>Digits added to every coefficient so that the printed equation reproduces the curve (see the constructor).</summary>
    private readonly int _extra;

    /// <summary>At most this many digits are added: beyond, a curve on raw x of high degree is not readable anyway.</summary>
    private const int MostExtraDigits = 6;

    /// <summary>How far (in y) the curve of <paramref name="parameters"/>, printed with the current digits, strays from it over the x range.</summary>
    private double PrintedError(double[] parameters, AxisRange range)
    {
        var printed = parameters.Select((p, k) => Rounded(p, k)).ToArray();
        var error = 0.0;
        for (var i = 0; i <= 32; i++)
        {
            var x = range.Min + (range.Span * i / 32);
            var v = InStandardUnits ? (x - _record.Info.Scaling.Mean) / _record.Info.Scaling.Scale : x;
            var (exact, shown) = (Polynomial(parameters, v), Polynomial(printed, v));
            if (_record.Info.Model.IsLogistic)
            {
                (exact, shown) = (1 / (1 + Math.Exp(-exact)), 1 / (1 + Math.Exp(-shown)));
            }
            error = Math.Max(error, Math.Abs(exact - shown));
        }
        return double.IsFinite(error) ? error : 0;
    }

    private static double Polynomial(double[] coefficients, double v)
    {
        var sum = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--)
        {
            sum = (sum * v) + coefficients[k];
        }
        return sum;
    }

    /// <summary>A coefficient as printed: rounded to its decimals, or to its significant digits in powers of ten.</summary>
    private double Rounded(double value, int k)
    {
        if (_decimals[k] >= 0)
        {
            return Math.Round(value, Math.Min(15, _decimals[k] + _extra));
        }
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }
        var exponent = Math.Floor(Math.Log10(Math.Abs(value)));
        var unit = Math.Pow(10, exponent - (ScientificDigits + _extra - 1));
        return Math.Round(value / unit) * unit;
    }

    /// <summary>Significant digits of a coefficient printed in powers of ten.</summary>
    private const int ScientificDigits = 3;

    /// <summary>The readouts of a scene's fits, each with R² (for unpenalised least squares) and z named after the data's x.</summary>
    public static IReadOnlyList<ReadoutText> For(Config.SceneConfig config, Data.Dataset data, IReadOnlyList<FitRecord> fits)
    {
        var mean = data.Y.Average();
        var variance = data.Y.Average(v => (v - mean) * (v - mean));
        // One pixel of a plot about 1500 px tall (a 4K frame's), in y units of the data's range.
        var pixel = Math.Max(data.Y.Max() - data.Y.Min(), 1e-12) / 1500;
        var xRange = new AxisRange(data.X.Min(), data.X.Max());
        return [.. fits.Select((f, i) => new ReadoutText(f, config.Fit[i].L2 > 0, variance, data.XTitle, xRange, f.Info.Model.IsLogistic ? 1.0 / 1500 : pixel))];
    }

    /// <summary>The fit's name in a race.</summary>
    public string Label => _record.Info.Label;

    /// <summary>"epoch 12 / 1000  ·  step 105 / 9000" for what a frame shows (see <see cref="Step(FitState)"/>).</summary>
    public string Progress(FitState state) => Progress(state.FromStep, state.ToStep);

    /// <summary>"epoch 12 / 1000  ·  step 104→105 / 9000": on the way from kept step <paramref name="from"/> to <paramref name="to"/> (equal on a step).</summary>
    public string Progress(int from, int to) => $"{Epoch(to)}  ·  {Step(from, to)}";

    /// <summary>"epoch 12 / 1000": the epoch of the step shown, or being made.</summary>
    public string Epoch(FitState state) => Epoch(state.ToStep);

    /// <summary>"epoch 12 / 1000" for step <paramref name="step"/>.</summary>
    public string Epoch(int step) => string.Create(CultureInfo.InvariantCulture, $"epoch {_record.EpochOf(step)} / {_record.Info.Epochs}");

    /// <summary>"step 105 / 9000" on a recorded step; "step 104→105 / 9000" on the way between two.</summary>
    public string Step(FitState state) => Step(state.FromStep, state.ToStep);

    /// <summary>"step 105 / 9000", or "step 104→105 / 9000" when <paramref name="from"/> differs from <paramref name="to"/>.</summary>
    public string Step(int from, int to) => from == to
        ? string.Create(CultureInfo.InvariantCulture, $"step {to} / {_record.Steps}")
        : string.Create(CultureInfo.InvariantCulture, $"step {from}\u2192{to} / {_record.Steps}");

    /// <summary>
    /// True when the equation is written in z, the standardized x (<see cref="Variable"/>): a standardized curve of
    /// degree 2 or more, whose coefficients in powers of x are unreadable (1.2×10⁻⁷x⁴ …) or, on large x such as years,
    /// do not even reproduce the curve. A standardized line is written in x.
    /// </summary>
    public bool InStandardUnits => !_record.Info.Scaling.IsIdentity && _record.Info.Model.Degree >= 2;

    /// <summary>"z = (year − 1988.6) / 17.5" when the equation is in z, else null.</summary>
    public string? Variable => InStandardUnits
        ? _record.Info.Scaling.Mean < 0
            ? $"z = ({_xName} + {Short(-_record.Info.Scaling.Mean)}) / {Short(_record.Info.Scaling.Scale)}"
            : $"z = ({_xName} \u2212 {Short(_record.Info.Scaling.Mean)}) / {Short(_record.Info.Scaling.Scale)}"
        : null;

    /// <summary>Five significant digits, no trailing zeros ("4.95", "1988.6").</summary>
    private static string Short(double value) => value.ToString("G5", CultureInfo.InvariantCulture).Replace('-', '\u2212');

    /// <summary>"y = 1.07x − 0.00", highest power first, in the data's units (in z when <see cref="InStandardUnits"/>); "p = σ(0.12x − 24.3)" for logistic regression.</summary>
    public string Equation(ReadOnlySpan<double> fitted)
    {
        var parameters = InStandardUnits ? fitted.ToArray() : _record.InDataUnits(fitted);
        var variable = InStandardUnits ? 'z' : 'x';
        var logistic = _record.Info.Model.IsLogistic;
        var text = new StringBuilder(logistic ? "p = σ(" : "y = ");
        var written = 0;
        for (var k = parameters.Length - 1; k >= 0; k--)
        {
            var value = Rounded(parameters[k], k);
            var magnitude = _decimals[k] < 0 ? Scientific(Math.Abs(value), ScientificDigits + _extra) : NiceTicks.Format(Math.Abs(value), _decimals[k] + _extra);
            if (!magnitude.Any(c => c is >= '1' and <= '9'))
            {
                continue; // a term that prints as zero is left out: never "0x²" or "0.00000x"
            }
            text.Append(written == 0 ? value < 0 ? "\u2212" : "" : value < 0 ? " \u2212 " : " + ").Append(magnitude);
            if (k >= 1)
            {
                text.Append(variable).Append(Superscripts[Math.Min(k, Superscripts.Length - 1)]);
            }
            written++;
        }
        if (written == 0)
        {
            text.Append('0');
        }
        return (logistic ? text.Append(')') : text).ToString();
    }

    /// <summary>
    /// "MSE = 3.2559   R² = 0.803" (or "log-loss = …"; "loss = …" with an l2 penalty), five significant digits.
    /// R² = 1 − MSE / variance of y is shown for unpenalised least squares, when the variance is known.
    /// </summary>
    public string Loss(double loss, bool rSquared = true) => rSquared && _varianceOfY is { } variance && !_penalized && !_record.Info.Model.IsLogistic
        ? $"{LossName(_record, _penalized)} = {Significant(loss, 5)}    R² = {RSquared(1 - (loss / variance))}"
        : $"{LossName(_record, _penalized)} = {Significant(loss, 5)}";

    /// <summary>R² with three decimals; far below zero (a fit flying off), three significant digits (R² = −2.49×10⁷).</summary>
    private static string RSquared(double value) => value > -1000 || !double.IsFinite(value) ? NiceTicks.Format(value, 3) : "\u2212" + Scientific(-value, 3);

    /// <summary>What the recorded loss of a fit is called.</summary>
    public static string LossName(FitRecord record, bool penalized) =>
        penalized ? "loss" : record.Info.Model.IsLogistic ? "log-loss" : "MSE";

    /// <summary>"2.61×10⁻⁷" (three significant digits, or <paramref name="digits"/>); "0" for zero.</summary>
    public static string Scientific(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : Significant(value, 3);
        }
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = value / Math.Pow(10, exponent);
        if (Math.Abs(Math.Round(mantissa, digits - 1)) >= 10)
        {
            (mantissa, exponent) = (mantissa / 10, exponent + 1); // 9.9996 rounds up: 1.000×10ⁿ⁺¹, never 10.000×10ⁿ
        }
        const string superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var power = string.Concat(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).Select(c => superscripts[c - '0']));
        return $"{NiceTicks.Format(mantissa, digits - 1)}×10{(exponent < 0 ? "⁻" : "")}{power}";
    }

    /// <summary>A number with about <paramref name="digits"/> significant digits, plain notation (powers of ten from 10⁹ and below 10⁻⁵), real minus sign.</summary>
    public static string Significant(double value, int digits)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞";
        }
        if (value == 0)
        {
            return "0";
        }
        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (magnitude >= 9 || magnitude <= -6)
        {
            // Powers of ten as the colour bar and the log axes write them (2.0256×10¹⁰), never 2.0256e+10.
            return (value < 0 ? "\u2212" : "") + Scientific(Math.Abs(value), digits);
        }
        return NiceTicks.Format(value, Math.Max(0, digits - 1 - magnitude));
    }
}
