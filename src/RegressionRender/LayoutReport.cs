using System.Text.Json;
using RegressionRender.Core.Layout;
using RegressionRender.Rendering;

namespace RegressionRender;

/// <summary>
/// Where everything of one frame went (<c>regrender layout --json</c>): the panels, every text with its box, font
/// size and background, the data points' pixel centres, and how many of those lie under a text's background. It
/// comes from drawing the frame, the same computation as <c>still</c>.
/// </summary>
/// <param name="Width">Canvas width.</param>
/// <param name="Height">Canvas height.</param>
/// <param name="Frame">The frame laid out.</param>
/// <param name="Panels">Each panel: its kind and its data area [x, y, w, h].</param>
/// <param name="Texts">Every text drawn.</param>
/// <param name="Points">The pixel centres of the data points inside the fit panel.</param>
/// <param name="Covered">Data points whose centre lies under a text box that has a background.</param>
public sealed record LayoutReport(int Width, int Height, int Frame, IReadOnlyList<LayoutPanel> Panels, IReadOnlyList<LayoutText> Texts, IReadOnlyList<LayoutPoint> Points, int Covered)
{
    /// <summary>Lays out frame <paramref name="frame"/> (clamped to the video) of <paramref name="scene"/>.</summary>
    public static LayoutReport Build(PreparedScene scene, int frame, CancellationToken cancellationToken = default) =>
        Build(scene, [frame], cancellationToken)[0];

    /// <summary>Lays out several frames, planned once.</summary>
    internal static List<LayoutReport> Build(PreparedScene scene, IReadOnlyList<int> frames, CancellationToken cancellationToken) =>
        [.. Build(scene, frames, FrameImage.None, cancellationToken).Select(d => d.Report)];

    /// <summary>Lays out several frames, planned once, each with its image as drawn (the layout and the picture from one drawing).</summary>
    internal static List<(LayoutReport Report, byte[] Image)> Build(PreparedScene scene, IReadOnlyList<int> frames, FrameImage image, CancellationToken cancellationToken) =>
        [.. SceneRenderer.Draw(scene, frames, image, cancellationToken).Select(d => (Report(d.Plan, d.Texts, d.Frame), d.Image))];

    private static LayoutReport Report(Core.Layout.ScenePlan plan, IReadOnlyList<DrawnText> texts, int shown)
    {
        var viewport = plan.FitViewport;
        var points = Enumerable.Range(0, plan.Points.Count)
            .Select(i => new LayoutPoint(viewport.PixelX(plan.Points.X[i]), viewport.PixelY(plan.Points.Y[i])))
            .Where(p => viewport.Area.Contains(p.X, p.Y))
            .ToList();
        var covered = points.Count(p => texts.Any(t => t.Opacity > 0 && t.Box.Contains(p.X, p.Y)));
        return new LayoutReport(
            plan.Layout.Width,
            plan.Layout.Height,
            shown,
            [.. plan.Layout.Panels.Select(p => new LayoutPanel(p.Kind.ToString().ToLowerInvariant(), Rect(p.Plot)))],
            [.. texts.Select(t => new LayoutText(t.Role, t.Text, t.Drawn, t.FontPx, Rect(t.Box), t.Opacity))],
            points,
            covered);
    }

    /// <summary>The report as one JSON object.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJsonContext.Default.LayoutReport);

    private static float[] Rect(PixelRect r) => [r.Left, r.Top, r.Width, r.Height];
}

/// <summary>One panel of a frame.</summary>
/// <param name="Kind">fit, loss or surface.</param>
/// <param name="Rect">Its data area: [x, y, width, height] in pixels.</param>
public sealed record LayoutPanel(string Kind, float[] Rect);

/// <summary>One text of a frame.</summary>
/// <param name="Role">title, subtitle, tick, axis-title, panel-title, readout (its lines joined by newlines), legend (a legend box of its own, likewise) or caption.</param>
/// <param name="Text">The full text meant.</param>
/// <param name="Drawn">What was drawn (equal to the text unless it had to be cut).</param>
/// <param name="FontPx">Font size in pixels.</param>
/// <param name="Box">[x, y, width, height] in pixels.</param>
/// <param name="Opacity">Opacity of its background (0: none).</param>
public sealed record LayoutText(string Role, string Text, string Drawn, float FontPx, float[] Box, float Opacity);

/// <summary>A data point's pixel centre.</summary>
/// <param name="X">Column.</param>
/// <param name="Y">Row.</param>
public sealed record LayoutPoint(float X, float Y);
