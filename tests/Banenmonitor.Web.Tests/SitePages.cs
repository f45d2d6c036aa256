using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Every page of the site, enumerated from the endpoint data source (so a new page is visited without being listed in a
/// test), with sample route values: the gemeenten sector, 2021, work agenda 1 (the gemeenten agenda from the documents).
/// </summary>
public static class SitePages
{
    /// <summary>An internal file name where a document title belongs: "seed 003", "document 001", "(bron: 000)", "seeds/…".</summary>
    public static readonly System.Text.RegularExpressions.Regex InternalSourceName =
        new(@"\b(seed|document|documenten)\s*0\d\d\b|\(bron: 0\d\d\)|seeds/|enquete_003", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly Dictionary<string, string> Samples = new() { ["{code}"] = "gemeenten", ["{jaar:int}"] = "2021", ["{id:int}"] = "1", ["{id}"] = Banenmonitor.Data.Scenarios.ScenarioStore.DemoId };

    public static IReadOnlyList<string> All(AppFixture app) => app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.OfType<CompiledPageActionDescriptor>().Any())
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
        .Select(p => Samples.Aggregate(p, (acc, kv) => acc.Replace(kv.Key, kv.Value)))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The address to open for a page (the error page needs its code).</summary>
    public static string Address(string path) => path == "/fout" ? "/fout?code=404" : path;

    /// <summary>Did the page open for this user (not sent to the login or refusal page, no error status)?</summary>
    public static bool Opened(IPage page, IResponse? response, string path)
    {
        var landed = new Uri(page.Url).AbsolutePath;
        return !(landed.StartsWith("/account/inloggen") && path != "/account/inloggen" || landed.StartsWith("/account/geweigerd") && path != "/account/geweigerd"
                 || response is null || (response.Status >= 400 && path != "/fout"));
    }
}
