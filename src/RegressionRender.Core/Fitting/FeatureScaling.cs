namespace RegressionRender.Core.Fitting;

/// <summary>
/// The z-score of x, z = (x − mean) / scale, on which a standardized fit runs. Converts fitted coefficients
/// back to the original units by expanding ((x − mean)/scale)^k, so that curves and readouts stay in the data's units.
/// </summary>
public sealed record FeatureScaling(double Mean, double Scale)
{
    /// <summary>No scaling: z = x.</summary>
    public static FeatureScaling Identity { get; } = new(0, 1);

    /// <summary>The mean and (population) standard deviation of <paramref name="xs"/>.</summary>
    public static FeatureScaling Of(IReadOnlyList<double> xs)
    {
        var mean = xs.Average();
        var deviation = Math.Sqrt(xs.Average(x => (x - mean) * (x - mean)));
        return new FeatureScaling(mean, deviation > 0 ? deviation : 1);
    }

    /// <summary>True when this is the identity.</summary>
    public bool IsIdentity => Mean == 0 && Scale == 1;

    /// <summary>z for x.</summary>
    public double Apply(double x) => (x - Mean) / Scale;

    /// <summary>A line's (intercept, slope) in x from (intercept, slope) in z.</summary>
    public (double Intercept, double Slope) LineToOriginal(double intercept, double slope) => (intercept - (slope * Mean / Scale), slope / Scale);

    /// <summary>Coefficients of the same polynomial in x, from coefficients in z.</summary>
    public void ToOriginal(ReadOnlySpan<double> scaled, Span<double> original)
    {
        if (IsIdentity)
        {
            scaled.CopyTo(original);
            return;
        }
        original.Clear();
        for (var k = 0; k < scaled.Length; k++)
        {
            // β_k · ((x − m)/s)^k = β_k / s^k · Σ_j C(k, j) x^j (−m)^(k−j)
            var factor = scaled[k] / Math.Pow(Scale, k);
            var binomial = 1.0;
            for (var j = 0; j <= k; j++)
            {
                original[j] += factor * binomial * Math.Pow(-Mean, k - j);
                binomial = binomial * (k - j) / (j + 1);
            }
        }
    }

    /// <summary>Coefficients of the same polynomial in z, from coefficients in x (the inverse of <see cref="ToOriginal"/>).</summary>
    public void ToScaled(ReadOnlySpan<double> original, Span<double> scaled)
    {
        if (IsIdentity)
        {
            original.CopyTo(scaled);
            return;
        }
        scaled.Clear();
        for (var j = 0; j < original.Length; j++)
        {
            // a_j · x^j = a_j · (m + s·z)^j = a_j · Σ_k C(j, k) m^(j−k) s^k z^k
            var binomial = 1.0;
            for (var k = 0; k <= j; k++)
            {
                scaled[k] += original[j] * binomial * Math.Pow(Mean, j - k) * Math.Pow(Scale, k);
                binomial = binomial * (j - k) / (k + 1);
            }
        }
    }
}
