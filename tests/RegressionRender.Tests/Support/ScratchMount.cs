namespace RegressionRender.Tests.Support;

/// <summary>
/// A small tmpfs mounted over a test folder (root only): a real full disk or a real read-only file system.
/// <see cref="TryMount"/> returns null where mounting is not allowed; tests then use their documented fallback.
/// </summary>
internal sealed class ScratchMount : IDisposable
{
    private readonly string _path;

    private ScratchMount(string path) => _path = path;

    public static ScratchMount? TryMount(string path, string options)
    {
        if (Environment.UserName != "root" || Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path) != 0)
        {
            return null;
        }
        return new ScratchMount(path);
    }

    /// <summary>Makes the mounted file system read-only (what was written stays readable).</summary>
    public void MakeReadOnly()
    {
        if (Run("mount", "-o", "remount,ro", _path) != 0)
        {
            throw new InvalidOperationException($"could not remount {_path} read-only");
        }
    }

    public static int Run(string file, params string[] arguments)
    {
        try
        {
            return ChildProcess.Run(file, null, arguments).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    public void Dispose() => Run("umount", "-l", _path);
}
