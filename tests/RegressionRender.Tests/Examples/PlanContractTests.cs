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

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void The_Motion_Summary_Is_What_The_Frames_Show(string example)
    {
        // Recomputed here from the frames, as a reviewer would: the jump rule from displacementPx, the busiest tenth,
        // the frames with no fit visible, and the reversals on the curves drawn (clamped to the panel).
        var scene = PreparedScene.Load(ExampleTheory.PathOf(example));
        using var plan = JsonDocument.Parse(PlanReport.Build(scene).ToJson());
        var animated = plan.RootElement.GetProperty("frames").EnumerateArray().Where(f => f.GetProperty("phase").GetString() == "animate").ToList();
        var moves = animated.Skip(1).Select(f => f.GetProperty("displacementPx").GetDouble()).ToArray();
        var jump = moves.Zip(moves.Skip(1), (a, b) => Math.Abs(b - a)).Max() / Math.Max(0.15 * moves.Max(), 1.5);
        var busiest = moves.OrderDescending().Take(Math.Max(1, moves.Length / 10)).Sum() / moves.Sum();
        var empty = animated.Count(f => f.GetProperty("fits").EnumerateArray().All(fit => fit.GetProperty("visible").GetDouble() == 0));
        var view = scene.PlanFor(scene.Config.View.Width, scene.Config.View.Height);
        var probe = new Core.Timing.CurveProbe(view.FitViewport);
        var rows = scene.TimelineFor(view, scene.Config.Animation.Fps).Frames.Where(f => f.Phase == Core.Timing.FramePhase.Animate).Select(frame =>
            frame.Fits.SelectMany((fit, k) =>
            {
                var row = new float[Core.Timing.CurveProbe.SampleCount];
                probe.Sample(scene.Fits[k].Info.Model, fit.Parameters, row);
                return row.Select(r => probe.Clamp(r));
            }).ToArray()).ToList();
        var reversals = 0;
        for (var j = 1; j + 1 < rows.Count; j++)
        {
            var into = rows[j].Zip(rows[j - 1], (a, b) => a - b).ToArray();
            var outOf = rows[j + 1].Zip(rows[j], (a, b) => a - b).ToArray();
            var (lengthInto, lengthOut) = (Math.Sqrt(into.Sum(d => d * d) / into.Length), Math.Sqrt(outOf.Sum(d => d * d) / outOf.Length));
            var cosine = into.Zip(outOf, (a, b) => a * b).Sum() / into.Length / (lengthInto * lengthOut);
            reversals += lengthInto >= 3 && lengthOut >= 3 && cosine < -0.5 ? 1 : 0;
        }

        var motion = plan.RootElement.GetProperty("motion");
        Assert.Equal(animated.Count, motion.GetProperty("animatedFrames").GetInt32());
        Assert.Equal(jump, motion.GetProperty("jumpScore").GetDouble(), 9);
        Assert.Equal(busiest, motion.GetProperty("busiestShare").GetDouble(), 9);
        Assert.Equal(empty, motion.GetProperty("emptyFrames").GetInt32());
        Assert.Equal(reversals, motion.GetProperty("reversals").GetInt32());
        Assert.True(motion.GetProperty("keepsRules").GetBoolean(), $"{example}: {motion}");
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
