using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>The readable audit trail: Dutch field names, before/after per field, filters and paging.</summary>
public class AuditTests
{
    [Fact]
    public async Task Every_property_of_every_audited_figure_has_a_Dutch_label()
    {
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "audit-labels");
        await using var db = t.Context();
        var missing = db.Model.GetEntityTypes().Where(e => typeof(IAuditedFigure).IsAssignableFrom(e.ClrType))
            .SelectMany(e => e.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => (Type: e.ClrType.Name, p.Name)))
            .Where(p => !AuditLabels.Has(p.Type, p.Name)).Select(p => $"{p.Type}.{p.Name}").ToList();
        Assert.True(missing.Count == 0, "Zonder Nederlandse naam: " + string.Join(", ", missing));
        Assert.Equal("contractwaarde (euro)", AuditLabels.Of(nameof(SroiContract), "Value"));
        Assert.Equal("waarde", AuditLabels.Of(nameof(ParameterOverride), "Value"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_change_reads_as_a_table_of_Dutch_fields_before_and_after_and_the_trail_filters_and_pages(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "audit-lezen");
        await using var db = t.Context();
        var import = new ImportService(db, TestDatabases.Key);
        Assert.True((await import.ImportAsync(Samples.Stream("""
            sector;jaar;doel;realisatie;status;bron
            defensie;2020;633;346;goedgekeurd;Kamerbrief BZK 2021
            gemeenten;2020;6000;5796,5;goedgekeurd;Kamerbrief BZK 2021
            """), "sectorrapportages", "s.csv", "import@voorbeeld.nl")).Success);
        Assert.True((await import.ImportAsync(Samples.Stream("""
            sector;jaar;doel;realisatie;bron
            defensie;2021;700;400;Eigen telling
            """), "sectorrapportages", "c.csv", "defensie@voorbeeld.nl", options: new ImportOptions { DraftsOnly = true })).Success);
        var review = new ReportReview(db, TimeProvider.System);
        var draft = await db.SectorReports.AsNoTracking().SingleAsync(r => r.Status == ReportStatus.Draft);
        Assert.True((await review.SubmitAsync(ReportKind.Sector, draft.Id, "defensie@voorbeeld.nl")).Done);
        Assert.True((await review.RejectAsync(ReportKind.Sector, draft.Id, "analist@voorbeeld.nl", "Bron ontbreekt")).Done);

        var audit = new AuditService(db);
        var rejected = (await audit.SearchAsync(new AuditFilter { User = "ANALIST" })).Entries.Single();
        var fields = AuditLabels.Fields(rejected);
        var status = fields.Single(f => f.Label == "status");
        Assert.Equal(("ingediend", "afgewezen", true), (status.Before, status.After, status.Changed));
        Assert.Equal((null, "Bron ontbreekt"), (fields.Single(f => f.Label == "reden van afwijzing").Before, fields.Single(f => f.Label == "reden van afwijzing").After));
        var realised = fields.Single(f => f.Label == "realisatie (banen)");
        Assert.Equal(("400", "400", false), (realised.Before, realised.After, realised.Changed));
        Assert.Equal("defensie", fields.Single(f => f.Label == "sector").After);
        var inserted = (await audit.SearchAsync(new AuditFilter { Sector = "gemeenten" })).Entries.Single();
        Assert.Equal("5.796,5", AuditLabels.Fields(inserted).Single(f => f.Label == "realisatie (banen)").After);
        Assert.Null(AuditLabels.Fields(inserted).Single(f => f.Label == "realisatie (banen)").Before);

        // Filters: who, what, when, sector; and paging.
        Assert.Equal(4, (await audit.SearchAsync(new AuditFilter { Sector = "defensie" })).Counted); // approved, draft, submitted, rejected
        Assert.Equal(2, (await audit.SearchAsync(new AuditFilter { User = "defensie@" })).Counted);
        Assert.Equal(5, (await audit.SearchAsync(new AuditFilter { EntityType = nameof(SectorReport) })).Counted);
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { EntityType = nameof(Employer) })).Counted);
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { Sector = "bestaat-niet" })).Counted);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(5, (await audit.SearchAsync(new AuditFilter { From = today, To = today })).Counted);
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { From = today.AddDays(1) })).Counted);
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { To = today.AddDays(-1) })).Counted);
        var p1 = await audit.SearchAsync(new AuditFilter(), pageSize: 2);
        var p2 = await audit.SearchAsync(new AuditFilter(), after: p1.Next, pageSize: 2);
        var p3 = await audit.SearchAsync(new AuditFilter(), after: p2.Next, pageSize: 2);
        Assert.Equal((5, 2, 2, 1), (p1.Counted, p1.Entries.Count, p2.Entries.Count, p3.Entries.Count));
        Assert.Equal((null, null), (p1.Previous, p3.Next));
        Assert.Equal(rejected.Id, p1.Entries[0].Id);
        // Back from the last page: the second again, then the first (which has no page before it).
        var back = await audit.SearchAsync(new AuditFilter(), before: p3.Previous, pageSize: 2);
        Assert.Equal(p2.Entries.Select(e => e.Id), back.Entries.Select(e => e.Id));
        Assert.Null((await audit.SearchAsync(new AuditFilter(), before: back.Previous, pageSize: 2)).Previous);
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { Hidden = [nameof(SectorReport)] })).Counted);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_employer_filter_finds_the_employer_and_its_reports(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "audit-werkgever");
        await using var db = t.Context();
        var import = new ImportService(db, TestDatabases.Key);
        Assert.True((await import.ImportAsync(Samples.Stream(Samples.Csv["werkgevers"]), "werkgevers", "w.csv", "test")).Success);
        Assert.True((await import.ImportAsync(Samples.Stream("""
            loonheffingennummer;jaar;verloonde_uren;uren_doelgroep;bron
            100000001L01;2023;1000000;20000;HR
            """), "werkgeversrapportages", "r.csv", "test")).Success);
        var audit = new AuditService(db);
        var found = (await audit.SearchAsync(new AuditFilter { Employer = "100000001l01" })).Entries;
        Assert.Contains(found, a => a.EntityType == nameof(Employer));
        Assert.Contains(found, a => a.EntityType == nameof(EmployerReport));
        var id = (await db.Employers.SingleAsync(e => e.PayrollTaxNumber == "100000001L01")).Id;
        Assert.All(found, a => Assert.True(a.EntityKey == "100000001L01" || a.EntityKey.StartsWith($"{id}|")));
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { Employer = "999999999L99" })).Counted);
    }
}
