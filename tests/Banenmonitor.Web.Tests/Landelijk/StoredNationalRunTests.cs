using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Banenmonitor.Web.Tests;

/// <summary>The national page shows the latest run computed from the stored payroll beside the published figures (real Chromium, 390 px).</summary>
[Collection(AppCollection.Name)]
public sealed class StoredNationalRunTests(AppFixture app)
{
    private static NationalRun Run(int year, string id, DateTime at, decimal increase) => new()
    {
        RunId = id, Year = year, InputsFingerprint = new string('a', 64), ParametersFingerprint = new string('b', 64), Parameters = "[]",
        SoftwareVersion = "test", ComputedAt = at, ComputedBy = "test", PayrollRows = 1_234_567, EmployerCount = 4_321,
        EmployersWithShortfall = 12, Shortfall = 30.5m, Levy = 150_000m, TotalJobs = 100_000m + increase, BaselineJobs = 100_000m,
        IncreaseJobs = increase, Summary = "test",
    };

    [Fact]
    public async Task The_national_page_shows_the_latest_stored_run_with_its_date_and_the_difference()
    {
        var page0 = await app.PageAsync();
        var year = 2022;
        await using (var db = app.Db())
        {
            await NationalRuns.StoreAsync(db, Run(year, "0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld00", new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc), 1m));
            await NationalRuns.StoreAsync(db, Run(year, "1a7e57a7e57a7e57a7e57a7e57a7e57a", new DateTime(2026, 3, 14, 10, 30, 0, DateTimeKind.Utc), 120_000.5m));
        }
        var page = page0;
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/landelijk?jaar={year}");
        var section = page.Locator("#berekend");
        var text = await section.InnerTextAsync();
        Assert.Contains($"Berekend uit de polisgegevens, {year}", text);
        Assert.Contains("14 maart 2026 10:30", text);
        Assert.Contains("1a7e57a7e57a", text);
        Assert.DoesNotContain("0ld0ld0ld0ld", text);
        Assert.Contains("1.234.567 verloningsregels", text);
        // The difference with the published total increase of the year, computed − published.
        var row = page.Locator("#berekend-vergelijking tbody tr").First;
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("120.000,5", cells[0]);
        var published = decimal.Parse(cells[1].Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        var diff = 120_000.5m - published;
        Assert.Equal((diff > 0 ? "+" : "") + Banenmonitor.Rules.Units.DutchFormat.Number(diff, 1), cells[2]);
        // 390 px: the page does not scroll sideways.
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"pagina is {width} px breed");
    }

    [Fact]
    public async Task A_later_run_with_other_parameter_values_does_not_pass_for_the_official_figure()
    {
        var year = 2021;
        var current = NationalRuns.ParametersOfYear(app.App.Services.GetRequiredService<Banenmonitor.Web.Infrastructure.ParameterProvider>().Current, year);
        var official = Run(year, "0ff1c1a10ff1c1a10ff1c1a10ff1c1a1", new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc), 90_000m);
        official.ParametersFingerprint = current.Fingerprint;
        official.Parameters = current.Json;
        // A scenario run a month later with one value changed: its own fingerprint and stored values.
        var changed = current.Values.Select(v => v.Parameter == "uren_per_baan_per_jaar" ? v with { Waarde = 1_500m } : v).ToList();
        var scenario = Run(year, "5ce4a1105ce4a1105ce4a1105ce4a110", new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), 80_000m);
        scenario.ParametersFingerprint = new string('c', 64);
        scenario.Parameters = System.Text.Json.JsonSerializer.Serialize(changed, ComputationRecords.Json);
        await using (var db = app.Db())
        {
            await NationalRuns.StoreAsync(db, official);
            await NationalRuns.StoreAsync(db, scenario);
        }
        var page = await app.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/landelijk?jaar={year}");
        var text = await page.Locator("#berekend").InnerTextAsync();
        Assert.Contains("0ff1c1a10ff1", text);
        Assert.DoesNotContain("5ce4a1105ce4", text);
        var note = await page.Locator("#berekend-parameters").InnerTextAsync();
        Assert.Contains("latere berekening", note);
        Assert.Contains("1 maart 2026", note);
        var hours = current.Values.Single(v => v.Parameter == "uren_per_baan_per_jaar").Waarde!.Value;
        Assert.Contains($"uren_per_baan_per_jaar: 1.500 in die berekening, nu {Banenmonitor.Rules.Units.DutchFormat.Number(hours, 4)}", note);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"pagina is {width} px breed");
    }
}
