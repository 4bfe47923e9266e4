using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>--data-root (or REGRENDER_DATA_ROOT) confines data paths to one folder, after every symbolic link is followed.</summary>
public sealed class DataRootTests
{
    [Fact]
    public void Data_Paths_Outside_The_Root_Are_Refused_Even_Through_A_Link()
    {
        using var folder = new TempFolder();
        folder.Write("root/data/ok.csv", "a,b\n1,2\n2,3\n3,5\n");
        folder.Write("secret.csv", "a,b\n1,2\n2,3\n3,5\n");
        File.CreateSymbolicLink(folder.File("root/data/link.csv"), folder.File("secret.csv"));
        Directory.CreateSymbolicLink(folder.File("root/data/sub"), folder.Path);
        var environment = $"REGRENDER_DATA_ROOT='{folder.File("root/data")}'";
        string Config(string name, string csv) => folder.Write($"root/{name}.json", $$"""{ "data": { "csv": "{{csv}}", "x": "a", "y": "b" } }""");

        var inside = ChildProcess.RunCli(environment, "", "validate", Config("ok", "data/ok.csv"));
        var up = ChildProcess.RunCli(environment, "", "validate", Config("up", "../secret.csv"));
        var link = ChildProcess.RunCli(environment, "", "validate", Config("link", "data/link.csv"));
        var folderLink = ChildProcess.RunCli(environment, "", "validate", Config("folder", "data/sub/secret.csv"));
        var unconfined = ChildProcess.RunCli("", "", "validate", Config("free", "../secret.csv"));
        var flag = ChildProcess.RunCli("", "", "validate", Config("flag", "../secret.csv"), "--data-root", folder.File("root/data"));
        var flagInside = ChildProcess.RunCli("", "", "plan", Config("flagok", "data/ok.csv"), "--data-root", folder.File("root/data"));
        var noSuchRoot = ChildProcess.RunCli("", "", "validate", Config("noroot", "data/ok.csv"), "--data-root", folder.File("nowhere"));

        Assert.True(inside.ExitCode == 0, inside.Error);
        Assert.True(unconfined.ExitCode == 0, unconfined.Error);
        Assert.True(flagInside.ExitCode == 0, flagInside.Error);
        Assert.Equal(2, noSuchRoot.ExitCode);
        Assert.Contains("--data-root / REGRENDER_DATA_ROOT: ", noSuchRoot.Error, StringComparison.Ordinal);
        Assert.Contains("is not a folder that exists", noSuchRoot.Error, StringComparison.Ordinal);
        foreach (var refused in new[] { up, link, folderLink, flag })
        {
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("$.data.csv: ", refused.Error, StringComparison.Ordinal);
            Assert.Contains($"is outside the data root {folder.File("root/data")} (--data-root / REGRENDER_DATA_ROOT)", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        }
    }
}
