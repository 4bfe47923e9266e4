using System.Security.Cryptography;
using System.Text.Json;
using RegressionRender.Core.Config;

namespace RegressionRender;

/// <summary>
/// "Up to date means skipped": a content hash of everything that decides the pixels — the config after defaults
/// and command-line values, the bytes of its data file, the tool version and the bundled font — stored beside the
/// outputs in <c>.regrender/NAME.json</c>. A render whose hash matches and whose outputs all exist is skipped. The
/// record is removed before a render starts replacing outputs and written again only when every output is done.
/// </summary>
public static class RenderCache
{
    private const string Folder = ".regrender";

    /// <summary>Largest cache record read: a record is a hash and a path.</summary>
    private const long MaxRecordBytes = 64 << 10;

    /// <summary>The content hash of a prepared scene's render.</summary>
    public static string Hash(LoadedScene scene)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(scene.Config, ConfigJsonContext.Default.SceneConfig));
        if (scene.Config.Data.Csv is { } csv)
        {
            var path = scene.Resolve(csv);
            hash.AppendData(Core.InputFile.ReadBytes(path, Path.GetRelativePath(Environment.CurrentDirectory, path), "CSV file", Core.InputFile.MaxCsvBytes));
        }
        // The tool version: every build of different code has different module ids (deterministic builds).
        foreach (var assembly in new[] { typeof(RenderCache), typeof(SceneLoader), typeof(Rendering.FrameRenderer), typeof(Encoding.VideoEncoder) }.Select(t => t.Assembly))
        {
            hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(SceneRenderer.BundledFontName()));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The files (and frames folders) a scene writes into <paramref name="outputFolder"/>.</summary>
    public static IReadOnlyList<string> Outputs(LoadedScene scene, string outputFolder) =>
        [.. scene.Config.Output.Formats.Select(f => Path.Combine(outputFolder, f.FileName(scene.Name)))];

    /// <summary>True when every output exists and was made from content with this hash.</summary>
    public static bool IsUpToDate(LoadedScene scene, string outputFolder, string hash)
    {
        var sidecar = SidecarPath(scene, outputFolder);
        if (!File.Exists(sidecar) || !Outputs(scene, outputFolder).All(Path.Exists))
        {
            return false;
        }
        try
        {
            // A record that is not a small regular file (a link to /dev/zero, a FIFO) is no record: render again.
            return JsonSerializer.Deserialize(Core.InputFile.ReadBytes(sidecar, sidecar, "cache record", MaxRecordBytes), ReportJsonContext.Default.Sidecar)?.Hash == hash;
        }
        catch (Exception e) when (e is JsonException or Core.InvalidInputException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes the record before a render replaces any output: a render that commits some outputs and then fails (a
    /// full disk, an encoder error, SIGKILL) must not leave a record saying the outputs on disk are the older ones.
    /// </summary>
    public static void Forget(LoadedScene scene, string outputFolder)
    {
        var sidecar = SidecarPath(scene, outputFolder);
        if (File.Exists(sidecar))
        {
            File.Delete(sidecar);
        }
    }

    /// <summary>Records that the outputs were made from content with this hash.</summary>
    public static void Remember(LoadedScene scene, string outputFolder, string hash)
    {
        var sidecar = SidecarPath(scene, outputFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(sidecar)!);
        Encoding.AtomicOutput.WriteAllBytes(sidecar, JsonSerializer.SerializeToUtf8Bytes(new Sidecar(hash, Path.GetFullPath(scene.SourcePath)), ReportJsonContext.Default.Sidecar));
    }

    private static string SidecarPath(LoadedScene scene, string outputFolder) => Path.Combine(outputFolder, Folder, scene.Name + ".json");

    /// <summary>What <c>.regrender/NAME.json</c> holds.</summary>
    internal sealed record Sidecar(string Hash, string Config);
}
