using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RegressionRender.Core.Config;
using RegressionRender.Tests.Examples;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Config;

/// <summary>The committed JSON Schema is the one the config types generate, documents every property, and accepts every example.</summary>
public sealed class SchemaTests
{
    private static readonly string Committed = Repo.Path_("schema", "scene.schema.json");

    private static JsonElement ParseConfig(string text) =>
        JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;

    [Fact]
    public void Committed_Schema_Is_In_Sync_With_The_Config_Types()
    {
        Assert.True(File.ReadAllText(Committed) == SceneSchema.Text(), "schema/scene.schema.json is stale: run `./regrender schema > schema/scene.schema.json`");
    }

    [Fact]
    public void Every_Property_Has_A_Description()
    {
        var missing = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is not JsonObject schema)
            {
                return;
            }
            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, property) in properties)
                {
                    if (property is JsonObject p && p["description"] is null && !path.EndsWith(".pacing", StringComparison.Ordinal))
                    {
                        missing.Add($"{path}.{name}");
                    }
                    Walk(property, $"{path}.{name}");
                }
            }
            foreach (var key in new[] { "items", "oneOf", "anyOf" })
            {
                switch (schema[key])
                {
                    case JsonArray array:
                        foreach (var item in array)
                        {
                            Walk(item, path);
                        }
                        break;
                    case JsonObject item:
                        Walk(item, path);
                        break;
                }
            }
        }
        Walk(JsonNode.Parse(File.ReadAllText(Committed)), "$");
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(ExampleTheory.All), MemberType = typeof(ExampleTheory))]
    public void Every_Example_Validates_Against_The_Schema(string example)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Committed));
        var result = schema.Evaluate(ParseConfig(File.ReadAllText(ExampleTheory.PathOf(example))), new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
    }

    [Theory]
    [InlineData("""{ "data": { "points": [[1, 2]] }, "fit": { "learningrate": 1 } }""")]
    [InlineData("""{ "data": { "points": [[1, 2]] }, "animation": { "easing": "wobbly" } }""")]
    [InlineData("""{ "data": { "points": [[1, 2]] }, "animation": { "pacing": { "visual": -1 } } }""")]
    [InlineData("""{ "data": { "points": [[1, 2]] }, "fit": { "optimizer": "adamw" } }""")]
    public void The_Schema_Rejects_What_The_Loader_Rejects(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Committed));
        Assert.False(schema.Evaluate(ParseConfig(json)).IsValid);
    }
}
