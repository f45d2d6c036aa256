using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Microsoft.EntityFrameworkCore;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

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

    private static int Defensie => PublicSectors.OfPlatform("defensie")!.Id!.Value;

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
        Assert.True((await review.RejectAsync(ReportKind.Employer, r.Id, "analist", "De uren doelgroep ontbreken in de bron.")).Done);
        db.ChangeTracker.Clear();
        Assert.Equal(ReportStatus.Rejected, (await db.EmployerReports.AsNoTracking().SingleAsync()).Status);
    }

    /// <summary>A submitted defensie 2021 report (draft imported, then submitted by <paramref name="submitter"/>) beside the approved 2020.</summary>
    private static async Task<int> SubmittedAsync(BanenmonitorDbContext db, ReportReview review, string submitter, decimal realised = 400m, int year = 2021)
    {
        Assert.True((await Import(db, "sectorrapportages", Approved2020)).Success);
        var draft = await Import(db, "sectorrapportages", $"""
            sector;jaar;doel;realisatie;bron
            defensie;{year};700;{realised};Eigen telling Defensie
            """, new ImportOptions { DraftsOnly = true }, submitter);
        Assert.True(draft.Success, string.Join("; ", draft.Errors));
        var id = (await db.SectorReports.AsNoTracking().SingleAsync(r => r.Year == year && r.Status == ReportStatus.Draft)).Id;
        Assert.True((await review.SubmitAsync(ReportKind.Sector, id, submitter)).Done);
        return id;
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_rejection_without_a_reason_is_refused_in_Dutch_and_the_reason_is_stored_for_the_submitter(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-reden");
        await using var db = t.Context();
        var review = new ReportReview(db, TimeProvider.System);
        var id = await SubmittedAsync(db, review, "defensie@voorbeeld.nl");
        foreach (var empty in new[] { null, "", "   " })
        {
            var refused = await review.RejectAsync(ReportKind.Sector, id, "analist", empty);
            Assert.False(refused.Done);
            Assert.Contains("Geef een reden", refused.Message);
        }
        Assert.False((await review.RejectAsync(ReportKind.Sector, id, "analist", new string('x', ReportReview.MaxReasonLength + 1))).Done);
        db.ChangeTracker.Clear();
        Assert.Equal(ReportStatus.Submitted, (await db.SectorReports.AsNoTracking().SingleAsync(r => r.Id == id)).Status);

        Assert.True((await review.RejectAsync(ReportKind.Sector, id, "analist", "  De realisatie wijkt af van de telling van UWV.  ")).Done);
        db.ChangeTracker.Clear();
        var rejected = await db.SectorReports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((ReportStatus.Rejected, "De realisatie wijkt af van de telling van UWV.", "analist"), (rejected.Status, rejected.RejectionReason, rejected.ReviewedBy));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(SectorReport)).ToListAsync(),
            a => a.Cause.Contains("afgewezen: De realisatie wijkt af") && a.After!.Contains("telling van UWV"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Four_eyes_the_submitter_may_not_decide_on_the_own_submission_unless_the_installation_turns_it_off(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-vierogen");
        await using var db = t.Context();
        var review = new ReportReview(db, TimeProvider.System);
        var id = await SubmittedAsync(db, review, "Analist.Een@voorbeeld.nl");
        foreach (var approve in new[] { true, false })
        {
            var refused = approve ? await review.ApproveAsync(ReportKind.Sector, id, "analist.een@voorbeeld.nl")
                : await review.RejectAsync(ReportKind.Sector, id, "analist.een@voorbeeld.nl", "eigen werk");
            Assert.False(refused.Done);
            Assert.Contains("vier-ogenprincipe", refused.Message);
        }
        db.ChangeTracker.Clear();
        Assert.Equal(ReportStatus.Submitted, (await db.SectorReports.AsNoTracking().SingleAsync(r => r.Id == id)).Status);
        Assert.True((await review.ApproveAsync(ReportKind.Sector, id, "analist.twee@voorbeeld.nl")).Done);

        var id2 = await SubmittedAsync(db, review, "analist.een@voorbeeld.nl", year: 2022);
        var relaxed = new ReportReview(db, TimeProvider.System, new ReviewSettings { FourEyes = false });
        Assert.True((await relaxed.ApproveAsync(ReportKind.Sector, id2, "analist.een@voorbeeld.nl")).Done);
        Assert.True(ReviewSettings.From(_ => null).FourEyes);
        Assert.False(ReviewSettings.From(k => k == "Banenmonitor:Review:FourEyes" ? "false" : null).FourEyes);
        Assert.Throws<ArgumentException>(() => ReviewSettings.From(k => k == "Banenmonitor:Review:FourEyes" ? "misschien" : null));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_submitter_withdraws_a_submission_to_draft_and_deletes_the_draft_audited(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-terug");
        await using var db = t.Context();
        var review = new ReportReview(db, TimeProvider.System);
        var id = await SubmittedAsync(db, review, "defensie@voorbeeld.nl");
        Assert.False((await review.DeleteDraftAsync(ReportKind.Sector, id, "defensie@voorbeeld.nl")).Done); // submitted: withdraw first
        Assert.True((await review.WithdrawAsync(ReportKind.Sector, id, "defensie@voorbeeld.nl")).Done);
        db.ChangeTracker.Clear();
        var draft = await db.SectorReports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((ReportStatus.Draft, (string?)null), (draft.Status, draft.SubmittedBy));
        Assert.False((await review.WithdrawAsync(ReportKind.Sector, id, "defensie@voorbeeld.nl")).Done);
        var approvedId = (await db.SectorReports.AsNoTracking().SingleAsync(r => r.Status == ReportStatus.Approved)).Id;
        Assert.False((await review.DeleteDraftAsync(ReportKind.Sector, approvedId, "defensie@voorbeeld.nl")).Done); // never an approved figure

        Assert.True((await review.DeleteDraftAsync(ReportKind.Sector, id, "defensie@voorbeeld.nl")).Done);
        db.ChangeTracker.Clear();
        Assert.False(await db.SectorReports.AnyAsync(r => r.Id == id));
        Assert.True(await db.SectorReports.AnyAsync(r => r.Id == approvedId));
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == $"{Defensie}|2021").OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(trail, a => a.Cause.Contains("teruggetrokken") && a.UserName == "defensie@voorbeeld.nl");
        var deleted = Assert.Single(trail, a => a.Action == AuditAction.Delete);
        Assert.Contains("verwijderd", deleted.Cause);
        Assert.Contains("Eigen telling Defensie", deleted.Before);
    }

    [Theory]
    [InlineData(100, 300, false)]   // exactly ×3: still plausible
    [InlineData(100, 301, true)]    // more than ×3
    [InlineData(300, 100, false)]   // exactly ÷3
    [InlineData(301, 100, true)]    // less than a third
    [InlineData(100, 100, false)]
    [InlineData(0, 50, false)]      // nothing to compare with
    public void Plausibility_flags_a_move_beyond_the_factor_in_both_directions(int previous, int current, bool flagged)
    {
        var flag = Plausibility.Change("realisatie (banen)", current, previous, 2020, 3m);
        Assert.Equal(flagged, flag is not null);
        if (flag is not null) Assert.Contains("onwaarschijnlijk", flag.Explanation);
        Assert.Null(Plausibility.Change("realisatie (banen)", null, previous, 2020, 3m));
    }

    [Fact]
    public void Plausibility_flags_a_year_more_than_the_allowed_years_after_today()
    {
        var today = new DateOnly(2026, 12, 4);
        Assert.Null(Plausibility.Year(2027, today, 1));
        Assert.NotNull(Plausibility.Year(2028, today, 1));
        Assert.NotNull(Plausibility.Year(2027, today, 0));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_comparison_shows_the_previous_approved_year_and_flags_an_implausible_jump(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "review-plausibel");
        await using var db = t.Context();
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var review = new ReportReview(db, clock);
        var id = await SubmittedAsync(db, review, "defensie@voorbeeld.nl", realised: 1100m); // 2020: 346; 3 × 346 = 1.038
        var c = (await review.CompareAsync(ReportKind.Sector, id))!;
        Assert.Equal(2020, c.PreviousYear!.Year);
        Assert.Null(c.SameYear);
        var flag = Assert.Single(c.Flags);
        Assert.Equal("realisatie (banen)", flag.Figure);
        Assert.Contains("1.100", flag.Explanation);
        Assert.Contains("346", flag.Explanation);

        var far = await SubmittedAsync(db, review, "defensie@voorbeeld.nl", realised: 400m, year: 2029);
        var cf = (await review.CompareAsync(ReportKind.Sector, far))!;
        Assert.Contains(cf.Flags, f => f.Figure == "jaar" && f.Explanation.Contains("2029"));
        Assert.Equal(2020, cf.PreviousYear!.Year);
        var lenient = new ReportReview(db, clock, new ReviewSettings { Factor = 4m, MaxYearsAhead = 5 });
        Assert.Empty((await lenient.CompareAsync(ReportKind.Sector, id))!.Flags);
        Assert.Empty((await lenient.CompareAsync(ReportKind.Sector, far))!.Flags);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
