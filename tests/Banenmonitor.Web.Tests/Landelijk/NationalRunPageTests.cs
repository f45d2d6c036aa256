using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Model;
using Banenmonitor.Reports.National;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The national run started on the web (<c>/beheer/berekenen</c>, real Chromium, SQLite): an analyst starts it from
/// <c>/landelijk</c> on a small stored payroll, sees its steps until it is done, and the national page then shows the stored
/// run, whose figures equal what <c>banenmonitor landelijk --database</c> (<see cref="NationalDatabaseRun"/>) gives on the same data.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NationalRunPageTests(AppFixture app)
{
    private const int Year = 2019;

    private static string Pseudonym(int i) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("web-landelijk-" + i)));

    /// <summary>Two employers (a municipality and a market employer) with a year of monthly payroll; a third of the persons registered.</summary>
    private async Task SeedAsync()
    {
        await using var db = app.Db();
        if (await db.Employers.AnyAsync(e => e.PayrollTaxNumber == "950000001L01")) return;
        var person = 0;
        foreach (var (lhn, sector, persons) in new[] { ("950000001L01", 1, 30), ("950000002L01", 15, 24) })
        {
            var employer = new Employer { PayrollTaxNumber = lhn, Name = "Werkgever " + lhn[..9], SectorId = sector, SizeClass = SizeClass.Large, LenderType = LenderType.None };
            db.Employers.Add(employer);
            await db.SaveChangesAsync();
            for (var k = 0; k < persons; k++, person++)
            {
                var p = Pseudonym(person);
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(Year, m, 1);
                    db.PaidHours.Add(new PaidHoursRecord { EmployerId = employer.Id, Pseudonym = p, PeriodStart = start, PeriodEnd = start.AddMonths(1).AddDays(-1), Hours = 100m + k, Form = WorkingRelation.Direct });
                }
                if (k % 3 == 0)
                    db.TargetGroupRegistrations.Add(new TargetGroupRegistration { Pseudonym = p, Ground = RegistrationGround.Participatiewet, StartDate = new DateOnly(Year - 2, 1, 1) });
            }
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_analyst_starts_the_national_run_on_the_web_and_the_national_page_shows_what_the_cli_run_gives()
    {
        await SeedAsync();
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "analist@demo.banenmonitor.nl");
        await page.GotoAsync($"/landelijk?jaar={Year}");
        await AppFixture.SubmitAsync(page, page.Locator("#berekening-starten button"));
        Assert.Contains("/beheer/berekenen?taak=", page.Url);
        await page.WaitForSelectorAsync("#klaar", new() { Timeout = 180_000 });
        var steps = await page.Locator("#stappen").TextContentAsync() ?? ""; // the finished run folds its steps away
        Assert.Contains("gegevens uit de database uitvoeren", steps);
        Assert.Contains("uitkomsten opslaan", steps);
        var runId = (await page.InnerTextAsync("#klaar code")).Trim();

        await AppFixture.SubmitAsync(page, page.Locator("#klaar a"));
        Assert.Contains($"/landelijk?jaar={Year}", page.Url);
        var section = await page.InnerTextAsync("#berekend");
        Assert.Contains(runId, section);
        var computed = (await page.Locator("#berekend-vergelijking tbody tr").First.Locator("td").AllInnerTextsAsync())[0];

        // The CLI's code path on the same data with the same (current) parameters.
        NationalRun web;
        NationalDatabaseRun.Outcome cli;
        await using (var db = app.Db())
        {
            web = await db.NationalRuns.AsNoTracking().SingleAsync(r => r.RunId.StartsWith(runId));
            Assert.Equal("analist@demo.banenmonitor.nl", web.ComputedBy);
            var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
            cli = await NationalDatabaseRun.RunAsync(db, parameters, Year, "cli");
        }
        Assert.Equal(cli.Run.InputsFingerprint, web.InputsFingerprint);
        Assert.Equal(cli.Run.ParametersFingerprint, web.ParametersFingerprint);
        Assert.Equal(cli.Run.PayrollRows, web.PayrollRows);
        Assert.True(web.PayrollRows >= 54 * 12, $"{web.PayrollRows} verloningsregels");
        Assert.Equal(cli.Run.EmployerCount, web.EmployerCount);
        Assert.Equal(cli.Run.TotalJobs, web.TotalJobs);
        Assert.Equal(cli.Run.IncreaseJobs, web.IncreaseJobs);
        Assert.Equal(cli.Run.Shortfall, web.Shortfall);
        Assert.Equal(cli.Run.Levy, web.Levy);
        Assert.Equal(DutchFormat.Number(cli.Run.IncreaseJobs, 1), computed);
    }

    [Fact]
    public async Task One_run_per_year_at_a_time_a_second_start_follows_the_running_one()
    {
        await SeedAsync();
        var jobs = app.App.Services.GetRequiredService<Banenmonitor.Web.Features.Landelijk.NationalRunJobs>();
        var (first, started) = jobs.Start(Year, "analist@demo.banenmonitor.nl");
        var (second, again) = jobs.Start(Year, "beheerder@demo.banenmonitor.nl");
        Assert.True(started);
        Assert.False(again);
        Assert.Same(first, second);
        // The page of the running job says who started it; when it is done, a new run can start.
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "beheerder@demo.banenmonitor.nl");
        await page.GotoAsync($"/beheer/berekenen?taak={first.Id}");
        Assert.Contains("Gestart door analist@demo.banenmonitor.nl", await page.InnerTextAsync("#voortgang"));
        await page.WaitForSelectorAsync("#klaar", new() { Timeout = 180_000 });
        Assert.Null(first.Error);
        Assert.Null(jobs.Running(Year));
        var (third, startedAgain) = jobs.Start(Year, "beheerder@demo.banenmonitor.nl");
        Assert.True(startedAgain);
        Assert.NotSame(first, third);
        for (var i = 0; i < 1800 && !third.Finished; i++) await Task.Delay(100);
        Assert.True(third.Finished && third.Error is null, third.Error);
    }

    [Fact]
    public async Task A_year_that_cannot_be_computed_is_refused_on_the_page()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "analist@demo.banenmonitor.nl");
        await page.GotoAsync("/beheer/berekenen?jaar=tweeduizend");
        Assert.Contains("'tweeduizend' is geen jaar dat hier kan worden berekend", await page.InnerTextAsync("#fouten"));
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/beheer/berekenen");
        Assert.Contains("Landelijke berekening starten", await page.InnerTextAsync("main"));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"pagina is {width} px breed");
    }
}
