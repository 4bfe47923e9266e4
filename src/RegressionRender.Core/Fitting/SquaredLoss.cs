using RegressionRender.Core.Data;

namespace RegressionRender.Core.Fitting;

/// <summary>
/// Least squares on a dataset: the recorded loss is the MSE, mean(residual²); optimizers step along the
/// gradient of half of it, so that one per-sample SGD step is exactly <c>θ += lr·err·φ(x)</c>.
/// </summary>
public sealed class SquaredLoss(Dataset data, PolynomialModel model)
{
    /// <summary>mean((y − f(x))²) over all points.</summary>
    public double Mse(ReadOnlySpan<double> parameters)
    {
        var sum = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var residual = data.Y[i] - PolynomialModel.Predict(parameters, data.X[i]);
            sum += residual * residual;
        }
        return sum / data.Count;
    }

    /// <summary>Gradient of ½·mean(residual²) over the samples <paramref name="batch"/>, written to <paramref name="gradient"/>.</summary>
    public void Gradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        gradient.Clear();
        foreach (var i in batch)
        {
            var x = data.X[i];
            var residual = data.Y[i] - PolynomialModel.Predict(parameters, x);
            var feature = 1.0;
            for (var k = 0; k < model.ParameterCount; k++)
            {
                gradient[k] -= residual * feature;
                feature *= x;
            }
        }
        for (var k = 0; k < gradient.Length; k++)
        {
            gradient[k] /= batch.Length;
        }
    }
}
