namespace RegressionRender.Core.Fitting.Optimizers;

/// <summary>θ ← θ − η·g (gd, sgd, minibatch: they differ only in the batch).</summary>
internal sealed class PlainStep(double learningRate) : IUpdateRule
{
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        for (var k = 0; k < parameters.Length; k++)
        {
            parameters[k] -= learningRate * gradient[k];
        }
    }
}
