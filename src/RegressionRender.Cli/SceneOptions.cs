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

    public Option<double?> Duration { get; } = OptionChecks.Number("--duration", "Seconds of the animated phase (holds come on top)");

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
        // Checked while parsing, so that every mistake on the command line is reported at once (UsageErrors).
        Size.Validators.Add(result => Check(result, ParseSize(result.GetValueOrDefault<string?>()).Problem));
        Quality.Validators.Add(result => Check(result, result.GetValueOrDefault<string?>() is { } quality && !Presets.ContainsKey(quality)
            ? $"unknown preset '{quality}'{NameSuggester.Hint(quality, Presets.Keys)}; valid: {string.Join(", ", Presets.Keys)}" : null));
        Formats.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                Check(result, ConfigNames.Formats.Contains(text) ? null
                    : $"unknown format '{text}'{NameSuggester.Hint(text, ConfigNames.Formats)}; valid: {string.Join(", ", ConfigNames.Formats)}");
            }
        });
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

    /// <summary>The overrides given; the values were checked while parsing.</summary>
    public SceneOverrides Read(ParseResult result)
    {
        var (width, height, _) = ParseSize(result.GetValue(Size));
        var formats = (result.GetValue(Formats) ?? []).Select(f => Enum.Parse<OutputFormat>(f, ignoreCase: true)).ToList();
        int? fps = result.GetValue(Fps);
        if (result.GetValue(Quality) is { } quality)
        {
            var preset = Presets[quality];
            (width, height, fps) = (width ?? preset.Width, height ?? preset.Height, fps ?? preset.Fps);
        }
        return new SceneOverrides { Width = width, Height = height, Fps = fps, Duration = result.GetValue(Duration), Formats = formats, GifMaxBytes = result.GetValue(GifMaxBytes) };
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, string? problem)
    {
        if (problem is not null)
        {
            result.AddError($"{result.Option.Name}: {problem}");
        }
    }

    private static (int? Width, int? Height, string? Problem) ParseSize(string? text)
    {
        if (text is null)
        {
            return (null, null, null);
        }
        var parts = text.ToLowerInvariant().Split('x', '×');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            ? (width, height, null)
            : (null, null, $"'{text}' is not WIDTHxHEIGHT (e.g. 1280x720)");
    }
}

/// <summary>Config names shown in CLI messages.</summary>
internal static class ConfigNames
{
    public static IReadOnlyList<string> Formats { get; } = [.. Enum.GetNames<OutputFormat>().Select(n => n.ToLowerInvariant())];
}
