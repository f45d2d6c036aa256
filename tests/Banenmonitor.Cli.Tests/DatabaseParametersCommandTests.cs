using System.Text.Json;
using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Parameters;
using Banenmonitor.Rules.Parameters;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// Commands given a database compute with the same parameters as the web: the built-in set plus the values an
/// administrator stored (<see cref="StoredParameters"/>), on a real SQLite file and a real PostgreSQL database.
/// </summary>
public sealed class DatabaseParametersCommandTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgresql"];

    private const string Lhn = "300000001L01";

    [Theory, MemberData(nameof(Providers))]
    public async Task Landelijk_and_quotum_use_the_stored_values_and_say_so(string provider)
    {
        var dir = Directory.CreateTempSubdirectory("banenmonitor-cli-dbparameters-").FullName;
        string connection;
        string? pgDatabase = null;
        var server = Environment.GetEnvironmentVariable("BANENMONITOR_TEST_PG");
        if (provider == "sqlite") connection = $"Data Source={Path.Combine(dir, "bm.db")}";
        else
        {
            if (server is null) throw new InvalidOperationException("BANENMONITOR_TEST_PG ontbreekt: start de tests met scripts/test.sh (die start PostgreSQL).");
            pgDatabase = "bm_cliparam_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            connection = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ToString();
        }
        string[] database = ["--database", connection, "--databasesoort", provider];
        var settings = DatabaseSettings.Create(provider, connection);
        try
        {
            StoredQuotumCommandTests.Import(dir, database, Lhn);

            // Nothing stored: the built-in parameters, said in JSON and text.
            var before = Json(["quotum", "--werkgever", Lhn, "--jaar", "2022", .. database, "--format", "json"]);
            Assert.StartsWith("ingebouwde parameters (geen", before.GetProperty("parametersVandaag").GetString());
            var (exit, text, err) = CliRunner.Run(["quotum", "--werkgever", Lhn, "--jaar", "2022", .. database]);
            Assert.True(exit == 0, err);
            Assert.Contains("Gerekend met: ingebouwde parameters (geen door een beheerder opgegeven waarden)", text);
            var builtIn = ParameterSet.Embedded.Get(ParameterNames.QuotaPercentageGovernment, 2022).Required;
            Assert.Equal(builtIn, before.GetProperty("quotumpercentage").GetDecimal());

            // An administrator stores another quota percentage for 2022 (as /beheer/parameters does).
            var stored = builtIn + 1.25m;
            await using (var db = BanenmonitorDatabase.CreateContext(settings))
            {
                db.ParameterOverrides.Add(new ParameterOverride
                {
                    Name = ParameterNames.QuotaPercentageGovernment, ValidFrom = new DateOnly(2022, 1, 1), Value = stored, Status = "published",
                    Source = "Testregeling quotumpercentage 2022, Staatscourant", CreatedBy = "beheerder@test", CreatedAt = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            }

            var after = Json(["quotum", "--werkgever", Lhn, "--jaar", "2022", .. database, "--format", "json"]);
            Assert.Equal(stored, after.GetProperty("quotumpercentage").GetDecimal());
            Assert.Equal("ingebouwde parameters plus 1 door een beheerder opgegeven waarde uit de database", after.GetProperty("parametersVandaag").GetString());
            Assert.NotEqual(before.GetProperty("vastlegging").GetProperty("parameterVingerafdruk").GetString(),
                after.GetProperty("vastlegging").GetProperty("parameterVingerafdruk").GetString());
            // The command line still wins over the stored value, and says it was given.
            var typed = Json(["quotum", "--werkgever", Lhn, "--jaar", "2022", .. database, "--format", "json",
                "--parameter", $"{ParameterNames.QuotaPercentageGovernment}=2022:{builtIn + 2m}:\"Testbrief\""]);
            Assert.Equal(builtIn + 2m, typed.GetProperty("quotumpercentage").GetDecimal());
            Assert.EndsWith("met 1 op de opdrachtregel opgegeven waarde (--parameter)", typed.GetProperty("parametersVandaag").GetString());

            // The other commands given the database say the same set (prognose and controle in JSON, rapport in text).
            const string withStored = "ingebouwde parameters plus 1 door een beheerder opgegeven waarde uit de database";
            Assert.Equal(withStored, Json(["prognose", "--sector", "totaal", .. database, "--format", "json"]).GetProperty("parametersVandaag").GetString());
            (_, text, err) = CliRunner.Run(["controle", "--jaar", "2022", .. database, "--format", "json"]);
            Assert.True(string.IsNullOrEmpty(err), err);
            Assert.Equal(withStored, JsonDocument.Parse(text).RootElement.GetProperty("parametersVandaag").GetString());
            (exit, text, err) = CliRunner.Run(["rapport", "--jaar", "2022", "--formaat", "html", "--uit", Path.Combine(dir, "rapport.html"), "--concept", .. database]);
            Assert.True(exit == 0, err);
            Assert.Contains("Gerekend met: " + withStored, text);

            // The national run from the CLI carries the fingerprint the web's national page expects, so it flags no difference.
            (exit, text, err) = CliRunner.Run(["landelijk", "--jaar", "2022", .. database]);
            Assert.True(exit == 0, err);
            Assert.Contains("Gerekend met: ingebouwde parameters plus 1 door een beheerder opgegeven waarde uit de database", text);
            await using (var db = BanenmonitorDatabase.CreateContext(settings))
            {
                var run = await db.NationalRuns.AsNoTracking().Where(r => r.Year == 2022).OrderByDescending(r => r.Id).FirstAsync();
                var web = NationalRuns.ParametersOfYear(StoredParameters.Load(db).Set, 2022).Fingerprint;
                Assert.Equal(web, run.ParametersFingerprint);
                Assert.NotEqual(NationalRuns.ParametersOfYear(ParameterSet.Embedded, 2022).Fingerprint, run.ParametersFingerprint);
                var (forParameters, _) = await NationalRuns.ForParametersAsync(db, 2022, web, CancellationToken.None);
                Assert.Equal(run.Id, forParameters?.Id);
            }
        }
        finally
        {
            if (pgDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            else SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Without_a_database_the_commands_say_built_in_parameters()
    {
        const string builtIn = "ingebouwde parameters (geen door een beheerder opgegeven waarden)";
        Assert.Equal(builtIn, Json(["prognose", "--sector", "totaal", "--format", "json"]).GetProperty("parametersVandaag").GetString());
        var (_, output, err) = CliRunner.Run("controle", "--jaar", "2022", "--format", "json");
        Assert.True(string.IsNullOrEmpty(err), err);
        Assert.Equal(builtIn, JsonDocument.Parse(output).RootElement.GetProperty("parametersVandaag").GetString());
        (_, output, _) = CliRunner.Run("controle", "--jaar", "2022");
        Assert.Contains("Gerekend met: " + builtIn, output);
    }

    private static JsonElement Json(string[] args)
    {
        var (exit, output, err) = CliRunner.Run(args);
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
