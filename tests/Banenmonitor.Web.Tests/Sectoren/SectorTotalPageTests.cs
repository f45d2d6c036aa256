using System.Net;
using Deque.AxeCore.Playwright;
using Banenmonitor.Web;
using Banenmonitor.Survey.SectorTotals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Banenmonitor.Web.Tests;

/// <summary>The real app on a loopback port with a real SQLite file: the sector pages show coverage and the estimate.</summary>
public sealed class SectorTotalPageTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("banenmonitor-schatting-").FullName;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = BanenmonitorApp.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Banenmonitor", $"Data Source={Path.Combine(_dir, "bm.db")}",
            "--Banenmonitor:Demo", "true", "--Logging:LogLevel:Default", "Warning"]);
        await BanenmonitorApp.PrepareAsync(_app);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    private static string Text(string html) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "\\s+", " "));

    [Fact]
    public async Task Hbo_page_shows_coverage_published_sum_and_ratio_estimate_with_its_assumption()
    {
        var html = Text(await _client.GetStringAsync("/sectoren/hbo"));
        Assert.Contains("Sectortotaal 2020", html);
        Assert.Contains("21 van 36 organisaties, 79% van het personeel", html);
        Assert.Contains("408 banen — ondergrens: niet alle werkgevers rapporteerden", html);
        // 408 / 0.79 = 516.46…: the ratio estimate beside the published sum
        Assert.Contains("Schatting (ratioschatting naar omvang)", html);
        Assert.Contains("516 banen", html);
        Assert.Contains("geen interval: cijfers per werkgever ontbreken", html);
        Assert.Contains("Aanname: de niet-rapporterende werkgevers hebben gemiddeld evenveel banen per eenheid omvang", html);
        Assert.Contains("Zonder cijfers per werkgever is geen standaardfout te berekenen", html);
    }

    [Fact]
    public async Task Estimate_page_explains_the_computation_and_checks_against_the_national_measurement()
    {
        var html = Text(await _client.GetStringAsync("/sectoren/hbo/schatting/2020"));
        Assert.Contains("totaal = 408,0 gerapporteerde banen ÷ 79,0% van de omvang (21 van 36 werkgevers) = 516,5", html);
        var y2021 = Text(await _client.GetStringAsync("/sectoren/gemeenten/schatting/2021"));
        Assert.Contains("Controle met de landelijke meting 2021", y2021);
        Assert.Contains("11.842", y2021);
        Assert.Contains("Verschil (landelijk − som sectoren)", y2021);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sectoren/hbo/schatting/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sectoren/bestaatniet/schatting/2020")).StatusCode);
    }

    [Fact]
    public async Task A_method_recorded_from_the_register_is_shown_once_approved_with_when_and_why_but_not_who()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sectoren/wo/schatting/2024")).StatusCode); // nothing published, nothing recorded
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Banenmonitor.Data.BanenmonitorDbContext>();
            await Banenmonitor.Data.SectorRegisterQuery.RecordChoiceAsync(db, "wo", new Banenmonitor.Data.Model.SectorEstimateChoice
            {
                Year = 2024, Method = Banenmonitor.Survey.SectorTotals.SectorTotalMethod.Ratio.Code(), Estimate = 1234.5m, StandardError = 40.2m,
                Lower = 1155.7m, Upper = 1313.3m, EmployersReported = 11, EmployersTotal = 14, SizeShareReported = 81.5m,
                Reason = "Grote en kleine universiteiten rapporteren even volledig.", ChosenBy = "wo@voorbeeld.nl", ChosenAt = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            });
        }
        // Recorded, not approved: not public yet.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sectoren/wo/schatting/2024")).StatusCode);
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Banenmonitor.Data.BanenmonitorDbContext>();
            var own = await Banenmonitor.Data.SectorRegisterQuery.ApproveChoiceAsync(db, "wo", 2024, "wo@voorbeeld.nl");
            Assert.False(own.Done); // four eyes: who chose may not approve
            Assert.True((await Banenmonitor.Data.SectorRegisterQuery.ApproveChoiceAsync(db, "wo", 2024, "analist@voorbeeld.nl")).Done);
        }
        var html = Text(await _client.GetStringAsync("/sectoren/wo/schatting/2024"));
        Assert.Contains("Goedgekeurd sectortotaal uit de cijfers per werkgever", html);
        Assert.Contains(Banenmonitor.Survey.SectorTotals.SectorTotalMethod.Ratio.Dutch(), html);
        Assert.Contains("1.235 banen", html); // 1234,5 rounded to whole jobs, Dutch thousands separator
        Assert.Contains("1.156 – 1.313", html);
        Assert.Contains("11 van de 14 werkgevers", html);
        Assert.Contains("Vastgelegd op</th><td>01-03-2025", html);
        Assert.DoesNotContain("wo@voorbeeld.nl", html); // a public page: when, never who (an e-mail address)
        Assert.DoesNotContain("analist@voorbeeld.nl", html);
        // The open API gives what the page shows: the approved total, never who.
        var api = await _client.GetStringAsync("/api/sectoren/wo/schatting/2024");
        using (var doc = System.Text.Json.JsonDocument.Parse(api))
        {
            var g = doc.RootElement.GetProperty("goedgekeurd");
            Assert.Equal(("ratio", 1234.5m, 1155.7m), (g.GetProperty("methode").GetString(), g.GetProperty("schatting").GetDecimal(), g.GetProperty("ondergrens95").GetDecimal()));
        }
        Assert.DoesNotContain("voorbeeld.nl", api);
        var sector = Text(await _client.GetStringAsync("/sectoren/wo"));
        Assert.Contains("Goedgekeurde sectortotalen uit het sectorregister", sector);
        Assert.Contains("1.156 – 1.313", sector);
        Assert.DoesNotContain("analist@voorbeeld.nl", sector);
        Assert.Contains("Grote en kleine universiteiten rapporteren even volledig.", html);
    }

    [Fact]
    public async Task Api_is_open_like_the_page_and_gives_the_same_figures_in_Dutch_fields()
    {
        // Open data: the page is public, like /sectoren/{code}, and so is its API (issue 19).
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/sectoren/hbo/schatting/2020")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/sectoren/hbo/schatting/2020")).StatusCode);
        using var signedIn = await SignInAsync("publiek@demo.banenmonitor.nl", "Demo-Publiek-2024!");
        var res = await signedIn.GetAsync("/api/sectoren/hbo/schatting/2020");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        var s = doc.RootElement.GetProperty("schatting");
        Assert.Equal(408m, s.GetProperty("gepubliceerdeSom").GetDecimal());
        Assert.Equal("21 van 36 organisaties, 79% van het personeel", s.GetProperty("dekking").GetString());
        Assert.Equal(408 / 0.79, s.GetProperty("hoofdschatting").GetProperty("schatting").GetDouble(), 6);
        Assert.Equal(12298m, doc.RootElement.GetProperty("landelijk").GetProperty("landelijkeMetingOverheid").GetDecimal()); // 2020: derived in landelijke_meting.csv
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync("/api/sectoren/hbo/schatting/1999")).StatusCode);
    }

    [Fact]
    public async Task Pages_have_no_accessibility_violations_in_a_real_browser()
    {
        using var pw = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BANENMONITOR_CHROMIUM") ?? "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { BypassCSP = true });
        foreach (var path in new[] { "/sectoren/hbo", "/sectoren/hbo/schatting/2020", "/sectoren/gemeenten/schatting/2021" })
        {
            await page.GotoAsync(new Uri(_client.BaseAddress!, path).ToString());
            Assert.True(await page.GetByText("21 van 36 organisaties").CountAsync() > 0 || path.Contains("gemeenten"), path);
            await Axe.AssertAccessibleAsync(page);
        }
    }

    private async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _client.BaseAddress };
        var page = await client.GetStringAsync("/account/inloggen");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var res = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Gebruikersnaam"] = user, ["Wachtwoord"] = password, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return client;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
