using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Ecosystem;

/// <summary>
/// The native AOT build that <c>./regrender</c> makes when a C toolchain is present: no reflection-based JSON, no
/// run-time code. It must render what the JIT build renders, byte for byte, and read, check and write JSON the same.
/// Skipped (and reported so) on a machine without clang or gcc, where <c>./regrender</c> builds ReadyToRun instead.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class NativeBuildTests
{
    [SkippableFact]
    public async Task The_Native_Build_Renders_Plans_And_Checks_Like_The_Jit_Build()
    {
        var linker = new[] { "clang", "gcc" }.FirstOrDefault(OnPath);
        Skip.If(linker is null, "no C toolchain (clang or gcc): ./regrender builds ReadyToRun here");
        using var folder = new TempFolder();
        var native = folder.File("native");
        // Its own artifacts folder: the test run's obj/ and bin/ are left alone.
        // The very profile ./regrender publishes with: the test checks what ships.
        Run("dotnet", Repo.Root, ["publish", Repo.Path_("src", "RegressionRender.Cli", "RegressionRender.Cli.csproj"), "-p:PublishProfile=native", "-o", native,
            "--artifacts-path", folder.File("artifacts"), "-nologo", $"-p:CppCompilerAndLinker={linker}", .. Level()]);
        var launcher = File.ReadAllText(Repo.Path_("regrender"));
        Assert.Contains("-p:PublishProfile=\"$profile\"", launcher, StringComparison.Ordinal);
        Assert.Contains("native-build.log\" native -p:CppCompilerAndLinker", launcher, StringComparison.Ordinal);
        // Built for a CPU level (x86-64-v3 where the machine has it), never for the one machine that built it.
        Assert.DoesNotContain("IlcInstructionSet=native", launcher, StringComparison.Ordinal);
        Assert.DoesNotContain("<IlcInstructionSet>", File.ReadAllText(Repo.Path_("src", "RegressionRender.Cli", "Properties", "PublishProfiles", "native.pubxml")), StringComparison.Ordinal);
        var exe = Path.Combine(native, "regrender");
        var config = Repo.Path_("examples", "seed-race.json");
        string[] small = ["--size", "320x240", "--duration", "2"];

        Run(exe, folder.Path, ["render", config, "-o", folder.File("aot"), "-f", "png", "-f", "gif", .. small]);
        var jit = await CliRunner.RunAsync(["render", config, "-o", folder.File("jit"), "-f", "png", .. small]);

        Assert.True(jit.ExitCode == 0, jit.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder.File("jit"), "seed-race.png")), File.ReadAllBytes(Path.Combine(folder.File("aot"), "seed-race.png")));
        var gif = VideoFacts.Probe(Path.Combine(folder.File("aot"), "seed-race.gif"));
        Assert.Equal("gif", gif.Codec);
        Assert.Equal((await CliRunner.RunAsync(["plan", config, "--json", .. small])).Output, Run(exe, folder.Path, ["plan", config, "--json", .. small]));
        Assert.Equal(File.ReadAllText(Repo.Path_("schema", "scene.schema.json")), Run(exe, folder.Path, "schema"));
        var invalid = folder.Write("bad.json", Scenes.Tiny().Replace("\"epochs\": 50", "\"epohcs\": 50", StringComparison.Ordinal));
        var checkedNatively = ChildProcess.Run(exe, folder.Path, "validate", invalid);
        Assert.Equal(2, checkedNatively.ExitCode);
        Assert.Contains("$.fit.epohcs: unknown key 'epohcs' (did you mean 'epochs'?)", checkedNatively.Error);
    }

    /// <summary>The CPU level ./regrender targets on this machine (its rule: x86-64-v3 when /proc/cpuinfo has AVX2, BMI2, FMA and MOVBE).</summary>
    private static string[] Level()
    {
        var flags = File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet() : [];
        return new[] { "avx2", "bmi2", "fma", "movbe" }.All(flags.Contains) ? ["-p:IlcInstructionSet=x86-64-v3"] : [];
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, program)));

    private static string Run(string file, string workingDirectory, params string[] arguments)
    {
        var result = ChildProcess.Run(file, workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}{result.Error}");
        return result.Output;
    }
}
