using RegressionRender.Core;
using RegressionRender.Core.Config;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Config;

public sealed class SceneLoaderTests
{
    private static InvalidInputException Invalid(string json)
    {
        using var folder = new TempFolder();
        var path = folder.Write("scene.json", json);
        return Assert.Throws<InvalidInputException>(() => SceneLoader.Load(path));
    }

    [Fact]
    public void Fits_Of_A_Race_That_Would_Share_A_Name_Are_Told_Apart_By_Learning_Rate()
    {
        using var folder = new TempFolder();
        var path = folder.Write("race.json", """
            { "data": { "points": [[1, 2], [3, 4], [5, 7]] },
              "fit": [ { "optimizer": "gd", "learningRate": 0.02 }, { "optimizer": "gd", "learningRate": 0.5 },
                       { "optimizer": "gd", "learningRate": 0.5 }, { "optimizer": "gd", "learningRate": 0.1, "label": "mine" },
                       { "optimizer": "adam", "learningRate": 0.1 } ] }
            """);
        var labels = RegressionRender.PreparedScene.Load(path).Fits.Select(f => f.Info.Label).ToArray();
        Assert.Equal(["GD η = 0.02", "GD η = 0.5 (2)", "GD η = 0.5 (3)", "mine", "Adam"], labels);
    }

    [Fact]
    public void Small_Learning_Rates_In_Labels_Are_Written_As_Decimals()
    {
        // G4 wrote 4E-05 beside 0.00015 in the legend, the readouts and the warnings of a race on raw x.
        using var folder = new TempFolder();
        var path = folder.Write("race.json", """
            { "data": { "points": [[1, 2], [3, 4], [5, 7]] },
              "fit": [ { "optimizer": "gd", "learningRate": 4e-05 }, { "optimizer": "gd", "learningRate": 0.00015 }, { "optimizer": "gd", "learningRate": 1e-7 } ] }
            """);
        var labels = RegressionRender.PreparedScene.Load(path).Fits.Select(f => f.Info.Label).ToArray();
        Assert.Equal(["GD η = 0.00004", "GD η = 0.00015", "GD η = 1.00×10⁻⁷"], labels);
    }

    [Fact]
    public void Should_Accept_Comments_And_Trailing_Commas()
    {
        using var folder = new TempFolder();
        var path = folder.Write("scene.json", """
            {
              // a comment
              "data": { "points": [[1, 2], [3, 4],], },
              /* block */ "fit": { "optimizer": "sgd", "learningRate": 0.5, },
            }
            """);
        var scene = SceneLoader.Load(path);
        Assert.Equal(OptimizerKind.Sgd, scene.Config.Fit[0].Optimizer);
        Assert.Equal(0.5, scene.Config.Fit[0].LearningRate);
        Assert.Equal("scene", scene.Name);
    }

    [Fact]
    public void Should_Reject_Unknown_Key_With_Path_And_Suggestion()
    {
        var error = Invalid("""{ "data": { "points": [[1,2],[3,4]] }, "fit": { "learningrate": 0.1 } }""");
        Assert.EndsWith("$.fit.learningrate", error.Location);
        Assert.Contains("did you mean 'learningRate'", error.Message);
    }

    [Fact]
    public void Should_Reject_Unknown_Top_Level_Key()
    {
        var error = Invalid("""{ "data": { "points": [[1,2],[3,4]] }, "animaton": {} }""");
        Assert.EndsWith("$.animaton", error.Location);
        Assert.Contains("did you mean 'animation'", error.Message);
    }

    [Fact]
    public void Should_Reject_Wrong_Type_With_Path_And_Expected_Type()
    {
        var error = Invalid("""{ "data": { "points": [[1,2],[3,4]] }, "animation": { "fps": "thirty" } }""");
        Assert.EndsWith("$.animation.fps", error.Location);
        Assert.Contains("expected a whole number", error.Message);
        Assert.Contains("\"thirty\"", error.Message);
    }

    [Fact]
    public void Should_Reject_Fractional_Fps()
    {
        var error = Invalid("""{ "data": { "points": [[1,2],[3,4]] }, "animation": { "fps": 29.97 } }""");
        Assert.EndsWith("$.animation.fps", error.Location);
    }

    [Theory]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "animation": { "fps": 500 } }""", "$.animation.fps", "between 1 and 120")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "animation": { "duration": 601 } }""", "$.animation.duration", "≤ 600 seconds")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "view": { "height": 4322 } }""", "$.view.height", "between 64 and 4320")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "fit": { "learningRate": -1 } }""", "$.fit.learningRate", "> 0")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "fit": [{ "epochs": 5 }, { "epochs": 0 }] }""", "$.fit[1].epochs", "between 1 and")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "view": { "width": 99999 } }""", "$.view.width", "between 64 and 7680")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "view": { "width": 641 } }""", "$.view", "even width and height")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "output": { "mp4": { "crf": 60 } } }""", "$.output.mp4.crf", "between 0 and 51")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "output": { "mp4": { "preset": "mediun" } } }""", "$.output.mp4.preset", "did you mean 'medium'")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "animation": { "easing": "cubic-inout" } }""", "$.animation.easing", "did you mean 'cubic-in-out'")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "fit": { "optimizer": "adma" } }""", "$.fit.optimizer", "did you mean 'adam'")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "fit": { "init": [1, 2, 3] } }""", "$.fit.init", "needs 2 numbers")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "view": { "x": [5, 1] } }""", "$.view.x", "min < max")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "output": { "name": "../../x" } }""", "$.output.name", "plain file name")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "output": { "name": "/etc/passwd" } }""", "$.output.name", "plain file name")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]], "csv": "a.csv" } }""", "$.data", "exactly one")]
    [InlineData("""{ "data": { "points": [[1,2,3],[3,4]] } }""", "$.data.points[0]", "[x, y] pair")]
    [InlineData("""{ "data": { "csv": "a.csv", "x": "A" } }""", "$.data.y", "column of y")]
    [InlineData("""{ "data": { "points": [[1,2],[3,4]] }, "model": { "type": "polynomial", "degree": 11 } }""", "$.model.degree", "between 1 and 10")]
    public void Should_Reject_Out_Of_Range_Values_With_Path_And_Range(string json, string path, string message)
    {
        var error = Invalid(json);
        Assert.EndsWith(path, error.Location);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Should_Refuse_More_Than_A_Million_Points_Naming_The_Csv_Line()
    {
        using var folder = new Support.TempFolder();
        var csv = new System.Text.StringBuilder("x,y\n");
        for (var i = 0; i <= 1_000_000; i++)
        {
            csv.Append(i).Append(',').Append(i % 7).Append('\n');
        }
        folder.Write("big.csv", csv.ToString());
        var config = folder.Write("big.json", """{ "data": { "csv": "big.csv", "x": "x", "y": "y" } }""");

        var error = Assert.Throws<InvalidInputException>(() => PreparedScene.Load(config));

        Assert.EndsWith("big.csv:1000002", error.Location);
        Assert.Contains("more than 1,000,000 data points", error.Message);
    }

    [Fact]
    public void Should_Report_Line_And_Column_Of_Broken_Json()
    {
        var error = Invalid("{\n  \"data\": { \"points\": [[1,2],[3,4]] \n  \"fit\": {}\n}");
        Assert.Matches(@"scene\.json:3:\d+$", error.Location);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Should_Name_The_File_When_It_Is_Missing()
    {
        var error = Assert.Throws<InvalidInputException>(() => SceneLoader.Load("/nonexistent/scene.json"));
        Assert.Equal("/nonexistent/scene.json", error.Location);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Should_Read_A_Fit_Array_As_A_Race()
    {
        using var folder = new TempFolder();
        var path = folder.Write("race.json", """{ "data": { "points": [[1,2],[3,4]] }, "fit": [{ "optimizer": "gd" }, { "optimizer": "adam", "label": "A" }] }""");
        var scene = SceneLoader.Load(path);
        Assert.Equal([OptimizerKind.Gd, OptimizerKind.Adam], scene.Config.Fit.Select(f => f.Optimizer));
    }
}
