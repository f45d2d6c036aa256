using System.Text;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Privacy;
using Microsoft.EntityFrameworkCore;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 20, acceptance "sectors built from their employers" (real Chromium, real app, real SQLite): a sector
/// representative uploads its register on the web, the page lists its employers with coverage and an estimate with
/// interval, and records the method; an analyst approves it; the public sector pages show the estimate and its method.
/// The register is the one of <c>SectorRegisterEstimatesTests</c>, whose figures are computed by hand there.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SectorEmployersTests(AppFixture app)
{
    private const string Password = "Test-Gemeenten-2026!";
    private const int Year = 2023;

    // Six municipalities (the platform knows employers before their sector registers them); one of the provinces for the refused row.
    private const string Employers = """
        loonheffingennummer;naam;sector;grootteklasse;uitlener
        910000001L01;Gemeente Aa;gemeenten;klein;geen
        910000002L01;Gemeente Bb;gemeenten;klein;geen
        910000003L01;Gemeente Cc;gemeenten;middel;geen
        910000004L01;Gemeente Dd;gemeenten;middel;geen
        910000005L01;Gemeente Ee;gemeenten;groot;geen
        910000006L01;Gemeente Ff;gemeenten;groot;geen
        910000007L01;Provincie Gg;provincies;groot;geen
        """;

    private const string Register = """
        loonheffingennummer;jaar;maat;omvang;doel;realisatie;vast;tijdelijk;inhuur;bron
        910000001L01;2023;personeel;100;10;0;;;;Uitvraag gemeenten 2023
        910000002L01;2023;personeel;100;10;4;;;;Uitvraag gemeenten 2023
        910000003L01;2023;personeel;200;20;12;;;;Uitvraag gemeenten 2023
        910000004L01;2023;personeel;200;20;;;;;Uitvraag gemeenten 2023
        910000005L01;2023;personeel;400;40;40;30;10;0;Uitvraag gemeenten 2023
        910000006L01;2023;personeel;400;40;30;20;12;;Uitvraag gemeenten 2023
        """;

    private async Task<string> SetUpAsync()
    {
        await using (var db = app.Db())
        {
            var r = await new ImportService(db, PseudonymKey.None).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Employers)), "werkgevers", "werkgevers.csv", "test");
            Assert.True(r.Success, string.Join("\n", r.Errors));
        }
        return await app.SectorRepresentativeAsync("register-gemeenten@test.banenmonitor.nl", "gemeenten", Password);
    }

    private static string File(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("bm-register-").FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private async Task<int> StoredRowsAsync()
    {
        await using var db = app.Db();
        return await db.SectorRegister.CountAsync(r => r.Employer!.Sector!.Code == "gemeenten" && r.Year == Year);
    }

    [Fact]
    public async Task Representative_uploads_the_register_records_the_method_and_an_analyst_approves_it()
    {
        var rep = await SetUpAsync();
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, rep, Password);
        await page.GotoAsync($"/sectoren/gemeenten/werkgevers?jaar={Year}");
        Assert.Contains("nog geen register", await page.Locator("#geen-register").InnerTextAsync());

        // The template names the register's columns, with the realisation and the contract types.
        var template = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=sjabloon CSV"));
        var header = (await System.IO.File.ReadAllLinesAsync(await template.PathAsync()))[0];
        Assert.Contains("realisatie", header);
        Assert.Contains("tijdelijk", header);

        // A row of another sector's employer: refused with file, row and column, and nothing is stored.
        var bad = Register + "\n910000007L01;2023;personeel;900;30;12;;;;Uitvraag gemeenten 2023\n";
        await page.SetInputFilesAsync("#bestand", File("register-fout.csv", bad));
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Uploaden en controleren')"));
        var errors = await page.Locator("#foutrapport").InnerTextAsync();
        Assert.Contains("register-fout.csv\t8\tloonheffingennummer", errors);
        Assert.Contains("hoort niet bij uw sector", errors);
        Assert.Contains("er is niets opgeslagen", errors);
        Assert.Equal(0, await StoredRowsAsync());

        // The register itself.
        await page.SetInputFilesAsync("#bestand", File("register.csv", Register));
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Uploaden en controleren')"));
        Assert.Equal(6, await StoredRowsAsync());
        Assert.Contains("6 nieuw", await page.Locator("[role=status]").InnerTextAsync());
        var figures = await page.Locator("#kerncijfers").InnerTextAsync();
        Assert.Contains("5 van 6 werkgevers (83,3%), samen 85,7% van de personeel", figures);
        Assert.Contains("2 van de 5 werkgevers met doel en rapportage (40,0%)", figures);
        // Ranked by percentage of own target: Ee 100 %, Ff 75 %, Cc 60 %, Bb 40 %, Aa 0 %; Dd did not report.
        var rows = page.Locator("#werkgevers tbody tr");
        Assert.Equal(6, await rows.CountAsync());
        Assert.StartsWith("1\tGemeente Ee", await rows.Nth(0).InnerTextAsync());
        Assert.Contains("75,0%", await rows.Nth(1).InnerTextAsync());
        Assert.Contains("niet gerapporteerd", await rows.Nth(5).InnerTextAsync());
        Assert.Contains("Gemeente Dd", await page.Locator("#niet-gerapporteerd").InnerTextAsync());
        Assert.Contains("Gemeente Aa", await page.Locator("#geen-banen").InnerTextAsync());
        Assert.Equal(1, await page.Locator("figure svg.bm-grafiek").CountAsync());
        // Sorted by name on request.
        await page.GotoAsync($"/sectoren/gemeenten/werkgevers?jaar={Year}&sorteer=naam");
        Assert.StartsWith("5\tGemeente Aa", await page.Locator("#werkgevers tbody tr").First.InnerTextAsync());
        // The estimates with their interval: post-stratified 113,3 (hand-computed), ratio 103,5, the sum 86 as lower bound.
        var estimates = await page.Locator(".bm-schatting table").InnerTextAsync();
        Assert.Contains("86 (ondergrens)", estimates);
        Assert.Contains("poststratificatie naar grootteklasse\t113", estimates);
        Assert.Contains("95%-betrouwbaarheidsinterval", estimates);
        await AssertAccessibleAsync(page);

        // The representative records the method.
        await page.CheckAsync("#methode-poststratificatie");
        await page.FillAsync("#reden", "Kleine en grote gemeenten rapporteren niet even vaak.");
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Methode vastleggen')"));
        var choice = await page.Locator("#keuze").InnerTextAsync();
        Assert.Contains("poststratificatie naar grootteklasse", choice);
        Assert.Contains("113,3 banen", choice);
        Assert.Contains(rep, choice);
        Assert.Contains("nog niet goedgekeurd", choice);
        Assert.Equal(0, await page.Locator("button:has-text('Sectortotaal goedkeuren')").CountAsync()); // not the representative's to approve

        // At 390 px the page fits the screen (tables and the chart scroll in their own box).
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, window.innerWidth)") <= 390);
        await page.Context.CloseAsync();

        // Not public before approval.
        using var anonymous = await app.ClientAsync(null);
        Assert.DoesNotContain("Goedgekeurd sectortotaal", await anonymous.GetStringAsync($"/sectoren/gemeenten/schatting/{Year}"));

        // An analyst approves it.
        var analyst = await app.PageAsync();
        await AppFixture.LoginAsync(analyst, "analist@demo.banenmonitor.nl");
        await analyst.GotoAsync($"/sectoren/gemeenten/werkgevers?jaar={Year}");
        await AppFixture.SubmitAsync(analyst, analyst.Locator("button:has-text('Sectortotaal goedkeuren')"));
        Assert.Contains("goedgekeurd door analist@demo.banenmonitor.nl", await analyst.Locator("#goedkeuring").InnerTextAsync());
        await using (var db = app.Db())
        {
            var c = await db.SectorEstimateChoices.SingleAsync(x => x.Sector!.Code == "gemeenten" && x.Year == Year);
            Assert.Equal(("poststratificatie", 113.33m, "analist@demo.banenmonitor.nl", rep), (c.Method, c.Estimate, c.ApprovedBy, c.ChosenBy));
            Assert.NotNull(c.ApprovedAt);
        }
        await analyst.Context.CloseAsync();

        // The public sector pages show the approved estimate with its method and interval, never who.
        var pub = await app.PageAsync();
        await pub.GotoAsync($"/sectoren/gemeenten/schatting/{Year}");
        var approved = await pub.Locator("#vastgelegd").InnerTextAsync();
        Assert.Contains("poststratificatie naar grootteklasse", approved);
        Assert.Contains("113 banen", approved);
        Assert.Contains("5 van de 6 werkgevers", approved);
        await pub.GotoAsync("/sectoren/gemeenten");
        var sector = await pub.Locator("#goedgekeurd").InnerTextAsync();
        Assert.Contains("poststratificatie naar grootteklasse\t113", sector);
        Assert.DoesNotContain("analist@", await pub.InnerTextAsync("body"));
        Assert.DoesNotContain(rep, await pub.InnerTextAsync("body"));
        await pub.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_sectors_representative_is_refused()
    {
        using var rijk = await app.ClientAsync("rijk@demo.banenmonitor.nl");
        var res = await rijk.GetAsync("/sectoren/gemeenten/werkgevers");
        Assert.True(res.StatusCode is System.Net.HttpStatusCode.Forbidden || res.Headers.Location?.ToString().Contains("/account/geweigerd") == true);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await rijk.GetAsync("/sectoren/rijk/werkgevers")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await rijk.GetAsync("/sectoren/bestaatniet/werkgevers")).StatusCode);
    }
}
