using RegressionRender.Core;
using RegressionRender.Core.Config;
using RegressionRender.Core.Data;
using RegressionRender.Tests.Support;

namespace RegressionRender.Tests.Data;

public sealed class DatasetLoaderTests
{
    private static Dataset Load(TempFolder folder, string csv, string x = "X", string y = "Y", string filter = "")
    {
        folder.Write("data.csv", csv);
        var path = folder.Write("scene.json", $$"""{ "data": { "csv": "data.csv", "x": "{{x}}", "y": "{{y}}"{{filter}} } }""");
        return DatasetLoader.Load(SceneLoader.Load(path));
    }

    [Fact]
    public void Should_Skip_And_Count_Rows_With_Empty_Cells()
    {
        using var folder = new TempFolder();
        var data = Load(folder, "X,Y,Other\n1,2,a\n,3,b\n4,,c\n5,6,\n");
        Assert.Equal([1.0, 5.0], data.X);
        Assert.Equal([2.0, 6.0], data.Y);
        Assert.Equal(2, data.SkippedRows);
        Assert.Equal("X", data.XTitle);
    }

    [Fact]
    public void Should_Name_File_Line_And_Column_Of_A_Cell_That_Is_Not_A_Number()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<InvalidInputException>(() => Load(folder, "A,X,Y\n1,2,3\n1,2,3\n1,oops,3\n"));
        Assert.EndsWith("data.csv:4:2", error.Location);
        Assert.Contains("'oops'", error.Message);
        Assert.Contains("column 'X'", error.Message);
    }

    [Fact]
    public void Should_Suggest_A_Column_When_The_Name_Is_Wrong()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<InvalidInputException>(() => Load(folder, "Horsepower,Miles_per_Gallon\n1,2\n3,4\n", x: "Horsepowr", y: "Miles_per_Gallon"));
        Assert.EndsWith("$.data.x", error.Location);
        Assert.Contains("did you mean 'Horsepower'", error.Message);
    }

    [Fact]
    public void Should_Report_A_Missing_Csv_File()
    {
        using var folder = new TempFolder();
        var path = folder.Write("scene.json", """{ "data": { "csv": "nope.csv", "x": "X", "y": "Y" } }""");
        var error = Assert.Throws<InvalidInputException>(() => DatasetLoader.Load(SceneLoader.Load(path)));
        Assert.EndsWith("nope.csv", error.Location);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Should_Read_Quotes_Bom_Crlf_And_Headers_With_Spaces()
    {
        using var folder = new TempFolder();
        var data = Load(folder, "\uFEFF\"Flipper Length (mm)\",Name,\"Body Mass (g)\"\r\n181,\"Adelie, \"\"A\"\"\",3750\r\n186,B,3800\r\n", x: "Flipper Length (mm)", y: "Body Mass (g)");
        Assert.Equal([181.0, 186.0], data.X);
        Assert.Equal([3750.0, 3800.0], data.Y);
    }

    [Fact]
    public void Should_Filter_Rows_And_Read_Iso_Dates_As_Decimal_Years()
    {
        using var folder = new TempFolder();
        var data = Load(folder, "Series,X,Y\nI,2000-01-01,1\nII,2000-07-02,2\nI,2001-07-02,3\n", filter: ", \"filter\": { \"column\": \"Series\", \"equals\": \"I\" }");
        Assert.Equal(2, data.Count);
        Assert.Equal(2000.0, data.X[0], 6);
        Assert.Equal(2001.0 + (182.0 / 365.0), data.X[1], 6);
    }

    [Fact]
    public void Should_Read_The_Shared_Cars_Data_With_Its_Missing_Values()
    {
        using var folder = new TempFolder();
        File.Copy(Repo.Path_("examples", "data", "cars.csv"), folder.File("data.csv"));
        var path = folder.Write("scene.json", """{ "data": { "csv": "data.csv", "x": "Horsepower", "y": "Miles_per_Gallon" } }""");
        var data = DatasetLoader.Load(SceneLoader.Load(path));
        Assert.True(data.Count > 380, $"{data.Count} rows");
        Assert.True(data.SkippedRows > 0);
    }
}
