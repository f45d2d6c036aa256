using System.Text;
using Banenmonitor.Data.Import;
using MiniExcelLibs;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// Property test: malformed files (truncated, wrong encodings, swapped columns, extreme numbers, formula injection in
/// XLSX cells, broken zips) fed to every importer never crash, never write anything, and always yield located errors.
/// </summary>
public class FuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Files = 1200;

    private static readonly string[] Extremes =
        ["1e308", "79228162514264337593543950336", "-0.001", "NaN", "∞", "999999999999999", "1,2,3", "0x10", "١٢٣", "12..5", "--1", "１２"];
    private static readonly string[] Formulas =
        ["=HYPERLINK(\"http://example.invalid\",\"klik\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "=1+1"];

    [Fact]
    public async Task Malformed_files_never_crash_never_write_and_always_report_a_located_error()
    {
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "fuzz");
        await using var db = t.Context();
        await Samples.ImportAllAsync(db);
        var before = await Samples.CountsAsync(db);
        var dumpBefore = await Samples.DumpAsync(db);
        var service = new ImportService(db, TestDatabases.Key);
        var random = new Random(20250423);
        var seenMutations = new Dictionary<string, int>();
        var timings = new Dictionary<string, long>();

        for (var i = 0; i < Files; i++)
        {
            var kind = Samples.Kinds[i % Samples.Kinds.Length];
            var (mutation, bytes, name) = Mutate(kind, random, i);
            seenMutations[mutation] = seenMutations.GetValueOrDefault(mutation) + 1;
            ImportResult r;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            try { r = await service.ImportAsync(new MemoryStream(bytes), kind, name, "fuzz"); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"bestand {i} ({kind}, {mutation}) liet de import crashen: {e}"); }
            timings[mutation] = timings.GetValueOrDefault(mutation) + sw.ElapsedMilliseconds;
            var context = $"bestand {i} ({kind}, {mutation}): {Encoding.UTF8.GetString(bytes.Take(400).ToArray())}";
            Assert.False(r.Success, "ten onrechte geaccepteerd: " + context);
            Assert.NotEmpty(r.Errors);
            foreach (var e in r.Errors)
                Assert.True(e.Row is not null || name.EndsWith(".xlsx") || e.Message.Contains("leeg"), $"fout zonder plaats ({e}) in {context}");
            Assert.All(r.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            if (i % 100 == 0) Assert.Equal(before, await Samples.CountsAsync(db));
        }
        Assert.Equal(before, await Samples.CountsAsync(db));
        Assert.Equal(dumpBefore, await Samples.DumpAsync(db));
        output.WriteLine(string.Join(", ", timings.Select(kv => $"{kv.Key}: {seenMutations[kv.Key]} bestanden, {kv.Value} ms")));
        Assert.True(seenMutations.Count >= 7, string.Join(", ", seenMutations));
    }

    private static (string Mutation, byte[] Bytes, string Name) Mutate(string kind, Random random, int i)
    {
        var csv = Samples.Csv[kind].Replace("\r\n", "\n");
        var columns = ImportKinds.Find(kind)!.Columns;
        switch (i / Samples.Kinds.Length % 9)
        {
            case 0: // truncated inside a row
            {
                var headerFields = csv[..csv.IndexOf('\n')].Split(';').Length;
                var last = csv.LastIndexOf(';');
                while (true)
                {
                    var p = random.Next(1, last);
                    var lastLine = csv[..p][(csv[..p].LastIndexOf('\n') + 1)..];
                    if (lastLine.Length > 0 && lastLine.Count(c => c == ';') < headerFields - 1)
                        return ("afgekapt", Encoding.UTF8.GetBytes(csv[..p]), kind + ".csv");
                }
            }
            case 1: // bytes that are not UTF-8 (e.g. Windows-1252 'é')
            {
                var bytes = Encoding.UTF8.GetBytes(csv).ToList();
                var p = random.Next(0, bytes.Count);
                bytes.InsertRange(p, random.Next(2) == 0 ? [0xE9, (byte)'x'] : [0xFF, 0xFE, 0x00, 0xC3]);
                return ("geen-utf8", bytes.ToArray(), kind + ".csv");
            }
            case 2: // Latin-1 encoded file with accented text
            {
                var text = csv.Replace("\n", "\nCafé Zoë;", StringComparison.Ordinal);
                return ("latin1", Encoding.Latin1.GetBytes(text), kind + ".csv");
            }
            case 3: // swapped column headers (different types, at least one required)
            {
                var header = csv[..csv.IndexOf('\n')].Split(';');
                var present = columns.Where(c => header.Contains(c.Name)).ToList(); // optional columns may be absent from the sample
                var pairs = (from a in present from b in present
                             where string.CompareOrdinal(a.Name, b.Name) < 0 && a.Type != b.Type && (a.Required || b.Required)
                                   && !(a.Type == ColumnType.Text && b.Type == ColumnType.Code && !a.Required && !b.Required)
                             select (a.Name, b.Name)).ToList();
                var (x, y) = pairs[random.Next(pairs.Count)];
                var swapped = header.Select(h => h == x ? y : h == y ? x : h);
                return ($"kolommen-verwisseld", Encoding.UTF8.GetBytes(string.Join(';', swapped) + csv[csv.IndexOf('\n')..]), kind + ".csv");
            }
            case 4: // extreme or malformed numbers in a numeric column
            {
                var header = csv[..csv.IndexOf('\n')].Split(';');
                var numeric = header.Select((h, idx) => (c: columns.FirstOrDefault(c => c.Name == h), idx))
                    .Where(x => x.c is { Type: ColumnType.Number or ColumnType.Integer }).ToList(); // by the sample's header, not the spec's order
                if (numeric.Count == 0) goto case 6;
                var (col, idx) = numeric[random.Next(numeric.Count)];
                return ("extreem-getal", Encoding.UTF8.GetBytes(SetCell(csv, random, idx, Extremes[random.Next(Extremes.Length)])), kind + ".csv");
            }
            case 5: // formula injection in an XLSX cell
            {
                var idx = random.Next(csv[..csv.IndexOf('\n')].Split(';').Length);
                return ("formule-xlsx", ToXlsx(SetCell(csv, random, idx, Formulas[random.Next(Formulas.Length)])), kind + ".xlsx");
            }
            case 6: // truncated XLSX (broken zip)
            {
                var x = ToXlsx(csv);
                return ("xlsx-afgekapt", x[..random.Next(0, x.Length - 30)], kind + ".xlsx");
            }
            case 7: // random bytes or an empty file
            {
                var n = random.Next(0, 300);
                var bytes = new byte[n];
                random.NextBytes(bytes);
                if (n > 0) bytes[0] = 0xFF;
                return ("willekeurig", bytes, kind + (random.Next(2) == 0 ? ".csv" : ".xlsx"));
            }
            default: // a row with too many fields or an extra unknown column
            {
                var lines = csv.Split('\n').ToList();
                if (random.Next(2) == 0) lines[0] += ";extra_kolom";
                else lines[1] += ";overbodig;" + random.Next();
                return ("extra-velden", Encoding.UTF8.GetBytes(string.Join('\n', lines)), kind + ".csv");
            }
        }
    }

    /// <summary>Replaces cell <paramref name="column"/> of a random data row (parsed as CSV, written back quoted where needed).</summary>
    private static string SetCell(string csv, Random random, int column, string value)
    {
        var rows = TabularReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), FileFormat.Csv).Select(r => r.Cells.ToArray()).ToList();
        var row = rows[random.Next(1, rows.Count)];
        row[column] = value;
        static string Quote(string? v) => v is null ? "" : v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
        return string.Join('\n', rows.Select(r => string.Join(';', r.Select(Quote))));
    }

    private static byte[] ToXlsx(string csv)
    {
        var rows = TabularReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), FileFormat.Csv).ToList();
        var header = rows[0].Cells;
        var data = rows.Skip(1).Select(r =>
        {
            var d = new Dictionary<string, object?>();
            for (var c = 0; c < header.Length; c++) d[header[c]!] = c < r.Cells.Length && r.Cells[c] is { Length: > 0 } v ? v : null;
            return d;
        }).ToList();
        using var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, data);
        return ms.ToArray();
    }
}
