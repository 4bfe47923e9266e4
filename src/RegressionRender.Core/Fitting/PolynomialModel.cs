using RegressionRender.Core.Config;

namespace RegressionRender.Core.Fitting;

/// <summary>θ0 + θ1·x + … + θd·x^d; a line is degree 1. Parameters are ordered intercept first.</summary>
public sealed record PolynomialModel(int Degree)
{
    /// <summary>Number of parameters, d + 1.</summary>
    public int ParameterCount => Degree + 1;

    /// <summary>The model a config asks for.</summary>
    public static PolynomialModel From(ModelConfig config) =>
        new(config.Type == ModelKind.Linear ? 1 : config.Degree ?? 2);

    /// <summary>The model's value at x (Horner's rule).</summary>
    public static double Predict(ReadOnlySpan<double> parameters, double x)
    {
        var value = 0.0;
        for (var k = parameters.Length - 1; k >= 0; k--)
        {
            value = (value * x) + parameters[k];
        }
        return value;
    }
}
