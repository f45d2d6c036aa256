using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The audit trail pages without sorting the whole view (issue 24) and without reading the pages before it (keyset
/// paging): with many audit entries and import changes, every page <see cref="AuditService.SearchAsync"/> gives — going
/// forward with "volgende" and back with "vorige" — equals the same page of the view <c>AuditTrail</c> sorted in full, on
/// both providers; the count stops at 10.000.
/// </summary>
public class AuditPagingTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// 1.500 audit entries a minute apart (every tenth pair at the same moment), four import runs of 400 changes between
    /// them, and a fifth run of 60 changes that starts at the same moment as the second.
    /// </summary>
    private static async Task FillAsync(BanenmonitorDbContext db)
    {
        for (var i = 0; i < 1500; i++)
            db.AuditEntries.Add(new AuditEntry
            {
                Timestamp = T0.AddMinutes(i - i % 10 / 9), UserName = i % 3 == 0 ? "analist@voorbeeld.nl" : "beheerder@voorbeeld.nl", Action = AuditAction.Update,
                EntityType = nameof(SectorReport), EntityKey = $"{i % 13 + 1}|{2015 + i % 9}", Cause = "test", Before = "{}", After = "{}",
            });
        for (var r = 0; r < 4; r++)
        {
            // run 2 starts at the same moment as an audit entry: the changes come first at that moment (source 1)
            var run = new ImportRun
            {
                Id = Guid.NewGuid(), Kind = "verloonde-uren", FileName = $"run{r}.csv", FileHash = new string('a', 64), UserName = $"import{r}@voorbeeld.nl",
                StartedAt = T0.AddMinutes(r * 400 + 123), FinishedAt = T0.AddMinutes(r * 400 + 124),
            };
            db.ImportRuns.Add(run);
            for (var c = 0; c < 400; c++)
                db.ImportChanges.Add(new ImportChange { ImportRunId = run.Id, Action = AuditAction.Insert, EntityType = nameof(PaidHoursRecord), EntityKey = $"1|{r}|{c}", After = "{}" });
        }
        var twin = new ImportRun
        {
            Id = Guid.NewGuid(), Kind = "inleen-toerekeningen", FileName = "tegelijk.csv", FileHash = new string('b', 64), UserName = "import9@voorbeeld.nl",
            StartedAt = T0.AddMinutes(400 + 123), FinishedAt = T0.AddMinutes(400 + 125),
        };
        db.ImportRuns.Add(twin);
        for (var c = 0; c < 60; c++)
            db.ImportChanges.Add(new ImportChange { ImportRunId = twin.Id, Action = AuditAction.Insert, EntityType = HiredInHoursRecord.AuditName, EntityKey = $"9|{c}", After = "{}" });
        await db.SaveChangesAsync();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_page_equals_that_page_of_the_fully_sorted_trail(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "audit-paginering");
        await using (var fill = t.Context()) await FillAsync(fill);
        await using var db = t.Context();
        var audit = new AuditService(db);

        async Task Check(AuditFilter filter, IQueryable<AuditTrailRow> reference, int pageSize)
        {
            var all = await reference.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Source).ThenByDescending(a => a.Id)
                .Select(a => new { a.Source, a.Id }).ToListAsync();
            var pages = new List<AuditPage>();
            // Forward with "volgende": page k is rows k × size … of the fully sorted trail.
            for (var p = await audit.SearchAsync(filter, pageSize: pageSize); ; p = await audit.SearchAsync(filter, after: p.Next, pageSize: pageSize))
            {
                pages.Add(p);
                Assert.Equal(all.Count, p.Counted);
                Assert.False(p.CountStopped);
                var expected = all.Skip((pages.Count - 1) * pageSize).Take(pageSize).ToList();
                // an audit entry and an import change may share an id: the source tells them apart (changes have an import run)
                Assert.Equal(expected.Select(e => (e.Source == 1, e.Id)), p.Entries.Select(e => (e.ImportRunId is not null, e.Id)));
                Assert.Equal(pages.Count > 1, p.Previous is not null);
                if (p.Next is null) break;
            }
            Assert.Equal(Math.Max(1, (all.Count + pageSize - 1) / pageSize), pages.Count);
            // Back with "vorige" from the last page: the same pages in reverse (the first page is the newest, whole).
            var back = pages[^1];
            for (var k = pages.Count - 2; k >= 0; k--)
            {
                back = await audit.SearchAsync(filter, before: back.Previous, pageSize: pageSize);
                Assert.Equal(pages[k].Entries.Select(e => (e.ImportRunId, e.Id)), back.Entries.Select(e => (e.ImportRunId, e.Id)));
            }
            Assert.Null(back.Previous);
        }

        Assert.Equal(3160, await db.AuditTrail.CountAsync());
        await Check(new AuditFilter(), db.AuditTrail, 50);
        await Check(new AuditFilter(), db.AuditTrail, 37);
        await Check(new AuditFilter { User = "IMPORT" }, db.AuditTrail.Where(a => a.UserName.Contains("import")), 50);
        await Check(new AuditFilter { User = "analist" }, db.AuditTrail.Where(a => a.UserName.Contains("analist")), 50);
        var from = new DateOnly(2026, 3, 2); // the second day: entries from minute 960 on, and the last run
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await Check(new AuditFilter { From = from }, db.AuditTrail.Where(a => a.Timestamp >= start), 50);
        Assert.Equal(0, (await audit.SearchAsync(new AuditFilter { User = "niemand" })).Counted);

        // Past 10.000 the count stops: "meer dan 10.000".
        await using (var more = t.Context())
        {
            var big = new ImportRun
            {
                Id = Guid.NewGuid(), Kind = "verloonde-uren", FileName = "groot.csv", FileHash = new string('c', 64), UserName = "import@voorbeeld.nl",
                StartedAt = T0.AddDays(3), FinishedAt = T0.AddDays(3).AddMinutes(5),
            };
            more.ImportRuns.Add(big);
            more.ImportChanges.AddRange(Enumerable.Range(0, 10_001).Select(c => new ImportChange
                { ImportRunId = big.Id, Action = AuditAction.Insert, EntityType = nameof(PaidHoursRecord), EntityKey = $"2|{c}", After = "{}" }));
            await more.SaveChangesAsync();
        }
        var first = await audit.SearchAsync(new AuditFilter());
        Assert.True(first.CountStopped);
        Assert.Equal("meer dan 10.000", first.CountText);
        Assert.All(first.Entries, e => Assert.Equal("import@voorbeeld.nl", e.UserName));
    }
}
