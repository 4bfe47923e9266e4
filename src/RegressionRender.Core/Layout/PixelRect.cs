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

    /// <summary>True when the point (<paramref name="x"/>, <paramref name="y"/>) lies inside this rectangle or on its edge.</summary>
    public bool Contains(float x, float y) => x >= Left && x <= Right && y >= Top && y <= Bottom;

    /// <summary>True when <paramref name="other"/> lies inside this rectangle.</summary>
    public bool Contains(PixelRect other) => other.Left >= Left && other.Right <= Right && other.Top >= Top && other.Bottom <= Bottom;
}
