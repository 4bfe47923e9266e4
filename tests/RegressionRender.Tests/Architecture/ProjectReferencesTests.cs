using System.Reflection;

namespace RegressionRender.Tests.Architecture;

/// <summary>Each library stays inside its own project: the stages cannot leak into each other.</summary>
public sealed class ProjectReferencesTests
{
    private static readonly Assembly Core = typeof(Core.Config.SceneConfig).Assembly;
    private static readonly Assembly Rendering = typeof(RegressionRender.Rendering.TextMeasure).Assembly;
    private static readonly Assembly Encoding = typeof(RegressionRender.Encoding.VideoEncoder).Assembly;
    private static readonly Assembly Api = typeof(PreparedScene).Assembly;
    private static readonly Assembly Cli = typeof(RegressionRender.Cli.CommandLine).Assembly;

    private static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Core_References_No_Drawing_Encoding_Or_Cli_Library()
    {
        var references = References(Core);
        Assert.DoesNotContain(references, r => r.StartsWith("SkiaSharp", StringComparison.Ordinal));
        Assert.DoesNotContain("FFMpegCore", references);
        Assert.DoesNotContain("System.CommandLine", references);
        Assert.DoesNotContain(references, r => r.StartsWith("RegressionRender.", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_Rendering_References_SkiaSharp_Among_The_Stages()
    {
        Assert.Contains("SkiaSharp", References(Rendering));
        Assert.DoesNotContain("SkiaSharp", References(Encoding));
        Assert.DoesNotContain("SkiaSharp", References(Api));
        Assert.DoesNotContain("SkiaSharp", References(Cli));
    }

    [Fact]
    public void Rendering_Exposes_No_Skia_Type_Publicly()
    {
        // Skia stays inside Rendering: no public type, base, member, parameter or return of it is a SkiaSharp type.
        static bool IsSkia(Type type) =>
            (type.Namespace?.StartsWith("SkiaSharp", StringComparison.Ordinal) ?? false)
            || (type.HasElementType && IsSkia(type.GetElementType()!))
            || (type.IsGenericType && type.GetGenericArguments().Any(IsSkia));
        var leaks = new List<string>();
        foreach (var type in Rendering.GetExportedTypes())
        {
            if (type.BaseType is { } baseType && IsSkia(baseType) || type.GetInterfaces().Any(IsSkia))
            {
                leaks.Add(type.Name);
            }
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                IEnumerable<Type> types = member switch
                {
                    MethodBase method => method.GetParameters().Select(p => p.ParameterType).Concat(method is MethodInfo m ? [m.ReturnType] : []),
                    PropertyInfo property => [property.PropertyType],
                    FieldInfo field => [field.FieldType],
                    EventInfo e => [e.EventHandlerType!],
                    _ => [],
                };
                if (types.Any(IsSkia))
                {
                    leaks.Add($"{type.Name}.{member.Name}");
                }
            }
        }
        Assert.Empty(leaks);
    }

    [Fact]
    public void Rendering_Reads_Its_Settings_Not_The_Config_Model()
    {
        // The layers draw from the laid-out plan and its immutable DrawSettings; of the config namespace they may name
        // only its enums (panel kinds, places, residual styles, themes), never the mutable model classes.
        var model = CliApiTests.LibraryTypesUsedBy(Rendering)
            .Where(t => t.Namespace == "RegressionRender.Core.Config" && !t.IsEnum)
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(model);
    }

    [Fact]
    public void Only_Encoding_References_FFMpegCore()
    {
        Assert.Contains("FFMpegCore", References(Encoding));
        Assert.DoesNotContain("FFMpegCore", References(Rendering));
        Assert.DoesNotContain("FFMpegCore", References(Api));
        Assert.DoesNotContain("FFMpegCore", References(Cli));
    }

    [Fact]
    public void Only_The_Cli_References_System_CommandLine_And_Spectre()
    {
        Assert.Contains("System.CommandLine", References(Cli));
        foreach (var assembly in new[] { Core, Rendering, Encoding, Api })
        {
            Assert.DoesNotContain("System.CommandLine", References(assembly));
            Assert.DoesNotContain("Spectre.Console", References(assembly));
        }
    }

    [Fact]
    public void Encoding_Knows_Nothing_Of_Regression()
    {
        Assert.DoesNotContain(References(Encoding), r => r.StartsWith("RegressionRender", StringComparison.Ordinal));
    }
}
