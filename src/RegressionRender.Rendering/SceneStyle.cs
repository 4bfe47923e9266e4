using RegressionRender.Core;
using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>
/// The colours of a scene: a light or dark theme, both with the Okabe–Ito colour-blind-safe palette for fits and
/// classes and viridis for the loss surface; every colour can be overridden in the config.
/// </summary>
internal sealed record SceneStyle(
    SKColor Background,
    SKColor Text,
    SKColor MutedText,
    SKColor Grid,
    SKColor Axis,
    SKColor Points,
    SKColor Initial,
    SKColor Target,
    SKColor Residual,
    SKColor ClassZero,
    SKColor ClassOne,
    IReadOnlyList<SKColor> FitColors,
    bool IsDark,
    SKColor Paper)
{
    /// <summary>True when the canvas is (partly) see-through: <c>"background": "transparent"</c> or an alpha below FF.</summary>
    public bool IsTransparent => Background.Alpha < 255;

    /// <summary>This style on an opaque canvas (the theme's paper), for formats without an alpha channel.</summary>
    public SceneStyle Opaque() => IsTransparent ? this with { Background = Paper } : this;

    /// <summary>Okabe–Ito: vermillion, blue, bluish green, reddish purple, orange, sky blue, yellow.</summary>
    public static IReadOnlyList<Rgba> Palette { get; } =
    [
        new(0xD5, 0x5E, 0x00, 0xFF), new(0x00, 0x72, 0xB2, 0xFF), new(0x00, 0x9E, 0x73, 0xFF),
        new(0xCC, 0x79, 0xA7, 0xFF), new(0xE6, 0x9F, 0x00, 0xFF), new(0x56, 0xB4, 0xE9, 0xFF), new(0xF0, 0xE4, 0x42, 0xFF),
    ];

    /// <summary>Viridis anchors, low to high: perceptually uniform and readable with colour-vision deficiency.</summary>
    private static readonly SKColor[] Viridis =
    [
        new(0xFD, 0xE7, 0x25), new(0xB5, 0xDE, 0x2B), new(0x6E, 0xCE, 0x58), new(0x35, 0xB7, 0x79), new(0x1F, 0x9E, 0x89),
        new(0x26, 0x82, 0x8E), new(0x31, 0x68, 0x8E), new(0x3E, 0x49, 0x89), new(0x48, 0x28, 0x78), new(0x44, 0x01, 0x54),
    ];

    /// <summary>The colours the settings ask for, the theme's where they ask for none.</summary>
    public static SceneStyle From(DrawSettings settings)
    {
        var over = settings.Colors;
        var dark = settings.Theme == Theme.Dark;
        var theme = dark ? new Rgba(0x12, 0x15, 0x1A, 0xFF) : new Rgba(0xFF, 0xFF, 0xFF, 0xFF);
        var background = Pick(over.Background, theme);
        var palette = over.Palette is { Count: > 0 } fits ? [.. fits.Select(f => Rgba.ParseOr(f, Palette[0]))] : Palette;
        return new SceneStyle(
            Background: background,
            Text: Pick(over.Text, dark ? new(0xE8, 0xEA, 0xED, 0xFF) : new(0x1F, 0x23, 0x28, 0xFF)),
            MutedText: Pick(over.MutedText, dark ? new(0x9A, 0xA3, 0xAD, 0xFF) : new(0x5B, 0x63, 0x6E, 0xFF)),
            Grid: Pick(over.Grid, dark ? new(0x26, 0x2B, 0x32, 0xFF) : new(0xE6, 0xE8, 0xEB, 0xFF)),
            Axis: Pick(over.Axis, dark ? new(0x5F, 0x68, 0x73, 0xFF) : new(0x8A, 0x92, 0x9C, 0xFF)),
            Points: Pick(over.Points, dark ? new(0xC9, 0xD1, 0xD9, 0xB8) : new(0x33, 0x3D, 0x47, 0xB0)),
            Initial: Pick(over.Initial, dark ? new(0x56, 0xB4, 0xE9, 0x66) : new(0x00, 0x72, 0xB2, 0x55)),
            Target: Pick(over.Target, dark ? new(0xC0, 0xC7, 0xCF, 0xC0) : new(0x55, 0x5D, 0x66, 0xC0)),
            // Residuals belong to the first fit: its colour, unless overridden.
            Residual: Pick(over.Residual, Rgba.ParseOr(over.Fits[0], palette[0])),
            ClassZero: Pick(over.ClassZero, new(0xCC, 0x79, 0xA7, 0xC8)),
            ClassOne: Pick(over.ClassOne, new(0x00, 0x9E, 0x73, 0xC8)),
            FitColors: [.. over.Fits.Select((c, i) => Sk(Rgba.ParseOr(c, palette[i % palette.Count])))],
            IsDark: dark,
            // Halos, point edges and readout boxes need an opaque colour even on a transparent canvas.
            Paper: background.Alpha == 255 ? background : Sk(theme));
    }

    /// <summary>
    /// The surface colour of a level in [0, 1] (0 = lowest loss): viridis, softened towards the background so that
    /// the optimizer's path stays the strongest thing in the panel.
    /// </summary>
    public SKColor SurfaceColor(double level)
    {
        var position = Math.Clamp(level, 0, 1) * (Viridis.Length - 1);
        var index = Math.Min((int)position, Viridis.Length - 2);
        var color = Mix(Viridis[index], Viridis[index + 1], (float)(position - index));
        return Mix(color, Paper, IsDark ? 0.3f : 0.38f);
    }

    /// <summary>
    /// A translucent colour as it shows on the theme's paper, made solid, so that marks drawn over other marks keep their
    /// colour (on a see-through canvas too: a dot is the same dot over a slide).
    /// </summary>
    public SKColor OnPaper(SKColor color) => Mix(Paper, color.WithAlpha(255), color.Alpha / 255f).WithAlpha(255);

    /// <summary>Linear mix of two colours: 0 = a, 1 = b.</summary>
    public static SKColor Mix(SKColor a, SKColor b, float amount) => new(
        (byte)(a.Red + ((b.Red - a.Red) * amount)),
        (byte)(a.Green + ((b.Green - a.Green) * amount)),
        (byte)(a.Blue + ((b.Blue - a.Blue) * amount)),
        (byte)(a.Alpha + ((b.Alpha - a.Alpha) * amount)));

    private static SKColor Pick(string? text, Rgba fallback) => Sk(Rgba.ParseOr(text, fallback));

    private static SKColor Sk(Rgba c) => new(c.R, c.G, c.B, c.A);
}
