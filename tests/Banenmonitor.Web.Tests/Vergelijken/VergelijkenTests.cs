using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>Issue 10 on the web: one employer and the sectors under both regimes, public, without JavaScript; axe on every page.</summary>
[Collection(AppCollection.Name)]
public sealed class VergelijkenTests(AppFixture app)
{
    [Fact]
    public async Task An_employer_fills_the_form_without_javascript_and_sees_both_regimes_with_traces()
    {
        var browser = await app.BrowserAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("nav >> text=Twee regimes");
        Assert.Contains("Twee regimes naast elkaar", await page.InnerTextAsync("h1"));

        // Empty form: located Dutch errors, nothing computed.
        await page.ClickAsync("form.bm-formulier button[type=submit]");
        var alert = await page.InnerTextAsync("[role=alert]");
        Assert.Contains("Jaar: vul een jaar in", alert);
        Assert.Contains("Totaal verloonde uren: vul een getal in", alert);
        Assert.Equal(0, await page.Locator("#uitkomst").CountAsync());
        var errorUrl = page.Url;

        // Data of 2024 (quota 2,76%, UWV): 1.000.000 h, C = 13.310 h, two target-group employees; the new law with the values of 2026,
        // activation in 2026 supplied as an assumption (unconfirmed).
        await page.FillAsync("#jaar", "2024");
        await page.CheckAsync("#sector-overheid");
        await page.FillAsync("#verloondeUren", "1.000.000");
        await page.FillAsync("#verloondeUrenVorigJaar", "1.000.000");
        await page.FillAsync("#urenDoelgroep", "13.310");
        await page.FillAsync("#werknemerUren", "1.331; 2.500");
        await page.FillAsync("#sroiUren", "6.655");
        await page.FillAsync("#activeringsjaar", "2026");
        await page.ClickAsync("form.bm-formulier button[type=submit]");

        var old = await page.InnerTextAsync("#quotumregeling");
        var neu = await page.InnerTextAsync("#wet-banenafspraak");
        Assert.Contains("BWBR0017745", old);
        // 1.000.000 × 2,76% = 27.600 h; (27.600 − 13.310) ÷ 1.331 = 10,73 → 10,7 jobs (down) × € 5.000, suspended (Wfsv art. 122na).
        Assert.Contains("€ 53.500,00", old);
        Assert.Contains("opgeschort", old);
        Assert.Contains("BWBR0051018", neu);
        // Wtl art. 2.10/2.13: 1.331 × € 1,01 + min(2.500 × € 1,01; € 2.000) = € 1.344,31 + € 2.000; bonus 10 jobs × € 5.000 (art. 2.13 lid 2).
        Assert.Contains("Loonkostenvoordeel: € 3.344,31", neu);
        Assert.Contains("Banenafspraakbonus: € 50.000,00", neu);
        Assert.Contains("€ 53.344,31", neu);
        // The trace with article references, and the assumption marked unconfirmed.
        var trace = await page.InnerTextAsync("#wet-banenafspraak ol.bm-trace");
        Assert.Contains("Wet: Wtl art. 2.10 en 2.13", trace);
        Assert.Contains("Wet: Wet banenafspraak art. 5", trace);
        Assert.Contains("onbevestigd", trace);
        Assert.Contains("aanname van de gebruiker", trace);
        Assert.Contains("Wet:", await page.InnerTextAsync("#quotumregeling ol.bm-trace"));
        Assert.Equal(1, await page.Locator("#sroi-scenario").CountAsync());
        Assert.Contains("verschil", await page.InnerTextAsync("#verschil + ul"));
        var resultUrl = page.Url;
        await context.CloseAsync();

        var checker = await app.PageAsync();
        foreach (var url in new[] { "/vergelijken", errorUrl, resultUrl })
        {
            await checker.GotoAsync(url);
            await AssertAccessibleAsync(checker);
        }
    }

    [Fact]
    public async Task Sectors_2023_show_the_SROI_scenario_from_the_published_figures()
    {
        var page = await app.PageAsync();
        await page.GotoAsync("/vergelijken/sectoren?jaar=2023");
        var row = await page.InnerTextAsync("#sector-defensie");
        // Seed 001: Defensie target 822, realisation 508,5, SROI 235,8 → (508,5 + 235,8) ÷ 822 = 90,5% instead of 61,9%.
        Assert.Contains("822", row);
        Assert.Contains("508,5", row);
        Assert.Contains("235,8", row);
        Assert.Contains("61,9%", row);
        Assert.Contains("90,5%", row);
        Assert.Contains("Defensie: (508,5 + 235,8) ÷ 822", await page.InnerTextAsync("main"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/vergelijken/sectoren?jaar=2021");
        Assert.Contains("2021", await page.InnerTextAsync("h1"));
        // The national measurement with and without the market/government split, from the report's section.
        var national = await page.Locator("#landelijk-regimes tbody tr").AllInnerTextsAsync();
        Assert.Contains(national, r => r.StartsWith("Toename banen totaal") && !r.Contains("geen aparte meting"));
        Assert.Contains(national, r => r.StartsWith("Toename banen markt") && r.Contains("geen aparte meting"));
        await AssertAccessibleAsync(page);
    }
}
