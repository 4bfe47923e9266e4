using System.Text;

namespace RegressionRender.Core.Data;

/// <summary>
/// A CSV file as rows of text cells, each with its line number (the header is line 1). Handles a BOM,
/// CRLF, quoted fields with doubled quotes and commas inside them. Rows are split as they are read, one pass, so
/// that memory holds the text and the rows kept, not every row of a large file.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string path, IReadOnlyList<string> header, IEnumerable<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file, as named in messages.</summary>
    public string Path { get; }

    /// <summary>Header cells.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows with their 1-based line numbers, split while enumerated (a malformed row throws then).</summary>
    public IEnumerable<(int Line, string[] Cells)> Rows { get; }

    /// <summary>Reads and splits a CSV file.</summary>
    public static CsvTable Read(string path, string shownPath)
    {
        return Parse(InputFile.ReadText(path, shownPath, "CSV file", InputFile.MaxCsvBytes), shownPath);
    }

    /// <summary>Splits CSV text: the header now, the rows as they are enumerated.</summary>
    public static CsvTable Parse(string text, string shownPath)
    {
        using var records = Records(text, shownPath).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidInputException(shownPath, "the CSV file is empty; it needs a header row");
        }
        return new CsvTable(shownPath, records.Current.Cells, Records(text, shownPath).Skip(1));
    }

    private static IEnumerable<(int Line, string[] Cells)> Records(string text, string shownPath)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                var record = EndRecord();
                line++;
                var next = line;
                if (record is { } complete)
                {
                    yield return complete;
                }
                recordLine = next;
            }
            else
            {
                cell.Append(c);
            }
        }
        if (inQuotes)
        {
            throw new InvalidInputException($"{shownPath}:{recordLine}", "a quoted field is never closed");
        }
        if (EndRecord() is { } last)
        {
            yield return last;
        }

        (int Line, string[] Cells)? EndRecord()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            (int, string[])? record = cells.Count > 1 || cells[0].Length > 0 ? (recordLine, cells.ToArray()) : null;
            cells.Clear();
            return record;
        }
    }

    /// <summary>The header's column names for a message: the first dozen, each cut short, and how many more.</summary>
    private static string Columns(List<string> names)
    {
        const int Shown = 12;
        var listed = string.Join(", ", names.Take(Shown).Select(n => $"'{InvalidInputException.Excerpt(n, 40)}'"));
        return names.Count > Shown ? $"{listed} and {names.Count - Shown:N0} more" : listed;
    }

    /// <summary>0-based index of a column by its header text.</summary>
    public int Column(string name, string configPath)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i].Trim() == name)
            {
                return i;
            }
        }
        var names = Header.Select(h => h.Trim()).ToList();
        throw new InvalidInputException(configPath,
            $"{Path} has no column '{InvalidInputException.Excerpt(name)}'{Config.NameSuggester.Hint(name, names)}; its columns are: {Columns(names)}");
    }
}
