namespace RegressionRender.Encoding;

/// <summary>
/// A GIF palette made for plots. A plot holds few exact colours — the background, text and axes, the points, each
/// fit — plus their anti-aliasing and fading ramps towards the background, and most of it never changes. A generic
/// palette (ffmpeg's median cut) spends entries on rare colours; this one minimises what the viewer sees: the
/// squared colour error over every pixel of every frame. Colours are counted over frames spread evenly through
/// the video; entries are placed greedily where they remove the most error, then refined (weighted k-means); an
/// entry whose cluster is mostly one colour becomes that colour, so the theme's colours are exact.
/// </summary>
public static class GifPalette
{
    /// <summary>Most frames sampled for the colour count.</summary>
    private const int SampledFrames = 16;

    /// <summary>Rounds of k-means refinement.</summary>
    private const int Rounds = 8;

    /// <summary>Colour counts the automatic choice picks from, fewest first.</summary>
    public static IReadOnlyList<int> Ladder { get; } = [8, 12, 16, 20, 24, 28, 32, 40, 48, 64, 80, 96, 128, 160, 192, 224, 255];

    /// <summary>
    /// The fidelity the automatic choice aims for: the fewest colours whose quantization error on the sampled frames
    /// stays within this PSNR (dB) — beyond it more colours add bytes faster than anyone can see.
    /// </summary>
    public const double TargetPsnr = 56;

    /// <summary>
    /// The palette of <paramref name="source"/> (0xRRGGBB entries) with <paramref name="colors"/> (2–255) colours, or
    /// with the fewest of <see cref="Ladder"/> that reach <see cref="TargetPsnr"/> (255 at most) when null.
    /// </summary>
    public static int[] Build(IFrameSource source, int? colors, CancellationToken cancellationToken)
    {
        var counts = Count(source, cancellationToken);
        return colors is { } fixedCount ? Choose(counts, Math.Clamp(fixedCount, 2, 255)) : Fewest(counts, TargetPsnr);
    }

    /// <summary>The number of colours <see cref="Fewest"/> gives the frames of <paramref name="source"/> for <paramref name="psnr"/>.</summary>
    public static int FewestColors(IFrameSource source, double psnr, CancellationToken cancellationToken) =>
        Fewest(Count(source, cancellationToken), psnr).Length;

    /// <summary>The palette of the fewest colours of <see cref="Ladder"/> that reaches <paramref name="psnr"/> (255 at most; bisection: fidelity grows with colours).</summary>
    private static int[] Fewest(Dictionary<int, long> counts, double psnr)
    {
        var (low, high) = (-1, Ladder.Count - 1);
        var best = Choose(counts, Ladder[high]);
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            var entries = Choose(counts, Ladder[middle]);
            if (Psnr(counts, entries) >= psnr)
            {
                (best, high) = (entries, middle);
            }
            else
            {
                low = middle;
            }
        }
        return best;
    }

    /// <summary>The PSNR (dB) of the sampled frames drawn with <paramref name="entries"/>, each pixel its nearest entry.</summary>
    public static double Psnr(Dictionary<int, long> counts, int[] entries)
    {
        double error = 0, pixels = 0;
        var centres = entries.Select(e => Rgb(e)).ToList();
        foreach (var (rgb, count) in counts)
        {
            var colour = Rgb(rgb);
            error += count * centres.Min(c => Distance(colour, c));
            pixels += count;
        }
        var mse = error / (3 * pixels);
        return mse <= 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>How often each colour (0xRRGGBB) occurs over frames spread evenly through the video.</summary>
    public static Dictionary<int, long> Count(IFrameSource source, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<int, long>();
        var pixels = new byte[source.Width * source.Height * 4];
        var frames = Math.Min(SampledFrames, source.FrameCount);
        for (var f = 0; f < frames; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.Render(frames == 1 ? 0 : (int)((long)f * (source.FrameCount - 1) / (frames - 1)), pixels);
            var last = -1;
            long run = 0;
            for (var p = 0; p < pixels.Length; p += 4)
            {
                var rgb = (pixels[p + 2] << 16) | (pixels[p + 1] << 8) | pixels[p];
                if (rgb != last && run > 0)
                {
                    Add(counts, last, run);
                    run = 0;
                }
                last = rgb;
                run++;
            }
            Add(counts, last, run);
        }
        return counts;
    }

    /// <summary>At most <paramref name="colors"/> entries (0xRRGGBB) for colours with their counts.</summary>
    public static int[] Choose(Dictionary<int, long> counts, int colors)
    {
        // Sorted, so that the palette does not depend on the order colours were met in.
        var colours = counts.Keys.Order().ToArray();
        var weights = colours.Select(c => (double)counts[c]).ToArray();
        if (colours.Length <= colors)
        {
            return colours;
        }
        var nearest = new double[colours.Length];
        Array.Fill(nearest, double.PositiveInfinity);
        var centres = new List<(double R, double G, double B)>();
        // Greedy: each next entry goes where it removes the most squared error (weight × distance² to the nearest entry).
        var next = Array.IndexOf(weights, weights.Max());
        while (centres.Count < colors)
        {
            var centre = Rgb(colours[next]);
            centres.Add(centre);
            var (best, bestGain) = (-1, 0.0);
            for (var i = 0; i < colours.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance(Rgb(colours[i]), centre));
                var gain = weights[i] * nearest[i];
                if (gain > bestGain)
                {
                    (best, bestGain) = (i, gain);
                }
            }
            if (best < 0)
            {
                break;
            }
            next = best;
        }
        var cluster = new int[colours.Length];
        for (var round = 0; round < Rounds; round++)
        {
            Assign(colours, centres, cluster);
            var sums = new (double R, double G, double B, double W)[centres.Count];
            for (var i = 0; i < colours.Length; i++)
            {
                var (r, g, b) = Rgb(colours[i]);
                ref var sum = ref sums[cluster[i]];
                sum = (sum.R + (weights[i] * r), sum.G + (weights[i] * g), sum.B + (weights[i] * b), sum.W + weights[i]);
            }
            for (var k = 0; k < centres.Count; k++)
            {
                if (sums[k].W > 0)
                {
                    centres[k] = (sums[k].R / sums[k].W, sums[k].G / sums[k].W, sums[k].B / sums[k].W);
                }
            }
        }
        // An entry whose cluster is mostly one colour becomes that colour (the theme's colours exactly); the others
        // (blends: anti-aliasing, fading) stay at their cluster's weighted mean, which serves the blends best.
        Assign(colours, centres, cluster);
        var mode = new int[centres.Count];
        var heaviest = new double[centres.Count];
        var total = new double[centres.Count];
        for (var i = 0; i < colours.Length; i++)
        {
            total[cluster[i]] += weights[i];
            if (weights[i] > heaviest[cluster[i]])
            {
                (heaviest[cluster[i]], mode[cluster[i]]) = (weights[i], colours[i]);
            }
        }
        var entries = new int[centres.Count];
        for (var k = 0; k < centres.Count; k++)
        {
            var (r, g, b) = centres[k];
            entries[k] = heaviest[k] >= 0.5 * total[k] ? mode[k] : ((int)Math.Round(r) << 16) | ((int)Math.Round(g) << 8) | (int)Math.Round(b);
        }
        return [.. entries.Where((_, k) => total[k] > 0).Distinct()];
    }

    private static void Assign(int[] colours, List<(double R, double G, double B)> centres, int[] cluster)
    {
        for (var i = 0; i < colours.Length; i++)
        {
            var rgb = Rgb(colours[i]);
            var (best, bestDistance) = (0, double.PositiveInfinity);
            for (var k = 0; k < centres.Count; k++)
            {
                var distance = Distance(rgb, centres[k]);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (k, distance);
                }
            }
            cluster[i] = best;
        }
    }

    private static void Add(Dictionary<int, long> counts, int rgb, long run)
    {
        counts.TryGetValue(rgb, out var count);
        counts[rgb] = count + run;
    }

    private static (double R, double G, double B) Rgb(int rgb) => ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);

    private static double Distance((double R, double G, double B) a, (double R, double G, double B) b) =>
        ((a.R - b.R) * (a.R - b.R)) + ((a.G - b.G) * (a.G - b.G)) + ((a.B - b.B) * (a.B - b.B));
}
