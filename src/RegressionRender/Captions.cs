using System.Globalization;
using System.Text;
using RegressionRender.Core.Text;
using RegressionRender.Core.Timing;

namespace RegressionRender;

/// <summary>
/// WebVTT captions of the video: every half second a cue with what the readouts show (epoch and step, the
/// equation and the loss of each fit), so that screen readers and players can follow the fit without the picture.
/// </summary>
public static class Captions
{
    private const double CueSeconds = 0.5;

    /// <summary>The captions of the video timeline of <paramref name="scene"/>.</summary>
    public static string WebVtt(PreparedScene scene, Timeline timeline)
    {
        var readouts = scene.Fits.Select((f, i) => new ReadoutText(f, scene.Config.Fit[i].L2 > 0, xName: scene.Data.XTitle)).ToList();
        var text = new StringBuilder("WEBVTT\n\n");
        var perCue = Math.Max(1, (int)Math.Round(CueSeconds * timeline.Fps));
        string? previous = null;
        var start = 0;
        for (var frame = 0; frame <= timeline.FrameCount; frame += perCue)
        {
            var index = Math.Min(frame, timeline.FrameCount - 1);
            var cue = frame < timeline.FrameCount ? Cue(scene, readouts, timeline.Frames[index]) : null;
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

    private static string Cue(PreparedScene scene, List<ReadoutText> readouts, FrameState frame)
    {
        var race = scene.Fits.Count > 1;
        var lines = new List<string> { race ? readouts[0].Epoch(frame.Fits[0]) : readouts[0].Progress(frame.Fits[0]) };
        for (var k = 0; k < frame.Fits.Count; k++)
        {
            var label = race ? scene.Fits[k].Info.Label + ": " : "";
            var step = race ? $", {readouts[k].Step(frame.Fits[k])}" : "";
            var variable = readouts[k].Variable is { } z ? $" ({z})" : "";
            lines.Add($"{label}{readouts[k].Equation(frame.Fits[k].Parameters)}{variable}, {readouts[k].Loss(frame.Fits[k].Loss)}{step}");
        }
        return string.Join('\n', lines);
    }

    private static string Time(int frame, int fps)
    {
        var time = TimeSpan.FromSeconds((double)frame / fps);
        return time.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
    }
}
