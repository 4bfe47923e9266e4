using System.Text.Json.Nodes;
using CsCheck;
using RegressionRender.Cli;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>
/// Random mutations of valid configs and random CSVs never crash the tool: every run ends in success or a clean
/// exit 2 with one message line — no unhandled exception, no stack trace.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] Values =
    [
        "null", "true", "-1", "0", "1e308", "-1e308", "1e-320", "\"NaN\"", "\"Infinity\"", "\"\"", "\"abc\"", "[]", "{}",
        "[[1, 2]]", "[1, 2, 3]", "2147483648", "99999999999999999999", "0.5", "\"../../x\"", "\"/etc/passwd\"", "[[1e308, -1e308], [1, 2]]",
    ];

    private static readonly Gen<string> Mutated = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, Values.Length - 1], Gen.Int[0, 3], (seed, value, action) =>
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.Path_("examples", "seed-race.json"), System.Text.Encoding.UTF8)
            .Split('\n', 2)[1])!.AsObject();
        var objects = Objects(root).ToList();
        var target = objects[seed % objects.Count];
        var keys = target.Select(p => p.Key).ToList();
        switch (action)
        {
            case 0 when keys.Count > 0:
                target.Remove(keys[seed % keys.Count]);
                break;
            case 1 when keys.Count > 0:
                target[keys[seed % keys.Count]] = JsonNode.Parse(Values[value]);
                break;
            case 2:
                target["unexpected" + (seed % 7)] = JsonNode.Parse(Values[value]);
                break;
            default:
                var nest = JsonNode.Parse("{}")!.AsObject();
                var deepest = nest;
                for (var i = 0; i < seed % 40; i++)
                {
                    var next = new JsonObject();
                    deepest["a"] = next;
                    deepest = next;
                }
                target[keys.Count > 0 ? keys[seed % keys.Count] : "data"] = nest;
                break;
        }
        return root.ToJsonString();
    });

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Objects))
            {
                yield return child;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>().SelectMany(Objects))
            {
                yield return child;
            }
        }
    }

    private static async Task AssertCleanAsync(string configText, string? csv = null)
    {
        using var folder = new TempFolder();
        if (csv is not null)
        {
            File.WriteAllText(folder.File("data.csv"), csv);
        }
        var config = folder.Write("scene.json", configText);
        var result = await CliRunner.RunAsync("validate", config);
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.InvalidInput, $"exit {result.ExitCode}: {result.Error}\n{configText}");
        Assert.DoesNotContain("   at ", result.Error);
        if (result.ExitCode == ExitCodes.InvalidInput)
        {
            // One "where: what" line per problem (a config's independent problems are all reported at once).
            Assert.All(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
            {
                Assert.False(char.IsWhiteSpace(line[0]), line);
                Assert.Contains(": ", line, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Mutated_Configs_Validate_Or_Fail_Cleanly() =>
        Mutated.Sample(json => AssertCleanAsync(json).GetAwaiter().GetResult(), iter: 400, threads: 1);

    private static readonly Gen<string> Cell = Gen.OneOf(
        Gen.Int[-1000, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Const(""), Gen.Const("\"1,5\""), Gen.Const("\"unterminated"), Gen.Const("1e999"), Gen.Const("NaN"),
        Gen.Const("2020-02-30"), Gen.Const("2021-06-15"), Gen.String[0, 6]);

    private static readonly Gen<string> Csv = Gen.Select(Gen.Bool, Gen.Bool, Cell.Array[2].Array[0, 12], (bom, crlf, rows) =>
        (bom ? "\uFEFF" : "") + string.Join(crlf ? "\r\n" : "\n", new[] { "X,Y" }.Concat(rows.Select(r => string.Join(",", r)))));

    [Fact]
    public void Random_Csvs_Load_Or_Fail_Cleanly() =>
        Csv.Sample(csv => AssertCleanAsync("""{ "data": { "csv": "data.csv", "x": "X", "y": "Y" }, "fit": { "epochs": 3 } }""", csv).GetAwaiter().GetResult(), iter: 400, threads: 1);
}
