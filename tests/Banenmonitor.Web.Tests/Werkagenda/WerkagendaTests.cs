using System.Net;
using System.Text.RegularExpressions;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The work agenda cycle in a real browser (plan → sign → progress → evaluate → next agenda from the evaluation), the
/// cross-sector comparison, the exports, and the sector scope of editing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class WerkagendaTests(AppFixture app)
{
    private const string Password = "Werkagenda-Test-2024!";

    private Task<string> RepresentativeAsync(string sector) =>
        app.SectorRepresentativeAsync($"werkagenda-{sector}@test.banenmonitor.nl", sector, Password);

    private BanenmonitorDbContext DataDb()
    {
        var scope = app.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
    }

    private async Task<int> SeedAgendaIdAsync(string sector)
    {
        await using var db = DataDb();
        return await db.WorkAgendas.Where(a => a.Sector!.Code == sector && a.DerivedFromDocuments).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Clicks a submit button and waits until the resulting page (after the redirect) has loaded.</summary>
    private static Task SubmitAsync(IPage page, ILocator button) => AppFixture.SubmitAsync(page, button);

    [Fact]
    public async Task A_sector_representative_walks_the_whole_cycle_in_the_browser()
    {
        var user = await RepresentativeAsync("provincies");
        var seedId = await SeedAgendaIdAsync("provincies");
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/inloggen");
        await page.FillAsync("#gebruikersnaam", user);
        await page.FillAsync("#wachtwoord", Password);
        await page.ClickAsync("form.bm-formulier button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/inloggen"));

        // The overview and the seed-derived starting agenda of the provinces.
        await page.GotoAsync("/werkagenda");
        await AssertAccessibleAsync(page);
        await SubmitAsync(page, page.Locator($"a[href='/werkagenda/{seedId}']"));
        Assert.Contains("concept", await page.InnerTextAsync("#status"));
        Assert.Contains("Afgeleid uit de brondocumenten", await page.InnerTextAsync("main"));
        await AssertAccessibleAsync(page);

        // Sign the starting agenda (plan → do).
        await SubmitAsync(page, page.Locator("text=Bewerken, ondertekenen, voortgang en evaluatie"));
        await page.FillAsync("#naam", "P. Gedeputeerde");
        await page.FillAsync("#functie", "gedeputeerde");
        await SubmitAsync(page, page.Locator("#ondertekenen button[type=submit]"));
        Assert.Contains("vastgesteld", await page.InnerTextAsync("#status"));
        await AssertAccessibleAsync(page);

        // Check: evaluate every action; the traineeships partly worked, the rest worked.
        var sections = page.Locator("section.bm-actie");
        var count = await sections.CountAsync();
        Assert.Equal(4, count);
        for (var i = 0; i < count; i++)
        {
            var section = page.Locator("section.bm-actie").Nth(i);
            var title = await section.Locator("h3").InnerTextAsync();
            var partly = title.Contains("stages en traineeships");
            await section.Locator("select[name=Uitkomst]").SelectOptionAsync(partly ? "deels" : "werkte");
            if (partly) await section.Locator("input[name=Waarom]").FillAsync("Te weinig begeleiding op de werkplek");
            await SubmitAsync(page, section.Locator("form[aria-label^='Evaluatie'] button"));
        }
        Assert.Contains("geëvalueerd", await page.InnerTextAsync("#status"));

        // Act: a new agenda from this evaluation; the partly successful action is carried over with its problem.
        await SubmitAsync(page, page.Locator("text=Nieuwe werkagenda op basis van deze evaluatie"));
        await page.FillAsync("#titel", "Werkagenda provincies 2025-2026");
        await page.FillAsync("#begin", "2025-01-01");
        await page.FillAsync("#eind", "2026-12-31");
        await SubmitAsync(page, page.Locator("form.bm-formulier button[type=submit]"));
        await page.WaitForURLAsync(new Regex("/werkagenda/\\d+/bewerken$"));
        var newId = int.Parse(Regex.Match(page.Url, "/werkagenda/(\\d+)/bewerken").Groups[1].Value);
        Assert.NotEqual(seedId, newId);
        var actions = await page.InnerTextAsync("#acties tbody");
        Assert.Contains("stages en traineeships", actions);
        Assert.DoesNotContain("themadagen", actions);
        await AssertAccessibleAsync(page);

        // Plan: a new action with goals at the three levels and a forecast.
        await page.FillAsync("#titel", "Werkgevers benaderen en informeren");
        await page.SelectOptionAsync("#type", "5");
        await page.FillAsync("#eigenaar", "Projectleiders IPO");
        await page.FillAsync("#knelpunt", "Provincies kennen de doelgroep niet");
        await page.FillAsync("#prognose", "20");
        await page.FillAsync("#doelBreed", "Themadagen worden georganiseerd");
        await page.FillAsync("#doelMidden", "Afdelingen benaderd");
        await page.FillAsync("#doelMiddenAantal", "20");
        await page.FillAsync("#doelMiddenEenheid", "afdelingen");
        await page.FillAsync("#doelSmal", "Nieuwe banen");
        await page.FillAsync("#doelSmalBanen", "20");
        await SubmitAsync(page, page.Locator("#actie-toevoegen button[type=submit]"));
        Assert.Contains("toegevoegd", await page.InnerTextAsync("#melding"));
        Assert.Contains("Werkgevers benaderen en informeren", await page.InnerTextAsync("#acties"));

        await page.FillAsync("#naam", "P. Gedeputeerde");
        await page.FillAsync("#functie", "gedeputeerde");
        await SubmitAsync(page, page.Locator("#ondertekenen button[type=submit]"));
        Assert.Contains("vastgesteld", await page.InnerTextAsync("#status"));

        // Do: record progress on the new action (jobs and the middle goal).
        var mine = page.Locator("section.bm-actie", new() { Has = page.Locator("h3", new() { HasText = "Werkgevers benaderen en informeren" }) });
        await mine.Locator("input[name=Banen]").FillAsync("7,5");
        await mine.Locator("select[name=Doel]").SelectOptionAsync(new SelectOptionValue { Label = "midden (aantal): Afdelingen benaderd" });
        await mine.Locator("input[name=Waarde]").FillAsync("12");
        await SubmitAsync(page, mine.Locator("form[aria-label^='Voortgang'] button"));
        Assert.Contains("Voortgang vastgelegd", await page.InnerTextAsync("#melding"));
        var carried = page.Locator("section.bm-actie", new() { Has = page.Locator("h3", new() { HasText = "stages en traineeships" }) });
        await carried.Locator("input[name=Banen]").FillAsync("2");
        await SubmitAsync(page, carried.Locator("form[aria-label^='Voortgang'] button"));

        // Check: evaluate the new action.
        mine = page.Locator("section.bm-actie", new() { Has = page.Locator("h3", new() { HasText = "Werkgevers benaderen en informeren" }) });
        await mine.Locator("select[name=Uitkomst]").SelectOptionAsync("niet");
        await SubmitAsync(page, mine.Locator("form[aria-label^='Evaluatie'] button"));
        Assert.Contains("Leg uit waarom", await page.InnerTextAsync("#fout")); // a reason is required
        mine = page.Locator("section.bm-actie", new() { Has = page.Locator("h3", new() { HasText = "Werkgevers benaderen en informeren" }) });
        await mine.Locator("select[name=Uitkomst]").SelectOptionAsync("deels");
        await mine.Locator("input[name=Waarom]").FillAsync("Afdelingen bereikt, vacatures bleven uit");
        await SubmitAsync(page, mine.Locator("form[aria-label^='Evaluatie'] button"));
        Assert.Contains("Evaluatie vastgelegd", await page.InnerTextAsync("#melding"));

        // See forecast against realised jobs.
        await page.GotoAsync($"/werkagenda/{newId}");
        var rows = page.Locator("#acties tbody tr");
        var row = rows.Filter(new() { HasText = "Werkgevers benaderen en informeren" });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("20", cells[4]);
        Assert.Equal("7,5", cells[5]);
        Assert.Equal("37,5%", cells[6]);
        Assert.Contains("12 van 20 afdelingen", cells[3]);
        Assert.Contains("deels", cells[7]);
        Assert.Equal("9,5", await page.InnerTextAsync("#gerealiseerd")); // 7,5 + 2
        Assert.Contains("Te weinig begeleiding op de werkplek", await page.InnerTextAsync("#probleemanalyse"));
        var sector = await page.InnerTextAsync("#sector");
        Assert.Contains("2025", sector);
        await AssertAccessibleAsync(page);

        // The change trail is in the audit log of the data database.
        await using var db = DataDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(WorkAgendaSignature) && a.UserName == user));
    }

    [Fact]
    public async Task The_overview_reproduces_the_research_counts_per_type_and_the_score_range()
    {
        using var client = await app.ClientAsync("analist@demo.banenmonitor.nl");
        var html = await client.GetStringAsync("/werkagenda");
        // Seed 003 §4.1: "Genoemd in" per type, and the most mentioned type, sharing good examples, in 9 of 12.
        var expected = new (string Label, int Count)[]
        {
            ("Ambassadeurschap / persoonlijke motivatie", 3), ("Bemiddelaars en uitzendbureaus", 7), ("Bestuurlijk commitment", 7),
            ("Centralisatie van aansturing / financiering", 6), ("Delen van goede voorbeelden", 9),
            ("Functies passend maken voor competenties, mogelijkheden en beperkingen van kandidaten", 2), ("Inkoop en SROI", 7),
            ("Meet and greets voor managers, leidinggevenden en kandidaten", 2),
            ("Proefplaatsingen, stages en werkervaringsplekken en andere manieren om kandidaten te leren kennen", 2),
            ("Samenwerken met partners die ondersteunen en ontzorgen (intermediairs, sw-bedrijf)", 3),
            ("Talenttrajecten voor hoogopgeleide mensen met een arbeidsbeperking", 2), ("Training voor begeleiders", 3),
        };
        var table = Regex.Match(html, "<table id=\"typen\"[^>]*>(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        foreach (var (label, n) in expected)
            Assert.Matches(new Regex($"<td>{Regex.Escape(WebUtility.HtmlEncode(label))}</td><td class=\"bm-getal\">{n} van 12</td>"), table);
        var scores = Regex.Matches(Regex.Match(html, "<table id=\"scores\"[^>]*>(.*?)</table>", RegexOptions.Singleline).Groups[1].Value,
            "<tr><td>([^<]+)</td><td class=\"bm-getal\">(\\d+)</td>").ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value));
        Assert.Equal(12, scores.Count); // po and vo share one agenda (funderend onderwijs)
        Assert.Equal(2, scores.Values.Min());
        Assert.Equal(9, scores.Values.Max());
        Assert.Equal(9, scores["Rijk"]);
        Assert.Equal(9, scores["Defensie"]);
        Assert.Equal(2, Regex.Matches(html, "<svg[^>]*role=\"img\"").Count);
    }

    /// <summary>Denied: the cookie scheme sends a signed-in user to the access-denied page (or 403).</summary>
    private static void AssertDenied(HttpResponseMessage res) =>
        Assert.True(res.StatusCode == HttpStatusCode.Forbidden || (res.StatusCode == HttpStatusCode.Redirect && res.Headers.Location!.ToString().Contains("/account/geweigerd")),
            $"verwacht geweigerd, kreeg {(int)res.StatusCode} {res.Headers.Location}");

    [Fact]
    public async Task A_representative_cannot_edit_another_sectors_agenda_and_concepts_stay_private()
    {
        var rep = await RepresentativeAsync("waterschappen");
        var mineId = await SeedAgendaIdAsync("waterschappen");
        var otherId = await SeedAgendaIdAsync("politie");
        using var client = await app.ClientAsync(rep, Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/werkagenda/{mineId}/bewerken")).StatusCode);
        AssertDenied(await client.GetAsync($"/werkagenda/{otherId}/bewerken"));
        // A well-formed signing post (valid anti-forgery token) for another sector's agenda is refused and changes nothing.
        var token = AppFixture.AntiforgeryToken(await client.GetStringAsync($"/werkagenda/{mineId}/bewerken"));
        var post = await client.PostAsync($"/werkagenda/{otherId}/bewerken?handler=Onderteken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Naam"] = "Indringer", ["Functie"] = "voorzitter", ["Datum"] = "2024-01-01", ["__RequestVerificationToken"] = token,
        }));
        AssertDenied(post);
        await using (var db = DataDb())
        {
            var other = await db.WorkAgendas.Include(a => a.Signatures).SingleAsync(a => a.Id == otherId);
            Assert.Equal(WorkAgendaStatus.Concept, other.Status);
            Assert.Empty(other.Signatures);
        }
        // A concept of another sector is not readable for a representative; the ministry reads it; public users do not.
        AssertDenied(await client.GetAsync($"/werkagenda/{otherId}"));
        using var analyst = await app.ClientAsync("analist@demo.banenmonitor.nl");
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/werkagenda/{otherId}")).StatusCode);
        AssertDenied(await analyst.GetAsync($"/werkagenda/{otherId}/bewerken")); // not a sector representative

        // Once signed, every signed-in user may read it (and its document), but still only the own sector edits.
        var signToken = AppFixture.AntiforgeryToken(await client.GetStringAsync($"/werkagenda/{mineId}/bewerken"));
        var sign = await client.PostAsync($"/werkagenda/{mineId}/bewerken?handler=Onderteken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Naam"] = "W. Dijkgraaf", ["Functie"] = "dijkgraaf", ["Datum"] = "2024-01-01", ["__RequestVerificationToken"] = signToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, sign.StatusCode);
        using var publicUser = await app.ClientAsync("publiek@demo.banenmonitor.nl");
        Assert.Equal(HttpStatusCode.OK, (await publicUser.GetAsync($"/werkagenda/{mineId}")).StatusCode);
        AssertDenied(await publicUser.GetAsync($"/werkagenda/{otherId}"));
        AssertDenied(await publicUser.GetAsync($"/werkagenda/{mineId}/bewerken"));

        // Exports: the document a board signs (HTML, PDF) and the workbook.
        var doc = await publicUser.GetStringAsync($"/werkagenda/{mineId}/document");
        Assert.Contains("W. Dijkgraaf", doc);
        Assert.Contains("Onbeperkte Denkers", doc);
        var pdf = await publicUser.GetByteArrayAsync($"/werkagenda/{mineId}/document?handler=pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var xlsx = await publicUser.GetByteArrayAsync($"/werkagenda/{mineId}/document?handler=xlsx");
        using var ms = new MemoryStream(xlsx);
        var sheets = ms.GetSheetNames();
        Assert.Equal(["Werkagenda", "Acties", "Doelstellingen", "Voortgang", "Ondertekening"], sheets);
        ms.Position = 0;
        var rows = ms.Query(useHeaderRow: true, sheetName: "Acties").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => (string)r["type"] == "Ambassadeurschap / persoonlijke motivatie");
        ms.Position = 0;
        var signatures = ms.Query(useHeaderRow: true, sheetName: "Ondertekening").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("W. Dijkgraaf", Assert.Single(signatures)["naam"]);
    }
}
