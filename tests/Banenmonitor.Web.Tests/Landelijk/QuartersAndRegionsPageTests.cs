using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The national page shows the stored run's measurement per quarter and per labour-market region: the quarterly series
/// and the regions sorted by jobs, each as an SVG chart with its table, readable at 390 px (real Chromium).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class QuartersAndRegionsPageTests(AppFixture app)
{
    [Fact]
    public async Task The_national_page_shows_quarters_and_regions_of_the_stored_run()
    {
        const int year = 2017;
        var run = new NationalRun
        {
            RunId = "9a27e9a27e9a27e9a27e9a27e9a27e9a", Year = year, InputsFingerprint = new string('a', 64), ParametersFingerprint = new string('b', 64),
            Parameters = "[]", SoftwareVersion = "test", ComputedAt = new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc), ComputedBy = "test",
            PayrollRows = 1_000, EmployerCount = 40, TotalJobs = 101_500.25m, BaselineJobs = 100_000m, IncreaseJobs = 1_500.25m, Summary = "test",
            RegionSource = "Besluit werkgebieden UWV 2015 (UWV, Staatscourant), bijlage 3 (2015)", EmployersWithoutRegion = 3,
            Quarters = [.. new[] { 100_200m, 100_700m, 101_100m, 101_500.25m }.Select((j, i) => new NationalRunQuarter { Quarter = i + 1, Jobs = j, HoursEndOfQuarter = j * 100, Persons = 90_000 + i, HoursInQuarter = j * 300 })],
            Regions =
            [
                new() { Quarter = 4, RegionNumber = 22, RegionName = "Rijnmond", Jobs = 9_000m, Persons = 8_000 },
                new() { Quarter = 4, RegionNumber = 10, RegionName = "Groot Amsterdam", Jobs = 12_345.6m, Persons = 11_000 },
                new() { Quarter = 4, RegionNumber = 0, RegionName = "onbekend", Jobs = 80_154.65m, Persons = 70_000 },
                new() { Quarter = 3, RegionNumber = 10, RegionName = "Groot Amsterdam", Jobs = 99_999m, Persons = 1 }, // an earlier quarter: not in the region table
            ],
        };
        await using (var db = app.Db()) await NationalRuns.StoreAsync(db, run);

        var page = await app.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/landelijk?jaar={year}");
        var quarters = await page.Locator("#kwartalen tbody tr").AllInnerTextsAsync();
        Assert.Equal(4, quarters.Count);
        Assert.Contains("Kwartaal 1", quarters[0]);
        Assert.Contains("100.200", quarters[0]);
        Assert.Contains("+200", quarters[0]);
        Assert.Contains("101.500,3", quarters[3]); // rounded once, for display
        // The regions of the last quarter, sorted by jobs (most first).
        var regions = await page.Locator("#regios tbody th").AllInnerTextsAsync();
        Assert.Equal(["onbekend", "Groot Amsterdam", "Rijnmond"], regions);
        Assert.Contains("12.345,6", await page.Locator("#regios tbody tr").Nth(1).InnerTextAsync());
        // Both charts are accessible SVG (title and description), bars per region in the same order as the table.
        var section = page.Locator("#kwartalen-regios");
        Assert.Equal(2, await section.Locator("svg[role=img]").CountAsync());
        var bars = await section.Locator("svg").Nth(1).Locator("rect title").AllTextContentsAsync(); // SVG elements have no innerText
        Assert.Equal(3, bars.Count);
        Assert.StartsWith("Banen eind 2017, onbekend", bars[0]);
        Assert.StartsWith("Banen eind 2017, Rijnmond", bars[2]);
        var note = await section.Locator("p.bm-klein").InnerTextAsync();
        Assert.Contains("Besluit werkgebieden UWV 2015", note);
        Assert.Contains("3 werkgevers", note);
        // 390 px: the page does not scroll sideways.
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"pagina is {width} px breed");
    }
}
