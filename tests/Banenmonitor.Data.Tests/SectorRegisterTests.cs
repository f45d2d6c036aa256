using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>The sector register (size per employer-year), the extended employer reports and the audited method choice.</summary>
public class SectorRegisterTests
{
    private static async Task<ImportResult> Import(BanenmonitorDbContext db, string kind, string text) =>
        await new ImportService(db, TestDatabases.Key).ImportAsync(Samples.Stream(text), kind, kind + ".csv", "tester");

    internal const string Employers = """
        loonheffingennummer;naam;sector;grootteklasse;uitlener
        200000001L01;Hogeschool Groot;hbo;groot;geen
        200000002L01;Hogeschool Middel;hbo;middel;geen
        200000003L01;Hogeschool Klein;hbo;klein;geen
        200000004L01;Universiteit A;wo;groot;geen
        """;

    internal const string Register = """
        loonheffingennummer;jaar;maat;omvang;doel;bron
        200000001L01;2020;personeel;4000;60;Register hbo 2020
        200000002L01;2020;personeel;1500;;Register hbo 2020
        200000003L01;2020;personeel;500;;Register hbo 2020
        """;

    internal const string Reports = """
        loonheffingennummer;jaar;realisatie;sroi;vast;tijdelijk;inhuur;acties;bron
        200000001L01;2020;70;5;50;20;3;Jobcarving, ambassadeurs;Eigen telling
        200000002L01;2020;25,5;;;;;;Eigen telling
        200000004L01;2020;40;;;;;;Eigen telling
        """;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Register_and_reports_load_per_sector_with_coverage_inputs(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "sectorregister");
        await using var db = t.Context();
        foreach (var (kind, text) in new[] { ("werkgevers", Employers), ("sectorregister", Register), ("werkgeversrapportages", Reports) })
        {
            var r = await Import(db, kind, text);
            Assert.True(r.Success, string.Join("\n", r.Errors));
        }
        // re-importing the register changes nothing
        var again = await Import(db, "sectorregister", Register);
        Assert.Equal(3, again.Unchanged);

        var data = await SectorRegisterQuery.LoadAsync(db, "hbo", 2020);
        Assert.Equal(3, data.Rows.Count);
        Assert.Equal(SizeMeasure.Staff, data.Measure);
        Assert.Equal(2, data.Rows.Count(r => r.ReportedJobs is not null));
        Assert.Equal(95.5m, data.Rows.Sum(r => r.ReportedJobs ?? 0));
        var big = data.Rows.Single(r => r.PayrollTaxNumber == "200000001L01");
        Assert.Equal((SizeClass.Large, 4000m, 60m, 5m, 50m, 20m, 3m), (big.SizeClass, big.Size, big.TargetJobs!.Value, big.SroiJobs!.Value, big.PermanentJobs!.Value, big.TemporaryJobs!.Value, big.HiredInJobs!.Value));
        Assert.Empty(data.ReportsOutsideRegister); // the wo report belongs to another sector
        Assert.Equal("Jobcarving, ambassadeurs", (await db.EmployerReports.SingleAsync(r => r.RealisedJobs == 70)).Actions);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bad_rows_name_row_and_column_and_nothing_is_written(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "sectorregister-fout");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Employers)).Success);
        var r = await Import(db, "sectorregister", """
            loonheffingennummer;jaar;maat;omvang;bron
            200000001L01;2020;koppen;4000;x
            200000009L01;2020;fte;-3;x
            """);
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Row == 2 && e.Column == "maat");
        Assert.Contains(r.Errors, e => e.Row == 3 && e.Column == "loonheffingennummer");
        Assert.Contains(r.Errors, e => e.Row == 3 && e.Column == "omvang");
        Assert.Equal(0, await db.SectorRegister.CountAsync());
        var rep = await Import(db, "werkgeversrapportages", """
            loonheffingennummer;jaar;realisatie;vast;tijdelijk;bron
            200000001L01;2020;10;8;5;x
            """);
        Assert.Contains(rep.Errors, e => e.Row == 2 && e.Column == "vast" && e.Message.Contains("meer dan de realisatie"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Method_choice_is_stored_and_audited_with_who_and_what(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "schattingskeuze");
        await using var db = t.Context();
        var choice = new SectorEstimateChoice
        {
            Year = 2020, Method = "ratio", Estimate = 516.46m, EmployersReported = 21, EmployersTotal = 36, SizeShareReported = 79,
            Reason = "Omvang bekend van alle instellingen", ChosenBy = "hbo@voorbeeld.nl", ChosenAt = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
        };
        await SectorRegisterQuery.RecordChoiceAsync(db, "hbo", choice);
        await using var db2 = t.Context();
        await SectorRegisterQuery.RecordChoiceAsync(db2, "hbo", new SectorEstimateChoice
        {
            Year = 2020, Method = "poststratificatie", Estimate = 530m, EmployersReported = 21, EmployersTotal = 36, SizeShareReported = 79,
            ChosenBy = "hbo@voorbeeld.nl", ChosenAt = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc),
        });
        await using var db3 = t.Context();
        var stored = await SectorRegisterQuery.ChoiceAsync(db3, "hbo", 2020);
        Assert.Equal(("poststratificatie", 530m), (stored!.Method, stored.Estimate));
        var audit = await db3.AuditEntries.Where(a => a.EntityType == nameof(SectorEstimateChoice)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Insert, AuditAction.Update], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("hbo@voorbeeld.nl", a.UserName));
        Assert.Contains("ratio", audit[1].Before);
        Assert.Contains("poststratificatie", audit[1].After);
    }
}
