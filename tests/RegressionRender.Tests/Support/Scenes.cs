namespace RegressionRender.Tests.Support;

/// <summary>Small configs for tests.</summary>
internal static class Scenes
{
    /// <summary>The seed's 9 points.</summary>
    public static Core.Data.Dataset SeedData { get; } = new(
        [1.2, 3, 5.1, 6.3, 7.1, 8.2, 9, 11.2, 13.8],
        [1.2, 2.5, 6, 4.5, 5.2, 8.9, 13.8, 12.1, 14.2],
        "x", "y", 0);

    public const string SeedPoints = "[[1.2, 1.2], [3, 2.5], [5.1, 6], [6.3, 4.5], [7.1, 5.2], [8.2, 8.9], [9, 13.8], [11.2, 12.1], [13.8, 14.2]]";

    /// <summary>A tiny, quick scene: 9 points, GD, 1 s at 10 fps with short holds, 160×120.</summary>
    public static string Tiny(string formats = "\"mp4\"", string extra = "") => $$"""
        {
          "title": "Tiny",
          "data": { "points": {{SeedPoints}} },
          "fit": { "optimizer": "gd", "learningRate": 0.01, "epochs": 50 },
          "animation": { "duration": 1, "fps": 10, "holdStart": 0.2, "holdEnd": 0.3 },
          "view": { "width": 160, "height": 120 },
          "output": { "formats": [{{formats}}] }{{extra}}
        }
        """;
}
