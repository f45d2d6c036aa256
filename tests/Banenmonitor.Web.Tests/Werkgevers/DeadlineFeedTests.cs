using System.Net;
using Banenmonitor.Rules.Planning;
using Ical.Net.CalendarComponents;
using Microsoft.Playwright;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 24: the employer's dated duties on its pages and as an iCalendar feed (parsed back with Ical.Net): the cut-off for
/// hired-in agreements (before 1 August of the year after, Besluit Wfsv art. 2.27–2.31) and the levy decision (before
/// 1 November of the year after, Wfsv art. 38h) for every levy year of the quotumregeling, none under the Wet banenafspraak.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineFeedTests(AppFixture app)
{
    private const string User = "werkgever@demo.banenmonitor.nl"; // employer 1, Gemeente Voorbeeldstad (government)

    private static IReadOnlyList<CalendarEvent> Events(string ics) => Ical.Net.Calendar.Load(ics)!.Events.OrderBy(e => e.Start!.Date).ToList();

    private static DateOnly Day(CalendarEvent e) => e.Start!.Date;

    [Fact]
    public async Task The_feed_parses_and_holds_the_attribution_cut_off_and_the_levy_decision_of_every_levy_year()
    {
        using var client = await app.ClientAsync(User);
        using var res = await client.GetAsync("/werkgevers/1/termijnen.ics?van=2019&tot=2028");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("text/calendar", res.Content.Headers.ContentType!.MediaType);
        var events = Events(await res.Content.ReadAsStringAsync());
        for (var levyYear = 2018; levyYear <= 2025; levyYear++)
        {
            var attribution = Assert.Single(events, e => e.Summary!.StartsWith($"Toerekening inleenverbanden over {levyYear}"));
            Assert.Equal(new DateOnly(levyYear + 1, 7, 31), Day(attribution));
            Assert.False(attribution.Start!.HasTime); // a whole day
            Assert.Contains($"vóór 1 augustus {levyYear + 1}", attribution.Description);
            Assert.Contains("Besluit Wfsv art. 2.27", attribution.Description);
            Assert.Contains("toerekening_inleen_uiterste_maand = 8", attribution.Description);
            var decision = Assert.Single(events, e => e.Summary!.StartsWith($"Beschikking quotumheffing over {levyYear}"));
            Assert.Equal(new DateOnly(levyYear + 1, 10, 31), Day(decision));
            Assert.Contains("Wfsv art. 38h", decision.Description);
            Assert.Contains("opgeschort", decision.Summary);
        }
        Assert.Equal(16, events.Count);
        Assert.DoesNotContain(events, e => Day(e).Year > 2026); // the Wet banenafspraak has no such dates
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Bad_years_are_refused_in_Dutch_and_another_employers_feed_is_forbidden()
    {
        using var client = await app.ClientAsync(User);
        using var bad = await client.GetAsync("/werkgevers/1/termijnen.ics?van=twintig");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Van (jaar)", await bad.Content.ReadAsStringAsync());
        using var reversed = await client.GetAsync("/werkgevers/plan/termijnen.ics?van=2028&tot=2026");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("niet vóór", await reversed.Content.ReadAsStringAsync());
        using var other = await client.GetAsync("/werkgevers/2/termijnen.ics");
        Assert.Contains("/account/geweigerd", other.Headers.Location?.ToString()); // refused, as every page refuses a cookie user
    }

    [Fact]
    public async Task On_a_phone_the_plan_shows_its_deadlines_and_downloads_them_as_a_calendar()
    {
        var browser = await app.BrowserAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await AppFixture.LoginAsync(page, User);
        await page.GotoAsync("/werkgevers/plan?bron=ingevuld&basisjaar=2024&verloondeUren=600.000&urenDoelgroep=3.000&groei=2&van=2025&tot=2027");
        var table = page.Locator("#termijnen-tabel");
        Assert.True(await table.IsVisibleAsync());
        // the plan years 2025–2027: the duties over 2024 and 2025 fall in 2025 and 2026
        Assert.StartsWith("31 juli 2025", await table.Locator("tr[data-termijn='HiredInAttribution-2024'] [data-veld=datum]").InnerTextAsync());
        Assert.StartsWith("31 juli 2026", await table.Locator("tr[data-termijn='HiredInAttribution-2025'] [data-veld=datum]").InnerTextAsync());
        Assert.StartsWith("31 oktober 2026", await table.Locator("tr[data-termijn='LevyDecision-2025'] [data-veld=datum]").InnerTextAsync());
        Assert.Contains("Besluit Wfsv art. 2.27", await table.InnerTextAsync());
        // under the Wet banenafspraak: said not to apply, with the article
        Assert.Contains("art. 12", await page.Locator("#termijnen-zonder-datum li[data-termijn='HiredInAttribution-2026']").TextContentAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#termijnen-ics"));
        Assert.EndsWith(".ics", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"termijnen-{Guid.NewGuid():N}.ics");
        await download.SaveAsAsync(file);
        try
        {
            var events = Events(await File.ReadAllTextAsync(file));
            Assert.Equal([new DateOnly(2025, 7, 31), new DateOnly(2025, 10, 31), new DateOnly(2026, 7, 31), new DateOnly(2026, 10, 31)], events.Select(Day));
            Assert.All(events, e => Assert.Contains("Wetsartikel:", e.Description));
        }
        finally { File.Delete(file); }

        // the employer's own page shows the duties of this year and the next with its feed
        await page.GotoAsync("/werkgevers/mijn");
        Assert.True(await page.Locator("#termijnen").IsVisibleAsync());
        Assert.Equal("/werkgevers/1/termijnen.ics", await page.GetAttributeAsync("#termijnen-ics", "href"));
        await context.CloseAsync();
    }
}
