using System.Text;
using Banenmonitor.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

public class CancellationTests
{
    private sealed class CancelAfterFirstWrite(CancellationTokenSource cts) : IProgress<ImportProgress>
    {
        public long WrittenWhenCancelled { get; private set; }
        public void Report(ImportProgress value)
        {
            if (value.RowsWritten > 0 && !cts.IsCancellationRequested) { WrittenWhenCancelled = value.RowsWritten; cts.Cancel(); }
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_import_killed_mid_file_leaves_the_database_unchanged(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "afbreken");
        await using (var db = t.Context()) await Samples.ImportAllAsync(db);
        string before;
        List<string> dumpBefore;
        await using (var db = t.Context()) { before = await Samples.CountsAsync(db); dumpBefore = await Samples.DumpAsync(db); }

        var file = new StringBuilder("loonheffingennummer;pseudoniem;periode_begin;periode_einde;uren;vorm\n");
        for (var p = 0; p < 2_000; p++)
            for (var m = 1; m <= 6; m++)
                file.Append($"100000001L01;{p:x64};2023-{m:00}-01;2023-{m:00}-{DateTime.DaysInMonth(2023, m)};100;dienstverband\n");
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfterFirstWrite(cts);
        await using (var db = t.Context())
        {
            var service = new ImportService(db, TestDatabases.Key);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.ImportAsync(Samples.Stream(file.ToString()), "verloonde-uren", "groot.csv", "t",
                progress, new ImportOptions { BatchSize = 500, ProgressInterval = 1000 }, cts.Token));
        }
        Assert.True(progress.WrittenWhenCancelled >= 500, "er was al een deel naar de database geschreven toen de import werd afgebroken");
        await using (var db = t.Context())
        {
            Assert.Equal(before, await Samples.CountsAsync(db));
            Assert.Equal(dumpBefore, await Samples.DumpAsync(db));
            Assert.False(await db.PaidHours.AnyAsync(h => h.PeriodStart.Year == 2023));
        }
    }
}
