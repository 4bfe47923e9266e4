using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RegressionRender.Core.Config;

/// <summary>A validated config with where it came from, so that relative data paths and the default name resolve.</summary>
public sealed record LoadedScene(SceneConfig Config, string SourcePath)
{
    /// <summary>Folder that relative paths in the config are relative to.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(SourcePath)) ?? ".";

    /// <summary>Base name of the outputs: <c>output.name</c>, else the config file's name.</summary>
    public string Name => Config.Output.Name ?? Path.GetFileNameWithoutExtension(SourcePath);

    /// <summary>
    /// Resolves a data path written in the config. With <see cref="InputFile.DataRootVariable"/> set (a service
    /// rendering configs it did not write), the path must lie inside that folder after following every symbolic link.
    /// </summary>
    public string Resolve(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(BaseDirectory, relativePath));
        InputFile.CheckInsideDataRoot(path, $"{SourcePath}: $.data.csv");
        return path;
    }
}

/// <summary>Reads a config file: JSON with comments and trailing commas, checked, then validated.</summary>
public static class SceneLoader
{
    /// <summary>The config options, but skipping keys the config does not have (they are reported by the shape check).</summary>
    private static readonly JsonSerializerOptions IgnoringUnknownKeys = new(ConfigJsonContext.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    /// <summary>The options every config is read and written with.</summary>
    public static JsonSerializerOptions JsonOptions => ConfigJsonContext.Default.Options;

    /// <summary>
    /// Loads the config at <paramref name="path"/>, applies <paramref name="adjust"/> (command-line values, which win
    /// over the file), then validates the result once: a flag may fix what the file alone would fail.
    /// </summary>
    /// <exception cref="InvalidInputException">The file is missing, not JSON, or not a valid scene.</exception>
    public static LoadedScene Load(string path, Func<SceneConfig, SceneConfig>? adjust = null)
    {
        var text = InputFile.ReadText(path, path, "config file", InputFile.MaxConfigBytes);
        SceneConfig config;
        InvalidInputException? unknownKeys = null;
        try
        {
            config = Parse(text, path);
        }
        catch (InvalidInputException e) when (e.Problems.All(p => p.Message.StartsWith("unknown key", StringComparison.Ordinal)))
        {
            // Typos in key names do not hide the config's other problems: it is read without them and checked, and
            // every problem is reported at once.
            unknownKeys = e;
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
            var lenient = document.RootElement.Deserialize((JsonTypeInfo<SceneConfig>)IgnoringUnknownKeys.GetTypeInfo(typeof(SceneConfig)));
            if (lenient is null)
            {
                throw;
            }
            config = lenient;
        }
        var scene = new LoadedScene(adjust is null ? config : adjust(config), path);
        try
        {
            // Named as changed by the command line only when it was (records compare by value).
            SceneValidator.Validate(scene.Config, scene.Config == config ? path : path + " (with command-line options)");
        }
        catch (InvalidInputException problems) when (unknownKeys is not null)
        {
            throw InvalidInputException.Combine([unknownKeys, problems]);
        }
        return unknownKeys is null ? scene : throw unknownKeys;
    }

    /// <summary>Parses config text (not yet validated for ranges).</summary>
    public static SceneConfig Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{source}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}", $"not valid JSON: {FirstSentence(e.Message)}");
        }
        using (document)
        {
            ConfigShapeChecker.Check(document.RootElement, source);
            try
            {
                return document.RootElement.Deserialize(ConfigJsonContext.Default.SceneConfig) ?? throw new InvalidInputException(source, "the config is empty");
            }
            catch (JsonException e)
            {
                throw new InvalidInputException($"{source}: {e.Path ?? "$"}", FirstSentence(e.Message));
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
