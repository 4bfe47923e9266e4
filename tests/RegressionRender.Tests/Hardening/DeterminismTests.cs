using System.Security.Cryptography;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>The same config gives byte-identical PNGs and GIFs, run after run and whatever -j is.</summary>
public sealed class DeterminismTests
{
    private static async Task<Dictionary<string, string>> Hashes(string configs, string output, int jobs)
    {
        var result = await CliRunner.RunAsync("batch", configs, "-o", output, "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--force");
        Assert.True(result.ExitCode == 0, result.Error);
        return Directory.GetFiles(output).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".gif", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
    }

    [Fact]
    public async Task Png_And_Gif_Outputs_Are_Byte_Identical_Across_Runs_And_Job_Counts()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("configs"));
        folder.Write("configs/a.json", Scenes.Tiny("\"png\", \"gif\""));
        folder.Write("configs/b.json", SceneBuilder.SeedRaceTwoPanels.Replace("\"animation\"", "\"output\": { \"formats\": [\"png\", \"gif\"], \"gif\": { \"width\": 160, \"fps\": 8 } }, \"animation\"", StringComparison.Ordinal)
            .Replace("\"view\": {", "\"view\": { \"width\": 320, \"height\": 180,", StringComparison.Ordinal));
        var first = await Hashes(folder.File("configs"), folder.File("one"), 1);
        var second = await Hashes(folder.File("configs"), folder.File("two"), 2);
        var third = await Hashes(folder.File("configs"), folder.File("three"), 2);
        Assert.Equal(4, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }
}
