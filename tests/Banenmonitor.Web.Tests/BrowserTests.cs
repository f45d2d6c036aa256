using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>Real Chromium against the real app (Kestrel on loopback, SQLite file). Every visited page is checked with axe-core.</summary>
[Collection(AppCollection.Name)]
public sealed class BrowserTests(AppFixture app)
{
    [Fact]
    public async Task A_newcomer_sees_the_national_dashboard_and_all_sectors_for_2020_2021_and_2023()
    {
        var page = await app.PageAsync();
        await page.GotoAsync("/");
        Assert.Contains("Landelijke meting banenafspraak 2023", await page.InnerTextAsync("h1"));
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/landelijk?jaar=2021");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("72.809", text); // seed 004 Tabel 1 total
        Assert.Contains("80.000", text); // target 2021 (60.000 + 20.000)
        // The four charts of the page: target path vs realised, per sector, the UWV quarters, per sector and form — each an accessible SVG.
        var charts = await page.Locator("main svg[role=img] > title").AllTextContentsAsync();
        Assert.Equal(["Ingroeipad en realisatie, totaal", "Realisatie en doelstelling per sector", "Kwartaalcijfers UWV 2021 naast de jaarlijkse meting",
            "Toename per sector en vorm, 2021"], charts);
        Assert.Contains("Toename per sector en vorm 2021", text);
        await AssertAccessibleAsync(page);
        foreach (var year in new[] { 2020, 2021, 2023 })
        {
            await page.GotoAsync($"/sectoren?jaar={year}");
            Assert.Equal(13, await page.Locator("table tbody tr").CountAsync());
            await AssertAccessibleAsync(page);
        }
        var y2021 = await page.GotoAsync("/sectoren?jaar=2021");
        var s2021 = await page.InnerTextAsync("main");
        Assert.Contains("5.796", s2021);   // gemeenten 2021
        Assert.Contains("110,4%", s2021);  // 5.796 / 5.250
        await page.GotoAsync("/sectoren/defensie");
        Assert.Contains("508,5", await page.InnerTextAsync("main"));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_quota_calculator_works_without_javascript_and_shows_the_trace()
    {
        var browser = await app.BrowserAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/werkgevers/quotum");
        await page.ClickAsync("button[type=submit]"); // no year chosen
        Assert.Contains("Kies een jaar", await page.InnerTextAsync("[role=alert]"));
        await page.CheckAsync("#jaar-2022");
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#verloondeUren", "600.000");
        var stepTwo = page.Url;
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#verloondeUrenVorigJaar", "600000");
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#urenDoelgroep", "15000");
        await page.ClickAsync("button[type=submit]");
        var result = await page.InnerTextAsync("#uitkomst");
        // By hand (FACTS: B 2022 = 2,69%, D = 1.331): A×B = 16.140 h; required 16.140/1.331 = 12,13 → 12,1;
        // realised 15.000/1.331 = 11,27 → 11,2; shortfall (16.140 − 15.000)/1.331 = 0,856 → 0,8 (down); levy 0,8 × € 5.000.
        Assert.Contains("2,69%", result);
        Assert.Contains("12,1", result);
        Assert.Contains("11,2", result);
        Assert.Contains("0,8 banen", result);
        Assert.Contains("€ 4.000,00", result);
        // The shortfall adds up visibly (issue 19): the jobs before rounding, 12,1262 − 11,2697 = 0,8565, and the hours
        // 16.140 − 15.000 = 1.140; the rounded 12,1 − 11,2 alone would suggest 0,9.
        var shortfall = await page.InnerTextAsync("#tekort");
        Assert.Contains("16.140 − 15.000 = 1.140 uur", shortfall);
        Assert.Contains("0,8565", shortfall);
        Assert.Contains("12,1262 − 11,2697", shortfall);
        Assert.Contains("0,8 banen", shortfall);
        var trace = await page.InnerTextAsync("ol.bm-trace");
        Assert.Contains("Wfsv art. 38g lid 3", trace);
        Assert.Contains("Besluit Wfsv art. 2.22", trace);
        // Parameters by their Dutch description, values in Dutch (issue 19), no keys or "1 ja/nee".
        Assert.Contains("Quotumpercentage sector overheid: 2,69%", trace);
        Assert.Contains("Variabelen van de formule naar beneden afgerond op dit aantal decimalen: 2 decimalen", trace);
        Assert.Contains("Uitkomst: ja", trace);
        Assert.Contains("Heffing opgeschort (1) of niet (0): ja", trace);
        Assert.DoesNotContain("afronding_decimalen_variabelen", trace);
        Assert.DoesNotContain("quotumpercentage_overheid", trace);
        Assert.DoesNotContain("ja(1)/nee(0)", trace);
        // Every article links to its text on wetten.overheid.nl (article and paragraph), each step's and each parameter's.
        var links = await page.Locator("ol.bm-trace .bm-trace__wet a.bm-wetlink").EvaluateAllAsync<string[]>("as => as.map(a => a.href)");
        Assert.Contains("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38g&lid=3", links);
        Assert.Contains("https://wetten.overheid.nl/jci1.3:c:BWBR0019070&artikel=2.22", links);
        Assert.Equal(await page.Locator("ol.bm-trace > li:has(.bm-trace__wet)").CountAsync(),
            await page.Locator("ol.bm-trace > li:has(.bm-trace__wet a.bm-wetlink)").CountAsync());
        var parameterLinks = await page.Locator("ol.bm-trace li a.bm-wetlink[data-bwb]").EvaluateAllAsync<string[]>("as => as.map(a => a.href)");
        Assert.Contains("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38h&lid=4", parameterLinks);
        var all = await page.Locator("ol.bm-trace a.bm-wetlink").EvaluateAllAsync<string[]>("as => as.map(a => a.href)");
        Assert.All(all, href => Assert.NotNull(Banenmonitor.Rules.Laws.LawCatalog.Find(
            System.Text.RegularExpressions.Regex.Match(href, @"BWBR\d{7}").Value)));
        var resultUrl = page.Url;
        await context.CloseAsync();

        // axe-core needs JavaScript: check the same pages in a context with JavaScript on.
        var checker = await app.PageAsync();
        foreach (var url in new[] { "/werkgevers/quotum", stepTwo, resultUrl })
        {
            await checker.GotoAsync(url);
            await AssertAccessibleAsync(checker);
        }
    }

    [Fact]
    public async Task A_bad_sector_file_gives_located_errors_and_stores_nothing()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "gemeenten@demo.banenmonitor.nl");
        await page.GotoAsync("/aanleveren");
        await AssertAccessibleAsync(page);
        int before;
        await using (var db = app.Db()) before = await db.SectorReports.CountAsync();
        // The platform's importer (kind sectorrapportages): a good row, a bad number, and a row for another sector.
        var csv = "sector;jaar;doel;realisatie;sroi_banen;bron\ngemeenten;2024;5250;6100;;Eigen telling\ngemeenten;2025;abc;6100;;Eigen telling\nrijk;2024;5000;4000;;Eigen telling\n";
        await page.SetInputFilesAsync("#bestand", new FilePayload { Name = "gemeenten_2024.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("text=Uploaden en controleren");
        var report = await page.InnerTextAsync("#foutrapport");
        Assert.Contains("niets opgeslagen", report);
        var rows = await page.Locator("#foutrapport tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("gemeenten_2024.csv") && r.Contains("\t3\t") && r.Contains("doel") && r.Contains("'abc'"));
        Assert.Contains(rows, r => r.Contains("\t4\t") && r.Contains("sector") && r.Contains("rijk"));
        await AssertAccessibleAsync(page);
        await using (var db = app.Db()) Assert.Equal(before, await db.SectorReports.CountAsync());
    }

    [Fact]
    public async Task Submit_then_approve_and_a_draft_never_overwrites_the_approved_figure()
    {
        var rep = await app.PageAsync();
        await AppFixture.LoginAsync(rep, "gemeenten@demo.banenmonitor.nl");
        await rep.GotoAsync("/aanleveren");
        // A draft for 2021 with other numbers: the public 2021 figure stays 5.796.
        await rep.FillAsync("#jaar", "2021");
        await rep.FillAsync("#doel", "5250");
        await rep.FillAsync("#realisatie", "1");
        await rep.ClickAsync("text=Opslaan als concept");
        // The 2022 report: entered, then submitted.
        await rep.FillAsync("#jaar", "2024");
        await rep.FillAsync("#doel", "5250");
        await rep.FillAsync("#realisatie", "6600");
        await rep.ClickAsync("text=Opslaan als concept");
        Assert.Contains("concept", await rep.InnerTextAsync("#rapportages"));
        await rep.ClickAsync("text=Indienen (2024)");
        Assert.Contains("ingediend", await rep.InnerTextAsync("#rapportages"));

        var publicPage = await app.PageAsync();
        await publicPage.GotoAsync("/sectoren/gemeenten");
        var before = await publicPage.InnerTextAsync("main");
        Assert.Contains("5.796", before);
        Assert.DoesNotContain("6.600", before); // submitted, not approved

        var analyst = await app.PageAsync();
        await AppFixture.LoginAsync(analyst, "analist@demo.banenmonitor.nl");
        await analyst.GotoAsync("/aanleveren/beoordelen");
        await AssertAccessibleAsync(analyst);
        Assert.Contains("6.600", await analyst.InnerTextAsync("#ingediend"));
        await analyst.ClickAsync("#ingediend tr:has-text('2024') a:has-text('Beoordelen')");
        var comparison = await analyst.InnerTextAsync("#vergelijking");
        Assert.Contains("6.600", comparison);
        Assert.Contains("Vorig jaar (2023)", comparison); // beside the previous approved year
        await analyst.ClickAsync("text=Goedkeuren…");
        Assert.Contains("Goedkeuring bevestigen", await analyst.InnerTextAsync("#bevestigen"));
        await AssertAccessibleAsync(analyst);
        await analyst.ClickAsync("#bevestigen button:has-text('Ja, goedkeuren')");
        Assert.Contains("goedgekeurd", await analyst.InnerTextAsync("[role=status]"));

        await publicPage.GotoAsync("/sectoren?jaar=2024");
        var after = await publicPage.InnerTextAsync("main");
        Assert.Contains("6.600", after);
        Assert.Contains(DutchFormat.Percent(6600m / 5250m * 100m), after); // the approved 6.600 against the target 5.250
        await publicPage.GotoAsync("/sectoren?jaar=2021");
        Assert.Contains("5.796", await publicPage.InnerTextAsync("main"));

        // The audit trail records who did what to the figure.
        var admin = await app.PageAsync();
        await AppFixture.LoginAsync(admin, "beheerder@demo.banenmonitor.nl");
        await admin.GotoAsync("/beheer/audit");
        await admin.SelectOptionAsync("#onderwerp", new SelectOptionValue { Label = "sectorrapportage gemeenten 2024" });
        await admin.ClickAsync("text=Tonen");
        var audit = await admin.InnerTextAsync("main");
        Assert.Contains("ingediend", audit);
        Assert.Contains("goedgekeurd", audit);
        Assert.Contains("analist@demo.banenmonitor.nl", audit);
        await AssertAccessibleAsync(admin);
    }

    [Fact]
    public async Task Each_role_logs_in_and_cross_scope_access_is_denied()
    {
        var employer = await app.PageAsync();
        await AppFixture.LoginAsync(employer, "werkgever@demo.banenmonitor.nl");
        await employer.GotoAsync("/werkgevers/mijn");
        Assert.Contains("Gemeente Voorbeeldstad", await employer.InnerTextAsync("h1"));
        await AssertAccessibleAsync(employer);
        await employer.GotoAsync("/aanleveren/beoordelen");
        Assert.Contains("Geen toegang", await employer.InnerTextAsync("h1"));
        await AssertAccessibleAsync(employer);
        var api = await employer.GotoAsync("/api/werkgevers/2");
        Assert.Equal(403, api!.Status);

        var rep = await app.PageAsync();
        await AppFixture.LoginAsync(rep, "gemeenten@demo.banenmonitor.nl");
        await rep.GotoAsync("/beheer/parameters");
        Assert.Contains("Geen toegang", await rep.InnerTextAsync("h1"));
        await rep.GotoAsync("/werkgevers/mijn");
        Assert.Contains("Geen toegang", await rep.InnerTextAsync("h1"));

        var admin = await app.PageAsync();
        await AppFixture.LoginAsync(admin, "beheerder@demo.banenmonitor.nl");
        await admin.GotoAsync("/beheer/parameters");
        Assert.True(await admin.Locator("tr.bm-onbevestigd").CountAsync() > 0);
        await AssertAccessibleAsync(admin);
        await admin.GotoAsync("/beheer/gebruikers");
        Assert.Contains("gemeenten@demo.banenmonitor.nl", await admin.InnerTextAsync("main"));
        await AssertAccessibleAsync(admin);

        var pub = await app.PageAsync();
        await AppFixture.LoginAsync(pub, "publiek@demo.banenmonitor.nl");
        await pub.GotoAsync("/aanleveren");
        Assert.Contains("Geen toegang", await pub.InnerTextAsync("h1"));
        await pub.GotoAsync("/account/inloggen");
        await AssertAccessibleAsync(pub);
    }

    [Fact]
    public async Task An_administrator_supplies_an_unconfirmed_parameter_with_its_source_and_the_calculator_uses_it()
    {
        var admin = await app.PageAsync();
        await AppFixture.LoginAsync(admin, "beheerder@demo.banenmonitor.nl");
        await admin.GotoAsync("/beheer/parameters");
        await admin.SelectOptionAsync("#naam", "quotumpercentage_overheid");
        await admin.FillAsync("#geldigVanaf", "2025");
        await admin.FillAsync("#waarde", "2,80");
        await admin.ClickAsync("text=Opslaan met bron");
        Assert.Contains("Bron", await admin.InnerTextAsync("[role=alert]")); // no source: refused
        await admin.FillAsync("#bron", "Testbron: brief van 1 oktober 2024");
        await admin.ClickAsync("text=Opslaan met bron");
        Assert.Contains("opgeslagen met bron", await admin.InnerTextAsync("[role=status]"));

        var page = await app.PageAsync();
        await page.GotoAsync("/werkgevers/quotum?stap=5&jaar=2025&verloondeUren=600000&verloondeUrenVorigJaar=600000&urenDoelgroep=0");
        var result = await page.InnerTextAsync("#uitkomst");
        Assert.Contains("2,8%", result);
        Assert.Contains("Testbron", await page.InnerTextAsync("ol.bm-trace"));
    }
}
