using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Hardening;

/// <summary>A standard error that cannot be written (full, closed) never crashes the process: the exit code still tells.</summary>
public sealed class UnwritableStderrTests
{
    private static int RunWithStderr(string redirect, params string[] arguments) => ChildProcess.RunCli("", redirect, arguments).ExitCode;

    [Theory]
    [InlineData("2>/dev/full")]
    [InlineData("2>&-")]
    public void An_Error_That_Cannot_Be_Printed_Still_Exits_2(string redirect)
    {
        using var folder = new TempFolder();
        var config = folder.Write("bad.json", """{ "fit": { "optimizer": "gdx" } }""");

        Assert.Equal(2, RunWithStderr(redirect, "validate", config));
    }

    [Theory]
    [InlineData("2>/dev/full")]
    [InlineData("2>&-")]
    public void A_Render_Whose_Messages_Cannot_Be_Printed_Still_Writes_Its_Output_And_Exits_0(string redirect)
    {
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny("\"png\""));

        Assert.Equal(0, RunWithStderr(redirect, "render", config, "-o", folder.File("out")));
        Assert.Equal(["tiny.png"], TempFolder.FilesIn(folder.File("out")));
    }
}
