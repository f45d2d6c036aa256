using System.Text.Json;
using Microsoft.Playwright;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// A 390 × 844 phone (real Chromium): every page each role can open — enumerated from the endpoint data source, so a new
/// page cannot be forgotten — is no wider than the screen, its charts keep readable labels, and the menu is folded.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PhoneTests(AppFixture app)
{
    private static readonly Dictionary<string, string?> Roles = new()
    {
        ["anoniem"] = null,
        ["werkgever"] = "werkgever@demo.banenmonitor.nl",
        ["sectorvertegenwoordiger"] = "gemeenten@demo.banenmonitor.nl",
        ["analist"] = "analist@demo.banenmonitor.nl",
        ["beheerder"] = "beheerder@demo.banenmonitor.nl",
    };

    /// <summary>States of pages beyond their first view: the calculator's result, another year.</summary>
    private static readonly string[] Deeper =
    [
        "/werkgevers/quotum?stap=5&jaar=2022&verloondeUren=600000&verloondeUrenVorigJaar=600000&urenDoelgroep=15000",
        "/landelijk?jaar=2021", "/sectoren?jaar=2021",
        "/landelijk?jaar=2023", "/landelijk?jaar=2016", // the UWV quarters beside the measurement; a year without quarters
        "/werkgevers/plan?bron=ingevuld&basisjaar=2024&verloondeUren=600.000&urenDoelgroep=3.000&groei=2&van=2025&tot=2027", // plan with its deadlines
    ];

    private const int Width = 390;

    /// <summary>Smallest chart label, in CSS pixels, that still reads on a phone.</summary>
    private const double MinimumLabelPixels = 10;

    private const string Measure = """
        () => {
          const wide = [];
          if (document.documentElement.scrollWidth > 390 || window.innerWidth > 390)
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect();
              if (r.right > 391 && !e.closest('.bm-tabel__scroll, .bm-figuur, .bm-visueel-verborgen, .bm-skiplink'))
                wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' ' + Math.round(r.right));
            }
          let smallest = null;
          for (const svg of document.querySelectorAll('svg.bm-grafiek:not(.bm-sparkline)')) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) {
              const px = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * scale;
              if (smallest === null || px < smallest) smallest = px;
            }
          }
          return JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide: wide.slice(0, 5), smallest });
        }
        """;

    [Fact]
    public async Task At_390_pixels_no_page_is_wider_than_the_screen_for_any_role()
    {
        var pages = SitePages.All(app);
        Assert.Contains("/beheer/audit", pages);
        Assert.Contains("/enquete", pages);
        Assert.Contains("/enquete/aanbesteding", pages);
        var browser = await app.BrowserAsync();
        var failures = new List<string>();
        var opened = new HashSet<string>();
        var charts = 0;
        foreach (var (role, user) in Roles)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "nl-NL", ViewportSize = new() { Width = Width, Height = 844 }, IsMobile = true, HasTouch = true });
            var page = await context.NewPageAsync();
            if (user is not null) await AppFixture.LoginAsync(page, user);
            var perRole = 0;
            foreach (var path in pages.Concat(Deeper))
            {
                var response = await page.GotoAsync(SitePages.Address(path));
                if (!SitePages.Opened(page, response, path)) continue;
                perRole++;
                opened.Add(path);
                var m = JsonDocument.Parse(await page.EvaluateAsync<string>(Measure)).RootElement;
                // A mobile browser zooms out to fit a page that is too wide (innerWidth grows with it): compare with the screen itself.
                var width = Math.Max(m.GetProperty("scrollWidth").GetInt32(), m.GetProperty("innerWidth").GetInt32());
                if (width > Width)
                    failures.Add($"{role} {path}: {width} px breed bij {Width} px scherm; " +
                                 string.Join(", ", m.GetProperty("wide").EnumerateArray().Select(e => e.GetString())));
                // Sources are cited by title and number, never by an internal file name ("seed 003", "document 001").
                if (SitePages.InternalSourceName.Match(await page.InnerTextAsync("body")) is { Success: true } leak)
                    failures.Add($"{role} {path}: noemt een interne bestandsnaam: '{leak.Value}'");
                if (m.GetProperty("smallest").ValueKind == JsonValueKind.Number)
                {
                    charts++;
                    var px = m.GetProperty("smallest").GetDouble();
                    if (px < MinimumLabelPixels) failures.Add($"{role} {path}: grafieklabel van {px:0.0} px (minstens {MinimumLabelPixels} px)");
                }
            }
            Assert.True(perRole >= 8, $"{role}: maar {perRole} pagina's geopend");

            // The menu is folded behind its button and opens on a tap.
            await page.GotoAsync("/");
            var menu = page.Locator("#hoofdmenu");
            var button = page.Locator(".bm-nav__knop");
            if (!await button.IsVisibleAsync() || await menu.IsVisibleAsync()) failures.Add($"{role}: het menu is op een telefoon niet ingeklapt");
            else
            {
                await button.ClickAsync();
                if (!await menu.IsVisibleAsync() || await button.GetAttributeAsync("aria-expanded") != "true") failures.Add($"{role}: de menuknop opent het menu niet");
            }
            await context.CloseAsync();
        }
        var never = pages.Where(p => !opened.Contains(p)).ToList();
        Assert.True(never.Count == 0, "Pagina's die geen enkele rol kon openen: " + string.Join(", ", never));
        Assert.True(charts >= 3, $"{charts} pagina's met grafieken gemeten");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
