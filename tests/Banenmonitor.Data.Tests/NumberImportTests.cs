using Banenmonitor.Data.Import;
using Banenmonitor.Rules.Text;
using MiniExcelLibs;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// Every numeric column of every import kind goes through the one number reader: Dutch thousands points
/// (<c>5.250</c> = 5250, <c>1.234.567,5</c>), decimal comma, plain digits, real XLSX numeric cells, the file's own decimal
/// mark, refusal of ambiguous values with both readings, and the column's maximum.
/// </summary>
public class NumberImportTests
{
    /// <summary>A valid row of a kind (column → text) and two more valid rows with other keys, whose <c>{e}</c> cell shows the file's decimal mark.</summary>
    private sealed record Fixture(Dictionary<string, string> Row, Dictionary<string, string>[] Others);

    private static Dictionary<string, string> R(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);

    private static readonly string[] B = Samples.Bsn;

    private static readonly Dictionary<string, Fixture> Fixtures = new()
    {
        ["verloonde-uren"] = new(
            R("loonheffingennummer", "100000001L01", "bsn", B[0], "periode_begin", "2024-01-01", "periode_einde", "2024-01-31", "uren", "100", "vorm", "dienstverband"),
            [R("loonheffingennummer", "100000001L01", "bsn", B[1], "periode_begin", "2024-02-01", "periode_einde", "2024-02-29", "uren", "{e}", "vorm", "dienstverband"),
             R("loonheffingennummer", "100000001L01", "bsn", B[2], "periode_begin", "2024-02-01", "periode_einde", "2024-02-29", "uren", "{e}", "vorm", "dienstverband")]),
        ["inleen-toerekeningen"] = new(
            R("uitlener_loonheffingennummer", "100000003L01", "inlener_loonheffingennummer", "100000001L01", "bsn", B[1], "jaar", "2024", "uren", "960", "overeengekomen_op", "2025-07-31"),
            [R("uitlener_loonheffingennummer", "100000003L01", "inlener_loonheffingennummer", "100000001L01", "bsn", B[2], "jaar", "2024", "uren", "{e}", "overeengekomen_op", "2025-07-31"),
             R("uitlener_loonheffingennummer", "100000003L01", "inlener_loonheffingennummer", "100000001L01", "bsn", B[3], "jaar", "2024", "uren", "{e}", "overeengekomen_op", "2025-07-31")]),
        ["sroi-plaatsingen"] = new(
            R("contractnummer", "SROI-1", "opdrachtgever_loonheffingennummer", "100000001L01", "leverancier", "Bouw B.V.", "contractwaarde", "1500000", "verplichting", "1",
              "plaatsingsnummer", "1", "aantal_personen", "3", "jaar", "2024", "uren", "2400"),
            [R("contractnummer", "SROI-2", "opdrachtgever_loonheffingennummer", "100000001L01", "leverancier", "Bouw B.V.", "contractwaarde", "1500000", "verplichting", "1",
               "plaatsingsnummer", "1", "aantal_personen", "3", "jaar", "2024", "uren", "{e}"),
             R("contractnummer", "SROI-3", "opdrachtgever_loonheffingennummer", "100000001L01", "leverancier", "Bouw B.V.", "contractwaarde", "1500000", "verplichting", "1",
               "plaatsingsnummer", "1", "aantal_personen", "3", "jaar", "2024", "uren", "{e}")]),
        ["sectorrapportages"] = new(
            R("sector", "gemeenten", "jaar", "2023", "doel", "6000", "realisatie", "5500", "bron", "Sectorrapportage 2023"),
            [R("sector", "defensie", "jaar", "2023", "doel", "{e}", "bron", "Kamerbrief"),
             R("sector", "gemeenten", "jaar", "2022", "doel", "{e}", "bron", "Kamerbrief")]),
        ["werkgeversrapportages"] = new(
            R("loonheffingennummer", "100000004L01", "jaar", "2023", "realisatie", "20000", "verloonde_uren", "2000000", "uren_doelgroep", "10", "bron", "Eigen telling"),
            [R("loonheffingennummer", "100000001L01", "jaar", "2023", "realisatie", "{e}", "bron", "Eigen telling"),
             R("loonheffingennummer", "100000001L01", "jaar", "2022", "realisatie", "{e}", "bron", "Eigen telling")]),
        ["sectorregister"] = new(
            R("loonheffingennummer", "100000001L01", "jaar", "2020", "maat", "personeel", "omvang", "1250", "bron", "Register"),
            [R("loonheffingennummer", "100000002L01", "jaar", "2020", "maat", "personeel", "omvang", "{e}", "bron", "Register"),
             R("loonheffingennummer", "100000002L01", "jaar", "2021", "maat", "personeel", "omvang", "{e}", "bron", "Register")]),
    };

    /// <summary>
    /// Per column a large value written with Dutch thousands points that the row accepts, or null when the column's
    /// bounds or row checks keep it below 1000 (then <c>5.250</c> must be refused as 5250, never stored as 5,25).
    /// </summary>
    private static readonly Dictionary<(string Kind, string Column), decimal?> Large = new()
    {
        [("verloonde-uren", "uren")] = null,
        [("inleen-toerekeningen", "jaar")] = 2024m,
        [("inleen-toerekeningen", "uren")] = 5250m,
        [("sroi-plaatsingen", "contractwaarde")] = 1_234_567.5m,
        [("sroi-plaatsingen", "verplichting")] = 5250m,
        [("sroi-plaatsingen", "aantal_personen")] = 1500m,
        [("sroi-plaatsingen", "jaar")] = 2024m,
        [("sroi-plaatsingen", "uren")] = 5250m,
        [("sectorrapportages", "jaar")] = 2024m,
        [("sectorrapportages", "doel")] = 1_234_567.5m,
        [("sectorrapportages", "realisatie")] = 5250m,
        [("sectorrapportages", "realisatiepercentage")] = 1234.5m,
        [("sectorrapportages", "sroi_banen")] = 5250m,
        [("sectorrapportages", "percentage_incl_sroi")] = 1234.5m,
        [("sectorrapportages", "inhuur_banen")] = 5250m,
        [("sectorrapportages", "aandeel_vast")] = null,
        [("sectorrapportages", "aandeel_tijdelijk")] = null,
        [("sectorrapportages", "dekking")] = null,
        [("werkgeversrapportages", "jaar")] = 2024m,
        [("werkgeversrapportages", "realisatie")] = 5250m,
        [("werkgeversrapportages", "verloonde_uren")] = 1_234_567.5m,
        [("werkgeversrapportages", "uren_doelgroep")] = 608_400m,
        [("werkgeversrapportages", "verloonde_uren_vorig_jaar")] = 1_234_567.5m,
        [("werkgeversrapportages", "doel")] = 5250m,
        [("werkgeversrapportages", "sroi")] = 5250m,
        [("werkgeversrapportages", "vast")] = 5250m,
        [("werkgeversrapportages", "tijdelijk")] = 5250m,
        [("werkgeversrapportages", "inhuur")] = 5250m,
        [("sectorregister", "jaar")] = 2024m,
        [("sectorregister", "omvang")] = 1_234_567.5m,
        [("sectorregister", "doel")] = 5250m,
        [("sectorregister", "realisatie")] = 5250m,
        [("sectorregister", "vast")] = 5250m,
        [("sectorregister", "tijdelijk")] = 5250m,
        [("sectorregister", "inhuur")] = 5250m,
    };

    public static TheoryData<string, string, string> NumericColumns()
    {
        var d = new TheoryData<string, string, string>();
        foreach (var provider in TestDatabases.Providers)
            foreach (var kind in ImportKinds.All)
                foreach (var c in kind.Columns.Where(c => c.IsNumeric))
                    d.Add(provider, kind.Name, c.Name);
        return d;
    }

    [Fact]
    public void Every_numeric_column_of_every_kind_has_bounds_and_a_case_here()
    {
        var columns = ImportKinds.All.SelectMany(k => k.Columns.Where(c => c.IsNumeric).Select(c => (k.Name, c))).ToList();
        Assert.All(columns, x => Assert.NotNull(x.c.Bounds));
        Assert.Equal(columns.Select(x => (x.Name, x.c.Name)).Order(), Large.Keys.Order());
    }

    [Theory, MemberData(nameof(NumericColumns))]
    public async Task A_numeric_column_reads_Dutch_numbers_spreadsheet_numbers_and_refuses_ambiguous_ones(string provider, string kindName, string column)
    {
        var kind = ImportKinds.Find(kindName)!;
        var spec = kind.Columns.Single(c => c.Name == column);
        var fx = Fixtures[kindName];
        await using var t = await TestDatabases.CreateAsync(provider, "getallen");
        await using var db = t.Context();
        var service = new ImportService(db, TestDatabases.Key);
        Assert.True((await service.ImportAsync(Samples.Stream(Samples.Csv["werkgevers"]), "werkgevers", "werkgevers.csv", "test")).Success);

        async Task<ImportResult> Csv(string x, string? evidence = null)
        {
            var rows = new List<Dictionary<string, string>> { new(fx.Row) { [column] = x } };
            if (evidence is not null) rows.AddRange(fx.Others.Select(o => o.ToDictionary(kv => kv.Key, kv => kv.Value == "{e}" ? evidence : kv.Value)));
            var text = string.Join(';', kind.Columns.Select(c => c.Name)) + "\n" +
                string.Join("\n", rows.Select(r => string.Join(';', kind.Columns.Select(c => r.GetValueOrDefault(c.Name, "")))));
            return await service.ImportAsync(Samples.Stream(text), kindName, "bestand.csv", "test");
        }
        async Task<ImportResult> Xlsx(double x)
        {
            var row = new Dictionary<string, object?>();
            foreach (var c in kind.Columns) row[c.Name] = c.Name == column ? x : fx.Row.GetValueOrDefault(c.Name);
            var ms = new MemoryStream();
            MiniExcel.SaveAs(ms, new[] { row });
            ms.Position = 0;
            return await service.ImportAsync(ms, kindName, "bestand.xlsx", "test");
        }
        // The stored values of the column (a year is part of the natural key, so a new year is a new record).
        async Task<List<decimal?>> Stored()
        {
            var i = kind.Columns.ToList().FindIndex(c => c.Name == column);
            var values = new List<decimal?>();
            await foreach (var r in kind.ExportAsync(db, default))
                values.Add(r[i] switch { null => null, int n => n, decimal m => m, var v => throw new InvalidOperationException(v.GetType().Name) });
            return values.Order().ToList();
        }
        // The same value again (e.g. as a spreadsheet number): the stored record is unchanged, so the value is exact.
        void Same(ImportResult r, string what)
        {
            Ok(r, what);
            Assert.True(r.Unchanged == 1 && r.Inserted + r.Updated == 0, $"{what}: {r.Summary}");
        }
        void Ok(ImportResult r, string what) => Assert.True(r.Success, $"{what}: {string.Join("; ", r.Errors)}");
        ImportError Refused(ImportResult r, int row)
        {
            Assert.False(r.Success);
            return Assert.Single(r.Errors, e => e.Row == row && e.Column == column);
        }

        var whole = spec.Bounds!.WholeNumber;
        // Plain digits.
        var plain = column == "jaar" ? decimal.Parse(fx.Row["jaar"]) : whole ? 7m : Large[(kindName, column)] is null ? 50m : 1250m;
        Ok(await Csv(plain.ToString(System.Globalization.CultureInfo.InvariantCulture)), "gewone cijfers");
        Assert.Contains(plain, await Stored());

        // Dutch thousands points (5.250 = 5250, 1.234.567,5): stored as the Dutch reading, or refused as too large — never 5,25.
        if (Large[(kindName, column)] is { } large)
        {
            var text = large.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
            Assert.Contains('.', text);
            Ok(await Csv(text), text);
            Assert.Contains(large, await Stored());
            // A real numeric cell of a spreadsheet is that number, and a float artefact of the sheet is not read as decimals.
            Same(await Xlsx((double)large - 1 + 0.1 + 0.2 + 0.7), "xlsx-getal");
        }
        else
        {
            var before = await Stored();
            var e = Refused(await Csv("5.250"), 2);
            Assert.Contains("5250", e.Message);
            Assert.Equal(before, await Stored());
        }

        // Decimal comma, and the same value as a spreadsheet number.
        if (!whole)
        {
            Ok(await Csv("12,5"), "12,5");
            Assert.Contains(12.5m, await Stored());
            Same(await Xlsx(12.5), "xlsx 12.5");
        }

        // Ambiguous for its file: 5.250 where the other cells use the decimal point; 5.25 where they use the decimal comma.
        var kept = await Stored();
        var point = Refused(await Csv("5.250", evidence: "12.5"), 2);
        Assert.Contains("'5.250' kan 5250 of 5,25 betekenen", point.Message);
        Assert.Contains("punt als decimaalteken", point.Message);
        Assert.Contains("rij 3, kolom", point.Message);
        var comma = Refused(await Csv("5.25", evidence: "12,5"), 2);
        Assert.Contains("'5.25' kan 5,25 of 525 betekenen; dit bestand gebruikt de komma als decimaalteken", comma.Message);
        Assert.Equal("rij 2, kolom '" + column + "': " + comma.Message, comma.ToString());
        Assert.Equal(kept, await Stored());

        // Far beyond any real employer or sector: refused with the column's reason, not computed; also beyond decimal.
        foreach (var huge in new[] { "100000000000000000000000000", "1" + new string('0', 40), "1.000.000.000.000.000.000.000.000,5" })
        {
            var e = Refused(await Csv(huge), 2);
            Assert.Contains("groter dan het maximum", e.Message);
            Assert.Contains(spec.Bounds.MaxReason, e.Message);
        }
        var sheetHuge = Refused(await Xlsx(1e26), 2);
        Assert.Contains("groter dan het maximum", sheetHuge.Message);
        Assert.Equal(kept, await Stored());
    }
}
