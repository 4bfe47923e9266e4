namespace RegressionRender.Core.Config;

/// <summary>Range and consistency checks of a parsed config; every error names the JSON path and the allowed range.</summary>
public static class SceneValidator
{
    /// <summary>Limits checked before any work is done.</summary>
    public static class Limits
    {
        public const int MaxWidth = 7680;
        public const int MaxHeight = 4320;
        public const int MinSize = 64;
        public const int MaxFps = 120;
        public const double MaxSeconds = 600;
        public const int MaxDegree = 10;
        public const int MaxEpochs = 10_000_000;
        public const int MaxPoints = 1_000_000;

        /// <summary>
        /// Most fits in one scene: a race a viewer can follow, and the bound that keeps memory under 300 MB at the
        /// longest, fastest video (600 s at 120 fps: pacing keeps a row per fit for every step it samples).
        /// </summary>
        public const int MaxFits = 10;

        /// <summary>Smallest GIF size limit: below it not even a few frames of a small plot fit.</summary>
        public const int MinGifBytes = 10_000;
    }

    /// <summary>The x264 presets, fastest first.</summary>
    public static IReadOnlyList<string> Presets { get; } =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    /// <summary>Throws <see cref="InvalidInputException"/> with every problem found (they are independent: all are reported at once).</summary>
    public static void Validate(SceneConfig config, string source)
    {
        var check = new Checker(source);
        ValidateData(config.Data, check);
        var parameterCount = ValidateModel(config.Model, check);
        check.That(config.Data.Positive is null || config.Model.Type == ModelKind.Logistic, "$.data.positive", "applies to logistic models only");
        check.That(config.Fit.Count >= 1, "$.fit", "needs at least one fit");
        check.That(config.Fit.Count <= Limits.MaxFits, "$.fit", $"holds {config.Fit.Count} fits, over the limit of {Limits.MaxFits} in one scene; split the race into several scenes");
        for (var i = 0; i < config.Fit.Count; i++)
        {
            ValidateFit(config.Fit[i], config.Fit.Count == 1 ? "$.fit" : $"$.fit[{i}]", parameterCount, check);
        }
        ValidateAnimation(config.Animation, check);
        ValidateView(config.View, config.Model, config.Output, check);
        ValidateOutput(config.Output, check);
        check.ThrowAll();
    }

    private static void ValidateData(DataConfig data, Checker check)
    {
        check.That(data.Points is not null ^ data.Csv is not null, "$.data", "give either 'points' (inline [x, y] pairs) or 'csv' (a file), exactly one");
        if (data.Points is { } points)
        {
            check.That(points.Count >= 2, "$.data.points", $"needs at least 2 points (got {points.Count})");
            check.That(points.Count <= Limits.MaxPoints, "$.data.points", $"holds {points.Count:N0} points, over the limit of {Limits.MaxPoints:N0}");
            for (var i = 0; i < points.Count; i++)
            {
                check.That(points[i].Length == 2, $"$.data.points[{i}]", $"must be an [x, y] pair (got {points[i].Length} numbers)");
            }
        }
        else
        {
            check.That(!string.IsNullOrWhiteSpace(data.Csv), "$.data.csv", "must name a CSV file");
            check.That(!string.IsNullOrWhiteSpace(data.X), "$.data.x", "name the CSV column of x (its header text)");
            check.That(!string.IsNullOrWhiteSpace(data.Y), "$.data.y", "name the CSV column of y (its header text)");
            if (data.Filter is { } filter)
            {
                check.That(filter.Column.Length > 0, "$.data.filter.column", "name the column to filter on");
            }
        }
        if (data.Points is null && data.Filter is null)
        {
            return;
        }
        check.That(data.Points is null || (data.X is null && data.Y is null && data.Filter is null && data.Positive is null), "$.data", "'x', 'y', 'filter' and 'positive' apply to 'csv' only");
    }

    private static int ValidateModel(ModelConfig model, Checker check)
    {
        if (model.Type == ModelKind.Linear)
        {
            check.That(model.Degree is null or 1, "$.model.degree", "a linear model has degree 1; use \"type\": \"polynomial\" for higher degrees");
            return 2;
        }
        var degree = model.Degree ?? (model.Type == ModelKind.Logistic ? 1 : 2);
        check.Range(degree, 1, Limits.MaxDegree, "$.model.degree");
        return degree + 1;
    }

    private static void ValidateFit(FitConfig fit, string path, int parameterCount, Checker check)
    {
        check.That(double.IsFinite(fit.LearningRate) && fit.LearningRate > 0 && fit.LearningRate <= 1e6, $"{path}.learningRate", $"must be > 0 and ≤ 1e6 (got {fit.LearningRate})");
        check.Range(fit.Epochs, 1, Limits.MaxEpochs, $"{path}.epochs");
        if (fit.BatchSize is { } batch)
        {
            check.Range(batch, 1, 1_000_000, $"{path}.batchSize");
        }
        check.RangeOpen(fit.Momentum, 0, 1, $"{path}.momentum");
        check.RangeOpen(fit.Beta1, 0, 1, $"{path}.beta1");
        check.RangeOpen(fit.Beta2, 0, 1, $"{path}.beta2");
        check.That(double.IsFinite(fit.L2) && fit.L2 >= 0 && fit.L2 <= 1e6, $"{path}.l2", $"must be ≥ 0 and ≤ 1e6 (got {fit.L2})");
        check.That(double.IsFinite(fit.Epsilon) && fit.Epsilon > 0 && fit.Epsilon < 1, $"{path}.epsilon", $"must be > 0 and < 1 (got {fit.Epsilon})");
        if (fit.Init is { } init)
        {
            check.That(init.Length == parameterCount, $"{path}.init", $"needs {parameterCount} numbers, intercept first (got {init.Length})");
            check.That(init.All(double.IsFinite), $"{path}.init", "must hold finite numbers");
        }
        if (fit.Color is { } color)
        {
            check.That(Rgba.TryParse(color, out _), $"{path}.color", $"'{color}' is not a colour; {Rgba.Forms}");
        }
    }

    private static void ValidateAnimation(AnimationConfig animation, Checker check)
    {
        check.That(double.IsFinite(animation.Duration) && animation.Duration > 0 && animation.Duration <= Limits.MaxSeconds, "$.animation.duration", $"must be > 0 and ≤ {Limits.MaxSeconds} seconds (got {animation.Duration})");
        check.Range(animation.Fps, 1, Limits.MaxFps, "$.animation.fps");
        check.RangeClosed(animation.HoldStart, 0, Limits.MaxSeconds, "$.animation.holdStart");
        check.RangeClosed(animation.HoldEnd, 0, Limits.MaxSeconds, "$.animation.holdEnd");
        check.RangeClosed(animation.Trail, 0, 60, "$.animation.trail");
        check.That(Timing.Easing.TryGet(animation.Easing, out _), "$.animation.easing",
            $"unknown easing '{animation.Easing}'{NameSuggester.Hint(animation.Easing, Timing.Easing.Names)}; valid: {string.Join(", ", Timing.Easing.Names)}");
        foreach (var (mode, weight) in animation.Pacing.Weights)
        {
            check.That(PacingSpec.Modes.Contains(mode), "$.animation.pacing",
                $"unknown pacing '{mode}'{NameSuggester.Hint(mode, PacingSpec.Modes)}; valid: {string.Join(", ", PacingSpec.Modes)}");
            check.That(double.IsFinite(weight) && weight >= 0, $"$.animation.pacing.{mode}", $"a weight must be ≥ 0 (got {weight})");
        }
        check.That(animation.Pacing.Weights.Values.Sum() > 0, "$.animation.pacing", "a pacing blend needs at least one weight above 0");
    }

    private static void ValidateView(ViewConfig view, ModelConfig model, OutputConfig output, Checker check)
    {
        check.Range(view.Width, Limits.MinSize, Limits.MaxWidth, "$.view.width");
        check.Range(view.Height, Limits.MinSize, Limits.MaxHeight, "$.view.height");
        foreach (var (format, codec) in new[] { (OutputFormat.Mp4, "H.264 (mp4)"), (OutputFormat.Webm, "VP9 (webm)") })
        {
            if (output.Formats.Contains(format))
            {
                check.That(view.Width % 2 == 0 && view.Height % 2 == 0, "$.view", $"{codec} needs an even width and height (got {view.Width}×{view.Height})");
            }
        }
        ValidateRange(view.X, "$.view.x", check);
        ValidateRange(view.Y, "$.view.y", check);
        if (view.PointColor is { } color)
        {
            check.That(Rgba.TryParse(color, out _), "$.view.pointColor", $"'{color}' is not a colour; {Rgba.Forms}");
        }
        var twoParameters = model.Type != ModelKind.Polynomial ? (model.Degree ?? 1) == 1 : model.Degree == 1;
        check.That(!view.Panels.Contains(PanelKind.Surface) || twoParameters, "$.view.panels",
            "the 'surface' panel needs a model with 2 parameters (linear, or logistic of degree 1)");
        check.That(view.Panels.Count is >= 1 and <= 3 && view.Panels.Distinct().Count() == view.Panels.Count, "$.view.panels", "list 1 to 3 different panels: fit, loss, surface");
        if (view.Colors is { } colors)
        {
            foreach (var property in SceneLoader.JsonOptions.GetTypeInfo(typeof(ColorOverrides)).Properties)
            {
                var name = property.Name;
                if (property.Get?.Invoke(colors) is string text)
                {
                    check.That(Rgba.TryParse(text, out _), $"$.view.colors.{name}", $"'{text}' is not a colour; {Rgba.Forms}");
                }
                else if (property.Get?.Invoke(colors) is IReadOnlyList<string> list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        check.That(Rgba.TryParse(list[i], out _), $"$.view.colors.{name}[{i}]", $"'{list[i]}' is not a colour; {Rgba.Forms}");
                    }
                }
            }
        }
        if (view.InitialColor is { } initial)
        {
            check.That(Rgba.TryParse(initial, out _), "$.view.initialColor", $"'{initial}' is not a colour; {Rgba.Forms}");
        }
    }

    private static void ValidateRange(double[]? range, string path, Checker check)
    {
        if (range is null)
        {
            return;
        }
        check.That(range.Length == 2, path, $"must be [min, max] (got {range.Length} numbers)");
        if (range.Length == 2)
        {
            check.That(double.IsFinite(range[0]) && double.IsFinite(range[1]) && range[0] < range[1], path, $"must be [min, max] with min < max (got [{range[0]}, {range[1]}])");
        }
    }

    private static void ValidateOutput(OutputConfig output, Checker check)
    {
        if (output.Name is { } name)
        {
            check.That(System.Text.Encoding.UTF8.GetByteCount(name) <= MaxNameBytes, "$.output.name", $"is {System.Text.Encoding.UTF8.GetByteCount(name)} bytes long (UTF-8), over the limit of {MaxNameBytes}: file names hold at most 255 bytes, with the extension");
            check.That(System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameBytes || IsSafeName(name), "$.output.name", $"'{InvalidInputException.Excerpt(name)}' must be a plain file name: no folders, no '..', no leading '.' or '-'");
        }
        check.That(output.Formats.Count > 0, "$.output.formats", "name at least one format: mp4, gif, png, raw, vtt");
        check.That(output.Formats.Distinct().Count() == output.Formats.Count, "$.output.formats", "lists a format twice");
        check.Range(output.Mp4.Crf, 0, 51, "$.output.mp4.crf");
        check.Range(output.Webm.Crf, 0, 63, "$.output.webm.crf");
        check.That(Presets.Contains(output.Mp4.Preset), "$.output.mp4.preset",
            $"unknown x264 preset '{output.Mp4.Preset}'{NameSuggester.Hint(output.Mp4.Preset, Presets)}; valid: {string.Join(", ", Presets)}");
        check.Range(output.Gif.Width, Limits.MinSize, Limits.MaxWidth, "$.output.gif.width");
        check.Range(output.Gif.Fps, 1, 50, "$.output.gif.fps");
        if (output.Gif.MaxBytes is { } maxBytes)
        {
            check.Range(maxBytes, Limits.MinGifBytes, int.MaxValue, "$.output.gif.maxBytes");
        }
    }

    /// <summary>Longest output name in UTF-8 bytes: a file name holds 255, and ".frames" or ".webm" comes on top.</summary>
    public const int MaxNameBytes = 240;

    /// <summary>True when a name can only ever be a file directly inside the output folder.</summary>
    public static bool IsSafeName(string name) =>
        name.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(name) <= MaxNameBytes
        && name.IndexOfAny(['/', '\\', '\0', '\n', '\r']) < 0
        && !name.StartsWith('.')
        && !name.StartsWith('-')
        && name.Trim().Length == name.Length;

    private sealed class Checker(string source)
    {
        private readonly List<InvalidInputException> _problems = [];

        public void That(bool condition, string path, string message)
        {
            if (!condition)
            {
                _problems.Add(new InvalidInputException($"{source}: {path}", message));
            }
        }

        public void ThrowAll()
        {
            if (_problems.Count > 0)
            {
                throw InvalidInputException.Combine(_problems);
            }
        }

        public void Range(int value, int min, int max, string path) =>
            That(value >= min && value <= max, path, $"must be between {min} and {max} (got {value})");

        public void RangeClosed(double value, double min, double max, string path) =>
            That(double.IsFinite(value) && value >= min && value <= max, path, $"must be between {min} and {max} (got {value})");

        public void RangeOpen(double value, double min, double max, string path) =>
            That(double.IsFinite(value) && value >= min && value < max, path, $"must be ≥ {min} and < {max} (got {value})");
    }
}
