using System.Text.Json;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Cli.Tests;

/// <summary><c>banenmonitor sector schat</c> through the real entry point, on real files and a real SQLite database.</summary>
public sealed class SectorTotalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("banenmonitor-sector-").FullName;

    private string File(string name, string text)
    {
        var p = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    // Six employers; four report. Classes: klein has one reporter and is merged into middel (2 reporters, 4 employers).
    // By hand: sum = 2 + 4 + 8 + 8 = 22 (lower bound). Weights: klein+middel 4/2 = 2, groot 2/2 = 1.
    // Ratio R = (2·2 + 2·4 + 8 + 8) ÷ (2·100 + 2·200 + 400 + 400) = 28 ÷ 1400; total = R × 1400 = 28.
    // Post-stratified: 4 × (2+4)/2 + 2 × (8+8)/2 = 12 + 16 = 28.
    private const string Register = "werkgever,grootteklasse,omvang\na,klein,100\nb,klein,100\nc,middel,200\nd,middel,200\ne,groot,400\nf,groot,400\n";
    private const string Reports = "werkgever,realisatie\na,2\nc,4\ne,8\nf,8\n";

    [Fact]
    public void From_files_all_three_methods_with_coverage()
    {
        var (exit, output, err) = CliRunner.Run("sector", "schat", "--sector", "hbo", "--jaar", "2020",
            "--register", File("register.csv", Register), "--rapportages", File("rapportages.csv", Reports), "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var d = root.GetProperty("dekking");
        Assert.Equal(4, d.GetProperty("werkgeversGerapporteerd").GetInt32());
        Assert.Equal(6, d.GetProperty("werkgeversTotaal").GetInt32());
        Assert.Equal(1100.0 / 1400.0, d.GetProperty("aandeelOmvang").GetDouble(), 10);
        var est = root.GetProperty("schattingen").EnumerateArray().ToDictionary(e => e.GetProperty("methode").GetString()!);
        Assert.Equal(22, est["som"].GetProperty("schatting").GetDouble(), 10);
        Assert.True(est["som"].GetProperty("isOndergrens").GetBoolean());
        Assert.Equal(JsonValueKind.Null, est["som"].GetProperty("standaardfout").ValueKind);
        Assert.Equal(28, est["ratio"].GetProperty("schatting").GetDouble(), 10);
        Assert.Equal(28, est["poststratificatie"].GetProperty("schatting").GetDouble(), 10);
        Assert.Contains("grootteklasse", est["poststratificatie"].GetProperty("aanname").GetString());
        Assert.Contains(est["poststratificatie"].GetProperty("opmerkingen").EnumerateArray(), n => n.GetString()!.Contains("'klein'"));
        // published hbo 2020 figure beside it
        Assert.Equal(408m, root.GetProperty("gepubliceerdeSom").GetDecimal());
    }

    [Fact]
    public void Published_hbo_2020_gives_ratio_516_and_says_why_there_is_no_interval()
    {
        var (exit, output, err) = CliRunner.Run("sector", "schat", "--sector", "hbo", "--jaar", "2020", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var est = doc.RootElement.GetProperty("schattingen").EnumerateArray().ToDictionary(e => e.GetProperty("methode").GetString()!);
        Assert.Equal(408, est["som"].GetProperty("schatting").GetDouble());
        Assert.Equal(408 / 0.79, est["ratio"].GetProperty("schatting").GetDouble(), 6);
        Assert.Contains(est["ratio"].GetProperty("opmerkingen").EnumerateArray(), n => n.GetString()!.Contains("geen standaardfout"));
        Assert.Equal("21 van 36 organisaties, 79% van het personeel", doc.RootElement.GetProperty("gepubliceerdeDekking").GetString());
    }

    [Fact]
    public void Unknown_employer_in_reports_names_file_row_and_column()
    {
        var (exit, _, err) = CliRunner.Run("sector", "schat", "--sector", "hbo", "--jaar", "2020",
            "--register", File("register.csv", Register), "--rapportages", File("rapportages.csv", "werkgever,realisatie\na,2\nzz,4\n"));
        Assert.Equal(2, exit);
        Assert.Contains("rapportages.csv, rij 3, kolom 'werkgever'", err);
        Assert.DoesNotContain("   at ", err);
        (exit, _, err) = CliRunner.Run("sector", "schat", "--sector", "hbo", "--jaar", "2020", "--methode", "gok");
        Assert.Equal(2, exit);
        Assert.Contains("Onbekende methode 'gok'", err);
    }

    [Fact]
    public async Task From_the_database_the_chosen_method_is_recorded_and_audited()
    {
        var file = Path.Combine(_dir, "bm.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        // through the real import command: employers, the sector register (size per employer-year) and the reports
        var employers = File("werkgevers.csv", "loonheffingennummer;naam;sector;grootteklasse;uitlener\n" + string.Join("\n", Enumerable.Range(0, 6).Select(i =>
            $"30000000{i}L01;Hogeschool {i};hbo;{(i < 2 ? "klein" : i < 4 ? "middel" : "groot")};geen")));
        var register = File("register-db.csv", "loonheffingennummer;jaar;maat;omvang;bron\n" + string.Join("\n", new[] { 100, 100, 200, 200, 400, 400 }.Select((x, i) =>
            $"30000000{i}L01;2020;personeel;{x};Register hbo")));
        var reports = File("rapportages-db.csv", "loonheffingennummer;jaar;realisatie;bron\n300000000L01;2020;2;x\n300000002L01;2020;4;x\n300000004L01;2020;8;x\n300000005L01;2020;8;x");
        foreach (var (kind, f) in new[] { ("werkgevers", employers), ("sectorregister", register), ("werkgeversrapportages", reports) })
        {
            var imp = CliRunner.Run("import", kind, f, "--database", file);
            Assert.True(imp.Exit == 0, imp.Out + imp.Err);
        }
        var (exit, output, err) = CliRunner.Run("sector", "schat", "--sector", "hbo", "--jaar", "2020", "--database", file,
            "--methode", "ratio", "--vastleggen", "--door", "hbo@voorbeeld.nl", "--reden", "omvang van alle instellingen bekend", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("database", doc.RootElement.GetProperty("bron").GetString());
        Assert.Contains("personeel", doc.RootElement.GetProperty("dekking").GetProperty("omschrijving").GetString());
        Assert.Equal(28m, doc.RootElement.GetProperty("vastgelegd").GetProperty("schatting").GetDecimal());
        // The shared service's employer list and key figures: two of six did not report; no targets in this register, so no rank.
        var k = doc.RootElement.GetProperty("kerncijfers");
        Assert.Equal((6, 2), (k.GetProperty("werkgevers").GetInt32(), k.GetProperty("nietGerapporteerd").GetInt32()));
        Assert.Equal(6, doc.RootElement.GetProperty("werkgevers").GetArrayLength());
        Assert.Equal(2, k.GetProperty("verdeling").EnumerateArray().Single(b => b.GetProperty("klasse").GetString() == "niet gerapporteerd").GetProperty("werkgevers").GetInt32());
        await using (var db = BanenmonitorDatabase.CreateContext(settings))
        {
            var c = await db.SectorEstimateChoices.SingleAsync();
            Assert.Equal(("ratio", 28m, 4, 6, "hbo@voorbeeld.nl"), (c.Method, c.Estimate, c.EmployersReported, c.EmployersTotal, c.ChosenBy));
            var a = await db.AuditEntries.SingleAsync(x => x.EntityType == nameof(SectorEstimateChoice));
            Assert.Equal("hbo@voorbeeld.nl", a.UserName);
            Assert.Contains("schattingsmethode hbo 2020: ratio", a.Cause);
        }
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
