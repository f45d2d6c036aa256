using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Banenmonitor.Survey.Forecasts;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 24 on the web: the forecast page in a real browser shows the same numbers as the model (and so as
/// <c>banenmonitor prognose</c>), a chart, the backtest error, the verdict of every sector, Dutch errors for bad input,
/// and the work agendas' expected jobs beside the statistical forecast.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PrognosePageTests(AppFixture app)
{
    private static string N(decimal? v) => DutchFormat.Number(v!.Value, 0);

    private ForecastOutcome Expected(string code, int until) =>
        ForecastOutcome.Make(ForecastSubjects.Resolve(code, PublishedData.Embedded, app.App.Services.GetRequiredService<ParameterProvider>().Current), until);

    [Fact]
    public async Task The_national_forecast_shows_the_models_numbers_a_chart_the_backtest_and_every_sector()
    {
        var page = await app.PageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("nav >> text=Prognose");
        await page.SelectOptionAsync("#sector", "totaal");
        await page.FillAsync("#tot", "2026");
        await page.ClickAsync("#keuze button[type=submit]");
        var o = Expected("totaal", 2026);
        Assert.Equal(o.Verdict.Dutch(), await page.InnerTextAsync("#oordeel"));
        foreach (var y in o.Years.Where(y => y.Forecast is not null))
        {
            var row = page.Locator($"#jaren tr[data-jaar='{y.Year}']");
            var text = await row.InnerTextAsync();
            Assert.Contains(N(y.Forecast), text);
            Assert.Contains($"{N(y.Lower)} – {N(y.Upper)}", text);
            Assert.Contains(N(y.Target!.Jobs), text);
            Assert.Contains(y.Verdict.Dutch(), text);
        }
        Assert.Contains("125.000", await page.InnerTextAsync("#jaren tr[data-jaar='2026']"));
        Assert.Contains("85.665", await page.InnerTextAsync("#jaren tr[data-jaar='2023']"));
        Assert.Equal($"{N(o.Gap)} banen", await page.InnerTextAsync("#tekort"));
        Assert.Equal(N(o.NeededPerYear), await page.InnerTextAsync("#nodig"));
        // the plot, with the target and the interval in its legend
        var chart = page.Locator("figure.bm-figuur svg.bm-grafiek");
        Assert.Equal(1, await chart.CountAsync());
        var legend = await chart.Locator(".bm-legenda").TextContentAsync();
        Assert.Contains("Prognose", legend);
        Assert.Contains("Doel", legend);
        Assert.Contains("80%-interval", legend);
        // the error on the history: both models, six and five one-year-ahead tests on 2015–2023
        Assert.Contains("6", await page.InnerTextAsync("#modellen tr[data-model='lineair']"));
        var chosen = o.Model.ChosenEvaluation!;
        Assert.Contains(DutchFormat.Fixed(Math.Round((decimal)chosen.MeanAbsoluteError!.Value, 1, MidpointRounding.AwayFromZero), 1),
            await page.InnerTextAsync($"#modellen tr[data-model='{chosen.Kind.Code()}']"));
        Assert.Equal(11, await page.Locator("#toetsen tbody tr").CountAsync());
        // the overview: all three national series and the thirteen sectors, each with a verdict
        Assert.Equal(16, await page.Locator("#overzicht-tabel tbody tr").CountAsync());
        var police = Expected("politie", 2026);
        Assert.Contains(police.Verdict.Dutch(), await page.InnerTextAsync("#overzicht-tabel tr[data-sector='politie']"));
        Assert.Contains("werkagenda's", (await page.InnerTextAsync("#werkagenda-uitleg")).ToLowerInvariant());
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Bad_input_gives_Dutch_errors_on_the_page_and_the_overview_stays()
    {
        var page = await app.PageAsync();
        foreach (var (query, expected) in new[]
                 {
                     ("?sector=bakkers", "Onbekende sector 'bakkers'"), ("?sector=totaal&tot=volgend+jaar", "'volgend jaar' is geen jaartal"),
                     ("?sector=totaal&tot=2020", "na het laatste jaar met cijfers (2023)"), ("?sector=markt&tot=2099", "te ver"),
                 })
        {
            var response = await page.GotoAsync("/prognose" + query);
            Assert.Equal(200, response!.Status);
            Assert.Contains(expected, await page.InnerTextAsync("#fouten"));
            Assert.Equal(16, await page.Locator("#overzicht-tabel tbody tr").CountAsync());
        }
        // a sector with one year: no forecast, but what its target needs
        await page.GotoAsync("/prognose?sector=mbo&tot=2026");
        Assert.Equal("geen oordeel", await page.InnerTextAsync("#oordeel"));
        Assert.Contains("banen per jaar nodig", await page.InnerTextAsync("#samenvatting"));
    }

    [Fact]
    public async Task The_work_agendas_expected_jobs_stand_beside_the_forecast_and_a_disagreement_is_marked()
    {
        var o = Expected("politie", 2026);
        var last = o.Subject.History.MaxBy(h => h.Year)!;
        var upper2025 = o.Years.Single(y => y.Year == 2025).Upper!.Value;
        // A signed agenda of the police 2024–2025 whose one action expects far more jobs than the interval allows.
        var jobs = (upper2025 - last.Jobs) * 2 + 200;
        int id;
        await using (var db = app.Db())
        {
            var agenda = new WorkAgenda
            {
                SectorId = PublicSectors.Politie.Id!.Value, Title = "Werkagenda politie 2024-2025 (test)", PeriodStart = new(2024, 1, 1), PeriodEnd = new(2025, 12, 31),
                Status = WorkAgendaStatus.Vastgesteld, CreatedBy = "test", CreatedAt = DateTime.UtcNow,
                Actions = [new WorkAgendaAction { Title = "Banen bij de basisteams", Owner = "Politie", Type = ActionType.IntermediariesAndAgencies, ForecastJobs = jobs }],
            };
            db.Add(agenda);
            await db.SaveChangesAsync();
            id = agenda.Id;
        }
        try
        {
            var page = await app.PageAsync();
            await page.GotoAsync("/prognose?sector=politie&tot=2026");
            // half of the jobs in 2024, all of them by 2025; 2026 adds nothing
            var r2024 = page.Locator("#werkagenda-vergelijking tr[data-jaar='2024']");
            var r2025 = page.Locator("#werkagenda-vergelijking tr[data-jaar='2025']");
            Assert.Contains(N(Math.Round(last.Jobs + jobs / 2, 0, MidpointRounding.AwayFromZero)), await r2024.InnerTextAsync());
            Assert.Contains(N(last.Jobs + jobs), await r2025.InnerTextAsync());
            Assert.Equal("ja", await r2025.GetAttributeAsync("data-tegenspraak"));
            Assert.Contains("meer dan de bovengrens", await r2025.InnerTextAsync());
            Assert.Contains("Verwachting werkagenda's", await page.Locator("figure.bm-figuur .bm-legenda").TextContentAsync());
            await AssertAccessibleAsync(page);
        }
        finally
        {
            await using var db = app.Db();
            await db.Set<WorkAgenda>().Where(a => a.Id == id).ExecuteDeleteAsync();
        }
    }
}
