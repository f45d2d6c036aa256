using Banenmonitor.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// <c>import --controleren</c> (<see cref="ImportOptions.CheckOnly"/>), which the web page "Gegevens inlezen" runs before
/// it writes: the same errors as the import, the counts of new, changed and unchanged figures the import then gives, and
/// nothing written — on both the entity path and the bulk path, on both providers.
/// </summary>
public class ImportCheckTests
{
    private static Task<ImportResult> Run(BanenmonitorDbContext db, string kind, string csv, string file, bool check, bool entityFramework = false) =>
        new ImportService(db, TestDatabases.Key).ImportAsync(Samples.Stream(csv), kind, file, "test",
            options: new ImportOptions { CheckOnly = check, EntityFramework = entityFramework });

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_check_counts_what_the_import_then_does_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider, "controleren");
        await using var db = database.Context();
        var files = Samples.Kinds.Select(k => (k, Samples.Csv[k], k + ".csv"))
            .Concat(BulkImportTests.BulkKinds.Select(k => (k, BulkImportTests.Changed[k], k + "-2.csv")))
            .Append(("werkgevers", Samples.Csv["werkgevers"].Replace("Gemeente Testdorp", "Gemeente Testdorp-Noord"), "werkgevers-2.csv"))
            .ToList();
        // Each file twice: the second time every figure is unchanged, which the check must also say.
        foreach (var (kind, csv, name) in files.Concat(files))
        {
            var before = await Samples.CountsAsync(db);
            var dump = await Samples.DumpAsync(db);
            var check = await Run(db, kind, csv, name, check: true);
            Assert.True(check.Success && check.CheckedOnly, name + ": " + string.Join("; ", check.Errors));
            Assert.Null(check.ImportRunId);
            Assert.Equal(before, await Samples.CountsAsync(db));
            Assert.Equal(dump, await Samples.DumpAsync(db));
            // The entity path counts the same in its check.
            var viaEntities = await Run(db, kind, csv, name, check: true, entityFramework: true);
            Assert.Equal((check.Rows, check.Inserted, check.Updated, check.Unchanged), (viaEntities.Rows, viaEntities.Inserted, viaEntities.Updated, viaEntities.Unchanged));

            var import = await Run(db, kind, csv, name, check: false);
            Assert.True(import.Success, name + ": " + string.Join("; ", import.Errors));
            Assert.Equal((import.Rows, import.Inserted, import.Updated, import.Unchanged), (check.Rows, check.Inserted, check.Updated, check.Unchanged));
            Assert.Contains($"{check.Inserted} nieuw, {check.Updated} gewijzigd, {check.Unchanged} ongewijzigd", check.Summary);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_check_of_a_bad_file_names_row_and_column_as_the_import_does(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider, "controleren-fout");
        await using var db = database.Context();
        Assert.True((await Run(db, "werkgevers", Samples.Csv["werkgevers"], "werkgevers.csv", check: false)).Success);
        var bad = Samples.Csv["verloonde-uren"].Replace("2024-02-29;100,5", "2024-02-29;honderd") + "\n100000001L01;" + Samples.Bsn[0] + ";;2024-01-01;2024-01-31;1;dienstverband";
        var check = await Run(db, "verloonde-uren", bad, "uren.csv", check: true);
        var import = await Run(db, "verloonde-uren", bad, "uren.csv", check: false);
        Assert.False(check.Success);
        Assert.Equal(import.Errors.Select(e => e.ToString()), check.Errors.Select(e => e.ToString()));
        Assert.Contains(check.Errors, e => e.Row == 3 && e.Column == "uren");
        Assert.Contains(check.Errors, e => e.Row == 6 && e.Message.Contains("rij 2"));
        Assert.Equal(0, await db.PaidHours.CountAsync());
    }
}
