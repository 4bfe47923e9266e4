using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Ecosystem;

/// <summary>
/// The .NET tool and the C# API as a user meets them: the packed tool installed into a temporary tool path renders
/// the seed; the README's C# sample is the compiled <c>samples/ApiSample</c> and renders. One class: these run
/// `dotnet` over the repository's projects, one at a time.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class DotnetToolAndApiTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void The_Packed_Tool_Installs_Into_A_Tool_Path_And_Renders_The_Seed()
    {
        using var folder = new TempFolder();
        var packages = folder.File("packages");
        var tools = folder.File("tools");
        var output = folder.File("out");

        // The test run built the CLI already: pack that build, as `dotnet pack` would after a build.
        Run("dotnet", Repo.Root, "pack", Repo.Path_("src", "RegressionRender.Cli", "RegressionRender.Cli.csproj"), "--no-build", "-c", Configuration, "-o", packages, "-nologo");
        Assert.Single(Directory.GetFiles(packages, "RegressionRender.Tool.*.nupkg"));
        Run("dotnet", folder.Path, "tool", "install", "--tool-path", tools, "--add-source", packages, "RegressionRender.Tool");
        var log = Run(Path.Combine(tools, "regrender"), folder.Path, "render", Repo.Path_("examples", "seed.json"), "-o", output, "--format", "mp4", "--duration", "2");

        Assert.Contains("seed.mp4", log);
        var video = VideoFacts.Probe(Path.Combine(output, "seed.mp4"));
        Assert.Equal(("h264", 800, 800), (video.Codec, video.Width, video.Height));
        Assert.Equal(4.5, video.Duration, 1);
    }

    [Fact]
    public void The_Readme_Csharp_Sample_Is_The_Compiled_Sample_And_Renders()
    {
        var program = File.ReadAllText(Repo.Path_("samples", "ApiSample", "Program.cs")).ReplaceLineEndings("\n").Trim();
        var readme = File.ReadAllText(Repo.Path_("README.md")).ReplaceLineEndings("\n");
        Assert.True(readme.Contains("```csharp\n" + program + "\n```", StringComparison.Ordinal), "README's C# sample differs from samples/ApiSample/Program.cs; copy it over");

        using var folder = new TempFolder();
        var log = Run("dotnet", Repo.Root, "run", "--project", Repo.Path_("samples", "ApiSample", "ApiSample.csproj"), "-c", Configuration, "--", folder.Path);

        Assert.Contains("from-csharp.mp4: 315 frames", log);
        var video = VideoFacts.Probe(Path.Combine(folder.Path, "from-csharp.mp4"));
        Assert.Equal(("h264", 1280, 720, 315), (video.Codec, video.Width, video.Height, video.Frames));
        Assert.True(File.Exists(Path.Combine(folder.Path, "from-csharp.png")));
    }

    private static string Run(string file, string workingDirectory, params string[] arguments)
    {
        var result = ChildProcess.Run(file, workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}{result.Error}");
        return result.Output + result.Error;
    }
}
