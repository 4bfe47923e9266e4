namespace RegressionRender.Encoding;

/// <summary>Frames to encode: a fixed number of BGRA images of one size, drawn on demand in order.</summary>
public interface IFrameSource
{
    /// <summary>Width in pixels.</summary>
    int Width { get; }

    /// <summary>Height in pixels.</summary>
    int Height { get; }

    /// <summary>Frames per second.</summary>
    int Fps { get; }

    /// <summary>Number of frames.</summary>
    int FrameCount { get; }

    /// <summary>True when frames carry straight (unpremultiplied) alpha worth keeping; false = opaque.</summary>
    bool HasAlpha { get; }

    /// <summary>Draws frame <paramref name="index"/> as BGRA8888 into <paramref name="pixels"/> (Width × Height × 4 bytes).</summary>
    void Render(int index, Span<byte> pixels);
}
