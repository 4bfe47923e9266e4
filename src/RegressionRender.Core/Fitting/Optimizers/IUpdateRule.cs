namespace RegressionRender.Core.Fitting.Optimizers;

/// <summary>One optimizer's update rule. Holds its own state (velocity, moments) for one run.</summary>
internal interface IUpdateRule
{
    /// <summary>Where to evaluate the gradient for the next step (Nesterov looks ahead); default: the parameters themselves.</summary>
    void GradientPoint(ReadOnlySpan<double> parameters, Span<double> point) => parameters.CopyTo(point);

    /// <summary>Updates the parameters in place from the gradient.</summary>
    void Step(Span<double> parameters, ReadOnlySpan<double> gradient);
}
