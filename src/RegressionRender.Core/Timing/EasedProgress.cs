namespace RegressionRender.Core.Timing;

/// <summary>
/// The one policy for easings: an easing sets the animation's *speed*. Frame j advances by the easing's change
/// |f(p_j) − f(p_j−1)| of the whole movement, so every easing runs forward — the overshooting and bouncing
/// ones (back, elastic, bounce) become surges, the fit slowing to a stop where the curve would turn back and then
/// going on, never rewinding or freezing on the final step. The speed is then softened: averaged over a few
/// frames (bounce's corners) and capped at <see cref="MaxSpeed"/> × the mean (the spikes of expo, circ and
/// elastic), so that no easing makes a frame jump.
/// </summary>
public static class EasedProgress
{
    /// <summary>No frame moves more than this multiple of the average frame.</summary>
    public const double MaxSpeed = 3;

    /// <summary>Frames the speed is averaged over on each side, as a share of the animation.</summary>
    public const double SmoothingShare = 0.02;

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
        var speed = Smooth(raw, Math.Max(1, (int)Math.Round(SmoothingShare * n)));
        Cap(speed);
        var total = speed.Sum();
        for (var j = 1; j < n; j++)
        {
            progress[j] = total > 0 ? progress[j - 1] + (speed[j] / total) : (double)j / (n - 1);
        }
        progress[^1] = 1;
        return progress;
    }

    /// <summary>A centred moving average of moves 1..n−1 (move 0 is the first frame, which does not move).</summary>
    private static double[] Smooth(double[] raw, int radius)
    {
        var smooth = new double[raw.Length];
        for (var j = 1; j < raw.Length; j++)
        {
            int from = Math.Max(1, j - radius), to = Math.Min(raw.Length - 1, j + radius);
            var sum = 0.0;
            for (var i = from; i <= to; i++)
            {
                sum += raw[i];
            }
            smooth[j] = sum / (to - from + 1);
        }
        return smooth;
    }

    /// <summary>Clamps speeds to <see cref="MaxSpeed"/> × their mean, repeatedly (clamping lowers the mean).</summary>
    private static void Cap(double[] speed)
    {
        for (var round = 0; round < 32; round++)
        {
            var mean = speed.Skip(1).Average();
            var cap = MaxSpeed * mean;
            var clamped = false;
            for (var j = 1; j < speed.Length; j++)
            {
                if (speed[j] > cap * (1 + 1e-9))
                {
                    (speed[j], clamped) = (cap, true);
                }
            }
            if (!clamped)
            {
                return;
            }
        }
    }
}
