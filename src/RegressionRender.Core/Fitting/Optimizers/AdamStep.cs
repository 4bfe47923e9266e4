namespace RegressionRender.Core.Fitting.Optimizers;

/// <summary>Adam (Kingma and Ba 2015) with bias-corrected first and second moments.</summary>
internal sealed class AdamStep(double learningRate, double beta1, double beta2, double epsilon, int parameterCount) : IUpdateRule
{
    private readonly double[] _mean = new double[parameterCount];
    private readonly double[] _meanSquare = new double[parameterCount];
    private int _t;

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        _t++;
        var meanCorrection = 1 - Math.Pow(beta1, _t);
        var squareCorrection = 1 - Math.Pow(beta2, _t);
        for (var k = 0; k < parameters.Length; k++)
        {
            _mean[k] = (beta1 * _mean[k]) + ((1 - beta1) * gradient[k]);
            _meanSquare[k] = (beta2 * _meanSquare[k]) + ((1 - beta2) * gradient[k] * gradient[k]);
            var mean = _mean[k] / meanCorrection;
            var meanSquare = _meanSquare[k] / squareCorrection;
            parameters[k] -= learningRate * mean / (Math.Sqrt(meanSquare) + epsilon);
        }
    }
}
