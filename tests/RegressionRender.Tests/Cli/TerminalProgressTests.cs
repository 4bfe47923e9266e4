using System.Text;
using System.Text.RegularExpressions;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Cli;

/// <summary>
/// In a terminal (a real pseudo-terminal through <c>script</c>), the live progress bars must not draw over the lines
/// that stay: after the render, the screen shows every <c>wrote …</c> line and <c>rendered … in</c>. Before, the bars'
/// redraw wiped them. The screen is rebuilt from the byte stream by a small terminal (cursor up, carriage return,
/// erase line).
/// </summary>
[Trait("Speed", "Slow")]
public sealed partial class TerminalProgressTests
{
    [SkippableFact]
    public void Finished_Outputs_Stay_On_Screen_Above_The_Live_Bars()
    {
        Skip.IfNot(File.Exists("/usr/bin/script"), "needs script(1) for a pseudo-terminal");
        using var folder = new TempFolder();
        var config = folder.Write("tiny.json", Scenes.Tiny("\"mp4\", \"gif\"").Replace("\"duration\": 1", "\"duration\": 3", StringComparison.Ordinal));
        var typescript = folder.File("typescript");
        var cli = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "regrender.dll")}' render '{config}' -o '{folder.File("out")}'";

        var run = ChildProcess.Run("/usr/bin/script", folder.Path, "-qfec", cli, typescript);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var screen = Screen(File.ReadAllText(typescript));
        Assert.Contains(screen, line => line.StartsWith($"wrote {folder.File("out")}/tiny.mp4 (", StringComparison.Ordinal) || line.StartsWith("wrote out/tiny.mp4 (", StringComparison.Ordinal));
        Assert.Contains(screen, line => line.Contains("/tiny.gif (", StringComparison.Ordinal) && line.StartsWith("wrote ", StringComparison.Ordinal));
        Assert.Contains(screen, line => line.StartsWith($"rendered {config} in ", StringComparison.Ordinal));
        // Nothing of a bar is left on a kept line.
        Assert.DoesNotContain(screen, line => line.StartsWith("wrote ", StringComparison.Ordinal) && line.Contains("fps", StringComparison.Ordinal));
    }

    /// <summary>The lines left on screen after <paramref name="bytes"/>: CR, LF, ESC[nA (up), ESC[K / ESC[2K (erase); other sequences ignored.</summary>
    private static List<string> Screen(string bytes)
    {
        var screen = new List<StringBuilder> { new() };
        var (row, column) = (0, 0);
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = bytes[i];
            if (c == '\x1b')
            {
                var match = Csi().Match(bytes, i);
                if (match.Success && match.Index == i)
                {
                    var argument = match.Groups[1].Value;
                    var count = int.TryParse(argument, out var n) ? n : 1;
                    switch (match.Groups[2].Value)
                    {
                        case "A":
                            row = Math.Max(0, row - count);
                            break;
                        case "K":
                            var line = screen[row];
                            line.Length = argument == "2" ? 0 : Math.Min(line.Length, column);
                            break;
                    }
                    i += match.Length - 1;
                }
                continue;
            }
            if (c == '\r')
            {
                column = 0;
            }
            else if (c == '\n')
            {
                (row, column) = (row + 1, 0);
                while (screen.Count <= row)
                {
                    screen.Add(new StringBuilder());
                }
            }
            else
            {
                var line = screen[row];
                while (line.Length < column)
                {
                    line.Append(' ');
                }
                if (column < line.Length)
                {
                    line[column] = c;
                }
                else
                {
                    line.Append(c);
                }
                column++;
            }
        }
        return [.. screen.Select(l => l.ToString().TrimEnd()).Where(l => l.Length > 0)];
    }

    [GeneratedRegex(@"\x1b\[([0-9;?]*)([A-Za-z])")]
    private static partial Regex Csi();
}
