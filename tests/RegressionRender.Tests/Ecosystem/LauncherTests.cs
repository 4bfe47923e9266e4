using System.Diagnostics;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Ecosystem;

/// <summary>
/// The <c>./regrender</c> launcher, run for real on a copy of the repository with a stand-in <c>dotnet</c> (its
/// publish takes two seconds and counts itself) and a PATH without ffmpeg, apt-get or a C compiler: two first runs
/// build once; a file added, changed or deleted anywhere under src/ rebuilds; help and non-encoding commands never
/// install; a failed install prints one line and keeps apt's output in a log.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class LauncherTests
{
    private sealed class Sandbox : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Sandbox()
        {
            Root = _folder.File("repo");
            Directory.CreateDirectory(Path.Combine(Root, "src", "RegressionRender.Cli"));
            File.Copy(Repo.Path_("regrender"), Path.Combine(Root, "regrender"));
            File.WriteAllText(Path.Combine(Root, "src", "RegressionRender.Cli", "Program.cs"), "// stand-in");
            File.WriteAllText(Path.Combine(Root, "src", "RegressionRender.Cli", "Template.jsonc"), "{}");
            Bin = Directory.CreateDirectory(_folder.File("bin")).FullName;
            foreach (var tool in new[] { "bash", "sh", "env", "find", "sort", "sha256sum", "cut", "date", "touch", "flock", "ln", "mv", "rm", "mkdir", "basename", "dirname", "cat", "id", "sleep", "printf", "tail", "chmod", "echo", "grep" })
            {
                var path = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
                if (path is not null)
                {
                    File.CreateSymbolicLink(Path.Combine(Bin, tool), path);
                }
            }
            Script("dotnet", $$"""
                echo publish >> '{{Publishes}}'
                sleep 2
                out=""; previous=""
                for a in "$@"; do [ "$previous" = "-o" ] && out="$a"; previous="$a"; done
                mkdir -p "$out"
                printf '#!/bin/sh\necho "ran $*"\n' > "$out/regrender"
                chmod +x "$out/regrender"
                """);
        }

        public string Root { get; }

        public string Bin { get; }

        public string Publishes => _folder.File("publishes");

        public int PublishCount => File.Exists(Publishes) ? File.ReadAllLines(Publishes).Length : 0;

        public void Script(string name, string body)
        {
            var path = Path.Combine(Bin, name);
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public Process Start(params string[] arguments)
        {
            var info = new ProcessStartInfo(Path.Combine(Root, "regrender")) { RedirectStandardError = true, RedirectStandardOutput = true };
            info.Environment["PATH"] = Bin;
            info.Environment.Remove("REGRENDER_FFMPEG_DIR");
            info.Environment.Remove("REGRENDER_BUILD");
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            return Process.Start(info)!;
        }

        public (int Code, string Output, string Error) Run(params string[] arguments)
        {
            using var process = Start(arguments);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error);
        }

        public void Dispose() => _folder.Dispose();
    }

    [Fact]
    public void Two_First_Runs_At_Once_Build_Once_And_Both_Run()
    {
        using var sandbox = new Sandbox();

        using var first = sandbox.Start("validate", "a.json");
        using var second = sandbox.Start("validate", "b.json");
        var outputs = new[] { first, second }.Select(p => (Output: p.StandardOutput.ReadToEnd(), Error: p.StandardError.ReadToEnd())).ToList();
        first.WaitForExit();
        second.WaitForExit();

        Assert.True(first.ExitCode == 0, outputs[0].Error);
        Assert.True(second.ExitCode == 0, outputs[1].Error);
        Assert.Equal("ran validate a.json\n", outputs[0].Output);
        Assert.Equal("ran validate b.json\n", outputs[1].Output);
        Assert.Equal(1, sandbox.PublishCount);
        Assert.True(new FileInfo(Path.Combine(sandbox.Root, ".build", "cli")).LinkTarget is not null, ".build/cli is switched as a link");
    }

    [Fact]
    public void Any_Input_Added_Changed_Or_Deleted_Rebuilds_And_Nothing_Else_Does()
    {
        using var sandbox = new Sandbox();
        var cli = Path.Combine(sandbox.Root, "src", "RegressionRender.Cli");
        int PublishesAfter(Action change)
        {
            change();
            Assert.Equal(0, sandbox.Run("validate").Code);
            return sandbox.PublishCount;
        }

        Assert.Equal(1, PublishesAfter(() => { }));
        Assert.Equal(1, PublishesAfter(() => { }));
        Thread.Sleep(1100); // file times have a resolution the stamp must beat
        Assert.Equal(2, PublishesAfter(() => File.WriteAllText(Path.Combine(cli, "Template.jsonc"), "{ \"changed\": 1 }")));
        Assert.Equal(3, PublishesAfter(() => File.WriteAllText(Path.Combine(cli, "data.csv"), "x,y\n")));
        Assert.Equal(4, PublishesAfter(() => File.Delete(Path.Combine(cli, "data.csv"))));
        Assert.Equal(4, PublishesAfter(() => { }));
    }

    [Fact]
    public void Only_Commands_That_Encode_Install_Ffmpeg_And_Then_In_One_Line()
    {
        using var sandbox = new Sandbox();
        Assert.Equal(0, sandbox.Run("validate").Code); // the build's own lines out of the way

        // No apt-get on this machine: help and the commands that do not encode run; render is refused with exit 3.
        var help = sandbox.Run("render", "--help");
        var doctor = sandbox.Run("doctor");
        var render = sandbox.Run("render", "scene.json");
        Assert.Equal((0, "ran render --help\n", ""), help);
        Assert.Equal((0, "ran doctor\n", ""), doctor);
        Assert.Equal(3, render.Code);
        Assert.Equal("regrender: ffmpeg is missing, and this machine has no apt-get: install ffmpeg with its package manager (or set REGRENDER_FFMPEG_DIR)\n", render.Error);

        // An apt-get that talks a lot and fails: one line to the user, the talk in the log.
        sandbox.Script("apt-get", "i=0; while [ $i -lt 400 ]; do echo \"Get:$i some package\"; i=$((i+1)); done; exit 100");
        var failed = sandbox.Run("batch", "configs");
        Assert.Equal(3, failed.Code);
        Assert.Equal(
            "regrender: ffmpeg is missing; installing it with apt-get (log: .build/apt.log)...\nregrender: installing ffmpeg failed; see .build/apt.log\n",
            failed.Error);
        Assert.Contains("Get:399 some package", File.ReadAllText(Path.Combine(sandbox.Root, ".build", "apt.log")), StringComparison.Ordinal);
    }
}
