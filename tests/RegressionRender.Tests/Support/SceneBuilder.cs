using RegressionRender.Core.Layout;
using RegressionRender.Core.Timing;

namespace RegressionRender.Tests.Support;

/// <summary>Loads a config text and plans it at a size, for drawing tests.</summary>
internal static class SceneBuilder
{
    public static (PreparedScene Scene, ScenePlan Plan, Timeline Timeline) Build(string json, int width, int height)
    {
        using var folder = new TempFolder();
        File.Copy(Repo.Path_("examples", "data", "penguins.csv"), folder.File("penguins.csv"));
        var scene = PreparedScene.Load(folder.Write("scene.json", json));
        var plan = scene.PlanFor(width, height);
        return (scene, plan, scene.TimelineFor(plan, scene.Config.Animation.Fps));
    }

    public const string SeedThreePanels = """
        { "title": "Gradient descent, one point at a time", "subtitle": "Per-sample SGD on 9 points",
          "data": { "points": [[1.2, 1.2], [3, 2.5], [5.1, 6], [6.3, 4.5], [7.1, 5.2], [8.2, 8.9], [9, 13.8], [11.2, 12.1], [13.8, 14.2]] },
          "fit": { "optimizer": "sgd", "learningRate": 0.0001, "epochs": 300, "init": [0.01, 0.01] },
          "animation": { "duration": 4, "fps": 10 },
          "view": { "x": [0, 15], "y": [0, 15], "panels": ["fit", "loss", "surface"], "residuals": "squares", "target": true } }
        """;

    public const string SeedRaceTwoPanels = """
        { "title": "Three optimizers", "subtitle": "SGD, momentum and Adam on the seed data",
          "data": { "points": [[1.2, 1.2], [3, 2.5], [5.1, 6], [6.3, 4.5], [7.1, 5.2], [8.2, 8.9], [9, 13.8], [11.2, 12.1], [13.8, 14.2]] },
          "fit": [ { "optimizer": "sgd", "learningRate": 0.0002, "epochs": 100, "init": [0.01, 0.01] },
                   { "optimizer": "momentum", "learningRate": 0.002, "epochs": 100, "init": [0.01, 0.01] },
                   { "optimizer": "adam", "learningRate": 0.05, "epochs": 100, "init": [0.01, 0.01] } ],
          "animation": { "duration": 4, "fps": 10 },
          "view": { "x": [0, 15], "y": [0, 15], "panels": ["fit", "loss"], "residuals": "lines", "theme": "dark" } }
        """;

    public const string PenguinsLogistic = """
        { "title": "Is it a Gentoo?",
          "data": { "csv": "penguins.csv", "x": "Flipper Length (mm)", "y": "Species", "positive": "Gentoo" },
          "model": { "type": "logistic" },
          "fit": { "optimizer": "gd", "learningRate": 1, "epochs": 100, "standardize": true },
          "animation": { "duration": 4, "fps": 10 },
          "view": { "panels": ["fit", "surface"] } }
        """;
}
