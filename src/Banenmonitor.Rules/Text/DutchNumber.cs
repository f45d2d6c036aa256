using System.Globalization;
using System.Text.RegularExpressions;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Text;

/// <summary>The character that separates the decimals: the comma (Dutch, the default) or the point.</summary>
public enum DecimalMark { Comma, Point }

/// <summary>The outcome of reading one number: a value, or a Dutch message saying why it was refused (never both).</summary>
public readonly record struct NumberResult(decimal Value, string? Error)
{
    public bool Ok => Error is null;
    public static NumberResult Refused(string message) => new(0, message);
}

/// <summary>
/// The two ways a typed number can be read: with a decimal comma and points between thousands (Dutch: <c>1.234,5</c>)
/// and with a decimal point and commas between thousands (<c>1,234.5</c>). A reading is null when the text is not valid
/// under that convention (<c>5.25</c> has no Dutch reading: a thousands point is followed by exactly three digits).
/// </summary>
public readonly record struct NumberReadings(string Text, decimal? Comma, decimal? Point, bool TooLarge)
{
    public bool IsNumber => Comma is not null || Point is not null;
    /// <summary>Both readings exist and differ (<c>5.250</c>: 5250 or 5,25).</summary>
    public bool Ambiguous => Comma is { } c && Point is { } p && c != p;
    /// <summary>The one convention the text can be written in, or null when it fits both (or neither).</summary>
    public DecimalMark? OnlyMark => Comma is not null && Point is null ? DecimalMark.Comma : Point is not null && Comma is null ? DecimalMark.Point : null;
    public decimal? Under(DecimalMark m) => m == DecimalMark.Comma ? Comma : Point;
}

/// <summary>
/// The one reader of numbers that users type — form fields, upload cells (CSV and XLSX text), CLI options — and of real
/// XLSX numeric cells. Dutch is the default: decimal comma, point between thousands (<c>5.250</c> = 5250,
/// <c>1.234.567,5</c>). A value whose meaning depends on a convention that its context does not settle is refused with
/// both readings, never guessed. Files decide their convention with a <see cref="NumberConvention"/>.
/// </summary>
/// <remarks>
/// Written by hand because no library does this: <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>
/// with <see cref="NumberStyles.AllowThousands"/> ignores the grouping (it reads <c>5.25</c> as 525 in nl-NL), and no
/// culture reports that a text has two readings. The patterns below check the grouping; the value itself is then parsed
/// by <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/> from the normalised digits.
/// </remarks>
public static partial class DutchNumber
{
    // Digits with optional grouping (first group 1–3 digits without a leading zero, then groups of exactly three),
    // optional fraction. The separators are filled in per convention.
    [GeneratedRegex(@"^-?(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaPattern();

    [GeneratedRegex(@"^-?(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PointPattern();

    /// <summary>Both readings of <paramref name="text"/> (trimmed; a Unicode minus counts as minus).</summary>
    public static NumberReadings Readings(string text)
    {
        // Plain digits (the cell of almost every file) read the same in both conventions: no pattern, no copy.
        if (PlainDigits(text) is { } plain) return new NumberReadings(text, plain, plain, false);
        var t = Normalise(text);
        var tooLarge = false;
        decimal? comma = null, point = null;
        if (CommaPattern().IsMatch(t))
        {
            if (TryDigits(t.Replace(".", "").Replace(',', '.'), out var v)) comma = v; else tooLarge = true;
        }
        if (PointPattern().IsMatch(t))
        {
            if (TryDigits(t.Replace(",", ""), out var v)) point = v; else tooLarge = true;
        }
        return new NumberReadings(t, comma, point, tooLarge && comma is null && point is null);
    }

    /// <summary>The value of 1 to 18 ASCII digits without sign, separators or spaces; otherwise null.</summary>
    private static decimal? PlainDigits(string text)
    {
        if (text.Length is 0 or > 18) return null;
        long v = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return null;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static string Normalise(string text) => text.Trim().Replace('\u2212', '-');

    private static bool TryDigits(string invariant, out decimal v) =>
        decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v);

    /// <summary>
    /// A single form field or CLI option (no file around it): Dutch. <c>5.250</c> is 5250; <c>5.25</c> is refused with a
    /// message to use the comma for decimals. Null or blank text is an error too; callers decide whether empty is allowed.
    /// </summary>
    public static NumberResult ReadField(string text, NumberBounds bounds) => NumberConvention.Field.Read(text, bounds);

    /// <summary>A numeric cell of a spreadsheet (a double as the sheet stores it), as the value the sheet shows.</summary>
    /// <remarks>
    /// <see cref="decimal(double)"/> rounds to 15 significant digits, which is what a spreadsheet shows: 110.92000000000002
    /// in the file (binary floating-point noise) becomes 110.92 exactly.
    /// </remarks>
    public static NumberResult ReadSpreadsheet(double value, NumberBounds bounds)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e28)
            return NumberResult.Refused($"{value.ToString("G6", DutchFormat.Culture)} is groter dan het maximum {NumberLimits.MaxText(bounds)}: {bounds.MaxReason}");
        return Check(new decimal(value), bounds);
    }

    /// <summary>The bounds of <paramref name="bounds"/> applied to a value that was read.</summary>
    public static NumberResult Check(decimal v, NumberBounds bounds)
    {
        if (v < 0 && !bounds.AllowsNegative) return NumberResult.Refused($"negatieve waarde {Show(v)} is niet toegestaan");
        if (v < bounds.Min) return NumberResult.Refused($"{Show(v)} is kleiner dan het minimum {DutchFormat.Number(bounds.Min, bounds.Decimals)}");
        if (v > bounds.Max) return NumberResult.Refused($"{Show(v)} is groter dan het maximum {NumberLimits.MaxText(bounds)}: {bounds.MaxReason}");
        if (decimal.Round(v, bounds.Decimals) != v)
            return NumberResult.Refused(bounds.WholeNumber ? $"{Show(v)} is geen geheel getal" : $"{Show(v)} heeft meer dan {bounds.Decimals} decimalen");
        return new NumberResult(v, null);
    }

    /// <summary>A value with a decimal comma and all its decimals but no thousands points (5250, 5,25), as messages show readings.</summary>
    public static string Show(decimal v) => v.ToString("0.############################", DutchFormat.Culture);

    /// <summary>A text cut to 40 characters for a message.</summary>
    public static string Short(string t) => t.Length <= 40 ? t : t[..40] + "…";
}

/// <summary>
/// The decimal mark of one file, from its unambiguous numeric cells (<see cref="Observe(string, string)"/>): <c>12,5</c>
/// or <c>1.234.567</c> can only be Dutch, <c>12.5</c> only decimal point. The mark that more cells of the whole file use
/// is the file's; without any such cell the file is Dutch. Then <see cref="Read(string, NumberBounds)"/>:
/// <list type="bullet">
/// <item>a cell that reads the same both ways (<c>5250</c>) is that value;</item>
/// <item>a cell that fits only the file's mark is read with it;</item>
/// <item><c>5.250</c> (both readings, different) is 5250 in a Dutch file and refused in a decimal-point file;</item>
/// <item>a cell that fits only the other mark (<c>5.25</c> in a Dutch file), or any non-plain cell when both marks are
/// used equally often, is refused with the two readings.</item>
/// </list>
/// A file is read once: its cells are observed and read row by row, each read under the mark of the cells observed so
/// far. <see cref="Settled"/> tells afterwards whether every cell whose reading depends on the mark was read under the
/// mark of the whole file and none was refused for its mark — then the pass gave exactly what a pre-pass over the whole
/// file would have given. Otherwise the caller writes nothing and reads the file again with <see cref="Decided"/>, the
/// convention of the whole file, so a value is never guessed from the part of the file read so far.
/// </summary>
public sealed class NumberConvention
{
    private readonly bool isField;
    private bool decided;
    private long commaCells, pointCells;
    private string? firstComma, firstPoint;
    // The marks under which a mark-dependent cell was read (bits of MarkBit), and whether one was refused for its mark.
    private int marksUsed;
    private bool refusedForMark;

    public NumberConvention() { }
    private NumberConvention(bool field) => isField = field;

    /// <summary>A single form field or option: Dutch, and a point that cannot be a thousands separator is refused.</summary>
    public static NumberConvention Field { get; } = new(field: true);

    /// <summary>Whether cells are still observed: a file's convention being learnt (not a form field, not <see cref="Decided"/>).</summary>
    public bool Observing => !isField && !decided;

    /// <summary>Counts a cell of a numeric column; <paramref name="where"/> names it in messages (e.g. "rij 3, kolom 'uren'").</summary>
    public void Observe(string text, string where) => Count(text, DutchNumber.Readings(text), where, 0, null);

    /// <summary>
    /// Counts a cell of a numeric column whose <paramref name="readings"/> the caller has (it reads the cell with them
    /// next); the cell is named "rij <paramref name="row"/>, kolom '<paramref name="column"/>'" when it is the file's first of its mark.
    /// </summary>
    public void Observe(string text, NumberReadings readings, int row, string column) => Count(text, readings, null, row, column);

    private void Count(string text, NumberReadings readings, string? where, int row, string? column)
    {
        if (isField) throw new InvalidOperationException("A form field has no file convention.");
        if (decided) return;
        switch (readings.OnlyMark)
        {
            case DecimalMark.Comma:
                if (commaCells++ == 0) firstComma = Example(text, where, row, column);
                break;
            case DecimalMark.Point:
                if (pointCells++ == 0) firstPoint = Example(text, where, row, column);
                break;
        }
    }

    private static string Example(string text, string? where, int row, string? column) =>
        $"{where ?? $"rij {row}, kolom '{column}'"}: '{DutchNumber.Short(text.Trim())}'";

    /// <summary>The file's mark; null when both marks are used equally often (then no non-plain cell can be read).</summary>
    public DecimalMark? Mark => isField || commaCells >= pointCells && (commaCells > pointCells || commaCells == 0) ? DecimalMark.Comma
        : pointCells > commaCells ? DecimalMark.Point : null;

    private static int MarkBit(DecimalMark? mark) => mark switch { DecimalMark.Comma => 1, DecimalMark.Point => 2, _ => 4 };

    /// <summary>
    /// Whether every cell read so far whose reading depends on the mark was read under the mark of all cells observed,
    /// and none was refused for its mark (see the class remarks). Always true for a <see cref="Decided"/> convention.
    /// </summary>
    public bool Settled => decided || !refusedForMark && (marksUsed == 0 || marksUsed == MarkBit(Mark));

    /// <summary>The convention of the cells observed so far, fixed: it observes no more cells (for a second pass).</summary>
    public NumberConvention Decided() => new()
    {
        decided = true, commaCells = commaCells, pointCells = pointCells, firstComma = firstComma, firstPoint = firstPoint,
    };

    /// <summary>Reads one cell or field under this convention and checks it against <paramref name="bounds"/>.</summary>
    public NumberResult Read(string text, NumberBounds bounds) => Read(DutchNumber.Readings(text), bounds);

    /// <summary>Reads one cell or field, given its <see cref="DutchNumber.Readings"/>, and checks it against <paramref name="bounds"/>.</summary>
    public NumberResult Read(NumberReadings r, NumberBounds bounds)
    {
        var shown = DutchNumber.Short(r.Text);
        if (r.TooLarge) return NumberResult.Refused($"'{shown}' is groter dan het maximum {NumberLimits.MaxText(bounds)}: {bounds.MaxReason}");
        if (!r.IsNumber)
            return NumberResult.Refused(r.Text.Contains('e', StringComparison.OrdinalIgnoreCase) && r.Text.Any(char.IsDigit)
                ? $"'{shown}' is geen getal (schrijf het getal uit, zonder e-notatie)"
                : $"'{shown}' is geen getal");
        if (r.Text.StartsWith('-') && !bounds.AllowsNegative)
            return NumberResult.Refused($"negatieve waarde {shown} is niet toegestaan");
        if (r is { Comma: { } c, Point: { } p } && c == p) return DutchNumber.Check(c, bounds);
        // From here the reading depends on the mark.
        var mark = Mark;
        if (!isField) marksUsed |= MarkBit(mark);
        if (r.Ambiguous)
            return mark == DecimalMark.Comma
                ? DutchNumber.Check(r.Comma!.Value, bounds)
                : RefusedForMark($"'{shown}' kan {DutchNumber.Show(r.Comma!.Value)} of {DutchNumber.Show(r.Point!.Value)} betekenen; {Why(mark)}");
        var only = r.OnlyMark!.Value;
        if (only == mark) return DutchNumber.Check(r.Under(only)!.Value, bounds);
        var other = only == DecimalMark.Comma ? DecimalMark.Point : DecimalMark.Comma;
        var loose = Loose(r.Text, other);
        var readings = loose is { } l && l != r.Under(only)
            ? $"kan {DutchNumber.Show(r.Under(only)!.Value)} of {DutchNumber.Show(l)} betekenen"
            : $"kan {DutchNumber.Show(r.Under(only)!.Value)} betekenen, maar dat past niet bij";
        return RefusedForMark($"'{shown}' {readings}; {Why(mark)}");
    }

    private NumberResult RefusedForMark(string message)
    {
        if (!isField) refusedForMark = true;
        return NumberResult.Refused(message);
    }

    /// <summary>The text read under <paramref name="mark"/> ignoring the grouping (5.25 with comma as mark: 525).</summary>
    private static decimal? Loose(string t, DecimalMark mark)
    {
        var s = mark == DecimalMark.Comma ? t.Replace(".", "").Replace(',', '.') : t.Replace(",", "");
        return s.Count(ch => ch == '.') <= 1 && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private string Why(DecimalMark? mark) => isField
        ? "gebruik een komma voor decimalen en eventueel een punt tussen duizendtallen (bijvoorbeeld 12,5 of 1.234,5)"
        : mark switch
        {
            DecimalMark.Comma when commaCells == 0 => "dit bestand gebruikt de komma als decimaalteken (de standaard); gebruik een komma voor decimalen",
            DecimalMark.Comma => $"dit bestand gebruikt de komma als decimaalteken (bijvoorbeeld {firstComma})",
            DecimalMark.Point => $"dit bestand gebruikt de punt als decimaalteken (bijvoorbeeld {firstPoint}); schrijf duizendtallen zonder scheidingsteken of gebruik in het hele bestand de komma als decimaalteken",
            _ => $"dit bestand gebruikt de komma ({firstComma}) en de punt ({firstPoint}) even vaak als decimaalteken; gebruik in het hele bestand één decimaalteken",
        };
}
