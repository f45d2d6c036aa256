using System.Text.Json;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Units;
using Quarterly = Banenmonitor.Rules.Published.PublishedData;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The national page and its API show the UWV quarterly figures of <c>data/published/kwartaalrapportages.csv</c> beside the
/// yearly measurement: a chart, every figure with its status and source, the controle of their sums, the plain statement that
/// they are not the official measurement, and a sentence (not an empty chart) for a year without them — at 390 px (real Chromium).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class QuarterlyFiguresPageTests(AppFixture app)
{
    private static QuarterlyFigures File => Quarterly.Embedded.Quarterly;

    [Fact]
    public async Task The_national_page_shows_the_quarters_of_the_year_with_chart_sources_and_checks()
    {
        const int year = 2023;
        var page = await app.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/landelijk?jaar={year}");
        var section = page.Locator("#kwartaalcijfers");
        Assert.Contains($"Kwartaalcijfers UWV, {year}", await section.Locator("h2").InnerTextAsync());
        var note = await section.Locator("#kwartaalcijfers-toelichting").InnerTextAsync();
        Assert.Contains("geen officiële meting", note);
        Assert.Contains("niet naar markt en overheid verdeeld", note);

        // Every figure of the year in the data file is a row, with its value, status and source.
        var expected = File.OfYear(year);
        Assert.NotEmpty(expected);
        var rows = await section.Locator("#kwartaalcijfers-tabel tbody tr").AllInnerTextsAsync();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Contains($"{year} K{expected[i].Quarter}", rows[i]);
            Assert.Contains(DutchFormat.Number(expected[i].Value), rows[i]);
            Assert.Contains("gepubliceerd", rows[i]);
            Assert.Contains(expected[i].Source[..40], rows[i]);
        }
        var q4 = File.Find(year, 4, MeasurementSector.Total, EmploymentForm.Total, QuarterlyFigures.Increase)!;
        Assert.Contains(rows, r => r.Contains("86.264", StringComparison.Ordinal) && r.Contains("Op naar de 125.000", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("+2.006", StringComparison.Ordinal)); // a change on the previous quarter, with its sign

        // The chart: the quarters as published, next to the yearly measurement (end of last year and this year) and the target path.
        var points = await section.Locator("svg[role=img] circle title").AllTextContentsAsync(); // SVG elements have no innerText
        Assert.Contains($"UWV: totaal (zoals gepubliceerd), eind {year}: {DutchFormat.Number(q4.Value, 1)} banen", points);
        Assert.Contains($"Jaarlijkse meting (officieel), eind {year}: 85.665 banen", points);
        Assert.Contains($"Jaarlijkse meting (officieel), eind {year - 1}: 81.117 banen", points);
        Assert.Contains(points, p => p.StartsWith($"Doelstelling (ingroeipad), eind {year}:", StringComparison.Ordinal));
        Assert.Contains(points, p => p.StartsWith($"UWV: inleenverband, eind {year}: -830", StringComparison.Ordinal));
        // The yearly series is one line across the quarters between its two points, not two lone markers.
        Assert.Equal(2, await section.Locator("svg polyline.bm-reeks-3, svg polyline.bm-reeks-4").CountAsync());

        // At the year ends: the fourth quarter beside the yearly measurement, with the difference.
        var yearEnds = await section.Locator("#kwartaalcijfers-jaareinden").InnerTextAsync();
        Assert.Contains($"Eind {year - 1}: 80.674 extra banen volgens de kwartaalcijfers, 81.117 volgens de jaarlijkse meting (verschil -443).", yearEnds);
        Assert.Contains($"Eind {year}: 86.264 extra banen volgens de kwartaalcijfers, 85.665 volgens de jaarlijkse meting (verschil 599).", yearEnds);

        // The controle of the sums: 76.258 + 10.835 − 830 = 86.263 against 86.264 is rounding.
        var checks = await section.Locator("#kwartaalcontrole li").AllInnerTextsAsync();
        Assert.Contains(checks, c => c.Contains($"banen totaal {year} K4", StringComparison.Ordinal) && c.Contains("afronding", StringComparison.Ordinal));

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"pagina is {width} px breed");
    }

    [Fact]
    public async Task A_year_without_quarters_says_so_in_a_sentence_and_draws_no_chart()
    {
        const int year = 2016;
        Assert.Empty(File.OfYear(year));
        var page = await app.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        var response = await page.GotoAsync($"/landelijk?jaar={year}");
        Assert.Equal(200, response!.Status);
        var section = page.Locator("#kwartaalcijfers");
        var sentence = await section.Locator("#kwartaalcijfers-geen").InnerTextAsync();
        Assert.Contains($"Over {year} zijn geen kwartaalcijfers van UWV gevonden", sentence);
        Assert.Contains(string.Join(", ", File.Years.SkipLast(1)) + " en " + File.Years.Last(), sentence);
        Assert.Equal(0, await section.Locator("svg").CountAsync());
        Assert.Equal(0, await section.Locator("table").CountAsync());
        // Links to the years that have them.
        Assert.Equal(File.Years.Count(), await section.Locator("a[href*='#kwartaalcijfers']").CountAsync());
    }

    [Fact]
    public async Task The_api_gives_the_quarters_of_the_year_with_dutch_names()
    {
        using var client = await app.ClientAsync(null);
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/landelijk/2021")).RootElement.GetProperty("kwartaalcijfers");
        Assert.Contains("geen officiële meting", json.GetProperty("toelichting").GetString());
        var figures = json.GetProperty("cijfers").EnumerateArray().ToList();
        Assert.Equal(File.OfYear(2021).Count, figures.Count);
        var q4 = figures.Single(f => f.GetProperty("kwartaal").GetInt32() == 4 && f.GetProperty("grootheid").GetString() == "toename"
                                     && f.GetProperty("vorm").GetString() == "totaal");
        Assert.Equal(73_578m, q4.GetProperty("waarde").GetDecimal());
        Assert.StartsWith("UWV, kwartaalcijfers banenafspraak", q4.GetProperty("bron").GetString());
        Assert.Equal("gepubliceerd", q4.GetProperty("status").GetString());
        Assert.Contains(json.GetProperty("controles").EnumerateArray(), c => c.GetProperty("uitkomst").GetString() == "gelijk");
        var none = JsonDocument.Parse(await client.GetStringAsync("/api/landelijk/2016")).RootElement.GetProperty("kwartaalcijfers");
        Assert.Empty(none.GetProperty("cijfers").EnumerateArray());
        Assert.Contains("geen kwartaalcijfers", none.GetProperty("melding").GetString());
    }

    /// <summary>A year without a national measurement says which year is shown instead, rather than switching silently.</summary>
    [Fact]
    public async Task A_year_without_a_measurement_says_which_year_is_shown()
    {
        using var client = await app.ClientAsync(null);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/landelijk?jaar=2031"));
        Assert.Contains("Over 2031 is geen landelijke meting beschikbaar", html);
        var shown = System.Text.RegularExpressions.Regex.Match(html, @"u ziet (\d{4}), het laatste jaar met een meting").Groups[1].Value;
        Assert.Contains($"<h1>Landelijke meting banenafspraak {shown}</h1>", html);
        var plain = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/landelijk?jaar={shown}"));
        Assert.DoesNotContain("id=\"jaar-melding\"", plain);
    }
}
