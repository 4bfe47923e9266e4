using RegressionRender.Core.Config;
using RegressionRender.Core.Layout;
using RegressionRender.Core.Text;
using RegressionRender.Rendering;

namespace RegressionRender.Tests.Rendering;

/// <summary>Text that fits: wrapped, then smaller down to the minimum, cut only as a last resort; small canvases laid out for their size.</summary>
public sealed class TextFittingTests : IDisposable
{
    private readonly TextMeasure _measure = new();

    public void Dispose() => _measure.Dispose();

    [Fact]
    public void A_Name_Without_Spaces_Or_Underscores_Breaks_Inside_The_Word_Before_It_Is_Cut()
    {
        // A CSV column in CamelCase on a small GIF: no space, no underscore to break at.
        const string name = "EngineHorsepowerAsAdvertisedByTheManufacturerInTheBrochure";
        var width = _measure.Width(name, 10) * 0.4f;

        var block = TextBlock.Fit(name, 17, 10, width, 4, _measure);

        Assert.Equal(name, block.Drawn);
        Assert.InRange(block.Lines.Count, 3, 4);
        Assert.All(block.Lines, line => Assert.True(_measure.Width(line, block.FontPx) <= width, line));
        Assert.All(block.Lines.Skip(1), line => Assert.True(char.IsUpper(line[0]), $"'{line}' does not start at a capital"));
    }

    [Fact]
    public void A_Text_That_Fits_Stays_On_One_Line_At_Its_Size()
    {
        var block = TextBlock.Fit("Gradient descent", 20, 11, 400, 2, _measure);
        Assert.Equal(["Gradient descent"], block.Lines);
        Assert.Equal(20, block.FontPx);
    }

    [Fact]
    public void A_Long_Title_Wraps_Between_Words_Before_It_Gets_Smaller()
    {
        const string title = "Overfitting: degree 9 through 12 noisy points, with momentum";
        var width = _measure.Width(title, 20) * 0.6f;

        var block = TextBlock.Fit(title, 20, 11, width, 2, _measure);

        Assert.Equal(2, block.Lines.Count);
        Assert.Equal(20, block.FontPx);
        Assert.Equal(title, block.Drawn);
        Assert.All(block.Lines, line => Assert.True(_measure.Width(line, 20) <= width, line));
    }

    [Fact]
    public void A_Text_Too_Long_For_Two_Lines_Gets_Smaller_But_Never_Below_The_Minimum()
    {
        const string title = "Overfitting: degree 9 through 12 noisy points, with momentum";
        var width = _measure.Width(title, 20) * 0.4f;

        var block = TextBlock.Fit(title, 20, 11, width, 2, _measure);

        Assert.InRange(block.FontPx, 11, 19.99f);
        Assert.Equal(title, block.Drawn);
        Assert.All(block.Lines, line => Assert.True(_measure.Width(line, block.FontPx) <= width, line));

        var cut = TextBlock.Fit(title, 20, 11, width / 3, 2, _measure);
        Assert.Equal(11, cut.FontPx);
        Assert.NotEqual(title, cut.Drawn);
        Assert.EndsWith("…", cut.Drawn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Column_Name_Without_Spaces_Breaks_After_Its_Underscores()
    {
        const string name = "median_household_income_in_constant_2023_US_dollars";
        var width = _measure.Width(name, 12) * 0.6f;

        var block = TextBlock.Fit(name, 12, 11, width, 2, _measure);

        Assert.Equal(2, block.Lines.Count);
        Assert.EndsWith("_", block.Lines[0], StringComparison.Ordinal);
        Assert.Equal(name, block.Drawn);
        Assert.Equal("a_b c", TextBlock.Fit("a_b c", 12, 11, _measure.Width("a_b", 12) + 1, 2, _measure).Drawn);
    }

    [Fact]
    public void A_Number_Keeps_Its_Sign_And_A_Definition_Its_Brackets()
    {
        var loss = new ReadoutLine("MSE = 95585870    R² = −95585870.536", ReadoutTone.Text, 0);
        var z = new ReadoutLine("z = (Horsepower − 104.47) / 38.442", ReadoutTone.Muted, 0);

        var lossPieces = ReadoutLayout.Wrap(loss, 12, _measure.Width("MSE = 95585870", 12) + 4, _measure);
        var zPieces = ReadoutLayout.Wrap(z, 12, _measure.Width("z = (Horsepower", 12) + 4, _measure);

        Assert.Equal(["MSE = 95585870   ", "R² = −95585870.536"], lossPieces);
        Assert.Equal([z.Text], zPieces);
    }

    [Fact]
    public void A_Line_Broken_At_A_Separator_Drops_It()
    {
        // A 640-wide GIF's readout went "epoch 3000 / 3000" over "· step 2999→3000 / 3000".
        var line = new ReadoutLine("epoch 3000 / 3000  ·  step 2999→3000 / 3000", ReadoutTone.Text, 0);

        var pieces = ReadoutLayout.Wrap(line, 12, _measure.Width("step 2999→3000 / 3000", 12) + 4, _measure);

        Assert.Equal(["epoch 3000 / 3000", "step 2999→3000 / 3000"], pieces);
    }

    [Fact]
    public async Task A_Readout_Wrapped_At_A_Separator_Reads_As_Its_Text_In_The_Layout()
    {
        // One fit, three panels, 640×360: "epoch 3000 / 3000  ·  step 3000 / 3000" wraps at its "·", which is not
        // drawn; the layout's drawn text still reads as the text meant (a review read "epoch 3000 / 3000 step 3000 /
        // 3000" there, and a check comparing them would take it for cut text).
        using var folder = new Support.TempFolder();
        var config = folder.Write("wrap.json", $$"""
            { "title": "One fit, three panels", "subtitle": "raw horsepower",
              "data": { "csv": "{{Support.Repo.Path_("examples", "data", "cars.csv")}}", "x": "Horsepower", "y": "Miles_per_Gallon" },
              "fit": { "optimizer": "gd", "learningRate": 0.00004, "epochs": 3000 },
              "animation": { "duration": 2, "pacing": "iterations" },
              "view": { "width": 640, "height": 360, "panels": ["fit", "loss", "surface"], "target": true } }
            """);

        var result = await Support.CliRunner.RunAsync("layout", config, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var layout = System.Text.Json.JsonDocument.Parse(result.Output);
        var readout = layout.RootElement.GetProperty("texts").EnumerateArray().Single(t => t.GetProperty("role").GetString() == "readout");
        Assert.Contains("epoch 3000 / 3000  ·  step 3000 / 3000", readout.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(readout.GetProperty("text").GetString(), readout.GetProperty("drawn").GetString());
    }

    [Fact]
    public void An_Equation_Wraps_Between_Its_Terms_And_The_Pieces_Give_Back_The_Line()
    {
        var line = new ReadoutLine("y = −0.023z⁹ + 0.166z⁸ + 0.15z⁷ − 0.346z⁶ − 0.02z⁵ − 0.56z⁴", ReadoutTone.Fit, 0, Bold: true);
        var width = _measure.Width(line.Text, 12, bold: true) * 0.45f;

        var pieces = ReadoutLayout.Wrap(line, 12, width, _measure);

        Assert.True(pieces.Count >= 3, string.Join(" | ", pieces));
        Assert.Equal(line.Text, string.Join(' ', pieces));
        Assert.All(pieces.Skip(1), piece => Assert.Matches("^[+−] ", piece));
        Assert.All(pieces, piece => Assert.True(_measure.Width(piece, 12, bold: true) <= width, piece));
    }

    [Theory]
    [InlineData(320, 180, 10)]
    [InlineData(640, 360, 11)]
    [InlineData(854, 480, 11)]
    public void Small_Canvases_Keep_Every_Text_Size_At_Or_Above_The_Minimum(int width, int height, float minimum)
    {
        var layout = FrameLayout.Create(width, height, "A title", "A subtitle", [PanelKind.Fit, PanelKind.Loss], _ => new PanelWords("x", "y", "Loss"), _measure);

        Assert.Equal(minimum, layout.MinimumFont);
        Assert.All(new[] { layout.TickSize, layout.AxisTitleSize, layout.PanelTitleSize, layout.ReadoutSize, layout.Title.FontPx, layout.Subtitle.FontPx }.Where(s => s > 0),
            size => Assert.True(size >= minimum, $"{size} px at {width}×{height}"));
    }

    [Fact]
    public void A_Side_Panel_With_No_Readable_Plot_Is_Left_Out()
    {
        PanelKind[] panels = [PanelKind.Fit, PanelKind.Loss, PanelKind.Surface];

        var tiny = FrameLayout.Create(320, 180, "A title", null, panels, _ => new PanelWords("x", "y", "Loss"), _measure);
        var large = FrameLayout.Create(1280, 720, "A title", null, panels, _ => new PanelWords("x", "y", "Loss"), _measure);

        Assert.Equal(PanelKind.Fit, tiny.Panels[0].Kind);
        Assert.True(tiny.Panels.Count < 3, $"{tiny.Panels.Count} panels at 320×180");
        Assert.Equal(3, large.Panels.Count);
        Assert.All(tiny.Panels, p => Assert.True(p.Plot.Width >= 8 * tiny.TickSize && p.Plot.Height >= 5 * tiny.TickSize, $"{p.Kind}: {p.Plot}"));
    }

    [Fact]
    public void A_Long_Axis_Title_Takes_A_Second_Line_And_The_Plot_Gives_Room_For_It()
    {
        const string longTitle = "Atmospheric carbon dioxide concentration measured at the Mauna Loa Observatory, Hawaii, monthly mean (parts per million)";
        var shortOne = FrameLayout.Create(640, 360, null, null, [PanelKind.Fit], _ => new PanelWords("year", "ppm", null), _measure);
        const string longY = "Carbon dioxide at Mauna Loa, monthly mean (parts per million)";
        var longOne = FrameLayout.Create(640, 360, null, null, [PanelKind.Fit], _ => new PanelWords(longTitle, longY, null), _measure);

        var (a, b) = (shortOne.Panels[0], longOne.Panels[0]);
        Assert.Equal(2, b.XTitle.Lines.Count);
        Assert.Equal(longTitle, b.XTitle.Drawn);
        Assert.Equal(2, b.YTitle.Lines.Count);
        Assert.Equal(longY, b.YTitle.Drawn);
        Assert.True(b.Plot.Bottom < a.Plot.Bottom && b.Plot.Left > a.Plot.Left, $"{b.Plot} vs {a.Plot}");
    }
}
