using RegressionRender.Core.Fitting;

namespace RegressionRender.Tests.Fitting;

/// <summary>The losses the optimizers minimise: one pass gives the loss and its slope along a line (a raise's Newton search).</summary>
public sealed class ObjectiveTests
{
    private static readonly double[] X = [-1.5, -0.7, 0.2, 0.9, 1.6, 2.4];
    private static readonly double[] Labels = [0, 0, 1, 0, 1, 1];
    private static readonly double[] Values = [1.2, 0.4, 2.1, 2.9, 4.4, 5.0];

    public static TheoryData<string, double> Objectives() => new() { { "log", 0 }, { "log", 0.3 }, { "squared", 0 }, { "squared", 0.3 } };

    private static IObjective Make(string kind, double l2) =>
        kind == "log" ? new LogLoss(X, Labels, 3, l2) : new SquaredLoss(X, Values, 3, l2);

    [Theory]
    [MemberData(nameof(Objectives))]
    public void The_Loss_Is_The_Loss_And_The_Slope_Its_Derivative_Along_The_Direction(string kind, double l2)
    {
        var objective = Make(kind, l2);
        foreach (var (at, along) in new (double[], double[])[]
        {
            ([0.3, -0.8, 0.5], [1, 2, -0.5]),
            ([40, 25, -3], [0.2, -1, 0.05]),   // confident predictions: the log-loss is nearly straight here
            ([0, 0, 0], [-3, 0.5, 1]),
        })
        {
            var (loss, slope) = objective.LossAndSlope(at, along);
            Assert.Equal(objective.Loss(at), loss);
            const double h = 1e-6;
            var ahead = at.Select((p, k) => p + (h * along[k])).ToArray();
            var behind = at.Select((p, k) => p - (h * along[k])).ToArray();
            var numeric = (objective.Loss(ahead) - objective.Loss(behind)) / (2 * h);
            Assert.True(Math.Abs(slope - numeric) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"{kind} l2={l2} at [{string.Join(", ", at)}]: slope {slope}, numerically {numeric}");
        }
    }
}
