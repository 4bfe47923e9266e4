using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>
/// The bundled DejaVu Sans faces, loaded from embedded resources: with the NoDependencies native build there are
/// no system fonts, and text drawn with a default typeface silently disappears.
/// </summary>
internal sealed class FontSet : IDisposable
{
    private FontSet(SKTypeface regular, SKTypeface bold)
    {
        Regular = regular;
        Bold = bold;
    }

    /// <summary>DejaVu Sans.</summary>
    public SKTypeface Regular { get; }

    /// <summary>DejaVu Sans Bold.</summary>
    public SKTypeface Bold { get; }

    /// <summary>Family name of the regular face.</summary>
    public string FamilyName => Regular.FamilyName;

    /// <summary>Loads the bundled fonts.</summary>
    public static FontSet Load() => new(LoadFace("DejaVuSans.ttf"), LoadFace("DejaVuSans-Bold.ttf"));

    /// <summary>A font of the regular face at a pixel size, with subpixel positioning for crisp, steady text.</summary>
    public SKFont Font(float size, bool bold = false) => new(bold ? Bold : Regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKTypeface LoadFace(string file)
    {
        using var stream = typeof(FontSet).Assembly.GetManifestResourceStream($"RegressionRender.Fonts.{file}")
            ?? throw new InvalidOperationException($"the bundled font {file} is missing from the build");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"the bundled font {file} could not be loaded");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}
