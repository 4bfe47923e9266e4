using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RegressionRender.Tests.Architecture;

/// <summary>
/// The command line is a client of the composition layer (RegressionRender), the same public API the C# sample
/// uses, so the two cannot drift: it never reaches around it into Encoding, Rendering or Core.
/// </summary>
public sealed class CliApiTests
{
    private static readonly Assembly Api = typeof(PreparedScene).Assembly;
    private static readonly Assembly Cli = typeof(RegressionRender.Cli.CommandLine).Assembly;

    [Fact]
    public void The_Cli_Uses_Only_What_The_Composition_Layer_Exposes()
    {
        var exposed = Surface(Api);
        var used = LibraryTypesUsedBy(Cli).ToList();

        var around = used.Where(t => t.Assembly != Api && !exposed.Contains(t) && !typeof(Exception).IsAssignableFrom(t)
            && t.Namespace != "RegressionRender.Core.Config").Select(t => t.FullName).ToList();

        Assert.NotEmpty(used);
        Assert.True(around.Count == 0, "the CLI uses library types the composition layer does not expose: " + string.Join(", ", around));
    }

    [Fact]
    public void The_Surface_Reaches_Through_Public_Signatures_Only()
    {
        var exposed = Surface(Api);

        Assert.Contains(typeof(Core.Config.SceneConfig), exposed);       // PreparedScene.Config
        Assert.Contains(typeof(RegressionRender.Encoding.EncoderOptions), exposed); // SceneRenderer.RenderAsync
        Assert.DoesNotContain(typeof(RegressionRender.Encoding.FfmpegLocator), exposed);
        Assert.DoesNotContain(typeof(RegressionRender.Encoding.StartupTrace), exposed);
    }

    /// <summary>Types of our library assemblies (not the CLI's own) that <paramref name="assembly"/>'s code names.</summary>
    internal static IEnumerable<Type> LibraryTypesUsedBy(Assembly assembly)
    {
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference)
            {
                continue; // nested types: their outer type is listed
            }
            var scope = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name);
            if (scope.StartsWith("RegressionRender", StringComparison.Ordinal))
            {
                var name = $"{metadata.GetString(reference.Namespace)}.{metadata.GetString(reference.Name)}";
                yield return Assembly.Load(scope).GetType(name, throwOnError: true)!;
            }
        }
    }

    /// <summary>Every type reachable from the public members of <paramref name="api"/>'s public types, transitively.</summary>
    private static HashSet<Type> Surface(Assembly api)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(api.GetExportedTypes());
        while (queue.TryDequeue(out var type))
        {
            if (type.IsGenericParameter || !seen.Add(type))
            {
                continue;
            }
            const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var named = new List<Type>();
            named.AddRange(type.GetGenericArguments());
            if (type.HasElementType)
            {
                named.Add(type.GetElementType()!);
            }
            if (type.BaseType is { } baseType)
            {
                named.Add(baseType);
            }
            named.AddRange(type.GetNestedTypes(BindingFlags.Public));
            named.AddRange(type.GetProperties(Public).Select(p => p.PropertyType));
            named.AddRange(type.GetFields(Public).Select(f => f.FieldType));
            foreach (var method in type.GetMethods(Public).Cast<MethodBase>().Concat(type.GetConstructors(Public)))
            {
                named.AddRange(method.GetParameters().Select(p => p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType));
                if (method is MethodInfo info)
                {
                    named.Add(info.ReturnType);
                }
            }
            foreach (var next in named.Where(t => t.Assembly.GetName().Name!.StartsWith("RegressionRender", StringComparison.Ordinal) || t.IsGenericType || t.HasElementType))
            {
                queue.Enqueue(next);
            }
        }
        return seen;
    }
}
