namespace RegressionRender.Tests.Support;

/// <summary>A stand-in ffmpeg: a shell script that answers <c>-version</c> (FFMpegCore checks it first) and then does <paramref name="script"/>.</summary>
internal static class FakeFfmpeg
{
    public static string Create(TempFolder folder, string script)
    {
        var bin = Directory.CreateDirectory(folder.File("fake-ffmpeg")).FullName;
        var path = Path.Combine(bin, "ffmpeg");
        File.WriteAllText(path, $"#!/bin/sh\nif [ \"$1\" = \"-version\" ]; then echo 'ffmpeg version 0-fake'; exit 0; fi\n{script}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }
}
