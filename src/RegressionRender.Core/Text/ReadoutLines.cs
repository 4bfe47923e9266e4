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

/// <summary>The key drawn before a readout line: none, a stroke of the fit's colour, the optimum's dashes, the start's faint stroke.</summary>
public enum ReadoutKey
{
    /// <summary>No key.</summary>
    None,

    /// <summary>A short stroke of the fit's line colour (a race's equation or legend line).</summary>
    Fit,

    /// <summary>The dashed stroke of the exact optimum (<c>view.target</c>).</summary>
    Target,

    /// <summary>The faint stroke of the initial fit.</summary>
    Initial,
}

/// <summary>One line of the readouts.</summary>
/// <param name="Text">What it says.</param>
/// <param name="Tone">Its colour.</param>
/// <param name="Fit">The fit it belongs to (0 for the shared progress line).</param>
/// <param name="Bold">The equation is bold.</param>
/// <param name="Key">The key before it: in a race, the equation line's stroke of the fit's colour; a legend line's mark.</param>
public sealed record ReadoutLine(string Text, ReadoutTone Tone, int Fit, bool Bold = false, ReadoutKey Key = ReadoutKey.None)
{
    /// <summary>True when a key is drawn before the text.</summary>
    public bool HasKey => Key != ReadoutKey.None;
}

/// <summary>
/// How much the readouts say: room permitting everything; on small canvases R², then the step, then (in a race) the
/// equations, at last the epoch are left out.
/// </summary>
/// <param name="SplitProgress">Epoch and step on two lines instead of one (a narrower box).</param>
/// <param name="Step">Show the step.</param>
/// <param name="RSquared">Show R² next to the loss.</param>
/// <param name="Equations">Show each fit's equation; without, a race is a legend: each fit's name, key and loss on one line (a single fit: its loss alone).</param>
/// <param name="Epoch">Show the epoch.</param>
/// <param name="Legend">Show the legend lines (what the faint start and the dashed optimum are), the first to go when room is short.</param>
/// <param name="Values">Show the losses; without (and without equations), a race is a legend of names and keys alone (a single fit: nothing).</param>
public sealed record ReadoutDetail(bool SplitProgress = false, bool Step = true, bool RSquared = true, bool Equations = true, bool Epoch = true, bool Legend = true, bool Values = true)
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
    /// <summary>
    /// The legend of the marks the fit panel draws besides the fits: the faint start (always) and the dashed exact
    /// optimum (when shown).
    /// </summary>
    public static IReadOnlyList<ReadoutLine> Legend(bool optimum) =>
        optimum ? [new("start", ReadoutTone.Muted, 0, Key: ReadoutKey.Initial), new("exact optimum", ReadoutTone.Muted, 0, Key: ReadoutKey.Target)]
            : [new("start", ReadoutTone.Muted, 0, Key: ReadoutKey.Initial)];

    /// <summary>
    /// The lines for what a frame shows of each fit, then the <paramref name="legend"/> lines (if the detail keeps them);
    /// with no <paramref name="readouts"/>, the legend lines alone (a legend box of its own).
    /// </summary>
    public static List<ReadoutLine> For(IReadOnlyList<ReadoutText> readouts, IReadOnlyList<FitState> fits, ReadoutDetail detail, IReadOnlyList<ReadoutLine>? legend = null)
    {
        if (readouts.Count == 0)
        {
            return [.. legend ?? []];
        }
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
                if (detail.Values)
                {
                    lines.Add(new((race ? readout.Label + ":  " : "") + readout.Loss(fits[k].Loss, detail.RSquared), ReadoutTone.Fit, k, Bold: true, Key: race ? ReadoutKey.Fit : ReadoutKey.None));
                }
                else if (race)
                {
                    lines.Add(new(readout.Label, ReadoutTone.Fit, k, Bold: true, Key: ReadoutKey.Fit));
                }
                continue;
            }
            lines.Add(new((race ? readout.Label + ":  " : "") + readout.Equation(fits[k].Parameters), ReadoutTone.Fit, k, Bold: true, Key: race ? ReadoutKey.Fit : ReadoutKey.None));
            if (readout.Variable is { } variable)
            {
                lines.Add(new(indent + variable, ReadoutTone.Muted, k));
            }
            var loss = readout.Loss(fits[k].Loss, detail.RSquared);
            lines.Add(new(race && detail.Step ? $"{indent}{loss}  ·  {readout.Step(fits[k])}" : indent + loss, ReadoutTone.Text, k));
        }
        if (detail.Legend && legend is not null)
        {
            lines.AddRange(legend);
        }
        return lines;
    }

    /// <summary>The lines as plain text, one per row (captions, reports).</summary>
    public static string Plain(IEnumerable<ReadoutLine> lines) => string.Join('\n', lines.Select(l => l.Text));
}
