namespace Banenmonitor.Web.Tests;

/// <summary>
/// axe-core on every page of the site: the pages are enumerated from the endpoint data source (so a new page is checked
/// without being listed here) and each is opened as the first role that may see it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessibilityTests(AppFixture app)
{
    /// <summary>Roles in the order they are tried; null is anonymous.</summary>
    private static readonly string?[] Users =
    [
        null, "publiek@demo.banenmonitor.nl", "gemeenten@demo.banenmonitor.nl", "werkgever@demo.banenmonitor.nl",
        "analist@demo.banenmonitor.nl", "beheerder@demo.banenmonitor.nl",
    ];

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_wcag_violation()
    {
        var pages = SitePages.All(app);
        Assert.Contains("/sectoren/gemeenten", pages);
        Assert.Contains("/beheer/audit", pages);
        Assert.Contains("/enquete", pages);
        Assert.Contains("/enquete/aanbesteding", pages);
        var browser = await app.BrowserAsync();
        var remaining = new List<string>(pages.Where(p => p != "/account/uitloggen")); // logging out is a POST; its page is the form of the layout
        var checkedPages = new List<string>();
        var failures = new List<string>();
        foreach (var user in Users)
        {
            if (remaining.Count == 0) break;
            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "nl-NL" });
            var page = await context.NewPageAsync();
            if (user is not null) await AppFixture.LoginAsync(page, user);
            foreach (var path in remaining.ToList())
            {
                var response = await page.GotoAsync(SitePages.Address(path));
                if (!SitePages.Opened(page, response, path)) continue;
                foreach (var v in await Axe.SeriousViolationsAsync(page)) failures.Add($"{path} ({user ?? "anoniem"}): {v}");
                checkedPages.Add(path);
                remaining.Remove(path);
            }
            await context.CloseAsync();
        }
        Assert.True(remaining.Count == 0, "Pagina's die geen enkele rol kon openen: " + string.Join(", ", remaining));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedPages.Count >= 20, $"{checkedPages.Count} pagina's gecontroleerd");
    }

}
