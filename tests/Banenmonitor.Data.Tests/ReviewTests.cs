using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>Drafts beside approved figures: import as draft, submit, approve (supersedes), reject; scope checks on import.</summary>
public class ReviewTests
{
    private const string Approved2020 = """
        sector;jaar;doel;realisatie;status;bron
        defensie;2020;633;346;goedgekeurd;Kamerbrief BZK 2021
        """;

    private static Task<ImportResult> Import(BanenmonitorDbContext db, string kind, string text, ImportOptions? options = null, string user = "tester") =>
        new ImportService(db, TestDatabases.Key).ImportAsync(Samples.Stream(text), kind, "rapportage.csv", user, options: options);

    private static int Defensie => SectorCatalog.All.Single(s => s.Code == "defensie").Id;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_draft_never_overwrites_the_approved_figure_until_an_analyst_approves_it(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review");
        await using var db = t.Context();
        Assert.True((await Import(db, "sectorrapportages", Approved2020)).Success);

        var drafts = new ImportOptions { DraftsOnly = true };
        var draft = await Import(db, "sectorrapportages", """
            sector;jaar;doel;realisatie;bron
            defensie;2020;633;400;Eigen telling Defensie
            """, drafts, "defensie@voorbeeld.nl");
        Assert.True(draft.Success, string.Join("; ", draft.Errors));
        Assert.Equal(1, draft.Inserted);
        var reports = await db.SectorReports.AsNoTracking().Where(r => r.SectorId == Defensie && r.Year == 2020).ToListAsync();
        Assert.Equal(2, reports.Count);
        Assert.Equal(346m, reports.Single(r => r.Status == ReportStatus.Approved).RealisedJobs);
        var draftId = reports.Single(r => r.Status == ReportStatus.Draft).Id;

        // A second draft replaces the open draft, not the approved report.
        var again = await Import(db, "sectorrapportages", """
            sector;jaar;doel;realisatie;bron
            defensie;2020;633;410;Eigen telling Defensie, herzien
            """, drafts, "defensie@voorbeeld.nl");
        Assert.Equal(1, again.Updated);
        Assert.Equal(2, await db.SectorReports.CountAsync(r => r.SectorId == Defensie && r.Year == 2020));

        // A file that asks for 'goedgekeurd' through the draft route is refused with row and column.
        var sneaky = await Import(db, "sectorrapportages", Approved2020.Replace("346", "999"), drafts);
        Assert.False(sneaky.Success);
        Assert.Contains(sneaky.Errors, e => e.Row == 2 && e.Column == "status");
        Assert.Equal(346m, (await db.SectorReports.AsNoTracking().SingleAsync(r => r.SectorId == Defensie && r.Status == ReportStatus.Approved)).RealisedJobs);

        var review = new ReportReview(db, TimeProvider.System);
        Assert.False((await review.ApproveAsync(ReportKind.Sector, draftId, "analist")).Done); // a draft must be submitted first
        Assert.True((await review.SubmitAsync(ReportKind.Sector, draftId, "defensie@voorbeeld.nl")).Done);
        Assert.False((await review.SubmitAsync(ReportKind.Sector, draftId, "defensie@voorbeeld.nl")).Done);
        Assert.True((await review.ApproveAsync(ReportKind.Sector, draftId, "analist")).Done);

        db.ChangeTracker.Clear();
        var after = await db.SectorReports.AsNoTracking().Where(r => r.SectorId == Defensie && r.Year == 2020).ToListAsync();
        var figure = after.Single(r => r.Status == ReportStatus.Approved);
        Assert.Equal(draftId, figure.Id);
        Assert.Equal(410m, figure.RealisedJobs);
        Assert.Equal("analist", figure.ReviewedBy);
        Assert.Equal("defensie@voorbeeld.nl", figure.SubmittedBy);
        Assert.Equal(346m, after.Single(r => r.Status == ReportStatus.Superseded).RealisedJobs);

        // The audit trail of the figure tells the whole story, with users and actions.
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(SectorReport) && a.EntityKey == $"{Defensie}|2020").OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(trail, a => a.UserName == "defensie@voorbeeld.nl" && a.Cause.Contains("ingediend"));
        Assert.Contains(trail, a => a.UserName == "analist" && a.Cause.Contains("goedgekeurd"));
        Assert.Contains(trail, a => a.UserName == "analist" && a.Cause.Contains("vervangen") && a.Before!.Contains("346"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_database_refuses_two_approved_reports_for_one_year(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-uniek");
        await using var db = t.Context();
        Assert.True((await Import(db, "sectorrapportages", Approved2020)).Success);
        db.SectorReports.Add(new SectorReport { SectorId = Defensie, Year = 2020, RealisedJobs = 1m, Status = ReportStatus.Approved, Source = "test" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_row_outside_the_uploaders_scope_is_refused_and_nothing_is_stored(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-scope");
        await using var db = t.Context();
        var options = new ImportOptions
        {
            DraftsOnly = true,
            RowCheck = r => r is SectorReport s && s.SectorId != Defensie ? ("sector", "u mag alleen rapporteren voor defensie") : null,
        };
        var result = await Import(db, "sectorrapportages", """
            sector;jaar;doel;realisatie;bron
            defensie;2021;700;400;Eigen telling
            gemeenten;2021;6000;5000;Eigen telling
            """, options);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "sector"), (error.Row!.Value, error.Column!));
        Assert.Equal(0, await db.SectorReports.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Employer_quota_figures_are_imported_and_reviewed_like_sector_reports(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-werkgever");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"])).Success);
        var bad = await Import(db, "werkgeversrapportages", """
            loonheffingennummer;jaar;verloonde_uren;uren_doelgroep;bron
            100000001L01;2023;1000000;2000000;HR
            100000001L01;2023;;500;HR
            """, new ImportOptions { DraftsOnly = true });
        Assert.False(bad.Success);
        Assert.Contains(bad.Errors, e => e.Row == 2 && e.Column == "uren_doelgroep");
        Assert.Contains(bad.Errors, e => e.Row == 3 && e.Column == "verloonde_uren");

        var ok = await Import(db, "werkgeversrapportages", """
            loonheffingennummer;jaar;verloonde_uren;uren_doelgroep;verloonde_uren_vorig_jaar;bron
            100000001L01;2023;1000000;20000;990000;HR
            """, new ImportOptions { DraftsOnly = true });
        Assert.True(ok.Success, string.Join("; ", ok.Errors));
        var r = await db.EmployerReports.AsNoTracking().SingleAsync();
        Assert.Equal((ReportStatus.Draft, 1_000_000m, 20_000m, 990_000m), (r.Status, r.TotalPaidHours!.Value, r.TargetGroupHours!.Value, r.PreviousYearPaidHours!.Value));
        var review = new ReportReview(db, TimeProvider.System);
        Assert.True((await review.SubmitAsync(ReportKind.Employer, r.Id, "hr")).Done);
        Assert.True((await review.RejectAsync(ReportKind.Employer, r.Id, "analist")).Done);
        db.ChangeTracker.Clear();
        Assert.Equal(ReportStatus.Rejected, (await db.EmployerReports.AsNoTracking().SingleAsync()).Status);
    }
}
