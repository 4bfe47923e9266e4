using RegressionRender;
using RegressionRender.Core.Config;

var config = new SceneConfig
{
    Title = "Gradient descent, from C#",
    Data = new DataConfig { Points = [[1.2, 1.2], [3, 2.5], [5.1, 6], [6.3, 4.5], [7.1, 5.2], [8.2, 8.9], [9, 13.8], [11.2, 12.1], [13.8, 14.2]] },
    Fit = [new FitConfig { Optimizer = OptimizerKind.Sgd, LearningRate = 0.0001, Epochs = 1000 }],
    Output = new OutputConfig { Formats = [OutputFormat.Mp4, OutputFormat.Png] },
};
var scene = PreparedScene.FromConfig(config, "from-csharp"); // or PreparedScene.Load("examples/seed.json")
foreach (var file in await SceneRenderer.RenderAsync(scene, args.Length > 0 ? args[0] : "output"))
{
    Console.WriteLine($"{file.Path}: {file.Frames} frames, {file.Bytes} bytes");
}
