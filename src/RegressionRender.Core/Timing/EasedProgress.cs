namespace RegressionRender.Core.Timing;

/// <summary>
/// The one policy for easings: an easing sets the animation's *speed*. Frame j advances by the easing's change
/// |f(p_j) − f(p_j−1)| of the whole movement, so every easing runs forward — the overshooting and bouncing
/// ones (back, elastic, bounce) become surges, the fit slowing to a stop where the curve would turn back and then
/// going on, never rewinding or freezing on the final step. The speed is then softened: capped at
/// <see cref="MaxSpeed"/> × the mean (the spikes of expo, circ and elastic), and no frame's speed differs from its
/// neighbour's by more than <see cref="MaxSpeedChange"/> of the top speed (the corners of bounce, the sudden stops of
/// elastic, and any easing run over few frames), so the easing alone never makes a frame jump: half of what the
/// smoothness rule allows is left for the path the frames follow.
/// </summary>
public static class EasedProgress
{
    /// <summary>No frame moves more than this multiple of the average frame.</summary>
    public const double MaxSpeed = 3;

    /// <summary>Most a frame's speed differs from the previous frame's, as a share of the top speed: half the smoothness rule's <see cref="Smoothness.JumpShare"/>.</summary>
    public const double MaxSpeedChange = Smoothness.JumpShare / 2;

    /// <summary>Cumulative progress (0 to 1, non-decreasing, exactly 0 first and 1 last) of <paramref name="frames"/> animated frames.</summary>
    public static double[] For(Func<double, double> easing, int frames)
    {
        var n = frames;
        var progress = new double[n];
        if (n < 2)
        {
            return progress;
        }
        var raw = new double[n];
        var previous = 0.0;
        for (var j = 1; j < n; j++)
        {
            var value = j == n - 1 ? 1 : easing((double)j / (n - 1));
            raw[j] = Math.Abs(value - previous);
            previous = value;
        }
        var speed = Shape(raw);
        var total = speed.Sum();
        for (var j = 1; j < n; j++)
        {
            progress[j] = total > 0 ? progress[j - 1] + (speed[j] / total) : (double)j / (n - 1);
        }
        progress[^1] = 1;
        return progress;
    }

    /// <summary>
    /// The speeds (of moves 1..n−1; move 0 is the first frame, which does not move) capped at a level c and then
    /// lowered to the largest profile under them whose neighbours differ by at most <see cref="MaxSpeedChange"/> × c,
    /// for the largest c that is at most <see cref="MaxSpeed"/> × their mean; c then follows the top speed down when
    /// the limit lowered it (a narrow peak), so the change stays a share of the top speed actually shown.
    /// </summary>
    private static double[] Shape(double[] raw)
    {
        var top = raw.Max();
        if (top <= 0)
        {
            return raw;
        }
        var level = top;
        if (!Holds(raw, top))
        {
            double low = 0, high = top;
            for (var round = 0; round < 50; round++)
            {
                var middle = (low + high) / 2;
                (low, high) = Holds(raw, middle) ? (middle, high) : (low, middle);
            }
            level = low;
        }
        var speed = Limited(raw, level);
        for (var round = 0; round < 100 && speed.Max() < 0.995 * level; round++)
        {
            level = speed.Max();
            speed = Limited(raw, level);
        }
        return speed;
    }

    /// <summary>True when <paramref name="level"/> is at most <see cref="MaxSpeed"/> × the mean of the speeds it shapes.</summary>
    private static bool Holds(double[] raw, double level) => level <= MaxSpeed * Limited(raw, level).Skip(1).Average() * (1 + 1e-12);

    /// <summary>
    /// The speeds capped at <paramref name="level"/>, then min over i of speed_i + <see cref="MaxSpeedChange"/> ×
    /// level × |i − j| (one pass each way): a sharp rise becomes a ramp and a sudden stop a V.
    /// </summary>
    private static double[] Limited(double[] raw, double level)
    {
        var limit = MaxSpeedChange * level;
        var speed = new double[raw.Length];
        for (var j = 1; j < raw.Length; j++)
        {
            speed[j] = Math.Min(raw[j], level);
        }
        for (var j = 2; j < speed.Length; j++)
        {
            speed[j] = Math.Min(speed[j], speed[j - 1] + limit);
        }
        for (var j = speed.Length - 2; j >= 1; j--)
        {
            speed[j] = Math.Min(speed[j], speed[j + 1] + limit);
        }
        return speed;
    }
}
