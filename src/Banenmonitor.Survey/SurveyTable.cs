using System.Globalization;
using System.Text;

namespace Banenmonitor.Survey;

/// <summary>A problem in an input file: Dutch message naming file, row and column.</summary>
public sealed class SurveyDataException(string message) : Exception(message)
{
    public static SurveyDataException At(string file, int row, string? column, string problem) =>
        new(column is null ? $"{file}, rij {row}: {problem}" : $"{file}, rij {row}, kolom '{column}': {problem}");
}

/// <summary>
/// A rectangular table of text cells read from CSV (respondents or population cells). Numbers are parsed on
/// request so that an error can name the file, the row (1 = header, data from row 2) and the column.
/// </summary>
public sealed class SurveyTable
{
    private readonly Dictionary<string, int> _index;
    private readonly List<string[]> _rows;

    public string FileName { get; }
    public IReadOnlyList<string> Columns { get; }
    public int RowCount => _rows.Count;

    private SurveyTable(string fileName, IReadOnlyList<string> columns, List<string[]> rows, IReadOnlyList<int> lineNumbers)
    {
        FileName = fileName;
        Columns = columns;
        _rows = rows;
        LineNumbers = lineNumbers;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
            if (!_index.TryAdd(columns[i], i))
                throw SurveyDataException.At(fileName, 1, columns[i], "kolomnaam komt twee keer voor.");
    }

    /// <summary>Line number in the file of each data row (for error messages).</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    public static SurveyTable FromColumns(string fileName, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        return new SurveyTable(fileName, columns, list, Enumerable.Range(2, list.Count).ToList());
    }

    public static SurveyTable Read(Stream stream, string fileName)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader.ReadToEnd(), fileName);
    }

    public static SurveyTable ReadFile(string path)
    {
        if (!File.Exists(path)) throw new SurveyDataException($"Bestand '{path}' bestaat niet.");
        using var s = File.OpenRead(path);
        return Read(s, Path.GetFileName(path));
    }

    /// <summary>Parses CSV text: separator ',' or ';' (taken from the header line), double quotes for fields with separators.
    /// Lines starting with '#' are comments.</summary>
    public static SurveyTable Parse(string text, string fileName)
    {
        var lines = SplitRecords(text, fileName);
        var content = lines.Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#')).ToList();
        if (content.Count == 0) throw new SurveyDataException($"{fileName}: het bestand is leeg (geen kopregel).");
        var header = content[0];
        var sep = header.Text.Count(c => c == ';') > header.Text.Count(c => c == ',') ? ';' : ',';
        var columns = SplitFields(header.Text, sep, fileName, header.Line).Select(c => c.Trim()).ToArray();
        for (var i = 0; i < columns.Length; i++)
            if (columns[i].Length == 0) throw SurveyDataException.At(fileName, header.Line, $"#{i + 1}", "kolomnaam ontbreekt.");
        var rows = new List<string[]>(content.Count);
        var lineNumbers = new List<int>(content.Count);
        foreach (var l in content.Skip(1))
        {
            var f = SplitFields(l.Text, sep, fileName, l.Line);
            if (f.Length != columns.Length)
                throw SurveyDataException.At(fileName, l.Line, null, $"{f.Length} velden, maar de kopregel heeft {columns.Length} kolommen.");
            rows.Add(f);
            lineNumbers.Add(l.Line);
        }
        return new SurveyTable(fileName, columns, rows, lineNumbers) { Separator = sep };
    }

    /// <summary>The field separator found in the header (',' or ';'). With ';' a decimal comma is accepted.</summary>
    public char Separator { get; private init; } = ',';

    public bool HasColumn(string name) => _index.ContainsKey(name);

    public int ColumnIndex(string name) =>
        _index.TryGetValue(name, out var i) ? i
            : throw new SurveyDataException($"{FileName}: kolom '{name}' ontbreekt (aanwezig: {string.Join(", ", Columns)}).");

    public string Cell(int row, int column) => _rows[row][column];

    public string[] Text(string column)
    {
        var c = ColumnIndex(column);
        var r = new string[_rows.Count];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = _rows[i][c].Trim();
            if (r[i].Length == 0) throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], "waarde ontbreekt.");
        }
        return r;
    }

    /// <summary>A numeric column. Empty cells are an error (the estimators need complete data; filter first).</summary>
    public double[] Numbers(string column, double? min = null, double? max = null)
    {
        var c = ColumnIndex(column);
        var r = new double[_rows.Count];
        for (var i = 0; i < r.Length; i++)
        {
            var s = _rows[i][c].Trim();
            if (!TryNumber(s, Separator, out var v))
                throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], s.Length == 0 ? "waarde ontbreekt." : $"'{s}' is geen getal.");
            if (min is { } lo && v < lo)
                throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], $"{s} is kleiner dan {lo.ToString(CultureInfo.InvariantCulture)}.");
            if (max is { } hi && v > hi)
                throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], $"{s} is groter dan {hi.ToString(CultureInfo.InvariantCulture)}.");
            r[i] = v;
        }
        return r;
    }

    /// <summary>Key of each row over one or more columns (joined with '|').</summary>
    public string[] Keys(IReadOnlyList<string> columns)
    {
        if (columns.Count == 1) return Text(columns[0]);
        var parts = columns.Select(Text).ToArray();
        var r = new string[_rows.Count];
        for (var i = 0; i < r.Length; i++) r[i] = string.Join("|", parts.Select(p => p[i]));
        return r;
    }

    /// <summary>The rows for which <paramref name="keep"/> is true (e.g. after an exclusion filter).</summary>
    public SurveyTable Where(Func<int, bool> keep)
    {
        var rows = new List<string[]>();
        var lines = new List<int>();
        for (var i = 0; i < _rows.Count; i++)
            if (keep(i)) { rows.Add(_rows[i]); lines.Add(LineNumbers[i]); }
        return new SurveyTable(FileName, Columns, rows, lines) { Separator = Separator };
    }

    public static bool TryNumber(string s, char separator, out double v)
    {
        s = s.Trim();
        if (separator == ';' && s.Contains(',') && !s.Contains('.')) s = s.Replace(',', '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);
    }

    private static List<(string Text, int Line)> SplitRecords(string text, string fileName)
    {
        var result = new List<(string, int)>();
        var sb = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var startLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '"') inQuotes = !inQuotes;
            if (!inQuotes && (ch == '\n' || ch == '\r'))
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                result.Add((sb.ToString(), startLine));
                sb.Clear();
                line++;
                startLine = line;
                continue;
            }
            if (ch == '\n') line++;
            sb.Append(ch);
        }
        if (inQuotes) throw SurveyDataException.At(fileName, startLine, null, "aanhalingsteken wordt niet gesloten.");
        if (sb.Length > 0) result.Add((sb.ToString(), startLine));
        return result;
    }

    private static string[] SplitFields(string line, char sep, string fileName, int lineNo)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else inQuotes = false;
                }
                else sb.Append(ch);
            }
            else if (ch == '"') inQuotes = true;
            else if (ch == sep) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        if (inQuotes) throw SurveyDataException.At(fileName, lineNo, null, "aanhalingsteken wordt niet gesloten.");
        fields.Add(sb.ToString());
        return fields.ToArray();
    }
}
