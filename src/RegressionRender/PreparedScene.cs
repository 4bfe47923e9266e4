using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Core.Fitting;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;

namespace RegressionRender;

/// <summary>A scene with its data loaded and every fit run: all that is left is to plan frames and draw them.</summary>
public sealed class PreparedScene
{
    private PreparedScene(LoadedScene scene, Dataset data, IReadOnlyList<FitRecord> fits, IReadOnlyList<string> warnings)
    {
        Scene = scene;
        Data = data;
        Fits = fits;
        Warnings = warnings;
    }

    /// <summary>The validated config and where it came from.</summary>
    public LoadedScene Scene { get; }

    /// <summary>The config.</summary>
    public SceneConfig Config => Scene.Config;

    /// <summary>The points.</summary>
    public Dataset Data { get; }

    /// <summary>One record per fit, in config order.</summary>
    public IReadOnlyList<FitRecord> Fits { get; }

    /// <summary>Things the user should know that do not stop the render (skipped rows, divergence).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The same fitted scene drawn at another size (a size the validator allows; nothing is refitted).</summary>
    internal PreparedScene AtSize(int width, int height) =>
        new(new LoadedScene(Config with { View = Config.View with { Width = width, Height = height } }, Scene.SourcePath), Data, Fits, Warnings);

    /// <summary>Frames of the video at the config's size and rate (holds included), known without planning them.</summary>
    public int FrameCount => Timeline.FrameCountFor(Config.Animation, Config.Animation.Fps);

    /// <summary>Loads the config at <paramref name="configPath"/>, applies overrides, loads data and fits.</summary>
    /// <exception cref="Core.InvalidInputException">The config or its data is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while fitting.</exception>
    public static PreparedScene Load(string configPath, SceneOverrides? overrides = null, CancellationToken cancellationToken = default)
    {
        return Prepare(SceneLoader.Load(configPath, overrides is null ? null : overrides.ApplyTo), cancellationToken);
    }

    /// <summary>
    /// Validates a config built in code and prepares it. Its outputs are named <paramref name="name"/>; a relative
    /// <c>data.csv</c> is relative to the current folder.
    /// </summary>
    /// <exception cref="Core.InvalidInputException">The config or its data is invalid.</exception>
    public static PreparedScene FromConfig(SceneConfig config, string name)
    {
        config = config with { Output = config.Output with { Name = name } };
        SceneValidator.Validate(config, $"scene '{name}'");
        return Prepare(new LoadedScene(config, Path.Combine(Environment.CurrentDirectory, name + ".json")));
    }

    /// <summary>Loads data and runs every fit of an already validated scene.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while fitting.</exception>
    public static PreparedScene Prepare(LoadedScene scene, CancellationToken cancellationToken = default)
    {
        var data = DatasetLoader.Load(scene);
        var model = RegressionModel.From(scene.Config.Model);
        var fits = new List<FitRecord>();
        var labels = Labels(scene.Config.Fit);
        for (var i = 0; i < scene.Config.Fit.Count; i++)
        {
            fits.Add(Fitter.Fit(data, model, scene.Config.Fit[i], labels[i], scene.SourcePath, cancellationToken));
        }
        return new PreparedScene(scene, data, fits, FitWarnings.For(scene.Config, data, fits));
    }

    /// <summary>The layout of this scene on a canvas of the given size.</summary>
    public ScenePlan PlanFor(int width, int height)
    {
        using var measure = new Rendering.TextMeasure();
        return ScenePlan.Create(Config, Data, Fits, width, height, measure);
    }

    /// <summary>The frame timeline for <paramref name="plan"/> at <paramref name="fps"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while pacing.</exception>
    public Timeline TimelineFor(ScenePlan plan, int fps, CancellationToken cancellationToken = default) =>
        Timeline.Build(Fits, Config.Animation, fps, plan.FitViewport, cancellationToken);

    /// <summary>True when the config asks for a see-through background (<c>view.colors.background</c> with alpha below FF).</summary>
    public bool IsTransparent => Core.Rgba.ParseOr(Config.View.Colors?.Background, new Core.Rgba(0, 0, 0, 0xFF)).A < 0xFF;

    /// <summary>The size of the GIF: <c>output.gif.width</c> wide, the video's aspect ratio.</summary>
    public (int Width, int Height) GifSize()
    {
        var view = Config.View;
        var width = Math.Min(Config.Output.Gif.Width, view.Width);
        return (width, Math.Max(16, (int)Math.Round((double)width * view.Height / view.Width)));
    }

    /// <summary>
    /// Each fit's legend label: its own, or the optimizer's name — with its learning rate where two fits would
    /// otherwise share a name (a race of learning rates: "GD η = 0.5"), and a number where even that is shared.
    /// </summary>
    private static string[] Labels(IReadOnlyList<FitConfig> fits)
    {
        var labels = fits.Select(f => f.Label ?? DefaultLabel(f.Optimizer)).ToArray();
        for (var round = 0; round < 2; round++)
        {
            var shared = labels.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            for (var i = 0; i < labels.Length; i++)
            {
                if (fits[i].Label is null && shared.Contains(labels[i]))
                {
                    labels[i] = round == 0
                        ? $"{labels[i]} η = {Rate(fits[i].LearningRate)}"
                        : $"{labels[i]} ({i + 1})";
                }
            }
        }
        return labels;
    }

    /// <summary>A learning rate as it was written: 0.00004 beside 0.00015, never 4E-05 (powers of ten below 10⁻⁶).</summary>
    private static string Rate(double rate) =>
        rate >= 1e-6 ? rate.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) : Core.Text.ReadoutText.Scientific(rate, 3);

    private static string DefaultLabel(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.Gd => "GD",
        OptimizerKind.Sgd => "SGD",
        OptimizerKind.Minibatch => "Mini-batch",
        OptimizerKind.Momentum => "Momentum",
        OptimizerKind.Nesterov => "Nesterov",
        OptimizerKind.Rmsprop => "RMSProp",
        _ => "Adam",
    };
}
