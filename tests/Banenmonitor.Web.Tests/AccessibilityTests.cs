using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

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

    /// <summary>Route values: the gemeenten sector, 2021, work agenda 1 (the gemeenten agenda from the documents).</summary>
    private static readonly Dictionary<string, string> Samples = new() { ["{code}"] = "gemeenten", ["{jaar:int}"] = "2021", ["{id:int}"] = "1" };

    private IReadOnlyList<string> Pages() => app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>().Any())
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
        .Select(p => Samples.Aggregate(p, (acc, kv) => acc.Replace(kv.Key, kv.Value)))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_wcag_violation()
    {
        var pages = Pages();
        Assert.Contains("/sectoren/gemeenten", pages);
        Assert.Contains("/beheer/audit", pages);
        var browser = await app.BrowserAsync();
        var remaining = new List<string>(pages.Where(p => p != "/account/uitloggen")); // logging out is a POST; its page is the form of the layout
        var checkedPages = new List<string>();
        var failures = new List<string>();
        foreach (var user in Users)
        {
            if (remaining.Count == 0) break;
            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "nl-NL" });
            var page = await context.NewPageAsync();
            if (user is not null) await LoginAsync(page, user);
            foreach (var path in remaining.ToList())
            {
                var response = await page.GotoAsync(path == "/fout" ? "/fout?code=404" : path);
                var landed = new Uri(page.Url).AbsolutePath;
                if (landed.StartsWith("/account/inloggen") && path != "/account/inloggen" || landed.StartsWith("/account/geweigerd") && path != "/account/geweigerd"
                    || response is null || (response.Status >= 400 && path != "/fout")) continue;
                var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    failures.Add($"{path} ({user ?? "anoniem"}): {v.Id} — {v.Help} — {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
                checkedPages.Add(path);
                remaining.Remove(path);
            }
            await context.CloseAsync();
        }
        Assert.True(remaining.Count == 0, "Pagina's die geen enkele rol kon openen: " + string.Join(", ", remaining));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedPages.Count >= 20, $"{checkedPages.Count} pagina's gecontroleerd");
    }

    private async Task LoginAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/inloggen");
        await page.FillAsync("#gebruikersnaam", user);
        await page.FillAsync("#wachtwoord", Banenmonitor.Data.Seeding.DatabaseSeeder.DemoAccounts.Single(a => a.UserName == user).Password);
        await page.ClickAsync("form.bm-formulier button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/inloggen"));
    }
}
