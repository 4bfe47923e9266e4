using RegressionRender.Core.Timing;

namespace RegressionRender.Core.Text;

/// <summary>How a readout line is coloured: muted (progress, the definition of z), body text (the loss) or its fit's colour (the equation).</summary>
public enum ReadoutTone
{
    /// <summary>Secondary text.</summary>
    Muted,

    /// <summary>Body text.</summary>
    Text,

    /// <summary>The colour of the fit the line describes.</summary>
    Fit,
}

/// <summary>One line of the readouts.</summary>
/// <param name="Text">What it says.</param>
/// <param name="Tone">Its colour.</param>
/// <param name="Fit">The fit it belongs to (0 for the shared progress line).</param>
/// <param name="Bold">The equation is bold.</param>
/// <param name="Key">In a race, the equation line carries a key: a short stroke of the fit's line colour.</param>
public sealed record ReadoutLine(string Text, ReadoutTone Tone, int Fit, bool Bold = false, bool Key = false);

/// <summary>
/// How much the readouts say: room permitting everything; on small canvases R², then the step, then (in a race) the
/// equations, at last the epoch are left out.
/// </summary>
/// <param name="SplitProgress">Epoch and step on two lines instead of one (a narrower box).</param>
/// <param name="Step">Show the step.</param>
/// <param name="RSquared">Show R² next to the loss.</param>
/// <param name="Equations">Show each fit's equation; without, a race is a legend: each fit's name, key and loss on one line (a single fit: its loss alone).</param>
/// <param name="Epoch">Show the epoch.</param>
public sealed record ReadoutDetail(bool SplitProgress = false, bool Step = true, bool RSquared = true, bool Equations = true, bool Epoch = true)
{
    /// <summary>Everything, epoch and step on one line.</summary>
    public static ReadoutDetail Full { get; } = new();
}

/// <summary>
/// The one place that decides what the readouts say, for the frames, their layout and the captions: epoch and step,
/// then for each fit its equation, the definition of z when the equation is in z, and its loss (and R²). A race
/// shares one epoch line (one clock) and gives each fit its own step.
/// </summary>
public static class ReadoutLines
{
    /// <summary>The lines for what a frame shows of each fit.</summary>
    public static List<ReadoutLine> For(IReadOnlyList<ReadoutText> readouts, IReadOnlyList<FitState> fits, ReadoutDetail detail)
    {
        var race = readouts.Count > 1;
        var first = fits[0];
        var lines = new List<ReadoutLine>();
        if (!detail.Epoch)
        {
        }
        else if (race || !detail.Step)
        {
            lines.Add(new(readouts[0].Epoch(first), ReadoutTone.Muted, 0));
        }
        else if (detail.SplitProgress)
        {
            lines.Add(new(readouts[0].Epoch(first), ReadoutTone.Muted, 0));
            lines.Add(new(readouts[0].Step(first), ReadoutTone.Muted, 0));
        }
        else
        {
            lines.Add(new(readouts[0].Progress(first), ReadoutTone.Muted, 0));
        }
        for (var k = 0; k < fits.Count; k++)
        {
            var readout = readouts[k];
            var indent = race ? "    " : "";
            if (!detail.Equations)
            {
                lines.Add(new((race ? readout.Label + ":  " : "") + readout.Loss(fits[k].Loss, detail.RSquared), ReadoutTone.Fit, k, Bold: true, Key: race));
                continue;
            }
            lines.Add(new((race ? readout.Label + ":  " : "") + readout.Equation(fits[k].Parameters), ReadoutTone.Fit, k, Bold: true, Key: race));
            if (readout.Variable is { } variable)
            {
                lines.Add(new(indent + variable, ReadoutTone.Muted, k));
            }
            var loss = readout.Loss(fits[k].Loss, detail.RSquared);
            lines.Add(new(race && detail.Step ? $"{indent}{loss}  ·  {readout.Step(fits[k])}" : indent + loss, ReadoutTone.Text, k));
        }
        return lines;
    }

    /// <summary>The lines as plain text, one per row (captions, reports).</summary>
    public static string Plain(IEnumerable<ReadoutLine> lines) => string.Join('\n', lines.Select(l => l.Text));
}
