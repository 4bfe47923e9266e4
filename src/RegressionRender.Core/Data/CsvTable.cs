using System.Text;

namespace RegressionRender.Core.Data;

/// <summary>
/// A CSV file as rows of text cells, each with its line number (the header is line 1). Handles a BOM,
/// CRLF, quoted fields with doubled quotes and commas inside them.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file, as named in messages.</summary>
    public string Path { get; }

    /// <summary>Header cells.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows with their 1-based line numbers.</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    /// <summary>Reads and splits a CSV file.</summary>
    public static CsvTable Read(string path, string shownPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(shownPath, e is FileNotFoundException or DirectoryNotFoundException ? "CSV file not found" : $"cannot read the CSV file: {e.Message}");
        }
        return Parse(text, shownPath);
    }

    /// <summary>Splits CSV text.</summary>
    public static CsvTable Parse(string text, string shownPath)
    {
        var records = new List<(int Line, string[] Cells)>();
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
                EndRecord();
                line++;
                recordLine = line;
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
        EndRecord();
        if (records.Count == 0)
        {
            throw new InvalidInputException(shownPath, "the CSV file is empty; it needs a header row");
        }
        return new CsvTable(shownPath, records[0].Cells, records.GetRange(1, records.Count - 1));

        void EndRecord()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Count > 1 || cells[0].Length > 0)
            {
                records.Add((recordLine, cells.ToArray()));
            }
            cells.Clear();
        }
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
            $"{Path} has no column '{name}'{Config.NameSuggester.Hint(name, names)}; its columns are: {string.Join(", ", names.Select(n => $"'{n}'"))}");
    }
}
