namespace RegressionRender.Core.Layout;

/// <summary>The one place where data coordinates become pixels: a data range mapped onto a pixel rectangle.</summary>
public sealed record Viewport(AxisRange X, AxisRange Y, PixelRect Area)
{
    /// <summary>Pixel column of a data x.</summary>
    public float PixelX(double x) => (float)(Area.Left + ((x - X.Min) / X.Span * Area.Width));

    /// <summary>Pixel row of a data y (up in data is up on screen).</summary>
    public float PixelY(double y) => (float)(Area.Bottom - ((y - Y.Min) / Y.Span * Area.Height));
}

/// <summary>A closed data interval of an axis.</summary>
public readonly record struct AxisRange(double Min, double Max)
{
    /// <summary>Max − Min.</summary>
    public double Span => Max - Min;
}
