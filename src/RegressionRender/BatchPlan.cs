using System.Security.Cryptography;
using RegressionRender.Core;
using RegressionRender.Core.Config;

namespace RegressionRender;

/// <summary>One config of a batch: loaded, or why it could not be.</summary>
/// <param name="Path">The config file.</param>
/// <param name="Scene">The validated scene, or null when invalid.</param>
/// <param name="Error">The error line, when invalid.</param>
public sealed record BatchItem(string Path, LoadedScene? Scene, string? Error)
{
    /// <summary>The scene already loaded and fitted (<c>render --record</c> fits it to write the record): not fitted again.</summary>
    public PreparedScene? Prepared { get; init; }
}

/// <summary>
/// Which configs a batch renders: every <c>*.json</c> of the folders given (sorted) and the files given, in a
/// deterministic 1/N shard when asked, each loaded and validated up front so that one invalid config never
/// stops the others and two configs writing the same output are reported before anything renders.
/// </summary>
public static class BatchPlan
{
    /// <summary>Config files named by <paramref name="inputs"/>: folders are searched for <c>*.json</c> (not recursively).</summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*.json").Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(input);
            }
        }
        return [.. files.Distinct()];
    }

    /// <summary>
    /// True when <paramref name="path"/> belongs to shard <paramref name="k"/> of <paramref name="n"/> (1-based): decided by a
    /// hash of the file name alone, so every machine of a CI matrix agrees without sharing a list.
    /// </summary>
    public static bool InShard(string path, int k, int n)
    {
        var digest = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetFileName(path)));
        return (int)(BitConverter.ToUInt32(digest, 0) % (uint)n) == k - 1;
    }

    /// <summary>Loads every config; invalid ones carry their error line.</summary>
    public static IReadOnlyList<BatchItem> Load(IEnumerable<string> paths, SceneOverrides? overrides) =>
        [.. paths.Select(path =>
        {
            try
            {
                return new BatchItem(path, SceneLoader.Load(path, overrides is null ? null : overrides.ApplyTo), null);
            }
            catch (InvalidInputException e)
            {
                return new BatchItem(path, null, e.ToString());
            }
        })];

    /// <summary>Refuses (<see cref="InvalidInputException"/>) configs that would write the same output file, naming each pair.</summary>
    public static void RefuseCollisions(IEnumerable<BatchItem> items, string outputFolder)
    {
        var collisions = Collisions(items, outputFolder);
        if (collisions.Count > 0)
        {
            throw new InvalidInputException("output", string.Join("; ", collisions) + "; give them different output.name values");
        }
    }

    /// <summary>Pairs of configs that would write the same output file.</summary>
    public static IReadOnlyList<string> Collisions(IEnumerable<BatchItem> items, string outputFolder) =>
        [.. items.Where(i => i.Scene is not null)
            .SelectMany(i => RenderCache.Outputs(i.Scene!, outputFolder).Select(o => (Output: o, i.Path)))
            .GroupBy(x => x.Output, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(" and ", g.Select(x => x.Path))} would both write {g.Key}")];
}
