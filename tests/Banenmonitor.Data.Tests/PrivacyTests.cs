using System.Text;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

public class PrivacyTests
{
    [Theory]
    [InlineData("111222333", true)]   // 9+8+7+12+10+8+9+6-3 = 66 = 6 × 11
    [InlineData("123456782", true)]   // 9+16+21+24+25+24+21+16-2 = 154 = 14 × 11
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]   // read as 012345678: 0+8+14+18+20+20+18+14-8 = 104, not a multiple of 11
    [InlineData("11122233a", false)]
    [InlineData("1112223334", false)]
    public void Elfproef(string bsn, bool valid) => Assert.Equal(valid, Bsn.IsValid(bsn));

    [Fact]
    public void Pseudonym_is_keyed_deterministic_and_not_the_plain_hash()
    {
        var a = PseudonymKey.FromText("sleutel-een-0123456789");
        var b = PseudonymKey.FromText("sleutel-twee-0123456789");
        Assert.Equal(a.Pseudonymize("111222333"), a.Pseudonymize("111222333"));
        Assert.NotEqual(a.Pseudonymize("111222333"), b.Pseudonymize("111222333"));
        Assert.True(PseudonymKey.IsPseudonym(a.Pseudonymize("111222333")));
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes("111222333")));
        Assert.NotEqual(plain, a.Pseudonymize("111222333"));
        Assert.Throws<ArgumentException>(() => PseudonymKey.FromText("kort"));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_with_bsn_but_without_key_is_refused_in_Dutch_and_writes_nothing(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "geen-sleutel");
        await using var db = t.Context();
        var before = await Samples.CountsAsync(db);
        var r = await new ImportService(db, PseudonymKey.None).ImportAsync(Samples.Stream(Samples.Csv["doelgroepregistraties"]), "doelgroepregistraties", "d.csv", "test");
        Assert.False(r.Success);
        var e = Assert.Single(r.Errors);
        Assert.Contains("pseudonimiseringssleutel", e.Message);
        Assert.Contains("BANENMONITOR_PSEUDONIEM_SLEUTEL", e.Message);
        Assert.Equal(before, await Samples.CountsAsync(db));
    }

    [Fact]
    public async Task No_bsn_in_clear_anywhere_in_the_sqlite_file_after_an_import()
    {
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "bsn-scan");
        var bsns = Samples.Bsns(20_000_000).Take(300).ToList();
        await using (var db = t.Context())
        {
            await Samples.ImportAllAsync(db);
            var csv = new StringBuilder("loonheffingennummer;bsn;pseudoniem;periode_begin;periode_einde;uren;vorm\n");
            var reg = new StringBuilder("bsn;grond;startdatum\n");
            foreach (var b in bsns)
            {
                csv.Append($"100000001L01;{b};;2024-03-01;2024-03-31;100;dienstverband\n");
                reg.Append($"{b};wajong;2020-01-01\n");
            }
            var service = new ImportService(db, TestDatabases.Key);
            Assert.True((await service.ImportAsync(Samples.Stream(reg.ToString()), "doelgroepregistraties", "r.csv", "test")).Success);
            Assert.True((await service.ImportAsync(Samples.Stream(csv.ToString()), "verloonde-uren", "u.csv", "test")).Success);
            Assert.Equal(300 + 3, await db.TargetGroupRegistrations.CountAsync());
            Assert.Contains(await db.AuditTrail.Select(a => a.After).ToListAsync(), a => a != null && a.Contains(TestDatabases.Key.Pseudonymize(bsns[0])));
        }
        SqliteConnection.ClearAllPools();
        var bytes = new List<byte>();
        foreach (var f in new[] { t.SqliteFile!, t.SqliteFile + "-wal", t.SqliteFile + "-journal" })
            if (File.Exists(f)) bytes.AddRange(await File.ReadAllBytesAsync(f));
        var content = bytes.ToArray();
        Assert.True(content.Length > 10_000);
        foreach (var b in bsns.Concat(Samples.Bsn))
        {
            Assert.Equal(-1, content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(b)));
            Assert.Equal(-1, content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(b)));
        }
        // The pseudonym is there (so the scan reads real content).
        Assert.NotEqual(-1, content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(TestDatabases.Key.Pseudonymize(bsns[0]))));
    }

    [Fact]
    public void The_fingerprint_tells_keys_apart_and_is_neither_the_key_nor_a_pseudonym_of_a_bsn()
    {
        var a = PseudonymKey.FromText("sleutel-een-0123456789");
        Assert.Equal(a.Fingerprint, PseudonymKey.FromText("sleutel-een-0123456789").Fingerprint);
        Assert.NotEqual(a.Fingerprint, PseudonymKey.FromText("sleutel-twee-0123456789").Fingerprint);
        Assert.True(PseudonymKey.IsPseudonym(a.Fingerprint));
        Assert.DoesNotContain("sleutel", a.Fingerprint);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("sleutel-een-0123456789"), Encoding.ASCII.GetBytes(PseudonymKey.FingerprintLabel)));
        Assert.Equal(expected, a.Fingerprint);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_import_under_another_key_than_the_first_is_refused_in_Dutch_and_writes_nothing(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "andere-sleutel");
        await using var db = t.Context();
        var keyA = PseudonymKey.FromText("sleutel-A-van-de-eerste-import");
        var keyB = PseudonymKey.FromText("sleutel-B-na-een-verwisseling");
        var first = await new ImportService(db, keyA).ImportAsync(Samples.Stream(Samples.Csv["doelgroepregistraties"]), "doelgroepregistraties", "d.csv", "test");
        Assert.True(first.Success, string.Join("; ", first.Errors));
        var stored = await db.PseudonymKeyFingerprints.AsNoTracking().SingleAsync();
        Assert.Equal(keyA.Fingerprint, stored.Fingerprint);
        Assert.Equal("test", stored.RecordedBy);

        var before = await Samples.CountsAsync(db);
        var audit = await db.AuditTrail.CountAsync();
        var other = """
            bsn;grond;startdatum
            111222333;wajong;2021-01-01
            """;
        var second = await new ImportService(db, keyB).ImportAsync(Samples.Stream(other), "doelgroepregistraties", "d2.csv", "test");
        Assert.False(second.Success);
        var e = Assert.Single(second.Errors);
        Assert.Equal((2, "bsn"), (e.Row!.Value, e.Column!));
        Assert.Contains("andere dan de sleutel", e.Message);
        Assert.Contains("tweede pseudoniem", e.Message);
        Assert.Contains("wissel", e.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(before, await Samples.CountsAsync(db));
        Assert.Equal(audit, await db.AuditTrail.CountAsync());
        Assert.Equal(keyA.Fingerprint, (await db.PseudonymKeyFingerprints.AsNoTracking().SingleAsync()).Fingerprint);
        Assert.False(await db.TargetGroupRegistrations.AnyAsync(r => r.Pseudonym == keyB.Pseudonymize("111222333")));

        // The original key still works; a file without BSNs (pseudonyms only) does not need the key.
        var again = await new ImportService(db, keyA).ImportAsync(Samples.Stream(other), "doelgroepregistraties", "d3.csv", "test");
        Assert.True(again.Success, string.Join("; ", again.Errors));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_failed_first_import_records_no_fingerprint(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "sleutel-fout");
        await using var db = t.Context();
        var bad = """
            bsn;grond;startdatum
            111222333;wajong;2021-01-01
            111222333;onbekend;2021-01-01
            """;
        Assert.False((await new ImportService(db, PseudonymKey.FromText("sleutel-A-van-de-eerste-import")).ImportAsync(Samples.Stream(bad), "doelgroepregistraties", "d.csv", "test")).Success);
        Assert.Equal(0, await db.PseudonymKeyFingerprints.CountAsync());
        Assert.True((await new ImportService(db, PseudonymKey.FromText("sleutel-B-na-een-verwisseling")).ImportAsync(Samples.Stream(bad.Split('\n')[0] + "\n" + bad.Split('\n')[1]), "doelgroepregistraties", "d.csv", "test")).Success);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Rotating_the_key_re_pseudonymises_every_table_in_one_transaction_or_changes_nothing(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "sleutel-wissel");
        await using var db = t.Context();
        var keyA = PseudonymKey.FromText("sleutel-A-van-de-eerste-import");
        var keyB = PseudonymKey.FromText("sleutel-B-de-nieuwe-sleutel");
        var import = new ImportService(db, keyA);
        foreach (var kind in new[] { "werkgevers", "doelgroepregistraties", "verloonde-uren" })
            Assert.True((await import.ImportAsync(Samples.Stream(Samples.Csv[kind]), kind, kind + ".csv", "test")).Success);
        var before = await Samples.DumpAsync(db);
        var persons = Samples.Bsn.ToList();
        async Task<KeyRotationResult> Rotate(PseudonymKey from, IEnumerable<string> bsns) =>
            await PseudonymKeyRotation.RotateAsync(db, from, keyB, Samples.Stream("bsn\n" + string.Join("\n", bsns) + "\n"), FileFormat.Csv, "bsns.csv", "beheerder");

        // A BSN missing from the file, a wrong old key, an invalid BSN: refused, nothing changed.
        var missing = await Rotate(keyA, persons.Take(2));
        Assert.False(missing.Done);
        Assert.Contains("horen bij geen van de BSN's", Assert.Single(missing.Errors));
        Assert.Contains("niet de sleutel", Assert.Single((await Rotate(PseudonymKey.FromText("een-heel-andere-sleutel"), persons)).Errors));
        Assert.Contains("regel 2, kolom bsn", Assert.Single((await Rotate(keyA, ["123456789", .. persons])).Errors));
        db.ChangeTracker.Clear();
        Assert.Equal(before, await Samples.DumpAsync(db));

        var done = await Rotate(keyA, persons);
        Assert.True(done.Done, string.Join("; ", done.Errors));
        db.ChangeTracker.Clear();
        Assert.True(done.Persons >= 3);
        Assert.Equal(keyB.Fingerprint, (await db.PseudonymKeyFingerprints.AsNoTracking().SingleAsync()).Fingerprint);
        Assert.Equal(keyB.Pseudonymize(persons[0]), (await db.TargetGroupRegistrations.AsNoTracking().SingleAsync(r => r.StartDate == new DateOnly(2016, 3, 1))).Pseudonym);
        Assert.False(await db.PaidHours.AnyAsync(r => r.Pseudonym == keyA.Pseudonymize(persons[0])));
        Assert.True(await db.PaidHours.AnyAsync(r => r.Pseudonym == keyB.Pseudonymize(persons[0])));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(PseudonymKeyFingerprint)).ToListAsync(), a => a.Cause.Contains("sleutel gewisseld"));

        // From now on the new key imports and the old one is refused.
        Assert.True((await new ImportService(db, keyB).ImportAsync(Samples.Stream(Samples.Csv["doelgroepregistraties"]), "doelgroepregistraties", "d.csv", "test")).Success);
        Assert.Equal(0, (await new ImportService(db, keyB).ImportAsync(Samples.Stream(Samples.Csv["doelgroepregistraties"]), "doelgroepregistraties", "d.csv", "test")).Inserted);
        Assert.False((await new ImportService(db, keyA).ImportAsync(Samples.Stream(Samples.Csv["doelgroepregistraties"]), "doelgroepregistraties", "d.csv", "test")).Success);
    }
}
