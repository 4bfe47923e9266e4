using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Examples;

/// <summary>
/// A stochastic fit in its noise glides instead of flickering: in the noise examples few frames move back the way
/// the previous frame came (the README's reversals: the movement turns back by more than 120°, both moves at
/// least 3 px), measured on the curves as drawn — each animated frame's parameters, sampled across the fit panel.
/// </summary>
public sealed class NoiseFlickerTests
{
    [Theory]
    [InlineData("sgd-noise.json")]
    [InlineData("minibatch-shuffled.json")]
    public void Noise_Examples_Reverse_In_At_Most_5_Percent_Of_Frames(string example)
    {
        var scene = PreparedScene.Load(ExampleTheory.PathOf(example));
        var plan = scene.PlanFor(scene.Config.View.Width, scene.Config.View.Height);
        var timeline = scene.TimelineFor(plan, scene.Config.Animation.Fps);
        var probe = new CurveProbe(plan.FitViewport);
        var animated = timeline.Frames.Where(f => f.Phase == FramePhase.Animate).ToList();
        var rows = animated.Select(frame =>
        {
            var row = new float[CurveProbe.SampleCount * frame.Fits.Count];
            for (var k = 0; k < frame.Fits.Count; k++)
            {
                probe.Sample(scene.Fits[k].Info.Model, frame.Fits[k].Parameters, row.AsSpan(k * CurveProbe.SampleCount, CurveProbe.SampleCount));
            }
            return row;
        }).ToList();
        var reversals = 0;
        for (var j = 1; j < rows.Count - 1; j++)
        {
            var before = rows[j].Zip(rows[j - 1], (a, b) => (double)a - b).ToArray();
            var after = rows[j + 1].Zip(rows[j], (a, b) => (double)a - b).ToArray();
            var (lengthBefore, lengthAfter) = (Rms(before), Rms(after));
            var cosine = before.Zip(after, (a, b) => a * b).Sum() / (before.Length * lengthBefore * lengthAfter);
            if (lengthBefore >= 3 && lengthAfter >= 3 && cosine < -0.5)
            {
                reversals++;
            }
        }
        Assert.True(reversals <= 0.05 * animated.Count, $"{example}: {reversals} of {animated.Count} animated frames turn back");
    }

    private static double Rms(double[] values) => Math.Sqrt(values.Sum(v => v * v) / values.Length);
}
