using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// The employer form on /aanleveren (real Chromium, real app, SQLite file): numbers are read as Dutch users type them —
/// 608.400 paid hours are 608400, never 608,4 — and what cannot be read is refused with the field, keeping what was typed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DutchNumberFormTests(AppFixture app)
{
    private const string Employer = "900000006L01"; // werkgever2@demo: Provincie Proefland

    private async Task<EmployerReport?> DraftAsync(int year)
    {
        await using var db = app.Db();
        var id = await db.Employers.Where(e => e.PayrollTaxNumber == Employer).Select(e => e.Id).SingleAsync();
        return await db.EmployerReports.AsNoTracking().SingleOrDefaultAsync(r => r.EmployerId == id && r.Year == year && r.Status == ReportStatus.Draft);
    }

    [Fact]
    public async Task Thousands_points_in_the_employer_form_are_stored_as_thousands()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "werkgever2@demo.banenmonitor.nl");
        await page.GotoAsync("/aanleveren");
        await page.FillAsync("#jaar", "2019");
        await page.FillAsync("#verloondeUren", "608.400");
        await page.FillAsync("#urenDoelgroep", "5.250");
        await page.FillAsync("#verloondeUrenVorigJaar", "1.234.567,5");
        await page.ClickAsync("text=Opslaan als concept");
        Assert.Contains("opgeslagen als concept", await page.InnerTextAsync("main"));
        var r = await DraftAsync(2019);
        Assert.NotNull(r);
        Assert.Equal(608_400m, r.TotalPaidHours);
        Assert.Equal(5250m, r.TargetGroupHours);
        Assert.Equal(1_234_567.5m, r.PreviousYearPaidHours);
    }

    [Theory]
    [InlineData("5.25", "'5.25' kan 5,25 of 525 betekenen; gebruik een komma voor decimalen")]
    [InlineData("100000000000000000000000000", "groter dan het maximum 10.000.000.000")]
    [InlineData("1" + "00000000000000000000000000000000000000000", "groter dan het maximum")]
    public async Task A_form_value_that_cannot_be_read_is_refused_with_the_field_and_nothing_is_stored(string typed, string message)
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "werkgever2@demo.banenmonitor.nl");
        await page.GotoAsync("/aanleveren");
        await page.FillAsync("#jaar", "2018");
        await page.FillAsync("#verloondeUren", typed);
        await page.FillAsync("#urenDoelgroep", "12,5");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("text=Opslaan als concept"), r => r.Request.Method == "POST");
        Assert.Equal(200, response.Status); // the page answers with the error report, not the generic error page
        var rows = await page.Locator("#foutrapport tbody tr").AllInnerTextsAsync();
        var row = Assert.Single(rows);
        Assert.Contains("Totaal verloonde uren", row);
        Assert.Contains(message, row);
        Assert.Equal(typed, await page.InputValueAsync("#verloondeUren")); // what was typed is kept
        Assert.Null(await DraftAsync(2018));
    }
}
