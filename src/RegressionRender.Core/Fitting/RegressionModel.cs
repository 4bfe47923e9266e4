using RegressionRender.Core.Config;

namespace RegressionRender.Core.Fitting;

/// <summary>
/// The fitted function: a polynomial θ0 + θ1·z + … + θd·z^d in z = (x − mean) / scale (z = x unless the fit is
/// standardized; a line is degree 1), or for logistic regression the sigmoid of that polynomial, the probability of
/// class 1. Parameters are ordered intercept first and are the optimizer's own: a standardized degree-8 fit on years
/// keeps coefficients that evaluate exactly, where the same polynomial written in powers of x ≈ 2000 would be
/// rounding noise.
/// </summary>
public sealed record RegressionModel(ModelKind Kind, int Degree)
{
    /// <summary>The scaling of x the parameters are in (identity unless the fit is standardized).</summary>
    public FeatureScaling Scaling { get; init; } = FeatureScaling.Identity;

    /// <summary>Number of parameters, d + 1.</summary>
    public int ParameterCount => Degree + 1;

    /// <summary>True for logistic regression.</summary>
    public bool IsLogistic => Kind == ModelKind.Logistic;

    /// <summary>The model a config asks for.</summary>
    public static RegressionModel From(ModelConfig config) => new(config.Type, config.Type switch
    {
        ModelKind.Linear => 1,
        ModelKind.Logistic => config.Degree ?? 1,
        _ => config.Degree ?? 2,
    });

    /// <summary>The model's value at x: the polynomial, or its sigmoid for logistic regression.</summary>
    public double Predict(ReadOnlySpan<double> parameters, double x) =>
        IsLogistic ? Sigmoid(LogOdds(parameters, x)) : LogOdds(parameters, x);

    /// <summary>The polynomial part at x, in the parameters' scaling; for logistic regression the log-odds.</summary>
    public double LogOdds(ReadOnlySpan<double> parameters, double x) => Polynomial(parameters, Scaling.Apply(x));

    /// <summary>The polynomial part at x (Horner's rule); for logistic regression the log-odds.</summary>
    public static double Polynomial(ReadOnlySpan<double> parameters, double x)
    {
        var value = 0.0;
        for (var k = parameters.Length - 1; k >= 0; k--)
        {
            value = (value * x) + parameters[k];
        }
        return value;
    }

    /// <summary>1 / (1 + e^−z), without overflow.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
