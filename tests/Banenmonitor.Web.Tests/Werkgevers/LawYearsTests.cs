using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 22 on the web: the quota calculator's API and the regime comparison for the years users ask about — 2024
/// computes (2,76 %, UWV), 2025 says which value is missing and where it was searched, 2026 says which law applies and why
/// the quotumregeling has no value; never a command-line option. The comparison asks for the wage bill of t−2 and marks the
/// quota percentage of the new law as a scenario.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LawYearsTests(AppFixture app)
{
    private static object Question(int year) => new { jaar = year, verloondeUren = 600000, verloondeUrenVorigJaar = 600000, urenDoelgroep = 10000 };

    [Fact]
    public async Task The_api_computes_2024_with_the_UWV_percentage()
    {
        using var client = await app.ClientAsync(null);
        var res = await client.PostAsJsonAsync("/api/quotum", Question(2024));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = await res.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(2024, doc.RootElement.GetProperty("jaar").GetInt32());
        Assert.Contains("2,76", body);
        Assert.Contains("UWV", body);
    }

    [Theory]
    [InlineData(2025, new[] { "onbevestigd", "Gezocht", "Wfsv art. 122na lid 2" })]
    [InlineData(2026, new[] { "Wet banenafspraak", "art. 12", "geen quotumpercentage" })]
    public async Task The_api_explains_2025_and_2026_in_Dutch_without_a_command_line_option(int year, string[] expected)
    {
        using var client = await app.ClientAsync(null);
        var res = await client.PostAsJsonAsync("/api/quotum", Question(year));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        var why = doc.RootElement.GetProperty("velden").GetProperty("jaar").GetString()!;
        foreach (var e in expected) Assert.Contains(e, why);
        Assert.DoesNotContain("--parameter", why);
        Assert.DoesNotContain("banenmonitor ", why);
    }

    [Theory]
    [InlineData(2025, "onbevestigd")]
    [InlineData(2026, "art. 12")]
    public async Task The_comparison_says_why_the_quotumregeling_has_no_value(int year, string expected)
    {
        using var client = await app.ClientAsync(null);
        var html = await client.GetStringAsync($"/vergelijken?bereken=1&jaar={year}&sector=overheid&verloondeUren=1.000.000&verloondeUrenVorigJaar=1.000.000&urenDoelgroep=10.000&werknemerUren=1.331");
        var at = html.IndexOf("id=\"jaaruitleg\"", StringComparison.Ordinal);
        Assert.True(at > 0, "geen uitleg bij het jaar");
        var paragraph = html[at..html.IndexOf("</p>", at, StringComparison.Ordinal)];
        Assert.Contains(expected, WebUtility.HtmlDecode(paragraph));
        Assert.DoesNotContain("--parameter", html);
        // The new law is computed with its values of 2026: 1.331 h × € 1,01.
        Assert.Contains("1.344,31", html);
    }

    [Fact]
    public async Task The_comparison_uses_the_wage_bill_of_t_minus_2_and_calls_the_quota_percentage_a_scenario()
    {
        using var client = await app.ClientAsync(null);
        var form = await client.GetStringAsync("/vergelijken");
        Assert.Contains("id=\"premieloonTMin2\"", form);
        Assert.Contains("scenario", WebUtility.HtmlDecode(form));
        Assert.Contains("kent geen", WebUtility.HtmlDecode(form));
        // Activated in 2026, surcharge 0,5 % from 2028: the small-employer test needs the wage bill of t−2 and the average premium wage of 2028.
        var url = "/vergelijken?bereken=1&jaar=2028&sector=markt&verloondeUren=1.000.000&urenDoelgroep=0&premieloon=40.000.000&activeringsjaar=2026&opslagpercentage=0,5";
        var without = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("jaar t−2", without); // no wage bill of t−2: the small-employer test is not made
        var with = WebUtility.HtmlDecode(await client.GetStringAsync(url + "&premieloonTMin2=5.000.000"));
        Assert.Contains("gemiddelde premieloon per werknemer voor 2028 is niet bekend", with); // no average premium wage for 2028: refused, not guessed
    }
}
