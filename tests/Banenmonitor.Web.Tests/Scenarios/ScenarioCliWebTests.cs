using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Data.Seeding;
using Banenmonitor.Rules.Parameters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// A scenario gives the same answer in the CLI and on the web for the same database, on SQLite and PostgreSQL: a value an
/// administrator stored (<c>/beheer/parameters</c>) moves today's figures in <c>banenmonitor scenario bereken --id … --database …</c>
/// exactly as in <c>GET /api/scenarios/{id}</c>, both say which parameter set they used, and both take a sector total an
/// analyst approved from the register over the published figure, marked with its source.
/// </summary>
public sealed class ScenarioCliWebTests
{
    private const string Analyst = "analist@demo.banenmonitor.nl";

    public static TheoryData<string> Providers => ["sqlite", "postgresql"];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "data", "published"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kan de map van de repository niet vinden.");
    }

    /// <summary>The real CLI, built beside the tests (same configuration), as its own process in the repository's folder.</summary>
    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var root = RepoRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<configuration>/net10.0/
        var dll = Path.Combine(root, "src", "Banenmonitor.Cli", "bin", configuration, "net10.0", "banenmonitor.dll");
        Assert.True(File.Exists(dll), $"De CLI is niet gebouwd: {dll}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["BANENMONITOR_GEBRUIKER"] = Analyst;
        start.Environment.Remove("BANENMONITOR_DATABASE");
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, output.Result, error.Result);
    }

    private static async Task<HttpClient> ClientAsync(string baseUrl, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var token = AppFixture.AntiforgeryToken(await client.GetStringAsync("/account/inloggen"));
        var res = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = user, ["Wachtwoord"] = DatabaseSeeder.DemoAccounts.Single(a => a.UserName == user).Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return client;
    }

    private static JsonNode Figure(JsonNode root, string section, string key) =>
        root["secties"]!.AsArray().Single(s => (string?)s!["sleutel"] == section)!["cijfers"]!.AsArray().Single(c => (string?)c!["sleutel"] == key)!;

    [Theory, MemberData(nameof(Providers))]
    public async Task Cli_and_web_give_the_same_today_with_a_stored_override_and_an_approved_sector_total(string provider)
    {
        var dir = Directory.CreateTempSubdirectory("banenmonitor-scenario-cli-web-").FullName;
        string connection;
        string? pgDatabase = null;
        if (provider == "sqlite") connection = $"Data Source={Path.Combine(dir, "bm.db")}";
        else
        {
            var server = Environment.GetEnvironmentVariable("BANENMONITOR_TEST_PG")
                         ?? throw new InvalidOperationException("BANENMONITOR_TEST_PG ontbreekt: start de tests met scripts/test.sh (die start PostgreSQL).");
            pgDatabase = "bm_scen_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            connection = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ToString();
        }
        var app = BanenmonitorApp.Build(["--urls", "http://127.0.0.1:0", "--Banenmonitor:Database:Provider", provider, "--ConnectionStrings:Banenmonitor", connection,
            "--Banenmonitor:Demo", "true", "--Logging:LogLevel:Default", "Warning"]);
        try
        {
            await BanenmonitorApp.PrepareAsync(app);
            await app.StartAsync();
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            string[] database = ["--database", connection, "--databasesoort", provider];
            var id = ScenarioStore.DemoId; // shared: the distribution key of 2021 at 40 %

            // Before: both at the built-in parameters (41.993 × 32 % − 36.206 × 24 % = 4.748,32).
            using var analyst = await ClientAsync(baseUrl, Analyst);
            var web = JsonNode.Parse(await analyst.GetStringAsync($"/api/scenarios/{id}"))!;
            var (exit, output, err) = Cli(["scenario", "bereken", "--id", id, .. database, "--format", "json"]);
            Assert.True(exit == 0, err);
            var cli = JsonNode.Parse(output)!;
            Assert.Equal(4_748.32m, (decimal)Figure(web, "landelijk", "overheid/inleen")["vandaag"]!);
            Assert.Equal(4_748.32m, (decimal)Figure(cli, "landelijk", "overheid/inleen")["vandaag"]!);
            Assert.StartsWith("ingebouwde parameters (geen", (string)cli["parametersVandaag"]!);

            // An administrator stores 36 % for 2021 on the web; an analyst approves gemeenten's register total of 2021.
            using (var admin = await ClientAsync(baseUrl, "beheerder@demo.banenmonitor.nl"))
            {
                var form = new Dictionary<string, string>
                {
                    ["Naam"] = ParameterNames.GovernmentShareHiredIn, ["GeldigVanaf"] = "2021", ["Waarde"] = "36", ["Bron"] = "Testbrief over de verdeelsleutel, 1 maart 2022",
                    ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(await admin.GetStringAsync("/beheer/parameters")),
                };
                Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/beheer/parameters", new FormUrlEncodedContent(form))).StatusCode);
            }
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
                await SectorRegisterQuery.RecordChoiceAsync(db, "gemeenten", new SectorEstimateChoice
                {
                    Year = 2021, Method = "ratio", Estimate = 12_345.6m, StandardError = 210m, Lower = 11_934m, Upper = 12_757m, EmployersReported = 300,
                    EmployersTotal = 342, SizeShareReported = 91.2m, Reason = "test", ChosenBy = "gemeenten@demo.banenmonitor.nl", ChosenAt = new DateTime(2022, 5, 1, 0, 0, 0, DateTimeKind.Utc),
                });
                Assert.True((await SectorRegisterQuery.ApproveChoiceAsync(db, "gemeenten", 2021, Analyst)).Done);
            }

            web = JsonNode.Parse(await analyst.GetStringAsync($"/api/scenarios/{id}"))!;
            (exit, output, err) = Cli(["scenario", "bereken", "--id", id, .. database, "--format", "json"]);
            Assert.True(exit == 0, err);
            cli = JsonNode.Parse(output)!;
            // Today with the stored 36 %: 41.993 × 36 % − 8.689,44 = 6.428,04; the scenario's own 40 % stays 8.107,76.
            foreach (var side in new[] { web, cli })
            {
                Assert.Equal(6_428.04m, (decimal)Figure(side, "landelijk", "overheid/inleen")["vandaag"]!);
                Assert.Equal(8_107.76m, (decimal)Figure(side, "landelijk", "overheid/inleen")["scenario"]!);
                Assert.Equal("ingebouwde parameters plus 1 door een beheerder opgegeven waarde uit de database", (string)side["parametersVandaag"]!);
                var gemeenten = Figure(side, "sectoren", "gemeenten/banen");
                Assert.Equal(12_345.6m, (decimal)gemeenten["vandaag"]!);
                Assert.Contains("goedgekeurd sectortotaal", (string)gemeenten["omschrijving"]!);
                var notes = side["secties"]!.AsArray().Single(s => (string?)s!["sleutel"] == "sectoren")!["opmerkingen"]!.AsArray().Select(n => (string)n!).ToList();
                Assert.Contains(notes, n => n.StartsWith("Gemeenten 2021: de realisatie is het goedgekeurde sectortotaal uit het sectorregister (ratioschatting", StringComparison.Ordinal)
                                            && n.Contains("goedgekeurd op", StringComparison.Ordinal));
            }
            // The whole comparison is the same, figure for figure, note for note, explanation for explanation.
            Assert.True(JsonNode.DeepEquals(web, cli), "CLI en web verschillen:\n" + web.ToJsonString() + "\n" + cli.ToJsonString());

            // The text output says which set it used.
            (exit, output, err) = Cli(["scenario", "bereken", "--id", id, .. database]);
            Assert.True(exit == 0, err);
            Assert.Contains("vandaag gerekend met: ingebouwde parameters plus 1 door een beheerder opgegeven waarde uit de database", output);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (pgDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("BANENMONITOR_TEST_PG"));
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
