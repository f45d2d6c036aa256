using System.Text;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Export;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

public class ImportTests
{
    private static async Task<ImportResult> Import(BanenmonitorDbContext db, string kind, string text, string file = "bestand.csv") =>
        await new ImportService(db, TestDatabases.Key).ImportAsync(Samples.Stream(text), kind, file, "tester");

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_kind_imports_and_reimporting_changes_nothing(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "idempotent");
        await using var db = t.Context();
        await Samples.ImportAllAsync(db);
        var dump = await Samples.DumpAsync(db);
        var audit = await db.AuditTrail.CountAsync();
        Assert.Contains(dump, l => l.StartsWith("W 100000002L01 =Som van alles B.V. markt"));
        Assert.Contains(dump, l => l.StartsWith("W 100000004L01 's-Hertogenbosch Scholen po"));
        Assert.Contains(dump, l => l.StartsWith("U 100000001L01 ") && l.EndsWith(" 110.92 Direct"));
        Assert.Contains(dump, l => l.Contains("[-Een regel met een streepje] [Twee\nregels] Submitted"));
        Assert.Equal(4 + 3 + 4 + 1 + 2 + 2 + 1, dump.Count);
        Assert.True(audit >= dump.Count + 1); // every figure inserted, plus the SROI contract
        // Audit entries name a figure's type as existing trails do, also for a renamed class (HiredInHoursRecord).
        Assert.Equal(1, await db.AuditTrail.CountAsync(a => a.EntityType == "HiredInAttribution"));

        foreach (var kind in Samples.Kinds)
        {
            var r = await Import(db, kind, Samples.Csv[kind], kind + ".csv");
            Assert.True(r.Success, string.Join("\n", r.Errors));
            Assert.Equal(0, r.Inserted + r.Updated);
            Assert.Equal(r.Rows, r.Unchanged);
        }
        Assert.Equal(dump, await Samples.DumpAsync(db));
        Assert.Equal(audit, await db.AuditTrail.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_error_report_names_every_bad_row_and_column_and_nothing_is_written(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "foutrapport");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"])).Success);
        var before = await Samples.CountsAsync(db);
        var b = Samples.Bsn;
        var file = $"""
            loonheffingennummer;bsn;pseudoniem;periode_begin;periode_einde;uren;vorm
            100000001L01;{b[0]};;2024-01-01;2024-01-31;100;dienstverband
            999999999L99;{b[0]};;2024-01-01;2024-01-31;100;dienstverband
            100000001L01;{b[1]};;2024-01-31;2024-01-01;100;dienstverband
            100000001L01;{b[2]};;2024-02-01;2024-02-29;-5;dienstverband
            100000001L01;{b[3]};;2024-02-01;2024-02-07;200;dienstverband
            100000001L01;123456789;;2024-02-01;2024-02-29;10;dienstverband
            100000001L01;{b[0]};;2024-01-01;2024-01-31;90;dienstverband
            100000001L01;{b[4]};;31-02-2024;2024-02-29;tien;stage
            100000001L01;{b[5]};;2024-02-01;2024-02-29;12
            """;
        var r = await Import(db, "verloonde-uren", file);
        Assert.False(r.Success);
        var located = r.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        Assert.Contains((3, "loonheffingennummer"), located);   // unknown employer
        Assert.Contains((4, "periode_einde"), located);         // end before start
        Assert.Contains((5, "uren"), located);                  // negative hours
        Assert.Contains((6, "uren"), located);                  // 200 h in 7 days (168 h)
        Assert.Contains((7, "bsn"), located);                   // eleven-test
        Assert.Contains((8, null), located);                    // duplicate of row 2
        Assert.Contains((9, "periode_begin"), located);         // impossible date
        Assert.Contains((9, "uren"), located);                  // not a number
        Assert.Contains((9, "vorm"), located);                  // unknown form
        Assert.Contains((10, "vorm"), located);                 // row ends early
        Assert.DoesNotContain(r.Errors, e => e.Row == 2);
        Assert.Contains(r.Errors, e => e.Message.Contains("negatieve waarde"));
        Assert.Contains(r.Errors, e => e.Message.Contains("7 dagen × 24 = 168 uur"));
        Assert.Contains(r.Errors, e => e.Message.Contains("ook in rij 2"));
        Assert.Contains(r.Errors, e => e.ToString().StartsWith("rij 3, kolom 'loonheffingennummer': onbekende werkgever"));
        Assert.Equal(before, await Samples.CountsAsync(db));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Domain_rules_of_the_other_kinds_are_checked(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "regels");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"])).Success);
        var b = Samples.Bsn;
        async Task<HashSet<(int?, string?)>> Errors(string kind, string text)
        {
            var r = await Import(db, kind, text);
            Assert.False(r.Success);
            return r.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        }
        var inleen = await Errors("inleen-toerekeningen", $"""
            uitlener_loonheffingennummer;inlener_loonheffingennummer;bsn;jaar;uren;overeengekomen_op
            100000001L01;100000004L01;{b[0]};2024;100;2025-01-01
            100000003L01;100000003L01;{b[0]};2024;100;2025-01-01
            100000003L01;100000001L01;{b[1]};2024;100;2025-08-02
            100000003L01;100000001L01;{b[2]};2024;9000;2025-01-01
            """);
        Assert.Equal([(2, "uitlener_loonheffingennummer"), (3, "inlener_loonheffingennummer"), (4, "overeengekomen_op"), (5, "uren")], inleen.Order().ToList());
        var reg = await Errors("doelgroepregistraties", $"""
            bsn;pseudoniem;grond;startdatum;einddatum
            {b[0]};;wajong;2020-01-01;2019-12-31
            {b[1]};{new string('a', 64)};wajong;2020-01-01;
            ;xyz;wajong;2020-01-01;
            ;;wajong;2020-01-01;
            """);
        Assert.Equal([(2, "einddatum"), (3, "bsn"), (4, "pseudoniem"), (5, "bsn")], reg.Order().ToList());
        var sector = await Errors("sectorrapportages", """
            sector;jaar;aandeel_vast;aandeel_tijdelijk;status;bron
            markt;2023;;;concept;x
            gemeenten;2012;;;concept;x
            gemeenten;2023;70;40;concept;x
            onbekend;2023;;;klaar;x
            werk-en-reintegratie;2023;;;concept;x
            """);
        // Only the 13 public reporting lines report; sheltered employment (a government sector, legal code 67) and the market do not.
        Assert.Equal([(2, "sector"), (3, "jaar"), (4, "aandeel_tijdelijk"), (5, "sector"), (5, "status"), (6, "sector")], sector.Order().ToList());
        var header = await Errors("werkgevers", "loonheffingennummer;naam;sektor;grootteklasse\n100000009L01;X;gemeenten;klein\n");
        Assert.Contains((1, "sektor"), header);
        Assert.Contains((1, "sector"), header);
        Assert.Contains((1, "uitlener"), header);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Changes_are_audited_with_who_before_after_and_the_import(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "audit");
        await using var db = t.Context();
        var first = await Import(db, "werkgevers", Samples.Csv["werkgevers"], "eerste.csv");
        var changed = Samples.Csv["werkgevers"].Replace("Gemeente Testdorp;gemeenten;groot", "Gemeente Testdorp-Oost;gemeenten;middel");
        var second = await Import(db, "werkgevers", changed, "tweede.csv");
        Assert.True(second.Success);
        Assert.Equal(1, second.Updated);
        Assert.Equal(3, second.Unchanged);

        var audit = new AuditService(db);
        var history = await audit.ForEmployerAsync("100000001L01");
        Assert.Equal([AuditAction.Insert, AuditAction.Update], history.Select(h => h.Action).ToList());
        Assert.Equal(first.ImportRunId, history[0].ImportRunId);
        Assert.Equal(second.ImportRunId, history[1].ImportRunId);
        Assert.Equal("tester", history[1].UserName);
        Assert.Contains("tweede.csv", history[1].Cause);
        Assert.Contains("\"Name\":\"Gemeente Testdorp\"", history[1].Before);
        Assert.Contains("\"Name\":\"Gemeente Testdorp-Oost\"", history[1].After);
        Assert.Contains("\"SizeClass\":\"Medium\"", history[1].After);
        Assert.Null(history[0].Before);

        // A user action outside imports: delete, recorded with the user.
        db.Actor = AuditActor.User("beheerder@test", "werkgever verwijderd");
        db.Employers.Remove(await db.Employers.SingleAsync(e => e.PayrollTaxNumber == "100000002L01"));
        await db.SaveChangesAsync();
        var deleted = await audit.ForEmployerAsync("100000002L01");
        Assert.Equal(AuditAction.Delete, deleted[^1].Action);
        Assert.Equal("beheerder@test", deleted[^1].UserName);
        Assert.Null(deleted[^1].After);
        Assert.Contains("=Som van alles", deleted[^1].Before);
        Assert.Equal(4, (await audit.ForImportAsync(first.ImportRunId!.Value)).Count);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Exported_csv_and_xlsx_reimport_to_the_same_data(string provider)
    {
        await using var source = await TestDatabases.CreateAsync(provider, "export");
        await using var db = source.Context();
        await Samples.ImportAllAsync(db);
        var expected = await Samples.DumpAsync(db);
        foreach (var format in new[] { FileFormat.Csv, FileFormat.Xlsx })
        {
            var files = new Dictionary<string, byte[]>();
            foreach (var kind in Samples.Kinds)
            {
                using var ms = new MemoryStream();
                await new ExportService(db).ExportAsync(kind, ms, format);
                files[kind] = ms.ToArray();
            }
            // Into the same database: nothing changes.
            foreach (var kind in Samples.Kinds)
            {
                var r = await new ImportService(db, TestDatabases.Key).ImportAsync(new MemoryStream(files[kind]), kind, $"{kind}.{format}".ToLowerInvariant(), "t");
                Assert.True(r.Success, $"{kind} {format}: " + string.Join("\n", r.Errors));
                Assert.Equal(0, r.Inserted + r.Updated);
            }
            // Into a fresh database: the same data.
            await using var target = await TestDatabases.CreateAsync(provider, "export-doel");
            await using var db2 = target.Context();
            foreach (var kind in Samples.Kinds)
            {
                var r = await new ImportService(db2, TestDatabases.Key).ImportAsync(new MemoryStream(files[kind]), kind, $"{kind}.{format}".ToLowerInvariant(), "t");
                Assert.True(r.Success, $"{kind} {format}: " + string.Join("\n", r.Errors));
            }
            Assert.Equal(expected, await Samples.DumpAsync(db2));
        }
    }

    [Fact]
    public async Task Export_neutralises_formulas_and_never_writes_a_bsn()
    {
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "formules");
        await using var db = t.Context();
        await Samples.ImportAllAsync(db);
        using var ms = new MemoryStream();
        await new ExportService(db).ExportAsync("werkgevers", ms, FileFormat.Csv);
        var csv = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Contains(";'=Som van alles B.V.;", csv);
        Assert.Contains(";'s-Hertogenbosch Scholen;", csv);
        Assert.DoesNotContain(";=Som", csv);
        using var hs = new MemoryStream();
        await new ExportService(db).ExportAsync("verloonde-uren", hs, FileFormat.Csv);
        Assert.Contains(";110,92;dienstverband", Encoding.UTF8.GetString(hs.ToArray()));
        using var rs = new MemoryStream();
        await new ExportService(db).ExportAsync("sectorrapportages", rs, FileFormat.Xlsx);
        rs.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(rs, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["algemeen_beeld"] == "'-Een regel met een streepje");
        foreach (var kind in Samples.Kinds)
        {
            using var es = new MemoryStream();
            await new ExportService(db).ExportAsync(kind, es, FileFormat.Csv);
            var text = Encoding.UTF8.GetString(es.ToArray());
            foreach (var b in Samples.Bsn) Assert.DoesNotContain(b, text);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Templates_have_Dutch_columns_and_an_example_row_that_imports(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "sjablonen");
        await using var db = t.Context();
        // The example rows refer to employer 123456789L01 (and lender 555555555L01): create those first from the template itself.
        Assert.True((await Import(db, "werkgevers", "loonheffingennummer;naam;sector;grootteklasse;uitlener\n555555555L01;Uitlener;markt;groot;uitzendbureau\n")).Success);
        foreach (var kind in Samples.Kinds)
            foreach (var format in new[] { FileFormat.Csv, FileFormat.Xlsx })
            {
                using var ms = new MemoryStream();
                await ExportService.WriteTemplateAsync(kind, ms, format);
                ms.Position = 0;
                var rows = TabularReader.Read(ms, format).ToList();
                Assert.Equal(2, rows.Count);
                Assert.Equal(ImportKinds.Find(kind)!.Columns.Select(c => c.Name), rows[0].Cells);
                ms.Position = 0;
                var r = await new ImportService(db, TestDatabases.Key).ImportAsync(ms, kind, "sjabloon." + format.ToString().ToLowerInvariant(), "t");
                Assert.True(r.Success, $"{kind} {format}: " + string.Join("\n", r.Errors));
            }
    }

    [Fact]
    public async Task A_reported_percentage_that_does_not_follow_from_its_own_numbers_is_a_warning_not_an_error()
    {
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "percentages");
        await using var db = t.Context();
        // Seed 002: Defensie 346 of 633 (54,7%), with 210 SROI 88% — consistent up to the published rounding.
        // The second row is made up: 262 of 400 is 65,5%, not the reported 61,3%.
        var r = await Import(db, "sectorrapportages", """
            sector;jaar;doel;realisatie;realisatiepercentage;sroi_banen;percentage_incl_sroi;status;bron
            defensie;2020;633;346;54,7;210;88;goedgekeurd;seed 002
            waterschappen;2020;400;262;61,3;;;concept;verzonnen
            """);
        Assert.True(r.Success, string.Join("\n", r.Errors));
        var w = Assert.Single(r.Warnings);
        Assert.Equal((3, "realisatiepercentage"), (w.Row!.Value, w.Column!));
        Assert.Contains("61,3%", w.Message);
        Assert.Contains("= 65,5", w.Message);
        Assert.Equal(2, await db.SectorReports.CountAsync());
    }

    /// <summary>
    /// An employer's municipality (optional column gemeente) is checked against the shipped division into labour-market
    /// regions and stored as written there; an unknown name or a CBS code is refused with file, row and column, nothing
    /// written; a file without the column leaves a stored municipality as it is.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_employers_municipality_is_one_of_the_labour_market_division_or_refused(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "gemeente");
        await using var db = t.Context();
        const string head = "loonheffingennummer;naam;sector;grootteklasse;uitlener;gemeente\n";
        var ok = await Import(db, "werkgevers", head +
            "300000001L01;Noord;gemeenten;groot;geen;assen\n300000002L01;Haag;gemeenten;groot;geen;'s-gravenhage\n300000003L01;Elders;gemeenten;groot;geen;\n", "werkgevers.csv");
        Assert.True(ok.Success, string.Join("; ", ok.Errors));
        async Task<Dictionary<string, string?>> Stored() =>
            await db.Employers.AsNoTracking().ToDictionaryAsync(e => e.PayrollTaxNumber, e => e.Municipality);
        Assert.Equal(new Dictionary<string, string?> { ["300000001L01"] = "Assen", ["300000002L01"] = "\u2019s-Gravenhage", ["300000003L01"] = null }, await Stored());
        var before = await Stored();

        var bad = await Import(db, "werkgevers", head +
            "300000001L01;Noord;gemeenten;groot;geen;Gooise Meren\n300000002L01;Haag;gemeenten;groot;geen;GM0518\n300000004L01;Nieuw;gemeenten;groot;geen;Assen\n", "gemeenten.csv");
        Assert.False(bad.Success);
        Assert.Equal([(2, "gemeente"), (3, "gemeente")], bad.Errors.Select(e => (e.Row!.Value, e.Column!)).ToList());
        Assert.Contains("onbekende gemeente 'Gooise Meren' in de indeling in arbeidsmarktregio's (Besluit werkgebieden UWV 2015", bad.Errors[0].Message);
        Assert.Contains("na 2015 is ontstaan", bad.Errors[0].Message);
        Assert.Contains("'GM0518' lijkt een CBS-gemeentecode", bad.Errors[1].Message);
        Assert.Contains("gemeenten.csv", bad.Summary);
        Assert.Equal(before, await Stored());

        // An older file without the column changes the name, not the municipality.
        var old = await Import(db, "werkgevers", "loonheffingennummer;naam;sector;grootteklasse;uitlener\n300000001L01;Noord B.V.;gemeenten;groot;geen\n", "oud.csv");
        Assert.True(old.Success, string.Join("; ", old.Errors));
        Assert.Equal(1L, old.Updated);
        Assert.Equal("Assen", (await db.Employers.AsNoTracking().SingleAsync(e => e.PayrollTaxNumber == "300000001L01")).Municipality);

        // The template and the export carry the column.
        var template = new MemoryStream();
        await Banenmonitor.Data.Export.ExportService.WriteTemplateAsync("werkgevers", template, FileFormat.Csv);
        Assert.Contains(";gemeente", System.Text.Encoding.UTF8.GetString(template.ToArray()).Split('\n')[0]);
        var cells = new List<object?[]>();
        await foreach (var row in ImportKinds.Find("werkgevers")!.ExportAsync(db, default)) cells.Add(row);
        Assert.Contains(cells, r => (string?)r[0] == "300000002L01" && (string?)r[^1] == "\u2019s-Gravenhage");
    }
}
