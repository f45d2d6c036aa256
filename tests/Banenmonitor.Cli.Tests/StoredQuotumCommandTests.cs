using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// <c>quotum --werkgever --jaar</c> from stored data, end to end on a real SQLite file: payroll and register imported with
/// the CLI, the quota computed from them with the counted sources, kept as a record and reused while nothing changes.
/// </summary>
public sealed class StoredQuotumCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("banenmonitor-cli-quotum").FullName;
    private string Db => Path.Combine(dir, "cli.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private static string Pseudonym(int i) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("cli-persoon-" + i)));

    /// <summary>
    /// A municipality of 30 persons paid 150 hours a month in 2021 and 2022 (A = 54.000); person 1 registered from
    /// 1 July 2022 (C = 6 × 150 = 900), person 2 only from February 2023 (left out: registered after the period).
    /// </summary>
    private void Import(string lhn) => Import(dir, ["--database", Db], lhn);

    /// <inheritdoc cref="Import(string)"/>
    /// <param name="database">The CLI's database options (<c>--database …</c>, with <c>--databasesoort</c> for PostgreSQL).</param>
    internal static void Import(string dir, string[] database, string lhn)
    {
        var employers = Path.Combine(dir, "werkgevers.csv");
        File.WriteAllText(employers, $"loonheffingennummer;naam;sector;grootteklasse;uitlener\n{lhn};Gemeente Uit Verloning;gemeenten;groot;geen\n");
        var hours = new StringBuilder("loonheffingennummer;pseudoniem;periode_begin;periode_einde;uren;vorm\n");
        foreach (var y in new[] { 2021, 2022 })
            for (var p = 0; p < 30; p++)
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(y, m, 1);
                    hours.Append($"{lhn};{Pseudonym(p)};{start:yyyy-MM-dd};{start.AddMonths(1).AddDays(-1):yyyy-MM-dd};150;dienstverband\n");
                }
        var payroll = Path.Combine(dir, "uren.csv");
        File.WriteAllText(payroll, hours.ToString());
        var register = Path.Combine(dir, "register.csv");
        File.WriteAllText(register, $"pseudoniem;grond;startdatum;einddatum\n{Pseudonym(1)};wajong;2022-07-01;\n{Pseudonym(2)};participatiewet;2023-02-01;\n");
        foreach (var (kind, file) in new[] { ("werkgevers", employers), ("doelgroepregistraties", register), ("verloonde-uren", payroll) })
        {
            var (exit, _, err) = CliRunner.Run(["import", kind, file, .. database]);
            Assert.True(exit == 0, kind + ": " + err);
        }
    }

    private static JsonElement Json(params string[] args)
    {
        var (exit, output, err) = CliRunner.Run(args);
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Equal JSON values; numbers by value (54000 = 54000.0).</summary>
    private static bool Same(JsonElement a, JsonElement b) => a.ValueKind switch
    {
        JsonValueKind.Number => b.ValueKind == JsonValueKind.Number && a.GetDecimal() == b.GetDecimal(),
        JsonValueKind.Object => a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out var q) && Same(p.Value, q)),
        JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(x => Same(x.First, x.Second)),
        _ => a.ToString() == b.ToString(),
    };

    [Fact]
    public void The_quota_from_stored_payroll_has_todays_fields_plus_its_sources_and_is_recorded_once()
    {
        Import("300000001L01");
        var stored = Json("quotum", "--werkgever", "300000001L01", "--jaar", "2022", "--database", Db, "--format", "json");
        var typed = Json("quotum", "--jaar", "2022", "--verloonde-uren", "54000", "--uren-doelgroep", "900", "--verloonde-uren-vorig-jaar", "54000", "--format", "json");
        // Every field of today's quotum, with the same values as the same totals typed in.
        foreach (var field in typed.EnumerateObject().Select(p => p.Name).Where(n => n != "stappen"))
            Assert.True(Same(typed.GetProperty(field), stored.GetProperty(field)), $"{field}: {typed.GetProperty(field)} ≠ {stored.GetProperty(field)}");
        Assert.Equal(0.4m, stored.GetProperty("quotumtekort").GetDecimal());
        Assert.Equal(typed.GetProperty("stappen").GetArrayLength(), stored.GetProperty("stappen").GetArrayLength());
        Assert.False(stored.GetProperty("onvolledig").GetBoolean());

        var b = stored.GetProperty("bronnen");
        Assert.Equal(360, b.GetProperty("verloningsregels").GetInt32());
        Assert.Equal(30, b.GetProperty("personen").GetInt32());
        Assert.Equal(6, b.GetProperty("verloningsregelsDoelgroep").GetInt32());
        Assert.Equal(1, b.GetProperty("personenDoelgroep").GetInt32());
        Assert.Equal(360, b.GetProperty("verloningsregelsVorigJaar").GetInt32());
        var left = b.GetProperty("weggelaten").EnumerateArray().ToList();
        // Person 1's January–June periods, before the registration of 1 July, are left out too: 6 + person 2's 12.
        Assert.Equal(18, Assert.Single(left, w => w.GetProperty("reden").GetString()!.StartsWith("ingeschreven na de periode")).GetProperty("aantal").GetInt32());

        var record = stored.GetProperty("vastlegging");
        Assert.False(record.GetProperty("hergebruikt").GetBoolean());
        Assert.Contains(record.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("parameter").GetString() == "quotumpercentage_overheid");
        var again = Json("quotum", "--werkgever", "300000001L01", "--jaar", "2022", "--database", Db, "--format", "json").GetProperty("vastlegging");
        Assert.True(again.GetProperty("hergebruikt").GetBoolean());
        Assert.Equal(record.GetProperty("nummer").GetInt64(), again.GetProperty("nummer").GetInt64());
        // Another quota percentage (with its source): a new record.
        var other = Json("quotum", "--werkgever", "300000001L01", "--jaar", "2022", "--database", Db, "--format", "json",
            "--parameter", "quotumpercentage_overheid=2022:2.80:Testbron").GetProperty("vastlegging");
        Assert.False(other.GetProperty("hergebruikt").GetBoolean());
        Assert.NotEqual(record.GetProperty("nummer").GetInt64(), other.GetProperty("nummer").GetInt64());

        var (exit, text, _) = CliRunner.Run("quotum", "--werkgever", "300000001L01", "--jaar", "2022", "--database", Db);
        Assert.Equal(0, exit);
        Assert.Contains("Verloningsregels 2022: 360 van 30 personen", text);
        Assert.Contains("bestaande vastlegging", text);
    }

    [Fact]
    public void Missing_previous_year_payroll_makes_it_onvolledig_and_errors_are_Dutch()
    {
        Import("300000002L01");
        var first = Json("quotum", "--werkgever", "300000002L01", "--jaar", "2021", "--database", Db, "--format", "json");
        Assert.True(first.GetProperty("onvolledig").GetBoolean());
        Assert.Contains(first.GetProperty("ontbreekt").EnumerateArray(), m => m.GetString()!.Contains("Geen verloonde uren over 2020"));
        var (exit, text, _) = CliRunner.Run("quotum", "--werkgever", "300000002L01", "--jaar", "2021", "--database", Db);
        Assert.Equal(0, exit);
        Assert.Contains("ONVOLLEDIG", text);

        (exit, _, var err) = CliRunner.Run("quotum", "--werkgever", "999999999L01", "--jaar", "2022", "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("Werkgever 999999999L01 staat niet in de database", err);
        (exit, _, err) = CliRunner.Run("quotum", "--werkgever", "300000002L01", "--jaar", "2022", "--verloonde-uren", "5", "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("laat --verloonde-uren weg", err);
        (exit, _, err) = CliRunner.Run("quotum", "--werkgever", "300000002L01", "--jaar", "2026", "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("banenmonitor vergelijk werkgever --jaar 2026", err);
    }
}
