using System.Globalization;
using System.Text;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;

namespace RegressionRender;

/// <summary>
/// WebVTT captions of the video: every half second a cue with what the readouts show, line for line as the frames
/// say it in full (<see cref="ReadoutLines"/>: epoch and step, each fit's equation, loss and R²), so that screen
/// readers and players can follow the fit without the picture.
/// </summary>
public static class Captions
{
    private const double CueSeconds = 0.5;

    /// <summary>The captions of the video timeline of <paramref name="scene"/>.</summary>
    public static string WebVtt(PreparedScene scene, Timeline timeline)
    {
        var readouts = ReadoutText.For(scene.Config, scene.Data, scene.Fits);
        var text = new StringBuilder("WEBVTT\n\n");
        var perCue = Math.Max(1, (int)Math.Round(CueSeconds * timeline.Fps));
        string? previous = null;
        var start = 0;
        for (var frame = 0; frame <= timeline.FrameCount; frame += perCue)
        {
            var index = Math.Min(frame, timeline.FrameCount - 1);
            var cue = frame < timeline.FrameCount ? Cue(readouts, timeline.Frames[index]) : null;
            if (cue != previous || frame >= timeline.FrameCount)
            {
                if (previous is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{Time(start, timeline.Fps)} --> {Time(Math.Min(frame, timeline.FrameCount), timeline.Fps)}\n{previous}\n\n");
                }
                (previous, start) = (cue, frame);
            }
        }
        return text.ToString();
    }

    private static string Cue(IReadOnlyList<ReadoutText> readouts, FrameState frame) =>
        string.Join('\n', ReadoutLines.For(readouts, frame.Fits, ReadoutDetail.Full).Select(l => l.Text.Trim()));

    private static string Time(int frame, int fps)
    {
        var time = TimeSpan.FromSeconds((double)frame / fps);
        return time.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
    }
}
