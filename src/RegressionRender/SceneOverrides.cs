using RegressionRender.Core.Config;

namespace RegressionRender;

/// <summary>Command-line values that win over the config file (built-in defaults &lt; config &lt; flags).</summary>
public sealed record SceneOverrides
{
    /// <summary>Frame width.</summary>
    public int? Width { get; init; }

    /// <summary>Frame height.</summary>
    public int? Height { get; init; }

    /// <summary>Frames per second.</summary>
    public int? Fps { get; init; }

    /// <summary>Seconds of the animated phase.</summary>
    public double? Duration { get; init; }

    /// <summary>Frame width for a thumbnail (a PNG): the height follows the config's aspect ratio (at least 64).</summary>
    public int? ThumbnailWidth { get; init; }

    /// <summary>Largest GIF in bytes (<c>output.gif.maxBytes</c>).</summary>
    public int? GifMaxBytes { get; init; }

    /// <summary>Formats to write instead of the config's.</summary>
    public IReadOnlyList<OutputFormat>? Formats { get; init; }

    /// <summary>The config with these values applied.</summary>
    public SceneConfig ApplyTo(SceneConfig config) => config with
    {
        View = ThumbnailWidth is { } thumbnail
            ? config.View with { Width = thumbnail, Height = Math.Max(64, (int)Math.Round((double)thumbnail * config.View.Height / Math.Max(1, config.View.Width))) }
            : config.View with { Width = Width ?? config.View.Width, Height = Height ?? config.View.Height },
        Animation = config.Animation with { Fps = Fps ?? config.Animation.Fps, Duration = Duration ?? config.Animation.Duration },
        Output = config.Output with
        {
            Formats = Formats is { Count: > 0 } f ? f : config.Output.Formats,
            Gif = config.Output.Gif with { MaxBytes = GifMaxBytes ?? config.Output.Gif.MaxBytes },
        },
    };
}
