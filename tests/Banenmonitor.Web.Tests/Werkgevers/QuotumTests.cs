using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 19: every year the quota calculator offers computes or is explained in Dutch (page, API); an employer lands on
/// "Mijn quotum" with the levy, the explanation per year and a PDF of the calculation. Real Chromium, real app.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class QuotumTests(AppFixture app)
{
    [Fact]
    public async Task Every_offered_year_walks_every_step_to_an_outcome_or_a_Dutch_explanation()
    {
        var page = await app.PageAsync();
        var statuses = new List<(string Url, int Status)>();
        page.Response += (_, r) => { if (r.Request.ResourceType == "document") statuses.Add((r.Url, r.Status)); };
        await page.GotoAsync("/werkgevers/quotum");
        var years = await page.Locator("input[name=jaar]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.value)");
        Assert.Contains(years, y => y == $"{Regime.Quotumregeling.LastYear}"); // the years of the issue are offered
        Assert.Contains(years, y => y == $"{Regime.WetBanenafspraak2025.FirstYear}");
        var outcomes = 0;
        foreach (var year in years)
        {
            await page.GotoAsync("/werkgevers/quotum");
            await page.CheckAsync($"#jaar-{year}");
            await page.ClickAsync("button[type=submit]");
            if (await page.Locator(".bm-jaaruitleg").CountAsync() > 0)
            {
                // Not computable: said in Dutch, with the law that applies or the parameter without value, and the comparison.
                var text = await page.InnerTextAsync(".bm-jaaruitleg");
                Assert.Contains(year, text);
                Assert.True(text.Contains("Wet banenafspraak") || text.Contains("geen waarde"), text);
                Assert.DoesNotContain("--parameter", text);
                Assert.Equal(1, await page.Locator($".bm-jaaruitleg a[href='/vergelijken?jaar={year}']").CountAsync());
                if (int.Parse(year) > Regime.Quotumregeling.LastYear)
                {
                    Assert.Contains($"vanaf {Regime.WetBanenafspraak2025.FirstYear}", text);
                    Assert.Equal(1, await page.Locator(".bm-jaaruitleg a[href='https://wetten.overheid.nl/BWBR0051018']").CountAsync());
                }
                else
                {
                    Assert.Contains("Status", text);
                    Assert.Contains("Gezocht", text);
                }
                continue;
            }
            await page.FillAsync("#verloondeUren", "600.000");
            await page.ClickAsync("button[type=submit]");
            await page.FillAsync("#verloondeUrenVorigJaar", "600000");
            await page.ClickAsync("button[type=submit]");
            await page.FillAsync("#urenDoelgroep", "15000");
            await page.ClickAsync("button[type=submit]");
            Assert.Contains($"Uitkomst {year}", await page.InnerTextAsync("main"));
            Assert.Contains("Quotumheffing", await page.InnerTextAsync("#uitkomst"));
            Assert.True(await page.Locator("ol.bm-trace > li").CountAsync() > 5);
            outcomes++;
        }
        Assert.True(outcomes > 0);
        Assert.All(statuses, s => Assert.True(s.Status == 200, $"{s.Url}: HTTP {s.Status}"));
        // The explanation of the year after the quotumregeling passes axe-core too.
        await page.GotoAsync($"/werkgevers/quotum?stap=2&jaar={Regime.WetBanenafspraak2025.FirstYear}");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Every_step_url_of_an_unavailable_year_answers_the_explanation_not_an_error_page()
    {
        using var client = await app.ClientAsync(null);
        var year = Regime.WetBanenafspraak2025.FirstYear;
        for (var step = 1; step <= 5; step++)
        {
            var res = await client.GetAsync($"/werkgevers/quotum?stap={step}&jaar={year}&verloondeUren=600000&verloondeUrenVorigJaar=600000&urenDoelgroep=15000");
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var html = await res.Content.ReadAsStringAsync();
            Assert.Contains("bm-jaaruitleg", html);
            Assert.Contains("/vergelijken?jaar=" + year, html);
        }
    }

    [Fact]
    public async Task The_regime_comparison_of_every_offered_year_never_tells_to_type_a_command_line_option()
    {
        using var client = await app.ClientAsync(null);
        var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
        foreach (var y in QuotaYears.Offered(parameters, 2018))
        {
            var res = await client.GetAsync($"/vergelijken?bereken=1&jaar={y.Year}&sector=overheid&verloondeUren=600000&verloondeUrenVorigJaar=600000&urenDoelgroep=15000");
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.DoesNotContain("--parameter", await res.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_api_answers_every_offered_year_with_an_outcome_or_a_Dutch_json_error()
    {
        using var client = await app.ClientAsync(null);
        var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
        foreach (var y in QuotaYears.Offered(parameters, 2018))
        {
            var res = await client.PostAsJsonAsync("/api/quotum", new { jaar = y.Year, verloondeUren = 600000, verloondeUrenVorigJaar = 600000, urenDoelgroep = 15000 });
            Assert.True(res.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{y.Year}: {(int)res.StatusCode}");
            Assert.Contains("json", res.Content.Headers.ContentType!.MediaType);
            using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            if (res.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(y.Year, doc.RootElement.GetProperty("jaar").GetInt32());
                Assert.True(doc.RootElement.GetProperty("stappen").GetArrayLength() > 5);
            }
            else
            {
                var jaar = doc.RootElement.GetProperty("velden").GetProperty("jaar").GetString()!;
                Assert.Contains("/vergelijken", jaar);
                Assert.DoesNotContain("--parameter", jaar);
            }
        }
        var after = await client.PostAsJsonAsync("/api/quotum", new { jaar = Regime.WetBanenafspraak2025.FirstYear, verloondeUren = 600000 });
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Contains("Wet banenafspraak", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_employer_lands_on_Mijn_quotum_with_levy_and_explanation_per_year_and_downloads_the_calculation_as_PDF()
    {
        const string user = "werkgever@demo.banenmonitor.nl";
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, user);
        Assert.EndsWith("/werkgevers/mijn", page.Url);
        var menu = page.Locator("nav a[href='/werkgevers/mijn']");
        Assert.Equal("Mijn quotum", (await menu.InnerTextAsync()).Trim());
        Assert.Equal("page", await menu.GetAttributeAsync("aria-current"));

        // The expected figures, computed here by the rules core from the employer's approved reports in the database.
        var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
        List<(int Year, QuotaResult Result)> expected;
        string name;
        await using (var db = app.Db())
        {
            var employerId = (await db.Users.SingleAsync(u => u.UserName == user)).EmployerId!.Value;
            name = (await db.Employers.SingleAsync(e => e.Id == employerId)).Name;
            var reports = await db.EmployerReports.Where(r => r.EmployerId == employerId && r.Status == ReportStatus.Approved && r.TotalPaidHours != null).ToListAsync();
            expected = reports.Select(r => (r.Year, new QuotaCalculator(parameters).Compute(new QuotaInput(r.Year, new PaidHours(r.TotalPaidHours!.Value),
                new PaidHours(r.TargetGroupHours!.Value), r.PreviousYearPaidHours is { } p ? new PaidHours(p) : null)))).ToList();
        }
        Assert.NotEmpty(expected);
        foreach (var (year, r) in expected)
        {
            var section = page.Locator($"#jaar-{year}");
            var text = await section.InnerTextAsync();
            Assert.Contains($"€ {DutchFormat.Fixed(r.Levy.Value, 2)}", text);
            Assert.Equal(r.Trace.Steps.Count, await section.Locator("ol.bm-trace > li").CountAsync());
            Assert.Contains("Uitleg per stap", text);
        }
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#pdf"));
        var pdf = Path.Combine(Path.GetTempPath(), $"mijn-quotum-{Guid.NewGuid():N}.pdf");
        try
        {
            await download.SaveAsAsync(pdf);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
            var text = TestFiles.PdfText(pdf);
            Assert.Contains($"Mijn quotum: {name}", text);
            foreach (var (year, r) in expected)
            {
                Assert.Contains($"€ {DutchFormat.Fixed(r.Levy.Value, 2)}", text);
                Assert.Contains(DutchFormat.Number(r.TotalPaidHours.Value, 2), text);
                Assert.Contains($"Uitleg per stap ({year})", text);
            }
            Assert.Contains("Wfsv art. 38g lid 3", text);
        }
        finally { File.Delete(pdf); }
    }

    [Fact]
    public async Task Other_users_land_where_they_did_and_see_no_Mijn_quotum_in_the_menu()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "analist@demo.banenmonitor.nl");
        Assert.False(page.Url.EndsWith("/werkgevers/mijn"));
        Assert.Equal(0, await page.Locator("nav a[href='/werkgevers/mijn']").CountAsync());
    }
}
