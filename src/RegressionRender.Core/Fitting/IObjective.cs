namespace RegressionRender.Core.Fitting;

/// <summary>What an optimizer minimises, over the (possibly standardized) features of a dataset.</summary>
internal interface IObjective
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>The recorded loss over all samples (MSE or mean log-loss, plus the l2 penalty).</summary>
    double Loss(ReadOnlySpan<double> parameters);

    /// <summary>The gradient the optimizer follows, over the samples in <paramref name="batch"/>.</summary>
    void Gradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient);

    /// <summary>
    /// Half the Hessian of the loss at <paramref name="parameters"/>, row-major p × p: the metric M in which
    /// loss(θ* + δ) ≈ loss(θ*) + δᵀMδ near the optimum θ* (exactly, for least squares).
    /// </summary>
    double[] HalfHessian(ReadOnlySpan<double> parameters);
}
