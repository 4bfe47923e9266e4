using System.Text.Json;
using RegressionRender.Core.Fitting;

namespace RegressionRender.Tests.Examples;

/// <summary>
/// The per-frame fields of <c>plan --json</c> describe what is drawn: the loss is the loss of the parameters
/// printed (recomputed here from the data), <c>between</c> and <c>lossBetween</c> name kept steps and their
/// recorded losses, <c>display</c> says whether the frame is on a recorded step, <c>visible</c> is a share.
/// </summary>
public sealed class PlanContractTests
{
    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void Every_Frame_Reports_The_Loss_Of_What_It_Draws_And_The_Steps_It_Lies_Between(string example)
    {
        var scene = PreparedScene.Load(ExampleTheory.PathOf(example));
        using var plan = JsonDocument.Parse(PlanReport.Build(scene).ToJson());
        foreach (var frame in plan.RootElement.GetProperty("frames").EnumerateArray())
        {
            var fits = frame.GetProperty("fits");
            for (var k = 0; k < scene.Fits.Count; k++)
            {
                var record = scene.Fits[k];
                var fit = fits[k];
                var parameters = fit.GetProperty("parameters").EnumerateArray().Select(p => p.GetDouble()).ToArray();
                var loss = fit.GetProperty("loss").GetDouble();
                var recomputed = Loss(scene, record, parameters);
                Assert.True(Math.Abs(loss - recomputed) <= 1e-9 * Math.Max(1, Math.Abs(recomputed)),
                    $"{example} frame {frame.GetProperty("frame").GetInt32()}: loss {loss} but the parameters drawn have {recomputed}");
                var between = fit.GetProperty("between").EnumerateArray().Select(b => b.GetInt32()).ToArray();
                var lossBetween = fit.GetProperty("lossBetween").EnumerateArray().Select(b => b.GetDouble()).ToArray();
                Assert.Equal(2, between.Length);
                Assert.True(between[0] <= between[1]);
                Assert.Equal(record.LossAt(between[0]), lossBetween[0]);
                Assert.Equal(record.LossAt(between[1]), lossBetween[1]);
                var iteration = fit.GetProperty("iteration").GetDouble();
                Assert.InRange(iteration, between[0], between[1]);
                var display = fit.GetProperty("display").GetString();
                Assert.Equal(between[0] == between[1] ? "iterate" : "tween", display);
                if (display == "iterate")
                {
                    Assert.Equal(record.InDataUnits(record.ParametersAt(between[0])), parameters);
                }
                Assert.InRange(fit.GetProperty("visible").GetDouble(), 0, 1);
            }
        }
    }

    /// <summary>MSE or mean log-loss (with the penalty) of parameters in the data's units, written out here, independently of the fitter.</summary>
    private static double Loss(PreparedScene scene, FitRecord record, double[] parameters)
    {
        var data = scene.Data;
        var fit = scene.Config.Fit[scene.Fits.ToList().IndexOf(record)];
        var scaled = new double[parameters.Length];
        record.Info.Scaling.ToScaled(parameters, scaled);
        var penalty = fit.L2 * scaled.Skip(1).Sum(w => w * w);
        var sum = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var z = record.Info.Scaling.Apply(data.X[i]);
            var value = RegressionModel.Polynomial(scaled, z);
            sum += record.Info.Model.IsLogistic
                ? (value > 0 ? value + Math.Log(1 + Math.Exp(-value)) : Math.Log(1 + Math.Exp(value))) - (data.Y[i] * value)
                : (data.Y[i] - value) * (data.Y[i] - value);
        }
        return (sum / data.Count) + (record.Info.Model.IsLogistic ? penalty / 2 : penalty);
    }

    [Fact]
    public void Each_Fit_Says_Whether_It_Converged()
    {
        var plan = PlanReport.Build(PreparedScene.Load(ExampleTheory.PathOf("learning-rate-too-high.json")));
        Assert.False(plan.Fits[0].Converged);
        var seed = PlanReport.Build(PreparedScene.Load(ExampleTheory.PathOf("seed-standardize.json")));
        Assert.True(seed.Fits[0].Converged);
    }
}
