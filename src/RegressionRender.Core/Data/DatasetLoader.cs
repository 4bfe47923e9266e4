using System.Globalization;
using RegressionRender.Core.Config;

namespace RegressionRender.Core.Data;

/// <summary>Builds the <see cref="Dataset"/> of a scene from inline points or a CSV file.</summary>
public static class DatasetLoader
{
    /// <summary>Loads the data of a scene; CSV paths are relative to the config file.</summary>
    public static Dataset Load(LoadedScene scene)
    {
        var data = scene.Config.Data;
        var logistic = scene.Config.Model.Type == ModelKind.Logistic;
        if (data.Points is { } points)
        {
            var inline = FromPoints(points, scene.SourcePath);
            for (var i = 0; logistic && i < inline.Count; i++)
            {
                if (inline.Y[i] is not (0 or 1))
                {
                    throw new InvalidInputException($"{scene.SourcePath}: $.data.points[{i}]", $"a logistic model needs y = 0 or 1 (got {inline.Y[i]})");
                }
            }
            return inline;
        }
        var shownPath = Path.GetRelativePath(Environment.CurrentDirectory, scene.Resolve(data.Csv!));
        var table = CsvTable.Read(scene.Resolve(data.Csv!), shownPath);
        return FromTable(table, data, scene.SourcePath, logistic);
    }

    private static Dataset FromPoints(IReadOnlyList<double[]> points, string source)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (!double.IsFinite(points[i][0]) || !double.IsFinite(points[i][1]))
            {
                throw new InvalidInputException($"{source}: $.data.points[{i}]", "must hold finite numbers");
            }
        }
        return new Dataset([.. points.Select(p => p[0])], [.. points.Select(p => p[1])], "x", "y", 0);
    }

    /// <summary>Reads the x and y columns of a CSV table, skipping rows with an empty cell.</summary>
    public static Dataset FromTable(CsvTable table, DataConfig data, string source, bool logistic = false)
    {
        var xColumn = table.Column(data.X!, $"{source}: $.data.x");
        var yColumn = table.Column(data.Y!, $"{source}: $.data.y");
        var filterColumn = data.Filter is { } f ? table.Column(f.Column, $"{source}: $.data.filter.column") : -1;
        var xs = new List<double>();
        var ys = new List<double>();
        var skipped = 0;
        foreach (var (line, cells) in table.Rows)
        {
            if (filterColumn >= 0 && Cell(cells, filterColumn).Trim() != data.Filter!.EqualTo)
            {
                continue;
            }
            var xText = Cell(cells, xColumn).Trim();
            var yText = Cell(cells, yColumn).Trim();
            if (xText.Length == 0 || yText.Length == 0)
            {
                skipped++;
                continue;
            }
            if (xs.Count == Config.SceneValidator.Limits.MaxPoints)
            {
                throw new InvalidInputException($"{table.Path}:{line}", $"more than {Config.SceneValidator.Limits.MaxPoints:N0} data points, the limit; sample the data or filter it");
            }
            xs.Add(ParseX(xText, table, line, xColumn));
            ys.Add(logistic ? ParseClass(yText, data.Positive, table, line, yColumn) : ParseNumber(yText, table, line, yColumn));
        }
        if (xs.Count < 2)
        {
            var why = data.Filter is { } filter ? $" after keeping rows where '{filter.Column}' is '{filter.EqualTo}'" : "";
            throw new InvalidInputException(table.Path, $"needs at least 2 rows with both '{data.X}' and '{data.Y}'{why} (found {xs.Count})");
        }
        var yTitle = logistic && data.Positive is { } positive ? $"P({data.Y} = {positive})" : data.Y!;
        return new Dataset([.. xs], [.. ys], data.X!, yTitle, skipped);
    }

    /// <summary>Class 1 or 0: the <paramref name="positive"/> text, or a 0/1 number when no positive value is named.</summary>
    private static double ParseClass(string text, string? positive, CsvTable table, int line, int column)
    {
        if (positive is not null)
        {
            return text == positive ? 1 : 0;
        }
        var value = ParseNumber(text, table, line, column);
        return value is 0 or 1 ? value
            : throw new InvalidInputException($"{table.Path}:{line}:{column + 1}", $"a logistic model needs y = 0 or 1 in column '{table.Header[column].Trim()}' (got {text}); or name the class-1 value with \"positive\"");
    }

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : "";

    private static double ParseX(string text, CsvTable table, int line, int column) =>
        TryParseIsoDate(text, out var year) ? year : ParseNumber(text, table, line, column);

    private static double ParseNumber(string text, CsvTable table, int line, int column)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        throw new InvalidInputException($"{table.Path}:{line}:{column + 1}", $"'{Shorten(text)}' in column '{table.Header[column].Trim()}' is not a finite number");
    }

    /// <summary>yyyy-mm-dd as a decimal year (2000-07-02 ≈ 2000.5).</summary>
    public static bool TryParseIsoDate(string text, out double year)
    {
        year = 0;
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        var daysInYear = DateTime.IsLeapYear(date.Year) ? 366.0 : 365.0;
        year = date.Year + ((date.DayOfYear - 1) / daysInYear);
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
