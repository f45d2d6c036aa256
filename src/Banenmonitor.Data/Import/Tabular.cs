using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Banenmonitor.Data.Import;

/// <summary>File format of an import or export.</summary>
public enum FileFormat { Csv, Xlsx }

public static class FileFormats
{
    /// <summary>Format from the file name (.csv / .xlsx), or null when unknown.</summary>
    public static FileFormat? FromName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => FileFormat.Csv,
        ".xlsx" => FileFormat.Xlsx,
        _ => null,
    };
}

/// <summary>
/// A row of raw cell texts. <see cref="Number"/> is the row number as a spreadsheet shows it (header = 1).
/// <see cref="Numbers"/> holds, for an XLSX file, the value of each real numeric cell (null for text cells), so a
/// number the sheet stores is read as that number and never re-parsed from text.
/// </summary>
public readonly record struct RawRow(int Number, string?[] Cells, double?[]? Numbers = null);

/// <summary>A problem with the file as a whole or with one row (it stops reading); <see cref="Column"/> is the 0-based cell index where known.</summary>
public sealed class TabularFormatException(string message, int? row = null, int? column = null) : Exception(message)
{
    public int? Row { get; } = row;
    public int? Column { get; } = column;
}

/// <summary>Streams rows of a CSV or XLSX file as text, one at a time, never the whole file in memory.</summary>
public static class TabularReader
{
    /// <summary>
    /// What an invalid UTF-8 byte sequence is decoded to: a noncharacter no text should hold. The decoder reads ahead of
    /// the parser, so an exception from the decoder would name the wrong row; the marker lets the row and cell that hold
    /// the bad bytes be reported instead, and nothing is silently replaced by U+FFFD.
    /// </summary>
    private const char InvalidUtf8 = '\uFFFF';
    private static readonly Encoding MarkingUtf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidUtf8.ToString()));

    public static IEnumerable<RawRow> Read(Stream stream, FileFormat format) =>
        format == FileFormat.Csv ? ReadCsv(stream) : ReadXlsx(stream);

    private static IEnumerable<RawRow> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, MarkingUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = ";",
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            // Strict: a quote where RFC 4180 allows none is refused (with row and column), never dropped silently.
            BadDataFound = args => badField ??= args.Field,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var csv = new CsvParser(reader, config);
        var number = 0;
        while (true)
        {
            bool more;
            badField = null;
            try { more = csv.Read(); }
            catch (CsvHelperException e)
            {
                throw new TabularFormatException("het bestand is geen leesbare CSV (" + e.GetType().Name + ")", number + 1);
            }
            if (!more) yield break;
            number++;
            // Fields are processed (and bad quotes found) as they are read, one by one: that gives the column.
            var cells = new string?[csv.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var field = csv[i];
                if (badField is not null) throw new TabularFormatException(BadQuote(badField), number, i);
                if (field.Contains(InvalidUtf8))
                    throw new TabularFormatException("deze cel bevat tekens die geen geldige UTF-8 zijn; sla het bestand op als 'CSV UTF-8' en probeer opnieuw", number, i);
                cells[i] = field;
            }
            if (badField is not null) throw new TabularFormatException(BadQuote(badField), number);
            yield return new RawRow(number, cells);
        }
    }

    private static string BadQuote(string field) => field.TrimStart().StartsWith('"')
        ? "een waarde die met een aanhalingsteken (\") begint, wordt niet goed afgesloten en loopt door over volgende velden of regels; " +
          "sluit de waarde af met een aanhalingsteken en verdubbel aanhalingstekens in de tekst (\"\")"
        : "een aanhalingsteken (\") midden in een waarde zonder aanhalingstekens; zet de hele waarde tussen aanhalingstekens " +
          "en verdubbel het aanhalingsteken erin (\"\"), of laat het weg";

    private static IEnumerable<RawRow> ReadXlsx(Stream stream)
    {
        IEnumerator<dynamic> rows;
        try { rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TabularFormatException("het bestand is geen geldig Excel-bestand (.xlsx)");
        }
        using (rows)
        {
            var number = 0;
            while (true)
            {
                bool more;
                try { more = rows.MoveNext(); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new TabularFormatException("het Excel-bestand is beschadigd of onvolledig", number + 1);
                }
                if (!more) yield break;
                number++;
                var dict = (IDictionary<string, object?>)rows.Current;
                var cells = new string?[dict.Count];
                double?[]? numbers = null;
                var i = 0;
                foreach (var v in dict.Values)
                {
                    if (SheetNumber(v) is { } d) (numbers ??= new double?[cells.Length])[i] = d;
                    cells[i++] = CellText(v);
                }
                // Trailing empty cells (beyond the last filled column of this sheet) are dropped.
                var n = cells.Length;
                while (n > 0 && string.IsNullOrEmpty(cells[n - 1])) n--;
                yield return new RawRow(number, n == cells.Length ? cells : cells[..n], numbers is null || n == cells.Length ? numbers : numbers[..n]);
            }
        }
    }

    /// <summary>The value of a numeric spreadsheet cell (MiniExcel gives numbers as double, sometimes as decimal or integer).</summary>
    private static double? SheetNumber(object? v) => v switch
    {
        double d => d,
        decimal m => (double)m,
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>Invariant text of a spreadsheet cell value (numbers without exponent where possible, dates as yyyy-MM-dd).</summary>
    internal static string? CellText(object? v) => v switch
    {
        null => null,
        string s => s,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "waar" : "onwaar",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}

/// <summary>Writes rows to CSV (semicolon, UTF-8 with BOM, as Dutch Excel expects) or XLSX; text cells neutralised against formula injection.</summary>
public static class TabularWriter
{
    /// <summary>
    /// Neutralises a text cell that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
    /// by putting an apostrophe in front. The importer removes that apostrophe again, so files round-trip.
    /// </summary>
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && IsFormulaStart(text[0]) ? "'" + text : text;

    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static async Task WriteAsync(Stream output, FileFormat format, IReadOnlyList<ColumnSpec> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct = default)
    {
        if (format == FileFormat.Csv)
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false };
            await using var csv = new CsvWriter(writer, config, leaveOpen: true);
            foreach (var c in columns) csv.WriteField(c.Name);
            await csv.NextRecordAsync();
            await foreach (var row in rows.WithCancellation(ct))
            {
                for (var i = 0; i < columns.Count; i++) csv.WriteField(CsvText(columns[i], row[i]));
                await csv.NextRecordAsync();
            }
            await csv.FlushAsync();
            return;
        }
        // MiniExcel writes synchronously from an enumerable: stream the rows through it, one dictionary at a time.
        using var e = rows.ToBlockingEnumerable(ct).Select(row =>
        {
            IDictionary<string, object?> d = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) d[columns[i].Name] = XlsxValue(columns[i], row[i]);
            return d;
        }).GetEnumerator();
        if (!e.MoveNext())
        {
            var table = new System.Data.DataTable("Blad1");
            foreach (var c in columns) table.Columns.Add(c.Name, typeof(string));
            await MiniExcel.SaveAsAsync(output, table, excelType: ExcelType.XLSX, cancellationToken: ct);
            return;
        }
        await MiniExcel.SaveAsAsync(output, Rest(e), excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    private static IEnumerable<IDictionary<string, object?>> Rest(IEnumerator<IDictionary<string, object?>> e)
    {
        do yield return e.Current; while (e.MoveNext());
    }

    private static string? CsvText(ColumnSpec c, object? v) => v switch
    {
        null => null,
        string s => c.Type == ColumnType.Text ? Neutralise(s) : s,
        // Decimal comma without thousands separators, as Dutch Excel reads it; the importer accepts comma and point.
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture).Replace('.', ','),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    private static object? XlsxValue(ColumnSpec c, object? v) => v switch
    {
        null => null,
        string s => c.Type == ColumnType.Text ? Neutralise(s) : s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => v,
    };
}

/// <summary>
/// Reads a stream forward and hashes (SHA-256) every byte read, so a file's fingerprint comes from the same pass that
/// parses it. <see cref="Finish"/> reads what the parser left (nothing, once it reached the end) and gives the hash.
/// </summary>
internal sealed class FingerprintStream(Stream inner) : Stream
{
    private readonly System.Security.Cryptography.IncrementalHash sha =
        System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
    private string? hash;

    /// <summary>The SHA-256 of all bytes from where reading began to the end of the stream, in lowercase hex.</summary>
    public string Finish()
    {
        if (hash is not null) return hash;
        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0) { }
        return hash = Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (hash is null) sha.AppendData(buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await inner.ReadAsync(buffer, ct);
        if (hash is null) sha.AppendData(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) sha.Dispose();
        base.Dispose(disposing);
    }
}
