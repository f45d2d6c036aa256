using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Resolutions;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// Resolutions of controle findings and published report versions (issue 21) on SQLite and PostgreSQL: a resolution is
/// superseded, never edited or deleted, and audited; a published version is immutable and a later one supersedes it
/// without deleting it.
/// </summary>
public sealed class ResolutionTests
{
    private static ConsistencyCheck Finding(string figure = "realisatiepercentage (tabel)", CheckOutcome outcome = CheckOutcome.Substantive) =>
        new("percentage", "001", 2023, "waterschappen", figure, "realisatie ÷ doel × 100", 56.6m, 59.601449m, ValueInterval.Exact(59.601449m), outcome,
            "Niet verklaarbaar door afronding.", "Kamerbrief BZK 2024, tabel 1", []);

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_resolution_is_superseded_by_a_new_one_never_edited_or_deleted_and_each_is_audited(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "oplossingen");
        var check = Finding();
        var key = FindingKey.Of(check);
        Assert.Equal("waterschappen:percentage:realisatiepercentage-tabel", key);
        int firstId;
        await using (var db = t.Context())
        {
            var service = new ResolutionService(db);
            var refused = await service.ResolveAsync(check, ResolutionChoice.Corrected, 59.6m, null, "Erratum", "analist@test");
            Assert.False(refused.Done);
            Assert.Contains(refused.Errors, e => e.Contains("bron"));
            Assert.False((await service.ResolveAsync(Finding(outcome: CheckOutcome.Rounding), ResolutionChoice.Published, null, null, "Afronding is geen tegenstrijdigheid", "analist@test")).Done);
            Assert.Empty(await db.FindingResolutions.ToListAsync());

            var first = await service.ResolveAsync(check, ResolutionChoice.Published, null, null, "De tabel is leidend", "analist@test");
            Assert.True(first.Done);
            firstId = first.Resolution!.Id;
            Assert.Equal(56.6m, first.Resolution.Value);
            var second = await service.ResolveAsync(check, ResolutionChoice.Recomputed, null, null, "Herzien: de herberekening geldt", "analist2@test");
            Assert.True(second.Done);
            Assert.Equal(firstId, second.Resolution!.SupersedesId);
            Assert.Equal(59.601449m, second.Resolution.Value);
        }
        await using (var db = t.Context())
        {
            var service = new ResolutionService(db);
            var current = Assert.Single(await service.CurrentAsync(2023));
            Assert.Equal((ResolutionChoice.Recomputed, "analist2@test", firstId), (current.Choice, current.ResolvedBy, current.Supersedes!.Value));
            Assert.Equal(2, (await service.HistoryAsync(2023)).Count);
            var finding = Assert.Single(Banenmonitor.Rules.Published.Finding.Of(new ConsistencyReport([check]), 2023, await service.CurrentAsync(2023)));
            Assert.True(finding.IsResolved);

            // Never edited in place, never deleted — whatever code path tries.
            var row = await db.FindingResolutions.SingleAsync(r => r.Id == firstId);
            row.Reason = "stil gewijzigd";
            var edit = await Assert.ThrowsAsync<ImmutableRecordException>(() => db.SaveChangesAsync());
            Assert.Contains("nooit gewijzigd", edit.Message);
            db.ChangeTracker.Clear();
            db.FindingResolutions.Remove(await db.FindingResolutions.SingleAsync(r => r.Id == firstId));
            Assert.Contains("nooit verwijderd", (await Assert.ThrowsAsync<ImmutableRecordException>(() => db.SaveChangesAsync())).Message);
        }
        await using (var db = t.Context())
        {
            Assert.Equal("De tabel is leidend", (await db.FindingResolutions.AsNoTracking().SingleAsync(r => r.Id == firstId)).Reason);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(FindingResolution)).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["analist@test", "analist2@test"], audit.Select(a => a.UserName));
            Assert.All(audit, a => Assert.Equal(AuditAction.Insert, a.Action));
            Assert.Contains("vervangen", audit[1].Cause);
            // A superseded resolution cannot be superseded a second time (no fork): the unique index refuses it.
            db.FindingResolutions.Add(new FindingResolution
            {
                Year = 2023, FindingKey = FindingKey.Of(check), Sector = "waterschappen", Kind = "percentage", Figure = check.Figure, Document = "001", Reason = "Tak",
                ResolvedBy = "x", ResolvedAt = DateTime.UtcNow, SupersedesId = firstId,
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_published_version_is_immutable_and_a_later_one_supersedes_it_without_deleting_it(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "rapportversies");
        static ReportFiles Files(string text) => new(2023, "Voortgangsrapportage banenafspraak 2023", "%PDF-1.4 "u8.ToArray().Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray(),
            System.Text.Encoding.UTF8.GetBytes("xlsx " + text), System.Text.Encoding.UTF8.GetBytes("<html>" + text), new string('a', 64), new string('b', 64), [1, 2]);
        int v1Id;
        string v1Hash;
        await using (var db = t.Context())
        {
            var store = new PublishedReportStore(db);
            var v1 = await store.PublishAsync(Files("eerste"), "analist@test");
            (v1Id, v1Hash) = (v1.Id, v1.PdfSha256);
            Assert.Equal(PublishedReportStore.Sha256(Files("eerste").Pdf), v1.PdfSha256);
            var v2 = await store.PublishAsync(Files("tweede"), "analist2@test");
            Assert.Equal((2, v1Id), (v2.Version, v2.SupersedesId!.Value));
        }
        await using (var db = t.Context())
        {
            var store = new PublishedReportStore(db);
            var all = await store.ListAsync();
            Assert.Equal([2, 1], all.Select(r => r.Version));
            Assert.Equal(2, PublishedReportStore.SupersededBy(all)[v1Id].Version);
            var pdf = (await store.FileAsync(v1Id, "pdf"))!;
            Assert.Equal(v1Hash, PublishedReportStore.Sha256(pdf.Content));
            Assert.Equal(("1,2", "analist@test"), (all.Single(r => r.Id == v1Id).ResolutionIds, all.Single(r => r.Id == v1Id).PublishedBy));

            var report = await db.PublishedReports.SingleAsync(r => r.Id == v1Id);
            report.Title = "Anders";
            await Assert.ThrowsAsync<ImmutableRecordException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            var file = await db.PublishedReportFiles.SingleAsync(f => f.ReportId == v1Id && f.Format == "pdf");
            file.Content = [1, 2, 3];
            await Assert.ThrowsAsync<ImmutableRecordException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.PublishedReports.Remove(await db.PublishedReports.SingleAsync(r => r.Id == v1Id));
            Assert.Contains("nooit verwijderd", (await Assert.ThrowsAsync<ImmutableRecordException>(() => db.SaveChangesAsync())).Message);
            db.ChangeTracker.Clear();
            db.PublishedReportFiles.Remove(await db.PublishedReportFiles.SingleAsync(f => f.ReportId == v1Id && f.Format == "xlsx"));
            await Assert.ThrowsAsync<ImmutableRecordException>(() => db.SaveChangesAsync());
        }
        await using (var db = t.Context())
        {
            Assert.Equal(2, await db.PublishedReports.CountAsync());
            Assert.Equal(6, await db.PublishedReportFiles.CountAsync());
            Assert.Equal(v1Hash, PublishedReportStore.Sha256((await db.PublishedReportFiles.SingleAsync(f => f.ReportId == v1Id && f.Format == "pdf")).Content));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(PublishedReport)));
        }
    }
}
