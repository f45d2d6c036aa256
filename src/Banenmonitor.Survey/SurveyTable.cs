using System.Globalization;
using System.Text;
using Banenmonitor.Rules.Text;

namespace Banenmonitor.Survey;

/// <summary>A problem in an input file: Dutch message naming file, row and column.</summary>
public sealed class SurveyDataException(string message) : Exception(message)
{
    public static SurveyDataException At(string file, int row, string? column, string problem) =>
        new(column is null ? $"{file}, rij {row}: {problem}" : $"{file}, rij {row}, kolom '{column}': {problem}");
}

/// <summary>
/// A rectangular table of text cells read from CSV or a spreadsheet (respondents or population cells). Numbers are read
/// on request so that an error can name the file, the row (1 = header, data from row 2) and the column, through the one
/// reader of typed numbers (<see cref="DutchNumber"/>): the file's decimal mark is decided by a
/// <see cref="NumberConvention"/> over its numeric columns (Dutch unless the file's unambiguous cells say otherwise), and
/// a value whose meaning that does not settle is refused with both readings.
/// </summary>
public sealed class SurveyTable
{
    private readonly Dictionary<string, int> _index;
    private readonly List<string[]> _rows;
    private readonly List<double?[]?>? _cellNumbers;
    private NumberConvention? _convention;

    /// <summary>What a survey number may be: any finite value a survey variable, weight or population count can take.</summary>
    public static readonly NumberBounds Bounds = new(-1_000_000_000_000_000m, 1_000_000_000_000_000m, 28,
        "een enquêtegetal (waarde, gewicht of populatieaantal) boven 10^18 is geen aannemelijk getal");

    public string FileName { get; }
    public IReadOnlyList<string> Columns { get; }
    public int RowCount => _rows.Count;

    private SurveyTable(string fileName, IReadOnlyList<string> columns, List<string[]> rows, IReadOnlyList<int> lineNumbers,
        List<double?[]?>? cellNumbers = null, NumberConvention? convention = null)
    {
        FileName = fileName;
        Columns = columns;
        _rows = rows;
        _cellNumbers = cellNumbers;
        _convention = convention;
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

    /// <summary>
    /// A table from rows read elsewhere (e.g. a spreadsheet): the header, then per data row its row number in the file,
    /// its cell texts and, for a spreadsheet, the value of each real numeric cell (null for a text cell), which is then
    /// taken as the number the sheet shows and never re-parsed from text.
    /// </summary>
    public static SurveyTable FromRows(string fileName, IReadOnlyList<string> columns, IEnumerable<(int Line, string[] Cells, double?[]? Numbers)> rows)
    {
        var list = new List<string[]>();
        var lines = new List<int>();
        var numbers = new List<double?[]?>();
        foreach (var (line, cells, nums) in rows)
        {
            if (cells.Length != columns.Count)
                throw SurveyDataException.At(fileName, line, null, $"{cells.Length} velden, maar de kopregel heeft {columns.Count} kolommen.");
            list.Add(cells); lines.Add(line); numbers.Add(nums);
        }
        return new SurveyTable(fileName, columns, list, lines, numbers);
    }

    /// <summary>
    /// A table from a spreadsheet's rows as a tabular reader gives them (row number, cell texts, numeric cell values):
    /// the first non-empty row is the header; empty rows are skipped; a row shorter than the header (a sheet drops
    /// trailing empty cells) is padded with empty cells, a longer one is an error.
    /// </summary>
    public static SurveyTable FromSheet(string fileName, IEnumerable<(int Number, string?[] Cells, double?[]? Numbers)> rows)
    {
        string[]? header = null;
        var data = new List<(int, string[], double?[]?)>();
        foreach (var (number, raw, nums) in rows)
        {
            var cells = raw.Select(c => c ?? "").ToArray();
            if (cells.All(c => c.Trim().Length == 0)) continue;
            if (header is null)
            {
                header = cells.Select(c => c.Trim().TrimStart('\uFEFF')).ToArray();
                for (var i = 0; i < header.Length; i++)
                    if (header[i].Length == 0) throw SurveyDataException.At(fileName, number, $"#{i + 1}", "kolomnaam ontbreekt.");
                continue;
            }
            if (cells.Length > header.Length)
                throw SurveyDataException.At(fileName, number, null, $"{cells.Length} velden, maar de kopregel heeft {header.Length} kolommen.");
            if (cells.Length < header.Length)
            {
                var padded = new string[header.Length];
                Array.Fill(padded, "");
                cells.CopyTo(padded, 0);
                cells = padded;
            }
            double?[]? n = null;
            if (nums is not null) { n = new double?[header.Length]; Array.Copy(nums, n, Math.Min(nums.Length, n.Length)); }
            data.Add((number, cells, n));
        }
        if (header is null) throw new SurveyDataException($"{fileName}: het bestand is leeg (geen kopregel).");
        return FromRows(fileName, header, data);
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

    /// <summary>The field separator found in the header (',' or ';').</summary>
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

    /// <summary>
    /// A numeric column, read with the file's decimal mark (<see cref="Convention"/>). Empty cells are an error (the
    /// estimators need complete data; filter first), and so is a value that can mean two numbers.
    /// </summary>
    public double[] Numbers(string column, double? min = null, double? max = null)
    {
        var c = ColumnIndex(column);
        var convention = Convention;
        var r = new double[_rows.Count];
        for (var i = 0; i < r.Length; i++)
        {
            var s = _rows[i][c].Trim();
            NumberResult read;
            if (_cellNumbers?[i] is { } nums && c < nums.Length && nums[c] is { } sheetValue)
                read = DutchNumber.ReadSpreadsheet(sheetValue, Bounds);
            else if (s.Length == 0)
                throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], "waarde ontbreekt.");
            else
                read = convention.Read(s, Bounds);
            if (!read.Ok) throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], read.Error + ".");
            var v = (double)read.Value;
            var shown = DutchNumber.Show(read.Value);
            if (min is { } lo && v < lo)
                throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], $"{shown} is kleiner dan {Dutch(lo)}.");
            if (max is { } hi && v > hi)
                throw SurveyDataException.At(FileName, LineNumbers[i], Columns[c], $"{shown} is groter dan {Dutch(hi)}.");
            r[i] = v;
        }
        return r;
    }

    private static string Dutch(double v) => v.ToString("0.##########", CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>
    /// The decimal mark of this file, decided once — over the columns given to <see cref="WithNumericColumns"/>, or else
    /// over every column all of whose non-empty text cells are numbers — as the importer decides it
    /// (<c>ImportService.ScanNumbers</c>).
    /// </summary>
    public NumberConvention Convention => _convention ??= Scan(null);

    /// <summary>
    /// Decides the decimal mark from these columns only (the ones that will be read as numbers, as the importer scans the
    /// numeric columns of its schema), before any of them is read. Columns the file lacks are skipped (reading them later
    /// names them as missing). Call before <see cref="Where"/>, so that the mark is the whole file's.
    /// </summary>
    public SurveyTable WithNumericColumns(IEnumerable<string?> columns)
    {
        var index = columns.OfType<string>().Where(HasColumn).Select(ColumnIndex).ToHashSet();
        _convention = Scan(index);
        return this;
    }

    private NumberConvention Scan(HashSet<int>? only)
    {
        var convention = new NumberConvention();
        for (var c = 0; c < Columns.Count; c++)
        {
            if (only is not null && !only.Contains(c)) continue;
            var numeric = true;
            for (var i = 0; i < _rows.Count && numeric && only is null; i++)
            {
                var s = _rows[i][c].Trim();
                if (s.Length > 0 && _cellNumbers?[i]?[c] is null && !DutchNumber.Readings(s).IsNumber) numeric = false;
            }
            if (!numeric) continue;
            for (var i = 0; i < _rows.Count; i++)
                if (_cellNumbers?[i]?[c] is null && _rows[i][c].Trim().Length > 0)
                    convention.Observe(_rows[i][c], $"rij {LineNumbers[i]}, kolom '{Columns[c]}'");
        }
        return convention;
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
        var numbers = _cellNumbers is null ? null : new List<double?[]?>();
        for (var i = 0; i < _rows.Count; i++)
            if (keep(i)) { rows.Add(_rows[i]); lines.Add(LineNumbers[i]); numbers?.Add(_cellNumbers![i]); }
        // the decimal mark stays the one of the whole file
        return new SurveyTable(FileName, Columns, rows, lines, numbers, Convention) { Separator = Separator };
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
