using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The audit trail pages without sorting the whole view (issue 24): with many audit entries and import changes, every page
/// <see cref="AuditService.SearchAsync"/> gives equals the same page of the view <c>AuditTrail</c> sorted in full, on both providers.
/// </summary>
public class AuditPagingTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>1.500 audit entries a minute apart (every tenth pair at the same moment), and four import runs of 400 changes between them.</summary>
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
            var pages = (all.Count + pageSize - 1) / pageSize;
            foreach (var page in new[] { 1, 2, pages / 2, pages - 1, pages }.Where(p => p >= 1).Distinct())
            {
                var got = await audit.SearchAsync(filter, page, pageSize);
                Assert.Equal(all.Count, got.Total);
                Assert.Equal(page, got.Page);
                var expected = all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
                // an audit entry and an import change may share an id: the source tells them apart (changes have an import run)
                Assert.Equal(expected.Select(e => (e.Source == 1, e.Id)), got.Entries.Select(e => (e.ImportRunId is not null, e.Id)));
            }
        }

        Assert.Equal(3100, await db.AuditTrail.CountAsync());
        await Check(new AuditFilter(), db.AuditTrail, 50);
        await Check(new AuditFilter(), db.AuditTrail, 37);
        await Check(new AuditFilter { User = "IMPORT" }, db.AuditTrail.Where(a => a.UserName.Contains("import")), 50);
        await Check(new AuditFilter { User = "analist" }, db.AuditTrail.Where(a => a.UserName.Contains("analist")), 50);
        var from = new DateOnly(2026, 3, 2); // the second day: entries from minute 960 on, and the last run
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await Check(new AuditFilter { From = from }, db.AuditTrail.Where(a => a.Timestamp >= start), 50);
        // a page beyond the last gives the last
        Assert.Equal((3100 + 49) / 50, (await audit.SearchAsync(new AuditFilter(), 999, 50)).Page);
    }
}
