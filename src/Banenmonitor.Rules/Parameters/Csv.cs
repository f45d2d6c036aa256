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
}
