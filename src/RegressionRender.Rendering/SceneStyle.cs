using RegressionRender.Core;
using RegressionRender.Core.Config;
using SkiaSharp;

namespace RegressionRender.Rendering;

/// <summary>The colours of a scene: a light theme with the Okabe–Ito colour-blind-safe palette, overridable per config.</summary>
public sealed record SceneStyle(
    SKColor Background,
    SKColor Text,
    SKColor MutedText,
    SKColor Grid,
    SKColor Axis,
    SKColor Points,
    SKColor Initial,
    SKColor Target,
    SKColor ClassZero,
    SKColor ClassOne,
    IReadOnlyList<SKColor> FitColors)
{
    /// <summary>Okabe–Ito: vermillion, blue, bluish green, reddish purple, orange, sky blue, yellow.</summary>
    public static IReadOnlyList<Rgba> Palette { get; } =
    [
        new(0xD5, 0x5E, 0x00, 0xFF), new(0x00, 0x72, 0xB2, 0xFF), new(0x00, 0x9E, 0x73, 0xFF),
        new(0xCC, 0x79, 0xA7, 0xFF), new(0xE6, 0x9F, 0x00, 0xFF), new(0x56, 0xB4, 0xE9, 0xFF), new(0xF0, 0xE4, 0x42, 0xFF),
    ];

    /// <summary>The colours a config asks for, on the light theme.</summary>
    public static SceneStyle From(SceneConfig config)
    {
        var fits = config.Fit.Select((f, i) => Sk(Rgba.ParseOr(f.Color, Palette[i % Palette.Count]))).ToList();
        return new SceneStyle(
            Background: new SKColor(0xFF, 0xFF, 0xFF),
            Text: new SKColor(0x1F, 0x23, 0x28),
            MutedText: new SKColor(0x5B, 0x63, 0x6E),
            Grid: new SKColor(0xE6, 0xE8, 0xEB),
            Axis: new SKColor(0x8A, 0x92, 0x9C),
            Points: Sk(Rgba.ParseOr(config.View.PointColor, new Rgba(0x33, 0x3D, 0x47, 0xB0))),
            Initial: Sk(Rgba.ParseOr(config.View.InitialColor, new Rgba(0x00, 0x72, 0xB2, 0x55))),
            Target: new SKColor(0x55, 0x5D, 0x66, 0xC0),
            ClassZero: new SKColor(0xCC, 0x79, 0xA7, 0xC0),
            ClassOne: new SKColor(0x00, 0x9E, 0x73, 0xC0),
            FitColors: fits);
    }

    private static SKColor Sk(Rgba c) => new(c.R, c.G, c.B, c.A);
}
