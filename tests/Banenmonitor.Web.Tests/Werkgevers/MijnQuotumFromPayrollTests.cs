using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Computations;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 20, acceptance: a demo employer's payroll and registrations are imported (by the platform's importer, as the CLI's
/// <c>import</c> does) and "Mijn quotum" shows the quota computed from them, its trace and the counted rows, beside the
/// declared totals, saying which it used; the number is the one <c>quotum --werkgever</c> gives (the same
/// <see cref="StoredQuota"/>; the CLI test gets 0,4 on the same rows). Real Chromium, real app, real SQLite.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MijnQuotumFromPayrollTests(AppFixture app)
{
    private const string User = "werkgever2@demo.banenmonitor.nl";
    private const string Employer = "900000006L01"; // Provincie Proefland, declared totals 2019–2023

    private static string Pseudonym(int i) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("web-persoon-" + i)));

    /// <summary>30 persons paid 150 hours a month in 2021 and 2022; person 1 registered from 1 July 2022, person 2 from February 2023.</summary>
    private Task ImportAsync() => TestFiles.ImportPayrollAsync(app, Employer, Pseudonym, 30, 150m, [2021, 2022],
        $"{Pseudonym(1)};wajong;2022-07-01;\n{Pseudonym(2)};participatiewet;2023-02-01;\n");

    [Fact]
    public async Task Mijn_quotum_shows_the_quota_from_the_imported_payroll_with_its_trace_and_counted_rows()
    {
        await ImportAsync();
        var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
        StoredQuotaOutcome expected;
        await using (var db = app.Db()) expected = await StoredQuota.ComputeAsync(db, parameters, Employer, 2022);
        Assert.Equal(0.4m, expected.Result.Shortfall.Value);

        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, User);
        long Records() { using var db = app.Db(); return db.ComputationRecords.LongCount(); }
        var before = Records();
        await page.GotoAsync("/werkgevers/mijn");
        Assert.Equal(before, Records()); // a page view writes nothing
        // recording is the explicit action (POST); it shows the same page with the records
        if (await page.Locator("#vastleggen").CountAsync() > 0) await page.ClickAsync("#vastleggen");
        var section = page.Locator("#jaar-2022");
        Assert.Contains("berekend uit de opgeslagen verloonde uren", await section.Locator("#gebruikt-2022").InnerTextAsync());
        var computed = section.Locator("#berekend-2022");
        var text = await computed.InnerTextAsync();
        Assert.Contains($"€ {DutchFormat.Fixed(expected.Result.Levy.Value, 2)}", text);
        Assert.Contains("0,4 banen", text);
        Assert.Contains(DutchFormat.Number(54_000m, 2), text);
        // The counted rows, and what was left out and why.
        var sources = await computed.Locator("#bronnen-2022").InnerTextAsync();
        Assert.Contains("Verloningsregels 2022\t360", sources);
        Assert.Contains("Personen uit de doelgroep\t1", sources);
        Assert.Contains("18 verloningsregels: ingeschreven na de periode", await computed.Locator("#weggelaten-2022").InnerTextAsync());
        // The full trace of the rules core.
        Assert.Equal(expected.Result.Trace.Steps.Count, await computed.Locator("ol.bm-trace > li").CountAsync());
        Assert.Contains("Wfsv art. 38g lid 3", text);
        // Beside the declared totals, which are not used.
        Assert.Contains("ter vergelijking, niet gebruikt", await section.Locator("#opgegeven-2022").InnerTextAsync());
        Assert.Contains("Vastgelegd als berekening", await computed.Locator("#vastlegging-2022").InnerTextAsync());
        // 2021: no payroll of 2020 stored — onvolledig, naming what is missing.
        Assert.Contains("Geen verloonde uren over 2020", await page.Locator("#onvolledig-2021").InnerTextAsync());
        Assert.Contains("2022", await page.Locator("#berekend").InnerTextAsync());
        await AssertAccessibleAsync(page);

        // Asked again with nothing changed: the stored record.
        await page.GotoAsync("/werkgevers/mijn");
        Assert.Contains("de bestaande vastlegging", await page.Locator("#vastlegging-2022").InnerTextAsync());
    }

    [Fact]
    public async Task The_api_gives_the_quota_from_stored_payroll_with_its_sources_beside_the_declared_years_and_a_GET_writes_nothing()
    {
        await ImportAsync();
        var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
        int id;
        StoredQuotaOutcome expected;
        await using (var db = app.Db())
        {
            id = db.Employers.Single(e => e.PayrollTaxNumber == Employer).Id;
            expected = await StoredQuota.ComputeAsync(db, parameters, Employer, 2022);
        }
        using var client = await app.ClientAsync(User);
        long Records() { using var db = app.Db(); return db.ComputationRecords.LongCount(); }
        long? Recorded(System.Text.Json.JsonElement root, int year) =>
            root.GetProperty("berekend").EnumerateArray().Single(y => y.GetProperty("jaar").GetInt32() == year).GetProperty("berekening") is { ValueKind: System.Text.Json.JsonValueKind.Number } n ? n.GetInt64() : null;

        // a GET never writes: two of them store nothing, recorded or not
        var before = Records();
        await client.GetStringAsync($"/api/werkgevers/{id}");
        await client.GetStringAsync($"/api/werkgevers/{id}");
        Assert.Equal(before, Records());

        // recording is the explicit POST; asked again unchanged it keeps the same record (the id the levy decision is made from)
        var antiforgery = AppFixture.AntiforgeryToken(await client.GetStringAsync("/"));
        async Task<long> RecordAsync()
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/werkgevers/{id}/berekeningen");
            post.Headers.Add("RequestVerificationToken", antiforgery);
            using var res = await client.SendAsync(post);
            Assert.Equal(System.Net.HttpStatusCode.OK, res.StatusCode);
            using var posted = System.Text.Json.JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            return Recorded(posted.RootElement, 2022)!.Value;
        }
        var recorded = await RecordAsync();
        var afterRecording = Records();
        Assert.Equal(recorded, await RecordAsync());
        Assert.Equal(afterRecording, Records());

        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/werkgevers/{id}"));
        Assert.Equal(afterRecording, Records());
        var root = doc.RootElement;
        Assert.Equal(recorded, Recorded(root, 2022)); // the GET finds the identical record
        Assert.True(root.GetProperty("berekend").EnumerateArray().Single(y => y.GetProperty("jaar").GetInt32() == 2022).GetProperty("hergebruikt").GetBoolean());
        Assert.True(root.GetProperty("jaren").GetArrayLength() > 0); // the declared years stay
        var computed = root.GetProperty("berekend").EnumerateArray().ToDictionary(y => y.GetProperty("jaar").GetInt32());
        var y2022 = computed[2022];
        var quotum = y2022.GetProperty("quotum");
        Assert.Equal(expected.Result.Shortfall.Value, quotum.GetProperty("quotumtekort").GetDecimal());
        var bronnen = quotum.GetProperty("bronnen");
        Assert.Equal(360, bronnen.GetProperty("verloningsregels").GetInt32());
        Assert.Equal(1, bronnen.GetProperty("personenDoelgroep").GetInt32());
        Assert.True(y2022.GetProperty("berekening").GetInt64() > 0);
        Assert.Equal(64, y2022.GetProperty("invoervingerafdruk").GetString()!.Length);
        // 2021 has no payroll of 2020: onvolledig, naming what is missing — never a silent zero.
        var y2021 = computed[2021];
        Assert.True(y2021.GetProperty("quotum").GetProperty("onvolledig").GetBoolean());
        Assert.Contains("2020", string.Join(" ", y2021.GetProperty("quotum").GetProperty("ontbreekt").EnumerateArray().Select(e => e.GetString())));
    }
}
