namespace RegressionRender.Core.Fitting.Optimizers;

/// <summary>Heavy ball: v ← μ·v − η·g; θ ← θ + v. With <c>nesterov</c> the gradient is taken at θ + μ·v.</summary>
internal sealed class MomentumStep(double learningRate, double momentum, int parameterCount, bool nesterov) : IUpdateRule
{
    private readonly double[] _velocity = new double[parameterCount];

    public void GradientPoint(ReadOnlySpan<double> parameters, Span<double> point)
    {
        for (var k = 0; k < parameters.Length; k++)
        {
            point[k] = parameters[k] + (nesterov ? momentum * _velocity[k] : 0);
        }
    }

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        for (var k = 0; k < parameters.Length; k++)
        {
            _velocity[k] = (momentum * _velocity[k]) - (learningRate * gradient[k]);
            parameters[k] += _velocity[k];
        }
    }
}
