using System.Globalization;
using System.Text;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// A property over configs of extreme numbers (1e±300, denormals, ranges near zero width, learning rates that
/// overflow the loss): every one is either planned and drawn or refused with exit 2 and a "where: message" line —
/// never exit 1, never a .NET type name or stack trace. Seeded: a failure names the config's index and prints it.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ExtremeNumberPropertyTests
{
    /// <summary>Configs planned per run (<c>plan --json</c>: data, fitting, pacing); every <see cref="DrawEvery"/>-th is also drawn.</summary>
    private const int Configs = 2000;

    private const int DrawEvery = 25;

    private static readonly double[] Magnitudes = [0, 1, 1e-300, 1e300, 5e-324, 1.7e308, 1e-15, 1e15, 1e-8, 1e8, 2.2e-308];

    private static string Number(Random random)
    {
        var value = random.Next(4) switch
        {
            0 => Magnitudes[random.Next(Magnitudes.Length)],
            1 => Math.Pow(10, random.Next(-320, 309)) * (0.5 + random.NextDouble()),
            2 => random.NextDouble() * 20 - 10,
            _ => Math.Round(random.NextDouble() * 100),
        };
        value = random.Next(3) == 0 ? -value : value;
        return double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "1e308";
    }

    private static string Config(int index)
    {
        var random = new Random(index);
        var logistic = random.Next(4) == 0;
        var points = new StringBuilder();
        var count = random.Next(2, 7);
        for (var i = 0; i < count; i++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}[{Number(random)}, {(logistic ? (i % 2).ToString(CultureInfo.InvariantCulture) : Number(random))}]");
        }
        string[] optimizers = ["gd", "sgd", "minibatch", "momentum", "nesterov", "rmsprop", "adam"];
        var model = logistic ? "\"type\": \"logistic\"" : random.Next(3) == 0 ? $"\"type\": \"polynomial\", \"degree\": {random.Next(1, 5)}" : "\"type\": \"linear\"";
        var parameters = logistic ? 2 : model.Contains("degree", StringComparison.Ordinal) ? int.Parse(model[^1..], CultureInfo.InvariantCulture) + 1 : 2;
        var init = random.Next(3) == 0 ? $", \"init\": [{string.Join(", ", Enumerable.Range(0, parameters).Select(_ => Number(random)))}]" : "";
        var rate = Math.Abs(double.Parse(Number(random), CultureInfo.InvariantCulture));
        var learningRate = (rate is > 0 and <= 1e6 ? rate : 0.01).ToString("R", CultureInfo.InvariantCulture);
        string Range()
        {
            var low = double.Parse(Number(random), CultureInfo.InvariantCulture);
            var width = Magnitudes[random.Next(1, Magnitudes.Length)];
            return $"[{low.ToString("R", CultureInfo.InvariantCulture)}, {(low + width).ToString("R", CultureInfo.InvariantCulture)}]";
        }
        var view = random.Next(3) == 0 ? $", \"x\": {Range()}" : "";
        view += random.Next(3) == 0 ? $", \"y\": {Range()}" : "";
        string[] panels = ["[\"fit\"]", "[\"fit\", \"loss\"]", "[\"fit\", \"loss\", \"surface\"]"];
        var panel = parameters == 2 ? panels[random.Next(panels.Length)] : panels[random.Next(2)];
        return $$"""
            {
              "data": { "points": [{{points}}] },
              "model": { {{model}} },
              "fit": { "optimizer": "{{optimizers[random.Next(optimizers.Length)]}}", "learningRate": {{learningRate}}, "epochs": {{random.Next(1, 30)}}, "standardize": {{(random.Next(2) == 0 ? "true" : "false")}}, "batchSize": 2{{init}} },
              "animation": { "duration": {{(random.Next(1, 10) / 10.0).ToString(CultureInfo.InvariantCulture)}}, "fps": {{random.Next(1, 12)}}, "holdStart": 0, "holdEnd": 0.1, "trail": {{(random.Next(3) / 2.0).ToString(CultureInfo.InvariantCulture)}} },
              "view": { "width": 160, "height": 120, "panels": {{panel}}, "residuals": "{{(random.Next(3) == 0 ? "squares" : "none")}}"{{view}} },
              "output": { "formats": ["png"] }
            }
            """;
    }

    [Fact]
    public async Task Every_Extreme_Config_Is_Rendered_Or_Refused_With_Exit_2()
    {
        using var folder = new TempFolder();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Configs), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (index, _) =>
        {
            var json = Config(index);
            var path = folder.Write($"c{index}.json", json);
            var runs = new List<(string Command, CliRunner.Result Result)> { ("plan", await CliRunner.RunAsync("plan", path, "--json")) };
            if (index % DrawEvery == 0 && runs[0].Result.ExitCode == 0)
            {
                runs.Add(("still", await CliRunner.RunAsync("still", path, "-o", folder.File($"c{index}.png"))));
            }
            foreach (var (command, result) in runs)
            {
                var bad = result.ExitCode is not (0 or 2) || result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("System.", StringComparison.Ordinal);
                if (bad)
                {
                    failures.Add($"config {index}, {command}: exit {result.ExitCode}: {result.Error.Trim().Split('\n')[^1]}\n{json}");
                }
            }
        });
        var kinds = failures.GroupBy(f => f.Split('\n')[0].Split(": ", 3)[^1]).Select(g => $"{g.Count()} × {g.Key}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Configs} configs failed:\n{string.Join("\n", kinds.Take(15))}\nthe first:\n{string.Join("\n\n", failures.Take(2))}");
    }
}
