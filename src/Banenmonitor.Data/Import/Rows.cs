using System.Globalization;
using System.Text.RegularExpressions;
using Banenmonitor.Rules.Regions;
using Banenmonitor.Rules.Text;

namespace Banenmonitor.Data.Import;

public enum ColumnType { Text, Integer, Number, Date, Code }

/// <summary>
/// A column of an import file: Dutch name, type, whether required, an example value for the template, and a description;
/// a numeric column (<see cref="ColumnType.Integer"/>, <see cref="ColumnType.Number"/>) also has its bounds, with the
/// reason of its maximum (see <see cref="NumberLimits"/>).
/// </summary>
public sealed record ColumnSpec(string Name, ColumnType Type, bool Required, string Example, string Description, NumberBounds? Bounds = null)
{
    public bool IsNumeric => Type is ColumnType.Integer or ColumnType.Number;
}

/// <summary>One problem found in an import file: row (spreadsheet numbering, header = 1) and column where known.</summary>
public sealed record ImportError(int? Row, string? Column, string Message)
{
    public override string ToString() =>
        (Row, Column) switch
        {
            (null, null) => "bestand: " + Message,
            (null, { } c) => $"kolom '{c}': {Message}",
            ({ } r, null) => $"rij {r}: {Message}",
            ({ } r, { } c) => $"rij {r}, kolom '{c}': {Message}",
        };
}

/// <summary>Typed access to the cells of one row; every problem is recorded with row and column, in Dutch.</summary>
public sealed partial class RowReader
{
    private readonly Dictionary<string, int> index;
    private readonly Dictionary<string, ColumnSpec> specs;
    private readonly NumberConvention numbers;
    private string?[] cells = [];
    private double?[]? sheetNumbers;
    private readonly List<ImportError> errors;
    private readonly List<ImportError> warnings;
    private readonly HashSet<string> failed = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The numeric columns of the file (cell index, column name), whose cells tell the file's decimal mark.</summary>
    private readonly (int Index, string Name)[] numeric;
    /// <summary>The readings of this row's numeric cells, per cell index, computed once when the row is observed.</summary>
    private readonly NumberReadings?[] readings;

    internal RowReader(Dictionary<string, int> index, IReadOnlyList<ColumnSpec> columns, NumberConvention numbers, List<ImportError> errors, List<ImportError> warnings)
    {
        this.index = index;
        specs = columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        this.numbers = numbers;
        this.errors = errors;
        this.warnings = warnings;
        numeric = [.. index.Where(h => specs[h.Key].IsNumeric).Select(h => (h.Value, specs[h.Key].Name)).OrderBy(h => h.Value)];
        readings = new NumberReadings?[index.Count == 0 ? 0 : index.Values.Max() + 1];
    }

    public int Row { get; private set; }
    public bool HasErrors { get; private set; }

    internal void Reset(RawRow row)
    {
        Row = row.Number;
        cells = row.Cells;
        sheetNumbers = row.Numbers;
        HasErrors = false;
        failed.Clear();
        Array.Clear(readings);
        if (!numbers.Observing) return;
        // The file's decimal mark is learnt from every numeric text cell of every row (also of a row with errors), as
        // the row is reached, before any of its cells is read (see NumberConvention).
        foreach (var (i, name) in numeric)
        {
            if (i >= cells.Length || sheetNumbers is { } n && i < n.Length && n[i] is not null || cells[i] is not { } text || string.IsNullOrWhiteSpace(text)) continue;
            var r = DutchNumber.Readings(text);
            numbers.Observe(text, r, Row, name);
            readings[i] = r;
        }
    }

    public void Error(string? column, string message)
    {
        HasErrors = true;
        if (column is not null) failed.Add(column);
        errors.Add(new ImportError(Row, column, message));
    }

    /// <summary>Whether none of these columns has an error in this row so far (so their values were read).</summary>
    public bool Ok(params string[] columns) => !columns.Any(failed.Contains);

    /// <summary>A remark that does not stop the import (e.g. a published percentage that does not follow from its own numbers).</summary>
    public void Warn(string? column, string message) => warnings.Add(new ImportError(Row, column, message));

    /// <summary>Raw trimmed text, null when empty or the column is absent.</summary>
    public string? Raw(string column)
    {
        if (!index.TryGetValue(column, out var i) || i >= cells.Length) return null;
        var t = cells[i]?.Trim();
        return string.IsNullOrEmpty(t) ? null : t;
    }

    private string? Get(string column, bool required)
    {
        var t = Raw(column);
        if (t is null && required) Error(column, "verplichte waarde ontbreekt");
        return t;
    }

    /// <summary>Text; refuses what a spreadsheet would run as a formula, accepts it behind an apostrophe (which is removed).</summary>
    public string? Text(string column, bool required, int maxLength)
    {
        var t = Get(column, required);
        if (t is null) return null;
        if (t.Length >= 2 && t[0] == '\'' && TabularWriter.IsFormulaStart(t[1])) t = t[1..];
        else if (TabularWriter.IsFormulaStart(t[0]))
        {
            Error(column, $"de waarde begint met '{t[0]}' en kan in een spreadsheet als formule worden uitgevoerd; zet er een apostrof (') voor als het tekst is");
            return null;
        }
        if (t.Length > maxLength) { Error(column, $"de tekst is te lang ({t.Length} tekens, hoogstens {maxLength})"); return null; }
        foreach (var c in t)
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') { Error(column, "de tekst bevat ongeldige (stuur)tekens"); return null; }
        return t;
    }

    /// <summary>A whole number of an <see cref="ColumnType.Integer"/> column, read and bounded like <see cref="Number"/>.</summary>
    public int? Integer(string column, bool required) => Number(column, required) is { } v ? (int)v : null;

    /// <summary>
    /// A number of a numeric column, through the one reader of typed numbers (<see cref="NumberConvention"/>: Dutch
    /// notation, or the file's own decimal mark; ambiguous values refused) or — for a real spreadsheet number cell — its
    /// value as the sheet shows it; then the column's bounds (<see cref="ColumnSpec.Bounds"/>).
    /// </summary>
    public decimal? Number(string column, bool required)
    {
        var bounds = specs.TryGetValue(column, out var spec) && spec.Bounds is { } b ? b
            : throw new InvalidOperationException($"Column '{column}' has no number bounds in its ColumnSpec.");
        var t = Get(column, required);
        if (t is null) return null;
        var result = index.TryGetValue(column, out var i) && sheetNumbers is { } n && i < n.Length && n[i] is { } d
            ? DutchNumber.ReadSpreadsheet(d, bounds)
            : numbers.Read(i < readings.Length && readings[i] is { } r ? r : DutchNumber.Readings(t), bounds);
        if (result.Ok) return result.Value;
        Error(column, result.Error!);
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy"];

    public DateOnly? Date(string column, bool required)
    {
        var t = Get(column, required);
        if (t is null) return null;
        if (IsoDate(t) is { } iso) return iso;
        if (DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.TimeOfDay == TimeSpan.Zero && d.Year is >= 1900 and <= 2200)
            return DateOnly.FromDateTime(d);
        Error(column, $"'{Short(t)}' is geen geldige datum (gebruik jjjj-mm-dd, bijvoorbeeld 2024-01-31)");
        return null;
    }

    /// <summary>
    /// A municipality of the published division into labour-market regions (<see cref="LabourMarketRegions"/>), given
    /// by name in any capitals; stored as the division writes it. An unknown name (or a CBS code, which the division does
    /// not hold) is refused: a municipality formed after the division's year is left empty (region unknown), not guessed.
    /// </summary>
    public string? Municipality(string column)
    {
        var t = Get(column, false);
        if (t is null) return null;
        if (LabourMarketRegions.Municipality(t) is { } name) return name;
        var source = $"de indeling in arbeidsmarktregio's ({LabourMarketRegions.Source}, {LabourMarketRegions.Year})";
        Error(column, CbsCode().IsMatch(t)
            ? $"'{Short(t)}' lijkt een CBS-gemeentecode; {source} heeft geen codes: vul de naam van de gemeente in (bijvoorbeeld Assen)"
            : $"onbekende gemeente '{Short(t)}' in {source}; schrijf de naam zoals daar (bijvoorbeeld ’s-Gravenhage, Bergen NH), " +
              $"of laat de kolom leeg als de gemeente na {LabourMarketRegions.Year} is ontstaan (de werkgever telt dan in de regio 'onbekend')");
        return null;
    }

    [GeneratedRegex(@"^(GM)?\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex CbsCode();

    /// <summary>A date written jjjj-mm-dd (the form of almost every file) in 1900–2200, read without a format parser; else null.</summary>
    private static DateOnly? IsoDate(string t)
    {
        if (t.Length != 10 || t[4] != '-' || t[7] != '-') return null;
        static int Digits(string s, int from, int count)
        {
            var v = 0;
            for (var i = from; i < from + count; i++)
            {
                if (!char.IsAsciiDigit(s[i])) return -1;
                v = v * 10 + (s[i] - '0');
            }
            return v;
        }
        int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2);
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>One of a fixed list of codes (case-insensitive).</summary>
    public T? Code<T>(string column, bool required, IReadOnlyDictionary<string, T> codes) where T : struct
    {
        var t = Get(column, required);
        if (t is null) return null;
        if (codes.TryGetValue(t, out var v) || codes.TryGetValue(t.ToLowerInvariant(), out v)) return v;
        Error(column, $"onbekende waarde '{Short(t)}'; kies uit: {string.Join(", ", codes.Keys)}");
        return null;
    }

    [GeneratedRegex(@"^\d{9}L\d{2}$")]
    private static partial Regex PayrollTaxNumberPattern();

    /// <summary>A loonheffingennummer: 9 digits, L, 2 digits (e.g. 123456789L01).</summary>
    public string? PayrollTaxNumber(string column, bool required)
    {
        var t = Get(column, required);
        if (t is null) return null;
        if (IsPayrollTaxNumber(t)) return t;
        t = t.ToUpperInvariant().Replace(" ", "");
        if (!PayrollTaxNumberPattern().IsMatch(t)) { Error(column, $"'{Short(t)}' is geen geldig loonheffingennummer (9 cijfers, L, 2 cijfers, bijvoorbeeld 123456789L01)"); return null; }
        return t;
    }

    /// <summary>Already in the canonical form 9 digits, L, 2 digits (then no copy is made).</summary>
    private static bool IsPayrollTaxNumber(string t)
    {
        if (t.Length != 12 || t[9] != 'L') return false;
        for (var i = 0; i < 12; i++)
            if (i != 9 && !char.IsAsciiDigit(t[i])) return false;
        return true;
    }

    internal static string Short(string t) => DutchNumber.Short(t);
}
