using System.Globalization;
using RegressionRender.Core.Text;
using RegressionRender.Tests.Examples;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Text;

/// <summary>
/// A printed equation a student can check: with the digits shown, every example's final curve (and the exact optimum's)
/// lands within a pixel (of a 1500 px plot) of the curve drawn, over the data's x range; no term prints as zero.
/// </summary>
public sealed class EquationDigitsTests
{
    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void The_Printed_Final_Equation_Reproduces_The_Curve_Within_A_Pixel(string example)
    {
        var scene = PreparedScene.Load(ExampleTheory.PathOf(example));
        var readouts = ReadoutText.For(scene.Config, scene.Data, scene.Fits);
        var pixel = (scene.Data.Y.Max() - scene.Data.Y.Min()) / 1500;
        for (var k = 0; k < scene.Fits.Count; k++)
        {
            var fit = scene.Fits[k];
            if (fit.Info.Diverged)
            {
                continue; // a curve that flew off has no pixel to land on
            }
            var text = readouts[k].Equation(fit.Final);
            Assert.DoesNotMatch(@"(^|[ (=])0(\.0+)?[xz]", text);
            var printed = Parse(text);
            var logistic = fit.Info.Model.IsLogistic;
            foreach (var i in Enumerable.Range(0, 33))
            {
                var x = scene.Data.X.Min() + ((scene.Data.X.Max() - scene.Data.X.Min()) * i / 32);
                var v = readouts[k].InStandardUnits ? (x - fit.Info.Scaling.Mean) / fit.Info.Scaling.Scale : x;
                var shown = printed.Sum(term => term.Coefficient * Math.Pow(v, term.Power));
                var drawn = fit.Info.Model.Predict(fit.Final, x);
                var error = logistic ? Math.Abs((1 / (1 + Math.Exp(-shown))) - drawn) : Math.Abs(shown - drawn);
                Assert.True(error <= (logistic ? 1.0 / 1500 : pixel) * 1.01, $"{example}: '{text}' at x = {x:G5} gives {shown:G6}, the curve {drawn:G6}");
            }
        }
    }

    [Theory]
    [InlineData(2.0256e10, 5, "2.0256×10¹⁰")]
    [InlineData(-3.1e-7, 3, "−3.10×10⁻⁷")]
    [InlineData(9.99996e9, 4, "1.000×10¹⁰")]
    [InlineData(12345.678, 5, "12346")]
    public void Large_And_Tiny_Numbers_Read_As_Powers_Of_Ten_Like_The_Axes(double value, int digits, string expected)
    {
        // One notation for the readouts, the colour bar and the log axes: never 2.0256e+10 beside 5.42×10⁷.
        Assert.Equal(expected, ReadoutText.Significant(value, digits));
    }

    [Theory]
    [InlineData("y = 1.073x − 0.0024", 1.073, -0.0024)]
    [InlineData("y = 0", 0, 0)]
    public void The_Parser_Reads_What_Readouts_Print(string text, double slope, double intercept)
    {
        var terms = Parse(text);
        Assert.Equal(slope, terms.Where(t => t.Power == 1).Sum(t => t.Coefficient), 9);
        Assert.Equal(intercept, terms.Where(t => t.Power == 0).Sum(t => t.Coefficient), 9);
    }

    /// <summary>The terms of "y = 1.82z² − 8.04z + 21.63", "p = σ(0.138x − 28.41)" or "y = 2.61×10⁻⁷x³ + …".</summary>
    private static List<(double Coefficient, int Power)> Parse(string equation)
    {
        var body = equation[(equation.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
        if (body.StartsWith("σ(", StringComparison.Ordinal))
        {
            body = body[2..^1];
        }
        body = body.Replace(" − ", " + −", StringComparison.Ordinal);
        const string superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        static int Superscript(string s) => s.Length == 0 ? 1 : int.Parse(string.Concat(s.Select(c => (char)('0' + superscripts.IndexOf(c)))), CultureInfo.InvariantCulture);
        var terms = new List<(double, int)>();
        foreach (var raw in body.Split(" + "))
        {
            var term = raw.Replace('−', '-');
            var variable = term.IndexOfAny(['x', 'z']);
            var number = variable < 0 ? term : term[..variable];
            var power = variable < 0 ? 0 : Superscript(term[(variable + 1)..]);
            double coefficient;
            if (number.Contains("×10", StringComparison.Ordinal))
            {
                var parts = number.Split("×10");
                var negative = parts[1].StartsWith('⁻');
                var exponent = Superscript(parts[1].TrimStart('⁻'));
                coefficient = double.Parse(parts[0], CultureInfo.InvariantCulture) * Math.Pow(10, negative ? -exponent : exponent);
            }
            else
            {
                coefficient = double.Parse(number, CultureInfo.InvariantCulture);
            }
            terms.Add((coefficient, power));
        }
        return terms;
    }
}
