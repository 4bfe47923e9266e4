using RegressionRender.Core.Fitting;

namespace RegressionRender.Core.Layout;

/// <summary>
/// The axes of the loss-surface panel: (intercept, slope) of the line, in the coordinates the optimizer works in.
/// For a standardized fit those are the coefficients on z-scored x, where the long narrow valley of raw x becomes
/// a round bowl — the point of feature scaling, made visible.
/// </summary>
public sealed record SurfaceCoordinates(FeatureScaling Scaling)
{
    /// <summary>True when the axes are in standardized units.</summary>
    public bool Standardized => !Scaling.IsIdentity;

    /// <summary>Title of the horizontal axis.</summary>
    public string InterceptTitle => Standardized ? "θ₀ (standardized x)" : "θ₀ (intercept)";

    /// <summary>Title of the vertical axis.</summary>
    public string SlopeTitle => Standardized ? "θ₁ (per SD of x)" : "θ₁ (slope)";

    /// <summary>The panel point of a line's parameters (the optimizer's own: the panel's axes).</summary>
    public static (double A, double B) ToPanel(ReadOnlySpan<double> parameters) => (parameters[0], parameters[1]);

    /// <summary>The line, in the data's units, at a panel point.</summary>
    public (double Intercept, double Slope) ToModel(double a, double b) => Scaling.LineToOriginal(a, b);
}
