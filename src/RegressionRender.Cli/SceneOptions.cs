using System.CommandLine;
using System.Globalization;
using RegressionRender.Core;
using RegressionRender.Core.Config;

namespace RegressionRender.Cli;

/// <summary>The options that override a config: --size, --fps, --duration, --format.</summary>
internal sealed class SceneOptions
{
    public Option<string?> Size { get; } = new("--size") { Description = "Frame size as WIDTHxHEIGHT, e.g. 1920x1080" };

    public Option<int?> Fps { get; } = new("--fps") { Description = "Frames per second" };

    public Option<double?> Duration { get; } = new("--duration") { Description = "Seconds of the animated phase (holds come on top)" };

    public Option<int?> GifMaxBytes { get; } = new("--gif-max-bytes") { Description = "Largest GIF in bytes: the most colours that fit, then a lower frame rate, then a smaller width (output.gif.maxBytes)" };

    public Option<string?> Quality { get; } = new("--quality") { Description = "Preset size and rate: draft (854x480@15), standard (1280x720@30), high (1920x1080@60), 4k (3840x2160@60); --size and --fps win" };

    /// <summary>The --quality presets: width, height, fps.</summary>
    public static IReadOnlyDictionary<string, (int Width, int Height, int Fps)> Presets { get; } = new Dictionary<string, (int, int, int)>
    {
        ["draft"] = (854, 480, 15),
        ["standard"] = (1280, 720, 30),
        ["high"] = (1920, 1080, 60),
        ["4k"] = (3840, 2160, 60),
    };

    public Option<string[]> Formats { get; } = new("--format", "-f")
    {
        Description = "Output format: mp4, gif, webm, png (final frame), frames (PNG per frame), vtt (captions), raw; repeat for several (default: the config's)",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command, bool withFormats)
    {
        // Values offered by shell completion (`regrender completion`).
        Quality.CompletionSources.Add([.. Presets.Keys]);
        Formats.CompletionSources.Add([.. ConfigNames.Formats]);
        Size.CompletionSources.Add("854x480", "1280x720", "1920x1080", "3840x2160", "1080x1080", "1080x1920");
        command.Options.Add(Size);
        command.Options.Add(Fps);
        command.Options.Add(Duration);
        command.Options.Add(Quality);
        command.Options.Add(GifMaxBytes);
        if (withFormats)
        {
            command.Options.Add(Formats);
        }
    }

    public SceneOverrides Read(ParseResult result)
    {
        var (width, height) = ParseSize(result.GetValue(Size));
        var formats = (result.GetValue(Formats) ?? []).Select(ParseFormat).ToList();
        int? fps = result.GetValue(Fps);
        if (result.GetValue(Quality) is { } quality)
        {
            if (!Presets.TryGetValue(quality, out var preset))
            {
                throw new InvalidInputException("--quality", $"unknown preset '{quality}'{NameSuggester.Hint(quality, Presets.Keys)}; valid: {string.Join(", ", Presets.Keys)}");
            }
            (width, height, fps) = (width ?? preset.Width, height ?? preset.Height, fps ?? preset.Fps);
        }
        return new SceneOverrides { Width = width, Height = height, Fps = fps, Duration = result.GetValue(Duration), Formats = formats, GifMaxBytes = result.GetValue(GifMaxBytes) };
    }

    private static (int?, int?) ParseSize(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return (width, height);
        }
        throw new InvalidInputException("--size", $"'{text}' is not WIDTHxHEIGHT (e.g. 1280x720)");
    }

    private static OutputFormat ParseFormat(string text)
    {
        var names = ConfigNames.Formats;
        return names.Contains(text) ? Enum.Parse<OutputFormat>(text, ignoreCase: true)
            : throw new InvalidInputException("--format", $"unknown format '{text}'{NameSuggester.Hint(text, names)}; valid: {string.Join(", ", names)}");
    }
}

/// <summary>Config names shown in CLI messages.</summary>
internal static class ConfigNames
{
    public static IReadOnlyList<string> Formats { get; } = [.. Enum.GetNames<OutputFormat>().Select(n => n.ToLowerInvariant())];
}
