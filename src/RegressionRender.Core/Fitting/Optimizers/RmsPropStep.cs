namespace RegressionRender.Core.Fitting.Optimizers;

/// <summary>s ← β·s + (1 − β)·g²; θ ← θ − η·g / (√s + ε), with β = <c>beta2</c>.</summary>
internal sealed class RmsPropStep(double learningRate, double decay, double epsilon, int parameterCount) : IUpdateRule
{
    private readonly double[] _meanSquare = new double[parameterCount];

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        for (var k = 0; k < parameters.Length; k++)
        {
            _meanSquare[k] = (decay * _meanSquare[k]) + ((1 - decay) * gradient[k] * gradient[k]);
            parameters[k] -= learningRate * gradient[k] / (Math.Sqrt(_meanSquare[k]) + epsilon);
        }
    }
}
