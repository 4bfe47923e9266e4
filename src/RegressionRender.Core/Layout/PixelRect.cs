namespace RegressionRender.Core.Layout;

/// <summary>A rectangle in output pixels (y grows downwards).</summary>
public readonly record struct PixelRect(float Left, float Top, float Right, float Bottom)
{
    /// <summary>Width in pixels.</summary>
    public float Width => Right - Left;

    /// <summary>Height in pixels.</summary>
    public float Height => Bottom - Top;

    /// <summary>True when the two rectangles share any area.</summary>
    public bool Overlaps(PixelRect other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    /// <summary>True when <paramref name="other"/> lies inside this rectangle.</summary>
    public bool Contains(PixelRect other) => other.Left >= Left && other.Right <= Right && other.Top >= Top && other.Bottom <= Bottom;
}
