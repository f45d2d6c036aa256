// Benchmark of the audit trail's paging (issue: the audit page stays fast): the cost of the newest page against a page
// deep in the trail (near the oldest rows), both by AuditService.SearchAsync (keyset paging, count stopping at 10.000),
// and — as the peer it replaced — the same deep page by offset (sort of the whole view, skip, take) with the exact count.
// Usage: dotnet run -c Release -- <rows> <sqlite-file | PostgreSQL connection>   (half audit entries, half import changes)
using System.Diagnostics;
using Banenmonitor.Data;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

var rows = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var target = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"audit-bench-{Guid.NewGuid():N}.db");
var settings = target.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
    ? new DatabaseSettings(DatabaseProvider.PostgreSql, target)
    : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={target}");
await BanenmonitorDatabase.MigrateAsync(settings);
var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

await using (var db = BanenmonitorDatabase.CreateContext(settings))
{
    if (!await db.AuditEntries.AnyAsync())
    {
        var sw = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var entries = rows / 2;
        const int perRun = 5_000;
        for (var i = 0; i < entries; i++)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Timestamp = t0.AddSeconds(i * 2), UserName = i % 3 == 0 ? "analist@voorbeeld.nl" : "beheerder@voorbeeld.nl", Action = AuditAction.Update,
                EntityType = nameof(SectorReport), EntityKey = $"{i % 13 + 1}|{2015 + i % 9}", Cause = "bench", Before = "{}", After = "{}",
            });
            if (i % 10_000 == 9_999) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        for (var r = 0; r < (rows - entries + perRun - 1) / perRun; r++)
        {
            var run = new ImportRun
            {
                Id = Guid.NewGuid(), Kind = "verloonde-uren", FileName = $"run{r}.csv", FileHash = new string('a', 64), UserName = "import@voorbeeld.nl",
                StartedAt = t0.AddSeconds(r * 2.0 * entries / ((rows - entries) / perRun + 1) + 1), FinishedAt = t0,
            };
            db.ImportRuns.Add(run);
            for (var c = 0; c < perRun && r * perRun + c < rows - entries; c++)
                db.ImportChanges.Add(new ImportChange { ImportRunId = run.Id, Action = AuditAction.Insert, EntityType = nameof(PaidHoursRecord), EntityKey = $"1|{r}|{c}", After = "{}" });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"gevuld: {rows} regels in {sw.Elapsed.TotalSeconds:0.0} s");
    }
}

await using var read = BanenmonitorDatabase.CreateContext(settings);
var audit = new AuditService(read);
var total = await read.AuditTrail.CountAsync();
var deep = total - 100;
// The cursor of the row at position `deep` (set-up, not timed): the row a "volgende" link deep in the trail carries.
var at = await read.AuditTrail.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Source).ThenByDescending(a => a.Id).Skip(deep).FirstAsync();
var cursor = new AuditCursor(DateTime.SpecifyKind(at.Timestamp, DateTimeKind.Utc), at.Source, at.Id);

async Task<double> Median(Func<Task> f, int n = 9)
{
    await f(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        await f();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[n / 2];
}

var first = await Median(async () => _ = await audit.SearchAsync(new AuditFilter(), pageSize: 50));
var keyset = await Median(async () => _ = await audit.SearchAsync(new AuditFilter(), after: cursor, pageSize: 50));
var offset = await Median(async () =>
{
    _ = await read.AuditTrail.CountAsync();
    _ = await read.AuditTrail.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Source).ThenByDescending(a => a.Id).Skip(deep).Take(50).ToListAsync();
});
Console.WriteLine($"{settings.Provider}, {total} regels in de audittrail, pagina's van 50, mediaan van 9:");
Console.WriteLine($"  pagina 1 (nieuwste):                         {first,8:0.0} ms");
Console.WriteLine($"  pagina bij regel {deep} (volgende, keyset):  {keyset,8:0.0} ms   verhouding tot pagina 1: {keyset / first:0.00}");
Console.WriteLine($"  dezelfde pagina met offset en exacte telling: {offset,8:0.0} ms   verhouding tot pagina 1: {offset / first:0.00}");
