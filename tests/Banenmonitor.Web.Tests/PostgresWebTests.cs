using System.Net;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The web application on PostgreSQL (production): migrated and seeded on a fresh database, the public pages, and the
/// draft → submit → approve cycle through the platform's importer and review workflow. The server comes from
/// BANENMONITOR_TEST_PG (scripts/test.sh starts one).
/// </summary>
public sealed class PostgresWebTests : IAsyncLifetime
{
    private string _database = "";
    private string _connection = "";
    private WebApplication _app = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("BANENMONITOR_TEST_PG")
                     ?? throw new InvalidOperationException("BANENMONITOR_TEST_PG ontbreekt: start de tests met scripts/test.sh (die start PostgreSQL).");
        _database = "bm_web_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        _connection = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ToString();
        _app = BanenmonitorApp.Build(["--urls", "http://127.0.0.1:0", "--Banenmonitor:Database:Provider", "postgresql",
            "--ConnectionStrings:Banenmonitor", _connection, "--Banenmonitor:Demo", "true", "--Logging:LogLevel:Default", "Warning",
            "--Banenmonitor:PseudoniemSleutel", ""]); // no pseudonym key: the page "Gegevens inlezen" refuses registrations
        await BanenmonitorApp.PrepareAsync(_app);
        await _app.StartAsync();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private BanenmonitorDbContext Db() => BanenmonitorDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.PostgreSql, _connection));

    private async Task<HttpClient> ClientAsync(string? user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(_baseUrl) };
        if (user is null) return client;
        var token = AppFixture.AntiforgeryToken(await client.GetStringAsync("/account/inloggen"));
        var res = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = user, ["Wachtwoord"] = DatabaseSeeder.DemoAccounts.Single(a => a.UserName == user).Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(await client.GetStringAsync(page));
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_site_runs_on_postgresql_with_the_published_figures_and_the_review_cycle()
    {
        using var anonymous = await ClientAsync(null);
        var sectors2023 = await anonymous.GetStringAsync("/sectoren?jaar=2023");
        Assert.Contains("Defensie", sectors2023);
        Assert.Contains("822", sectors2023); // Defensie's 2023 target from the published figures

        using var rep = await ClientAsync("gemeenten@demo.banenmonitor.nl");
        var stored = await PostFormAsync(rep, "/aanleveren", "Invoeren", new() { ["Jaar"] = "2023", ["Doel"] = "6000", ["Realisatie"] = "6500" });
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        int draftId;
        decimal? approvedBefore;
        var gemeenten = PublicSectors.OfPlatform("gemeenten")!.Id!.Value;
        await using (var db = Db())
        {
            var reports = await db.SectorReports.AsNoTracking().Where(r => r.SectorId == gemeenten && r.Year == 2023).ToListAsync();
            draftId = reports.Single(r => r.Status == ReportStatus.Draft).Id;
            approvedBefore = reports.Single(r => r.Status == ReportStatus.Approved).RealisedJobs;
            Assert.NotEqual(6500m, approvedBefore);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(rep, "/aanleveren", $"Indienen&id={draftId}", [])).StatusCode);

        using var analyst = await ClientAsync("analist@demo.banenmonitor.nl");
        var ask = await PostFormAsync(analyst, "/aanleveren/beoordelen", $"Goedkeuren&id={draftId}&soort=sector", []);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode); // the confirmation step
        Assert.Contains("Goedkeuring bevestigen", await ask.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(analyst, "/aanleveren/beoordelen", $"Goedkeuren&id={draftId}&soort=sector", new() { ["Bevestigd"] = "true" })).StatusCode);
        await using (var db = Db())
        {
            var reports = await db.SectorReports.AsNoTracking().Where(r => r.SectorId == gemeenten && r.Year == 2023).ToListAsync();
            Assert.Equal(6500m, reports.Single(r => r.Status == ReportStatus.Approved).RealisedJobs);
            Assert.Equal(approvedBefore, reports.Single(r => r.Status == ReportStatus.Superseded).RealisedJobs);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SectorReport) && a.UserName == "analist@demo.banenmonitor.nl"));
        }
        Assert.Contains("6.500", await anonymous.GetStringAsync("/sectoren?jaar=2023"));
    }

    [Fact]
    public async Task Gegevens_inlezen_checks_then_writes_on_postgresql_writes_nothing_on_an_error_and_refuses_registrations_without_a_key()
    {
        using var analyst = await ClientAsync("analist@demo.banenmonitor.nl");
        const string employers = "loonheffingennummer;naam;sector;grootteklasse;uitlener;gemeente\n" +
                                 "940000001L01;Gemeente Pg-dorp;gemeenten;groot;geen;Assen\n940000002L01;Pg Bakkerij B.V.;markt;klein;geen;Emmen\n";
        // An error in the last row: the import's transaction leaves nothing, not even the good first row.
        var bad = System.Text.Encoding.UTF8.GetBytes(employers.Replace(";Emmen", ";Atlantis"));
        var refused = await InlezenTests.CheckedAsync(analyst, await InlezenTests.Upload(analyst, "werkgevers", "fout.csv", bad));
        Assert.Contains("fout.csv</td><td>3</td><td>gemeente</td>", refused);
        await using (var db = Db()) Assert.False(await db.Employers.AnyAsync(e => e.PayrollTaxNumber.StartsWith("94000000")));

        var page = await InlezenTests.CheckedAsync(analyst, await InlezenTests.Upload(analyst, "werkgevers", "werkgevers.csv", System.Text.Encoding.UTF8.GetBytes(employers)));
        Assert.Contains("Bij inlezen worden <strong>2 nieuw</strong>", page);
        await using (var db = Db()) Assert.False(await db.Employers.AnyAsync(e => e.PayrollTaxNumber.StartsWith("94000000")));
        var id = System.Text.RegularExpressions.Regex.Match(page, "name=\"upload\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var written = await InlezenTests.CheckedAsync(analyst, await analyst.PostAsync("/beheer/inlezen?handler=Inlezen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["upload"] = id, ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(page) })));
        Assert.Contains("2 nieuw, 0 gewijzigd, 0 ongewijzigd", written);
        await using (var db = Db())
        {
            Assert.Equal(["Assen", "Emmen"], await db.Employers.Where(e => e.PayrollTaxNumber.StartsWith("94000000")).OrderBy(e => e.PayrollTaxNumber).Select(e => e.Municipality).ToListAsync());
            Assert.Equal(2, await db.ImportChanges.CountAsync(c => c.ImportRun!.FileName == "werkgevers.csv") + await db.AuditEntries.CountAsync(a => a.Cause == "import werkgevers (werkgevers.csv)"));
        }

        // Without a pseudonym key the page says so and refuses the registrations.
        var form = System.Net.WebUtility.HtmlDecode(await analyst.GetStringAsync("/beheer/inlezen"));
        Assert.Contains("id=\"geen-sleutel\"", form);
        var noKey = await InlezenTests.Upload(analyst, "doelgroepregistraties", "register.csv", System.Text.Encoding.UTF8.GetBytes("pseudoniem;grond;startdatum;einddatum\n"));
        Assert.Equal(HttpStatusCode.OK, noKey.StatusCode);
        Assert.Contains("geen pseudonimiseringssleutel", System.Net.WebUtility.HtmlDecode(await noKey.Content.ReadAsStringAsync()));
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("BANENMONITOR_TEST_PG"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
