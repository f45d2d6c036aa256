using System.Text;

namespace Banenmonitor.Rules.Parameters;

/// <summary>A minimal RFC 4180 reader for the parameter files (comma separated, double-quoted fields, '#' comment lines).</summary>
public static class Csv
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var startLine = lineNo;
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var fields = new List<string>();
            var sb = new StringBuilder();
            var inQuotes = false;
            var i = 0;
            while (true)
            {
                if (i >= line.Length)
                {
                    if (inQuotes)
                    {
                        var next = reader.ReadLine() ?? throw new FormatException($"regel {startLine}: aanhalingsteken niet gesloten");
                        lineNo++;
                        sb.Append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }
                    fields.Add(sb.ToString());
                    break;
                }
                var c = line[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        inQuotes = false; i++; continue;
                    }
                    sb.Append(c); i++; continue;
                }
                if (c == '"') { inQuotes = true; i++; continue; }
                if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); i++; continue; }
                sb.Append(c); i++;
            }
            yield return (startLine, fields.Select(f => f.Trim()).ToArray());
        }
    }

    /// <summary>
    /// The rows of a CSV text with a fixed header: <paramref name="row"/> turns each row's fields into a value or throws
    /// <see cref="FormatException"/> naming the column. All problems are collected and thrown together, each naming
    /// <paramref name="fileName"/> and the line, so nothing is returned from a faulty file.
    /// </summary>
    public static IReadOnlyList<T> ParseRows<T>(string text, string fileName, string header, Func<int, string[], T> row)
    {
        var lines = Read(new StringReader(text)).ToList();
        if (lines.Count == 0 || string.Join(",", lines[0].Fields) != header)
            throw new FormatException($"{fileName}: kopregel moet '{header}' zijn.");
        var columns = header.Split(',').Length;
        var rows = new List<T>();
        var problems = new List<string>();
        foreach (var (line, f) in lines.Skip(1))
        {
            var at = $"{fileName}, regel {line}";
            if (f.Length != columns) { problems.Add($"{at}: verwacht {columns} kolommen, gevonden {f.Length}"); continue; }
            try { rows.Add(row(line, f)); }
            catch (FormatException e) { problems.Add($"{at}, {e.Message}"); }
        }
        if (problems.Count > 0) throw new FormatException(string.Join("\n", problems));
        return rows;
    }
}
