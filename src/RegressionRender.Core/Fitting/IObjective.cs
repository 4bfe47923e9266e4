namespace RegressionRender.Core.Fitting;

/// <summary>What an optimizer minimises, over the (possibly standardized) features of a dataset.</summary>
internal interface IObjective
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>The recorded loss over all samples (MSE or mean log-loss, plus the l2 penalty).</summary>
    double Loss(ReadOnlySpan<double> parameters);

    /// <summary>
    /// The recorded loss at <paramref name="parameters"/> and its rate of change along <paramref name="direction"/>
    /// there (d/ds of loss(parameters + s·direction) at s = 0): what a Newton search along a line needs, in one pass.
    /// </summary>
    (double Loss, double Slope) LossAndSlope(ReadOnlySpan<double> parameters, ReadOnlySpan<double> direction);

    /// <summary>The gradient the optimizer follows, over the samples in <paramref name="batch"/>.</summary>
    void Gradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient);

    /// <summary>
    /// Half the Hessian of the loss at <paramref name="parameters"/>, row-major p × p: the metric M in which
    /// loss(θ* + δ) ≈ loss(θ*) + δᵀMδ near the optimum θ* (exactly, for least squares).
    /// </summary>
    double[] HalfHessian(ReadOnlySpan<double> parameters);
}
