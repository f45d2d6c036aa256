using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Banenmonitor.Rules.Contracts;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Computations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Planning;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Features.Werkgevers;
using Banenmonitor.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 24, acceptance: an employer opens its multi-year plan (from its stored payroll), sees the jobs needed per year
/// for 2026–2028, and downloads the levy decision of a year with a shortfall whose figures (pdftotext) equal the
/// calculator's on the same stored data. Real Chromium, real app, real SQLite, real PDF.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlanTests(AppFixture app)
{
    private const string User = "werkgever@demo.banenmonitor.nl";
    private const string Employer = "900000001L01"; // Gemeente Voorbeeldstad

    private static string Pseudonym(int i) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("plan-persoon-" + i)));

    /// <summary>
    /// 30 persons paid 150 hours a month in 2021 and 2022 (the demo employer's own payroll is of 2024); person 1 in the
    /// register from 1 October 2022 (450 hours of C in 2022).
    /// </summary>
    private async Task ImportAsync()
    {
        await using (var db = app.Db())
            if (db.PaidHours.Any(r => r.Employer!.PayrollTaxNumber == Employer && r.PeriodStart.Year == 2022)) return;
        await TestFiles.ImportPayrollAsync(app, Employer, Pseudonym, 30, 150m, [2021, 2022], $"{Pseudonym(1)};wajong;2022-10-01;\n");
    }

    [Fact]
    public async Task The_employer_sees_the_jobs_needed_2026_to_2028_and_downloads_a_levy_decision_equal_to_the_calculator()
    {
        await ImportAsync();
        var parameters = app.App.Services.GetRequiredService<ParameterProvider>().Current;
        StoredQuotaOutcome stored, latest;
        await using (var db = app.Db())
        {
            stored = await StoredQuota.ComputeAsync(db, parameters, Employer, 2022);
            latest = await StoredQuota.ComputeAsync(db, parameters, Employer, 2024);
        }
        // by hand: A = 30 × 150 × 12 = 54.000; × 2,69% = 1.452,6; C = 3 × 150 = 450; (1.452,6 − 450) ÷ 1.331 = 0,75 → 0,7; × € 5.000
        Assert.Equal(54_000m, stored.Result.TotalPaidHours.Value);
        Assert.Equal(0.7m, stored.Result.Shortfall.Value);
        Assert.Equal(3_500m, stored.Result.Levy.Value);

        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, User);
        long Records() { using var db = app.Db(); return db.ComputationRecords.LongCount(); }
        var before = Records();
        await page.ClickAsync("nav >> text=Meerjarenplan");
        Assert.Contains("Meerjarenplan", await page.InnerTextAsync("h1"));
        // from the stored payroll (its latest year, 2024), 2% growth, the assumed percentage of the Wet banenafspraak (unconfirmed)
        Assert.True(await page.IsCheckedAsync("#bron-opgeslagen"));
        await page.FillAsync("#groei", "2");
        await page.FillAsync("#van", "2026");
        await page.FillAsync("#tot", "2028");
        await page.FillAsync("#wbaQuotumpercentage", "2,76");
        await page.FillAsync("#activeringsjaar", "2026");
        await page.ClickAsync("#planformulier button[type=submit]");
        Assert.Contains("onbevestigde", await page.InnerTextAsync("#aanname"));

        var p = parameters.WithOverride($"{P.WbaScenarioQuotaPercentage}=2026:2.76:{PlanModel.AssumptionSource}")
            .WithOverride($"{P.WbaActivationYear}=2026:2026:{PlanModel.AssumptionSource}");
        var q = latest.View;
        var a2024 = q.VerloondeUren;
        var expected = new EmployerPlan(p).Compute(new PlanBasis(2024, a2024, q.Berekening?.UrenDoelgroep ?? q.Uren.UrenDoelgroep, 2m, true), 2026, 2028);
        Assert.Contains(DutchFormat.Number(a2024, 2), await page.InnerTextAsync("#uitgangspunt"));
        Assert.Equal([2026, 2027, 2028], expected.Select(y => y.Year));
        foreach (var y in expected)
        {
            var row = page.Locator($"#plan tr[data-jaar='{y.Year}']");
            Assert.True(await row.IsVisibleAsync(), $"{y.Year} staat niet zichtbaar in het plan");
            Assert.Equal(y.Year.ToString(CultureInfo.InvariantCulture), (await row.Locator("th").InnerTextAsync()).Trim());
            Assert.True(await row.Locator("[data-veld=wba-banen]").IsVisibleAsync());
            Assert.Equal(DutchFormat.Number(y.WetBanenafspraak.JobsNeeded!.Value, 2), await row.Locator("[data-veld=wba-banen]").InnerTextAsync());
            Assert.Equal(DutchFormat.Number(y.WetBanenafspraak.JobsToAdd!.Value, 2), await row.Locator("[data-veld=extra]").InnerTextAsync());
            Assert.Equal("geldt niet", await row.Locator("[data-veld=quotum-banen]").InnerTextAsync());
        }
        // by hand for 2026: A × 1,02², to whole hours, × 2,76%, ÷ 1.331, rounded up to a hundredth
        var hours2026 = Math.Floor(Math.Round(a2024 * 1.02m * 1.02m, 0, MidpointRounding.AwayFromZero) * 2.76m) / 100m;
        Assert.Equal(DutchFormat.Number(Math.Ceiling(hours2026 / 1331m * 100m) / 100m, 2),
            await page.Locator("#plan tr[data-jaar='2026'] [data-veld=wba-banen]").InnerTextAsync());
        await AssertAccessibleAsync(page);

        // the public calculator (POST /api/quotum, the calculator page's own computation) on the same inputs: A and C of
        // 2022 as stored, the previous year's A (2021: 30 × 150 × 12 by hand), a government employer
        using var anonymous = await app.ClientAsync(null);
        using var calc = await anonymous.PostAsJsonAsync("/api/quotum", new QuotumVraag(2022, stored.Result.TotalPaidHours.Value,
            VerloondeUrenVorigJaar: 54_000m, UrenDoelgroep: stored.Result.Working!.TargetGroupHours));
        Assert.Equal(System.Net.HttpStatusCode.OK, calc.StatusCode);
        var c = (await calc.Content.ReadFromJsonAsync<QuotumView>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var w = c.Berekening!;

        // opening and computing the plan wrote nothing; recording the stored years is the page's explicit action (POST),
        // after which the plan is shown as asked and the levy decision can be made from the record
        Assert.Equal(before, Records());
        if (await page.Locator("#vastleggen").CountAsync() > 0) await page.ClickAsync("#vastleggen");
        Assert.True(await page.Locator("#plan tr[data-jaar='2028']").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("#vastleggen").CountAsync());

        // the levy decision of 2022, from the stored computation record
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#beschikking-2022"));
        var file = Path.Combine(Path.GetTempPath(), $"beschikking-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            var text = TestFiles.PdfText(file);
            Assert.Contains("Beschikking quotumheffing 2022", text);
            Assert.Contains(Employer, text);
            string F(decimal v, int d) => DutchFormat.Fixed(v, d);
            // every figure of the decision's table equals the calculator's, on the row that names it
            var lines = text.Split('\n');
            void Row(string label, string value)
            {
                var at = Array.FindIndex(lines, l => l.Contains(label, StringComparison.Ordinal));
                Assert.True(at >= 0, $"regel '{label}' ontbreekt in de beschikking");
                Assert.True(lines.Skip(at).Take(3).Any(l => l.Contains(value, StringComparison.Ordinal)), $"'{label}': verwacht {value} (rekenmodule)");
            }
            Row("A — totaal verloonde uren", $"{F(c.VerloondeUren, 2)} uur");
            Row("B — quotumpercentage", $"{F(c.Quotumpercentage!.Value, 2)}%");
            Row("A × B — vereiste uren", $"{F(w.VereisteUren, 2)} uur");
            Row("C — verloonde uren van werknemers", $"{F(w.UrenDoelgroep, 2)} uur");
            Row("D — verloonde uren per baan", $"{F(w.UrenPerBaan, 2)} uur");
            Row("Vereiste banen:", F(c.VereisteBanen!.Value, 1));
            Row("Gerealiseerde banen:", F(c.GerealiseerdeBanen, 1));
            Row("Quotumtekort onafgerond", F(w.QuotumtekortOnafgerond, 4));
            Row("Quotumtekort, naar beneden", $"{F(c.Quotumtekort, 1)} banen");
            Row("Quotumheffing: quotumtekort", $"€ {F(c.Quotumheffing, 2)}");
            Assert.Equal(0.7m, c.Quotumtekort); // and the calculator agrees with the hand computation above
            Assert.Equal(3_500m, c.Quotumheffing);
            Assert.Contains("Wfsv art. 38h lid 4", text);
            Assert.Contains("122na", text);
            Assert.Contains("quotumheffing_per_ontbrekende_baan", text);
            Assert.Contains("Beleidsonderzoekers", text); // the source of the quota percentage 2022 (wrapped in its cell)
            Assert.DoesNotContain("Download deze tabel", text);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Typed_totals_with_bad_numbers_give_Dutch_errors_per_field_and_without_assumptions_the_unknown_is_said()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, "werkgever2@demo.banenmonitor.nl");
        var response = await page.GotoAsync("/werkgevers/plan?bron=ingevuld&basisjaar=2024&verloondeUren=veel&urenDoelgroep=10&groei=2&van=2026&tot=2028");
        Assert.Equal(200, response!.Status);
        Assert.Contains("Verloonde uren in het basisjaar", await page.InnerTextAsync("#fouten"));
        await page.GotoAsync("/werkgevers/plan?bron=ingevuld&basisjaar=2024&verloondeUren=600.000&urenDoelgroep=3.000&groei=2&van=2026&tot=2028");
        Assert.Equal("onbekend", await page.InnerTextAsync("#plan tr[data-jaar='2027'] [data-veld=wba-banen]"));
        Assert.Contains("kent geen quotumpercentage per werkgever", await page.Locator("#toelichting-2027").TextContentAsync());
    }
}
