using System.Text.Json.Serialization;

namespace RegressionRender.Core.Config;

/// <summary>
/// A whole scene as written in a config file, after defaults. Treated as immutable: overrides use <c>with</c>. The
/// config records have settable properties only because the generated JSON reader (<see cref="ConfigJsonContext"/>)
/// would give every missing init-only property default(T) instead of the record's default.
/// </summary>
public sealed record SceneConfig
{
    /// <summary>Optional link to the JSON Schema, for editor completion; ignored by the renderer.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    /// <summary>Title drawn at the top of every frame.</summary>
    public string? Title { get; set; }

    /// <summary>Smaller line under the title.</summary>
    public string? Subtitle { get; set; }

    /// <summary>Where the points come from: inline pairs or a CSV file.</summary>
    public DataConfig Data { get; set; } = new();

    /// <summary>The model being fitted.</summary>
    public ModelConfig Model { get; set; } = new();

    /// <summary>One fit, or several (an optimizer race) when written as an array.</summary>
    [JsonConverter(typeof(OneOrManyConverter<FitConfig>))]
    public IReadOnlyList<FitConfig> Fit { get; set; } = [new()];

    /// <summary>Timing of the video.</summary>
    public AnimationConfig Animation { get; set; } = new();

    /// <summary>What each frame shows and at what size.</summary>
    public ViewConfig View { get; set; } = new();

    /// <summary>Which files to write.</summary>
    public OutputConfig Output { get; set; } = new();
}

/// <summary>Inline points or a CSV file with the two columns to use.</summary>
public sealed record DataConfig
{
    /// <summary>Inline [x, y] pairs.</summary>
    public IReadOnlyList<double[]>? Points { get; set; }

    /// <summary>CSV file, relative to the config file.</summary>
    public string? Csv { get; set; }

    /// <summary>CSV column of x, by header text.</summary>
    public string? X { get; set; }

    /// <summary>CSV column of y, by header text.</summary>
    public string? Y { get; set; }

    /// <summary>Keep only rows where a column equals a value.</summary>
    public RowFilter? Filter { get; set; }

    /// <summary>Logistic models with a text y column: the value that counts as class 1 (every other value is 0).</summary>
    public string? Positive { get; set; }
}

/// <summary>Keeps the CSV rows whose <see cref="Column"/> equals <see cref="EqualTo"/>.</summary>
public sealed record RowFilter
{
    /// <summary>Column header.</summary>
    public string Column { get; set; } = "";

    /// <summary>Text the cell must equal.</summary>
    [JsonPropertyName("equals")]
    public string EqualTo { get; set; } = "";
}

/// <summary>The model family.</summary>
public sealed record ModelConfig
{
    /// <summary>"linear", "polynomial" or "logistic".</summary>
    public ModelKind Type { get; set; } = ModelKind.Linear;

    /// <summary>Polynomial degree (1 = a line); for logistic, the degree of the log-odds (default 1).</summary>
    public int? Degree { get; set; }
}

/// <summary>Model families.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ModelKind>))]
public enum ModelKind
{
    /// <summary>θ0 + θ1·x.</summary>
    Linear,

    /// <summary>θ0 + θ1·x + … + θd·x^d.</summary>
    Polynomial,

    /// <summary>P(y = 1) = σ(θ0 + θ1·x), fitted by mean log-loss; y in {0, 1}.</summary>
    Logistic,
}

/// <summary>One optimizer run.</summary>
public sealed record FitConfig
{
    /// <summary>Update rule.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Gd;

    /// <summary>Step size.</summary>
    public double LearningRate { get; set; } = 0.01;

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; set; } = 100;

    /// <summary>Samples per step for minibatch (and, when given, for momentum, nesterov, rmsprop, adam).</summary>
    public int? BatchSize { get; set; }

    /// <summary>Momentum coefficient.</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary>Adam first-moment decay.</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>Adam second-moment decay; RMSProp decay.</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>Added to denominators of adaptive optimizers.</summary>
    public double Epsilon { get; set; } = 1e-8;

    /// <summary>Initial parameters, intercept first.</summary>
    public double[]? Init { get; set; }

    /// <summary>Shuffle the sample order every epoch (sgd, minibatch).</summary>
    public bool Shuffle { get; set; }

    /// <summary>Seed of the shuffle.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Fit on z-scored x (mean 0, standard deviation 1); curves and readouts stay in the data's units.</summary>
    public bool Standardize { get; set; }

    /// <summary>Ridge penalty λ: adds λ‖w‖² to the MSE (λ/2‖w‖² to the log-loss); the intercept is not penalised.</summary>
    public double L2 { get; set; }

    /// <summary>Legend label.</summary>
    public string? Label { get; set; }

    /// <summary>Line colour as #RRGGBB or #RRGGBBAA.</summary>
    public string? Color { get; set; }
}

/// <summary>Update rules.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    /// <summary>Full-batch gradient descent.</summary>
    Gd,

    /// <summary>One sample per step.</summary>
    Sgd,

    /// <summary>batchSize samples per step.</summary>
    Minibatch,

    /// <summary>Heavy-ball momentum.</summary>
    Momentum,

    /// <summary>Nesterov accelerated gradient.</summary>
    Nesterov,

    /// <summary>RMSProp.</summary>
    Rmsprop,

    /// <summary>Adam.</summary>
    Adam,
}

/// <summary>Timing.</summary>
public sealed record AnimationConfig
{
    /// <summary>Seconds of the animated phase (holds come on top).</summary>
    public double Duration { get; set; } = 8;

    /// <summary>Frames per second.</summary>
    public int Fps { get; set; } = 30;

    /// <summary>How progress maps to optimizer steps: visual, log or iterations, or a blend such as { "visual": 0.7, "log": 0.3 }.</summary>
    public PacingSpec Pacing { get; set; } = PacingSpec.Visual;

    /// <summary>Easing of progress over the animated phase.</summary>
    public string Easing { get; set; } = "cubic-in-out";

    /// <summary>Seconds on the initial fit before the animation.</summary>
    public double HoldStart { get; set; } = 0.5;

    /// <summary>Seconds on the final fit after the animation.</summary>
    public double HoldEnd { get; set; } = 2;

    /// <summary>Seconds of earlier fits drawn fading behind the current one; 0 = none.</summary>
    public double Trail { get; set; } = 1.5;
}

/// <summary>What each frame shows.</summary>
public sealed record ViewConfig
{
    /// <summary>Frame width in pixels.</summary>
    public int Width { get; set; } = 1280;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; set; } = 720;

    /// <summary>x axis range [min, max]; default from the data.</summary>
    public double[]? X { get; set; }

    /// <summary>y axis range [min, max]; default from the data.</summary>
    public double[]? Y { get; set; }

    /// <summary>Colour of the data points (#RRGGBB or #RRGGBBAA).</summary>
    public string? PointColor { get; set; }

    /// <summary>Colour of the faint initial fit (#RRGGBB or #RRGGBBAA).</summary>
    public string? InitialColor { get; set; }

    /// <summary>Draw the closed-form optimum as a dashed ghost.</summary>
    public bool Target { get; set; }

    /// <summary>Panels, main first: fit (data and curve), loss (loss against epoch), surface (loss contour and path; 2-parameter models).</summary>
    public IReadOnlyList<PanelKind> Panels { get; set; } = [PanelKind.Fit];

    /// <summary>The loss panel shows each fit's whole loss curve faintly from the first frame (the future it will travel); false shows only the part travelled.</summary>
    public bool LossPreview { get; set; } = true;

    /// <summary>Epoch axis of the loss panel: auto (a log scale when the fits do 90% of their descent in the first tenth of the run), linear or log.</summary>
    public EpochAxis EpochAxis { get; set; } = EpochAxis.Auto;

    /// <summary>Residuals of the current fit: none, lines (to the curve) or squares (on screen, side = the residual's length in pixels).</summary>
    public ResidualStyle Residuals { get; set; } = ResidualStyle.None;

    /// <summary>Where the readouts (step, equation, loss; the legend of a race) go: auto (a corner of the fit panel that covers no data point and no curve the fits sweep through, else a strip beside or under the plot, which shrinks to make room), topLeft, topRight, bottomLeft, bottomRight, outside, or none.</summary>
    public ReadoutPlace Readout { get; set; } = ReadoutPlace.Auto;

    /// <summary>Where the legend (what the faint start line and the dashed exact optimum are) goes: auto (the last lines of the readouts, the first thing left out when room is short), a corner of the fit panel or outside (a box of its own), or none.</summary>
    public ReadoutPlace Legend { get; set; } = ReadoutPlace.Auto;

    /// <summary>Colour theme.</summary>
    public Theme Theme { get; set; } = Theme.Light;

    /// <summary>Colour overrides, each #RRGGBB or #RRGGBBAA.</summary>
    public ColorOverrides? Colors { get; set; }
}

/// <summary>How the loss panel spaces its epochs.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<EpochAxis>))]
public enum EpochAxis
{
    /// <summary>Log when the fits do nearly all of their descent early, else linear.</summary>
    Auto,

    /// <summary>Epochs evenly spaced.</summary>
    Linear,

    /// <summary>log(1 + epoch): ticks at 0, 1, 10, 100, ….</summary>
    Log,
}

/// <summary>The panels a frame can show.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PanelKind>))]
public enum PanelKind
{
    /// <summary>Data, the current curve, its trail, residuals and readouts.</summary>
    Fit,

    /// <summary>Loss against epoch over the whole record, with a moving cursor.</summary>
    Loss,

    /// <summary>Filled contour of the loss over (intercept, slope) with the optimizer's path.</summary>
    Surface,
}

/// <summary>Where the readout box goes.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ReadoutPlace>))]
public enum ReadoutPlace
{
    /// <summary>A free corner of the fit panel, else outside it.</summary>
    Auto,

    /// <summary>The fit panel's top-left corner.</summary>
    TopLeft,

    /// <summary>The fit panel's top-right corner.</summary>
    TopRight,

    /// <summary>The fit panel's bottom-left corner.</summary>
    BottomLeft,

    /// <summary>The fit panel's bottom-right corner.</summary>
    BottomRight,

    /// <summary>A strip beside the plot (below it on tall canvases); the plot shrinks to make room.</summary>
    Outside,

    /// <summary>No readouts.</summary>
    None,
}

/// <summary>How residuals are drawn.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ResidualStyle>))]
public enum ResidualStyle
{
    /// <summary>Not drawn.</summary>
    None,

    /// <summary>A segment from each point to the curve.</summary>
    Lines,

    /// <summary>A square of side |residual| on each segment, in data units: their total area is n × MSE.</summary>
    Squares,
}

/// <summary>Colour themes; both use the Okabe–Ito colour-blind-safe palette.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Theme>))]
public enum Theme
{
    /// <summary>Dark text on white.</summary>
    Light,

    /// <summary>Light text on near-black, for dark slides.</summary>
    Dark,
}

/// <summary>Any colour of the theme, overridden.</summary>
public sealed record ColorOverrides
{
    /// <summary>Canvas background; <c>transparent</c> gives webm, png and frames an alpha channel (mp4 and gif get the theme's background).</summary>
    public string? Background { get; set; }

    /// <summary>Titles and readouts.</summary>
    public string? Text { get; set; }

    /// <summary>Tick labels and secondary text.</summary>
    public string? MutedText { get; set; }

    /// <summary>Grid lines.</summary>
    public string? Grid { get; set; }

    /// <summary>Axis lines and ticks.</summary>
    public string? Axis { get; set; }

    /// <summary>Data points.</summary>
    public string? Points { get; set; }

    /// <summary>The faint initial fit.</summary>
    public string? Initial { get; set; }

    /// <summary>The closed-form optimum (dashed).</summary>
    public string? Target { get; set; }

    /// <summary>Residual lines and squares.</summary>
    public string? Residual { get; set; }

    /// <summary>Logistic points of class 0.</summary>
    public string? ClassZero { get; set; }

    /// <summary>Logistic points of class 1.</summary>
    public string? ClassOne { get; set; }

    /// <summary>Fit colours in order (races), overridden per fit by fit.color.</summary>
    public IReadOnlyList<string>? Fits { get; set; }
}

/// <summary>Files to write.</summary>
public sealed record OutputConfig
{
    /// <summary>Base name of the outputs; default: the config file's name.</summary>
    public string? Name { get; set; }

    /// <summary>Formats to write.</summary>
    public IReadOnlyList<OutputFormat> Formats { get; set; } = [OutputFormat.Mp4];

    /// <summary>H.264 settings.</summary>
    public Mp4Config Mp4 { get; set; } = new();

    /// <summary>GIF settings.</summary>
    public GifConfig Gif { get; set; } = new();

    /// <summary>WebM (VP9) settings.</summary>
    public WebmConfig Webm { get; set; } = new();
}

/// <summary>Output formats.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<OutputFormat>))]
public enum OutputFormat
{
    /// <summary>H.264 video.</summary>
    Mp4,

    /// <summary>Looping palette-optimised GIF.</summary>
    Gif,

    /// <summary>The final frame as PNG.</summary>
    Png,

    /// <summary>Every frame as raw BGRA bytes in one file (benchmarks: the same frames ffmpeg alone can encode).</summary>
    Raw,

    /// <summary>WebVTT captions with the readouts over time (epoch, step, equation, loss), for screen readers and players.</summary>
    Vtt,

    /// <summary>VP9 video in WebM; with a transparent background it keeps an alpha channel, for compositing in video editors.</summary>
    Webm,

    /// <summary>Every frame as a PNG in a folder NAME.frames (000000.png, 000001.png, …), for editors and slide tools.</summary>
    Frames,
}

/// <summary>H.264 settings.</summary>
public sealed record Mp4Config
{
    /// <summary>Constant rate factor, 0 (lossless) to 51.</summary>
    public int Crf { get; set; } = 20;

    /// <summary>x264 preset.</summary>
    public string Preset { get; set; } = "medium";
}

/// <summary>VP9 settings.</summary>
public sealed record WebmConfig
{
    /// <summary>Constant quality, 0 (best) to 63.</summary>
    public int Crf { get; set; } = 32;
}

/// <summary>GIF settings; the GIF is drawn at its own size, not scaled down from the video.</summary>
public sealed record GifConfig
{
    /// <summary>Width in pixels (at most the video's); height keeps the aspect ratio.</summary>
    public int Width { get; set; } = 640;

    /// <summary>Frames per second.</summary>
    public int Fps { get; set; } = 20;

    /// <summary>Loop forever.</summary>
    public bool Loop { get; set; } = true;

    /// <summary>
    /// Largest GIF in bytes, or null for no limit: the GIF then takes the most colours that fit, then a lower frame
    /// rate, then a smaller width (see the README); a limit that cannot be met is refused with the size it could reach.
    /// </summary>
    public int? MaxBytes { get; set; }
}
