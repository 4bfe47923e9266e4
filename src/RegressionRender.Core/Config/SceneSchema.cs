using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Xml.Linq;

namespace RegressionRender.Core.Config;

/// <summary>
/// The JSON Schema of a scene config, generated from the config records with System.Text.Json's exporter; every
/// property's description is its XML doc summary. Committed at schema/scene.schema.json for editors and kept in sync
/// by a test.
/// </summary>
public static class SceneSchema
{
    /// <summary>The schema as indented JSON text.</summary>
    public static string Text()
    {
        var docs = Summaries();
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is JsonObject schema && context.PropertyInfo?.AttributeProvider is PropertyInfo property
                    && docs.TryGetValue($"P:{property.DeclaringType!.FullName}.{property.Name}", out var description))
                {
                    schema.Insert(0, "description", description);
                }
                return node;
            },
        };
        var root = SceneLoader.JsonOptions.GetJsonSchemaAsNode(typeof(SceneConfig), options).AsObject();
        var properties = root["properties"]!.AsObject();
        // Custom converters export as "anything": say what they really accept.
        var fit = SceneLoader.JsonOptions.GetJsonSchemaAsNode(typeof(FitConfig), options);
        properties["fit"] = new JsonObject
        {
            ["description"] = docs["P:RegressionRender.Core.Config.SceneConfig.Fit"],
            ["oneOf"] = new JsonArray(fit, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = fit.DeepClone() }),
        };
        var animation = properties["animation"]!["properties"]!.AsObject();
        var modes = new JsonArray([.. PacingSpec.Modes.Select(m => JsonValue.Create(m))]);
        var weights = new JsonObject();
        foreach (var mode in PacingSpec.Modes)
        {
            weights[mode] = new JsonObject { ["type"] = "number", ["minimum"] = 0 };
        }
        animation["pacing"] = new JsonObject
        {
            ["description"] = docs["P:RegressionRender.Core.Config.AnimationConfig.Pacing"],
            ["oneOf"] = new JsonArray(new JsonObject { ["enum"] = modes }, new JsonObject { ["type"] = "object", ["properties"] = weights, ["additionalProperties"] = false }),
        };
        animation["easing"]!.AsObject()["enum"] = new JsonArray([.. Timing.Easing.Names.Select(n => JsonValue.Create(n))]);
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "title", "RegressionRender scene");
        root.Insert(2, "description", "A regression fitted by gradient descent, rendered as a teaching video: data, model, fits, timing, view and outputs.");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static Dictionary<string, string> Summaries()
    {
        // The build puts RegressionRender.Core.xml beside the assembly (and into every folder that references it).
        var path = Path.Combine(AppContext.BaseDirectory, "RegressionRender.Core.xml");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: the schema's descriptions come from it");
        }
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(
                m => (string)m.Attribute("name")!,
                m => string.Join(" ", m.Element("summary")!.Value.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)));
    }
}
