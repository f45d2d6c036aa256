using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The bulk import path of the big kinds (staging table, set-based upsert, changes stored set-wise per run) against the
/// entity path it replaces, and its promises: idempotent, all or nothing, errors named by file, row and column, and a
/// killed import process leaving the old or the new state.
/// </summary>
public class BulkImportTests
{
    private static readonly string[] B = Samples.Bsns(20_000_000).Take(8).ToArray();

    /// <summary>Second versions of the bulk kinds' sample files: some values changed, some rows new.</summary>
    internal static readonly Dictionary<string, string> Changed = new()
    {
        ["doelgroepregistraties"] = $"""
            bsn;pseudoniem;grond;startdatum;einddatum
            {Samples.Bsn[0]};;wajong;2016-03-01;2024-12-31
            {Samples.Bsn[1]};;participatiewet;2018-01-15;2023-06-30
            {Samples.Bsn[3]};;praktijkroute;2022-09-01;
            """,
        ["verloonde-uren"] = $"""
            loonheffingennummer;bsn;pseudoniem;periode_begin;periode_einde;uren;vorm
            100000001L01;{Samples.Bsn[0]};;2024-01-01;2024-01-31;111;dienstverband
            100000001L01;{Samples.Bsn[0]};;2024-02-01;2024-02-29;100,5;dienstverband
            100000003L01;{Samples.Bsn[1]};;2024-01-01;2024-01-31;80;payroll
            100000004L01;{Samples.Bsn[4]};;2024-03-01;2024-03-31;12,25;detachering
            """,
        ["inleen-toerekeningen"] = $"""
            uitlener_loonheffingennummer;inlener_loonheffingennummer;bsn;pseudoniem;jaar;uren;overeengekomen_op
            100000003L01;100000001L01;{Samples.Bsn[1]};;2024;900;2025-07-31
            100000003L01;100000004L01;{Samples.Bsn[2]};;2024;10,5;2025-01-15
            """,
        ["sroi-plaatsingen"] = $""""
            contractnummer;opdrachtgever_loonheffingennummer;leverancier;leverancier_loonheffingennummer;contractwaarde;verplichting;plaatsingsnummer;bsn;pseudoniem;aantal_personen;jaar;uren
            SROI-1;100000001L01;Bouw B.V.;100000002L01;1600000;75000;1;{Samples.Bsn[3]};;;2024;1200
            SROI-1;100000001L01;Bouw B.V.;100000002L01;1600000;75000;2;;;3;2024;2000
            SROI-1;100000001L01;Bouw B.V.;100000002L01;1600000;75000;3;{Samples.Bsn[5]};;;2024;300
            SROI-2;100000004L01;"Schoonmaak ""Glans""";;20000;1000;1;;;1;2024;80
            """",
    };

    internal static readonly string[] BulkKinds = ["doelgroepregistraties", "verloonde-uren", "inleen-toerekeningen", "sroi-plaatsingen"];

    private static Task<ImportResult> Import(BanenmonitorDbContext db, string kind, string csv, string file, bool entityFramework = false, ImportOptions? options = null) =>
        new ImportService(db, TestDatabases.Key).ImportAsync(Samples.Stream(csv), kind, file, "test",
            options: (options ?? new ImportOptions()) with { EntityFramework = entityFramework });

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_bulk_path_stores_the_same_rows_pseudonyms_and_audit_facts_as_the_entity_path(string provider)
    {
        await using var viaEntities = await TestDatabases.CreateAsync(provider, "bulk-gelijk-ef");
        await using var viaBulk = await TestDatabases.CreateAsync(provider, "bulk-gelijk-bulk");
        await using var ef = viaEntities.Context();
        await using var bulk = viaBulk.Context();
        foreach (var db in new[] { ef, bulk }) Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"], "werkgevers.csv")).Success);

        var files = BulkKinds.Select(k => (k, Samples.Csv[k], k + ".csv")).Concat(BulkKinds.Select(k => (k, Changed[k], k + "-2.csv")));
        foreach (var (kind, csv, name) in files)
        {
            var a = await Import(ef, kind, csv, name, entityFramework: true);
            var b = await Import(bulk, kind, csv, name);
            Assert.True(a.Success && b.Success, name + ": " + string.Join("; ", a.Errors.Concat(b.Errors)));
            Assert.Equal((a.Rows, a.Inserted, a.Updated, a.Unchanged), (b.Rows, b.Inserted, b.Updated, b.Unchanged));
            Assert.True(a.Inserted + a.Updated > 0, name + " changes something, so its audit facts are compared");
            Assert.Equal(await Facts(ef, a.ImportRunId!.Value), await Facts(bulk, b.ImportRunId!.Value));
            // The bulk path stored its changes set-wise, not as one audit entry per figure.
            Assert.Equal(0, await bulk.AuditEntries.CountAsync(e => e.ImportRunId == b.ImportRunId && e.EntityType != nameof(Banenmonitor.Data.Privacy.PseudonymKeyFingerprint)));
            Assert.Equal(b.Inserted + b.Updated, await bulk.ImportChanges.CountAsync(c => c.ImportRunId == b.ImportRunId && c.EntityType != nameof(SroiContract)));
        }
        var dump = await Samples.DumpAsync(bulk);
        Assert.Equal(await Samples.DumpAsync(ef), dump);
        Assert.Contains(dump, l => l.StartsWith($"U 100000001L01 {TestDatabases.Key.Pseudonymize(Samples.Bsn[0])} ") && l.EndsWith(" 111.00 Direct"));
        Assert.Contains(dump, l => l.StartsWith("S SROI-2 100000004L01 Schoonmaak \"Glans\" ") && l.EndsWith(" 2024 80.00"));

        // The audit trail answers per figure and per employer as it did for figures imported one by one.
        var key = $"{(await bulk.Employers.SingleAsync(e => e.PayrollTaxNumber == "100000001L01")).Id}|{TestDatabases.Key.Pseudonymize(Samples.Bsn[0])}|2024-01-01";
        var trail = await new AuditService(bulk).ForFigureAsync(nameof(PaidHoursRecord), key);
        Assert.Equal([AuditAction.Insert, AuditAction.Update], trail.Select(e => e.Action));
        Assert.Equal("import verloonde-uren (verloonde-uren-2.csv)", trail[1].Cause);
        Assert.Equal("test", trail[1].UserName);
        Assert.Equal(await Facts(new AuditService(ef).ForFigureAsync(nameof(PaidHoursRecord), key)), await Facts(Task.FromResult(trail)));
        var byEmployer = await new AuditService(bulk).SearchAsync(new AuditFilter { Employer = "100000001L01", EntityType = nameof(PaidHoursRecord) });
        Assert.Equal(3, byEmployer.Counted); // two inserted, one changed
    }

    /// <summary>
    /// The facts of an import's audit trail, independent of ids, timestamps and JSON spelling. A placement names its
    /// contract by id: the id is replaced by the contract's number as stored in that database, so an id that no stored
    /// contract has (such as EF Core's temporary negative id of a contract new in the same file) shows as a difference.
    /// </summary>
    private static async Task<List<string>> Facts(BanenmonitorDbContext db, Guid run)
    {
        var contracts = await db.SroiContracts.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Reference);
        return await Facts(new AuditService(db).ForImportAsync(run), contracts);
    }

    private static async Task<List<string>> Facts(Task<List<AuditEntry>> entries, Dictionary<int, string>? contracts = null) =>
        (await entries).Select(e => $"{e.Action} {e.EntityType} {Contract(e.EntityType, e.EntityKey, contracts)} {e.UserName} {e.Cause} {Values(e.Before, e.EntityType, contracts)} {Values(e.After, e.EntityType, contracts)}")
            .Order(StringComparer.Ordinal).ToList();

    private static string ContractName(int id, Dictionary<int, string>? contracts) =>
        contracts?.GetValueOrDefault(id) is { } reference ? "contract " + reference : $"onbekend contract {id}";

    private static string Contract(string type, string key, Dictionary<int, string>? contracts) =>
        type == nameof(SroiPlacement) ? ContractName(int.Parse(key[..key.IndexOf('|')], CultureInfo.InvariantCulture), contracts) + key[key.IndexOf('|')..] : key;

    private static string Values(string? json, string type, Dictionary<int, string>? contracts)
    {
        if (json is null) return "-";
        using var doc = JsonDocument.Parse(json);
        return string.Join(",", doc.RootElement.EnumerateObject()
            .Where(p => p.Name != "RecordedAt")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + (type == nameof(SroiPlacement) && p.Name == nameof(SroiPlacement.ContractId) ? ContractName(p.Value.GetInt32(), contracts)
                : p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDecimal().ToString("0.############", CultureInfo.InvariantCulture)
                : p.Value.ToString())));
    }

    private static string PaidHours(int persons, int months, int hours, int firstPerson = 0)
    {
        var csv = new StringBuilder("loonheffingennummer;bsn;pseudoniem;periode_begin;periode_einde;uren;vorm\n");
        foreach (var bsn in Samples.Bsns(30_000_000).Skip(firstPerson).Take(persons))
            for (var m = 1; m <= months; m++)
                csv.Append($"100000001L01;{bsn};;2024-{m:00}-01;2024-{m:00}-{DateTime.DaysInMonth(2024, m)};{hours + m},5;dienstverband\n");
        return csv.ToString();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reimporting_an_unchanged_file_writes_no_changes(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "bulk-opnieuw");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"], "w.csv")).Success);
        var file = PaidHours(500, 12, 100);
        var first = await Import(db, "verloonde-uren", file, "uren.csv", options: new ImportOptions { BatchSize = 250 });
        Assert.True(first.Success, string.Join("; ", first.Errors));
        Assert.Equal((6000L, 6000L, 0L), (first.Rows, first.Inserted, first.Updated));
        var dump = await Samples.DumpAsync(db);
        var (changes, audit) = (await db.ImportChanges.CountAsync(), await db.AuditEntries.CountAsync());
        Assert.Equal(6000, changes);

        var again = await Import(db, "verloonde-uren", file, "uren.csv", options: new ImportOptions { BatchSize = 250 });
        Assert.True(again.Success);
        Assert.Equal((6000L, 0L, 0L, 6000L), (again.Rows, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((changes, audit), (await db.ImportChanges.CountAsync(), await db.AuditEntries.CountAsync()));
        Assert.Equal(dump, await Samples.DumpAsync(db));
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == again.ImportRunId);
        Assert.Equal((6000L, 0L, 0L, 6000L, "test"), (run.Rows, run.Inserted, run.Updated, run.Unchanged, run.UserName));
        Assert.Equal(64, run.FileHash.Length);
        Assert.Empty(await new AuditService(db).ForImportAsync(run.Id));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_error_in_row_N_leaves_nothing_written_and_names_file_row_and_column(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "bulk-fout");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"], "w.csv")).Success);
        Assert.True((await Import(db, "verloonde-uren", PaidHours(100, 12, 100), "oud.csv")).Success);
        var before = await Samples.CountsAsync(db);
        var dump = await Samples.DumpAsync(db);

        // 4,800 rows, changed hours (so the valid rows would update and insert), one bad cell late in the file, after
        // many staged batches; a repeated key on the last row.
        var lines = PaidHours(400, 12, 90).TrimEnd('\n').Split('\n').ToList();
        var bad = 4321;
        lines[bad - 1] = System.Text.RegularExpressions.Regex.Replace(lines[bad - 1], ";[^;]*;dienstverband$", ";12,5,0;dienstverband");
        lines.Add(lines[1]);
        var r = await Import(db, "verloonde-uren", string.Join('\n', lines), "nieuw.csv", options: new ImportOptions { BatchSize = 100 });
        Assert.False(r.Success);
        Assert.Equal([(bad, "uren"), (lines.Count, null)], r.Errors.Select(e => (e.Row!.Value, e.Column)).ToList());
        Assert.Contains("ook in rij 2", r.Errors[1].Message);
        Assert.Contains("nieuw.csv", r.Summary);
        Assert.Contains("er is niets opgeslagen", r.Summary);
        Assert.StartsWith($"rij {bad}, kolom 'uren': ", r.Errors[0].ToString());
        db.ChangeTracker.Clear();
        Assert.Equal(before, await Samples.CountsAsync(db));
        Assert.Equal(dump, await Samples.DumpAsync(db));
    }

    /// <summary>
    /// The file is read once: its fingerprint is the SHA-256 of its bytes, and a decimal-point file is read with the
    /// point. A value read before the file showed its mark (5.250 in row 2, the first decimal point thousands of rows
    /// later) is judged by the mark of the whole file, as a pre-pass would: refused, nothing written.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task One_pass_gives_the_whole_files_fingerprint_and_decimal_mark(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "bulk-een-lezing");
        await using var db = t.Context();
        Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"], "w.csv")).Success);

        var point = PaidHours(300, 12, 90).Replace(",5;", ".5;");
        var ok = await Import(db, "verloonde-uren", point, "punt.csv", options: new ImportOptions { BatchSize = 100 });
        Assert.True(ok.Success, string.Join("; ", ok.Errors));
        Assert.Equal(3600L, ok.Inserted);
        Assert.Equal(91.5m, await db.PaidHours.Where(p => p.PeriodStart == new DateOnly(2024, 1, 1)).Select(p => p.Hours).MinAsync());
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == ok.ImportRunId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(point))), run.FileHash);
        var dump = await Samples.DumpAsync(db);

        // Row 2 reads 5.250 before any cell shows the mark; from row 3,001 on the hours have a decimal point.
        var lines = PaidHours(400, 12, 90, firstPerson: 300).TrimEnd('\n').Split('\n').ToList();
        for (var i = 1; i < lines.Count; i++)
            lines[i] = i < 3000 ? lines[i].Replace(",5;", ";") : lines[i].Replace(",5;", ".5;");
        lines[1] = System.Text.RegularExpressions.Regex.Replace(lines[1], ";[^;]*;dienstverband$", ";5.250;dienstverband");
        var late = await Import(db, "verloonde-uren", string.Join('\n', lines), "laat.csv", options: new ImportOptions { BatchSize = 100 });
        Assert.False(late.Success);
        var e = Assert.Single(late.Errors);
        Assert.Equal((2, "uren"), (e.Row, e.Column));
        Assert.Contains("'5.250' kan 5250 of 5,25 betekenen; dit bestand gebruikt de punt als decimaalteken (bijvoorbeeld rij 3001, kolom 'uren'", e.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(dump, await Samples.DumpAsync(db));
    }

    /// <summary>
    /// Runs the real command-line import as a child process and kills it at several points (after k progress reports
    /// of staged rows, and once reading is done, while the upsert runs): the database holds the state before the import
    /// or the state after it, never a mix.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Killing_the_import_process_leaves_the_old_or_the_new_state(string provider)
    {
        var oldFile = PaidHours(300, 12, 100);
        var newFile = PaidHours(900, 12, 110); // the 3,600 rows above with other hours, and 7,200 new
        var dir = Directory.CreateTempSubdirectory("banenmonitor-kill-").FullName;
        var path = Path.Combine(dir, "uren.csv");
        await File.WriteAllTextAsync(path, newFile);

        async Task<TestDatabase> Prepared(string name)
        {
            var t = await TestDatabases.CreateAsync(provider, name);
            await using var db = t.Context();
            Assert.True((await Import(db, "werkgevers", Samples.Csv["werkgevers"], "w.csv")).Success);
            Assert.True((await Import(db, "verloonde-uren", oldFile, "oud.csv")).Success);
            return t;
        }

        async Task<string> State(TestDatabase t)
        {
            if (t.SqliteFile is not null) SqliteConnection.ClearAllPools();
            await using var db = t.Context();
            return string.Join("\n", await Samples.DumpAsync(db)) + "\n" + await Samples.CountsAsync(db);
        }

        string oldState, newState;
        await using (var reference = await Prepared("kill-ref"))
        {
            oldState = await State(reference);
            await using (var db = reference.Context())
                Assert.True((await new ImportService(db, TestDatabases.Key).ImportFileAsync("verloonde-uren", path, "cli")).Success);
            newState = await State(reference);
        }
        Assert.NotEqual(oldState, newState);

        var outcomes = new List<string>();
        foreach (var killAfter in new[] { 1, 4, 8, int.MaxValue })
        {
            await using var t = await Prepared("kill");
            var (killed, committed) = await RunAndKill(t, path, killAfter);
            var state = await State(t);
            var which = state == oldState ? "oud" : state == newState ? "nieuw" : null;
            Assert.True(which is not null, $"na afbreken ({(killAfter == int.MaxValue ? "tijdens het wegschrijven" : $"na {killAfter} voortgangsmeldingen")}) is de database oud noch nieuw");
            // A kill that lands after the commit (the child may run ahead of the progress lines read here) finds the new state.
            if (committed) Assert.Equal("nieuw", which);
            outcomes.Add($"{killAfter}:{(killed && !committed ? "afgebroken" : "klaar")}:{which}");
        }
        // The kills before the commit hit an open transaction: nothing of the new file is there.
        Assert.All(outcomes.Where(o => o.Contains(":afgebroken:")), o => Assert.EndsWith(":afgebroken:oud", o));
        Assert.Contains(outcomes, o => o.StartsWith("1:afgebroken:", StringComparison.Ordinal));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>
    /// Starts <c>banenmonitor import</c> on <paramref name="t"/> and kills it after <paramref name="reports"/> progress
    /// reports, or (int.MaxValue) at the report that the rows are being stored (the upsert); whether the process was killed
    /// before it ended, and whether it had committed (its success line, printed after the commit, is in its output).
    /// </summary>
    private static async Task<(bool Killed, bool Committed)> RunAndKill(TestDatabase t, string file, int reports)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "banenmonitor.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.Environment[Banenmonitor.Data.Privacy.PseudonymKey.EnvironmentVariable] = "test-sleutel-alleen-voor-de-tests-van-banenmonitor";
        foreach (var a in new[] { cli, "import", "verloonde-uren", file, "--database", t.Settings.ConnectionString,
                     "--databasesoort", t.SqliteFile is null ? "postgresql" : "sqlite", "--batch", "200", "--voortgang", "1000" })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var seen = 0;
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null)
        {
            var writing = line.Contains("opslaan");
            if (!line.Contains("rijen gelezen") && !writing) continue;
            seen++;
            if (reports == int.MaxValue ? writing : seen >= reports)
            {
                if (process.HasExited) break;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (true, (await output).Contains("Importnummer", StringComparison.Ordinal));
            }
        }
        await process.WaitForExitAsync();
        return (false, true);
    }
}
