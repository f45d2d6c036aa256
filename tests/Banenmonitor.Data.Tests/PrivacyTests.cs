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
            Assert.Contains(await db.AuditEntries.Select(a => a.After).ToListAsync(), a => a != null && a.Contains(TestDatabases.Key.Pseudonymize(bsns[0])));
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
}
