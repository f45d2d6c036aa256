using Banenmonitor.Data.Sroi;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 20, SROI placements become jobs: the analyst and the gemeenten representative see the demo contract
/// (3 400 placement hours ÷ 1 331 = 2,55 jobs) with its trace, the procurer and the sector row; another sector's
/// representative sees none of it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SroiPageTests(AppFixture app)
{
    [Theory]
    [InlineData("analist@demo.banenmonitor.nl")]
    [InlineData("gemeenten@demo.banenmonitor.nl")]
    public async Task The_demo_contract_shows_hours_divided_by_1331_and_the_sector_row(string user)
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, user);
        await page.GotoAsync("/sroi?jaar=2024");
        var contract = page.Locator("[data-contract='DEMO-SROI-2024-001']");
        Assert.Equal("2,55", await contract.Locator("[data-veld=banen]").InnerTextAsync());
        Assert.Contains("3.400", await contract.InnerTextAsync());
        Assert.Contains("uren per baan per jaar", await contract.Locator("details").TextContentAsync());
        var sector = page.Locator("#sectoren tr[data-sector=gemeenten]");
        Assert.Equal("2,55", await sector.Locator("[data-veld=banen]").InnerTextAsync());
        // The incl. SROI cell is the page's roll-up of the same stored data.
        SroiYear expected;
        await using (var db = app.Db()) expected = await SroiRollup.ComputeAsync(db, app.App.Services.GetRequiredService<ParameterProvider>().Current, 2024);
        var row = expected.Sectors.Single(s => s.Code == "gemeenten");
        var incl = row.Realisation?.PercentageIncludingSroi is { } p ? DutchFormat.Percent(p.Points) : "geen goedgekeurde rapportage";
        Assert.Equal(incl, await sector.Locator("[data-veld=incl]").InnerTextAsync());
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Another_sector_representative_sees_no_placements_of_the_municipalities()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "rijk@demo.banenmonitor.nl");
        await page.GotoAsync("/sroi");
        Assert.Equal(1, await page.Locator("#geen-sroi").CountAsync());
        Assert.DoesNotContain("DEMO-SROI-2024-001", await page.ContentAsync());
    }
}
