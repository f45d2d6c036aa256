using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// What-ifs on the web (issue 24): an analyst computes a scenario with another distribution key and sees the hired-in split
/// move beside today's, saves and shares it by link, downloads it as XLSX; the real figures stay as they are.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScenarioPageTests(AppFixture app)
{
    private const string Analyst = "analist@demo.banenmonitor.nl";
    private const string OtherAnalyst = "beheerder@demo.banenmonitor.nl";

    private static Dictionary<string, string> Form(string name, string key = "40") => new()
    {
        ["Invoer.Naam"] = name, ["Invoer.Jaar"] = "2021", ["Invoer.Verdeelsleutel"] = key, ["Invoer.Reden"] = "meer detachering bij de overheid",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, string? handler = null)
    {
        fields["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(await client.GetStringAsync("/scenarios"));
        return await client.PostAsync("/scenarios" + (handler is null ? "" : $"?handler={handler}"), new FormUrlEncodedContent(fields));
    }

    private static string Cell(string html, string figure, string side)
    {
        var doc = new HtmlParser().ParseDocument(html);
        return doc.QuerySelector($"tr[data-cijfer='{figure}'] td[data-kant='{side}']")?.TextContent.Trim() ?? "(geen cel)";
    }

    [Fact]
    public async Task Another_key_moves_the_hired_in_split_beside_today_and_changes_no_real_figure()
    {
        await using var before = app.Db();
        var overrides = await before.ParameterOverrides.CountAsync();
        using var client = await app.ClientAsync(Analyst);
        var res = await PostAsync(client, Form("Sleutel 40 via HTTP"));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        // 41.993 × 40 % − 36.206 × 24 % = 8.107,76 → 8.108; today 41.993 × 32 % − 8.689,44 = 4.748,32 → 4.748.
        Assert.Equal("4.748", Cell(html, "overheid/inleen", "vandaag"));
        Assert.Equal("8.108", Cell(html, "overheid/inleen", "scenario"));
        Assert.Equal("+3.359", Cell(html, "overheid/inleen", "verschil"));
        Assert.Equal("−2.321", Cell(html, "markt/inleen", "scenario"));
        Assert.Contains("Scenario &#x27;Sleutel 40 via HTTP&#x27;: meer detachering bij de overheid", html);
        Assert.Contains("<svg", html);
        // Nothing real changed: no parameter override, the national page still uses 32 %.
        await using var after = app.Db();
        Assert.Equal(overrides, await after.ParameterOverrides.CountAsync());
        Assert.Equal(32m, ParameterSet.Embedded.Get(ParameterNames.GovernmentShareHiredIn, 2021).Value);
        var api = await client.GetStringAsync("/api/parameters");
        Assert.DoesNotContain("Sleutel 40 via HTTP", api);
    }

    [Fact]
    public async Task A_saved_scenario_opens_by_link_for_another_analyst_only_when_shared_and_downloads_as_xlsx()
    {
        using var author = await app.ClientAsync(Analyst);
        var res = await PostAsync(author, Form("Prive sleutel 45", "45"), "Bewaar");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var link = res.Headers.Location!.ToString();
        Assert.Matches("^/scenarios/[0-9a-f]{32}$", link);
        Assert.Equal("Prive sleutel 45", Regex.Match(await author.GetStringAsync(link), "<h1>Scenario: ([^<]+)</h1>").Groups[1].Value);

        using var other = await app.ClientAsync(OtherAnalyst);
        var refused = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("niet gedeeld", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Prive sleutel 45", await other.GetStringAsync("/scenarios"));

        // Only the author shares.
        var page = await author.GetStringAsync(link);
        var share = await author.PostAsync(link + "?handler=Delen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["gedeeld"] = "true", ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, share.StatusCode);
        var opened = await other.GetStringAsync(link);
        // 41.993 × 45 % − 8.689,44 = 18.896,85 − 8.689,44 = 10.207,41 → 10.207.
        Assert.Equal("10.207", Cell(opened, "overheid/inleen", "scenario"));
        Assert.DoesNotContain("id=\"delen\"", opened);
        Assert.Contains("Prive sleutel 45", await other.GetStringAsync("/scenarios"));

        var xlsx = await other.GetAsync(link + "?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true, sheetName: "Vergelijking").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(10207d, Convert.ToDouble(rows.Single(r => (string)r["Cijfer"] == "Overheid, inleenverbanden")["Scenario"]));

        // Starting from it fills the form with its values under a new name; an unknown one says so.
        var copy = WebUtility.HtmlDecode(await other.GetStringAsync($"/scenarios?van={link[11..]}"));
        Assert.Contains("value=\"Prive sleutel 45 (kopie)\"", copy);
        Assert.Contains("verdeelsleutel_overheid=2021:45:meer detachering bij de overheid", copy);
        Assert.Contains("bestaat niet of is niet met u gedeeld", WebUtility.HtmlDecode(await other.GetStringAsync("/scenarios?van=onbekend")));

        // Not for a sector representative, not for the public: the role rules apply (the table test covers every role).
        using var sector = await app.ClientAsync("gemeenten@demo.banenmonitor.nl");
        Assert.NotEqual(HttpStatusCode.OK, (await sector.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_the_field_in_Dutch_and_keeps_what_was_typed()
    {
        using var client = await app.ClientAsync(Analyst);
        var fields = Form("Fout", "veertig");
        fields["Invoer.Groei"] = "politie=50:2026\nzee=5:2025";
        var res = await PostAsync(client, fields);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Contains("Verdeelsleutel overheid:", html);
        Assert.Contains("Groei, regel 2: Onbekende sector 'zee'", html);
        Assert.Contains("value=\"veertig\"", html);
        Assert.Contains("politie=50:2026", html);
        Assert.DoesNotContain("id=\"vergelijking\"", html);
        var noReason = Form("Zonder reden");
        noReason["Invoer.Reden"] = "";
        Assert.Contains("Reden: geef een reden", WebUtility.HtmlDecode(await (await PostAsync(client, noReason)).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task In_Chromium_an_analyst_makes_a_scenario_with_another_key_and_sees_the_moved_split()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, Analyst);
        await page.GotoAsync("/scenarios");
        await page.FillAsync("#Naam", "Browser sleutel 40");
        await page.FillAsync("#Verdeelsleutel", "40");
        await page.FillAsync("#Reden", "meer detachering");
        await AppFixture.SubmitAsync(page, page.Locator("#bereken"));
        var gov = page.Locator("tr[data-cijfer='overheid/inleen']");
        Assert.Equal("4.748", (await gov.Locator("td[data-kant='vandaag']").InnerTextAsync()).Trim());
        Assert.Equal("8.108", (await gov.Locator("td[data-kant='scenario']").InnerTextAsync()).Trim());
        Assert.Contains("anders", await gov.Locator("th").InnerTextAsync());
        Assert.Equal("−2.321", (await page.Locator("tr[data-cijfer='markt/inleen'] td[data-kant='scenario']").InnerTextAsync()).Trim());
        // The explanation of the scenario names the scenario as the source of 40 %.
        var uitleg = page.Locator("details.bm-uitleg", new() { HasText = "scenario" }).First;
        await uitleg.Locator("summary").ClickAsync();
        Assert.Contains("Scenario 'Browser sleutel 40': meer detachering", await uitleg.InnerTextAsync());
        // Save: the scenario's own page (its link) shows the same split.
        await AppFixture.SubmitAsync(page, page.Locator("#bewaar"));
        Assert.Matches("/scenarios/[0-9a-f]{32}$", page.Url);
        Assert.Equal("8.108", (await page.Locator("tr[data-cijfer='overheid/inleen'] td[data-kant='scenario']").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }
}
