namespace RegressionRender.Core.Data;

/// <summary>The points being fitted, with axis titles and how many rows were skipped for empty cells.</summary>
public sealed record Dataset(double[] X, double[] Y, string XTitle, string YTitle, int SkippedRows)
{
    /// <summary>Number of points.</summary>
    public int Count => X.Length;
}
