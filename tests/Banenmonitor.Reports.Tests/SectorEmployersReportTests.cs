using System.Net;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Reports.Sectors;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.SectorTotals;

namespace Banenmonitor.Reports.Tests;

/// <summary>
/// Where an analyst approved a sector total from the register, the progress report shows that estimate with its method
/// and interval as the sector's total, and the section "Verdeling over werkgevers".
/// </summary>
public class SectorEmployersReportTests
{
    private static SectorEmployerDistribution Approved()
    {
        var o = SectorRegisterEstimates.Compute("hbo", 2020,
        [
            new("A", "Hogeschool A", "klein", 100, 10, 0), new("B", "Hogeschool B", "klein", 100, 10, 4),
            new("C", "Hogeschool C", "middel", 200, 20, 12), new("D", "Hogeschool D", "middel", 200, 20, null),
            new("E", "Hogeschool E", "groot", 400, 40, 40), new("F", "Hogeschool F", "groot", 400, 40, 30),
        ], "personeel");
        var c = SectorRegisterEstimates.Choice(o, SectorTotalMethod.PostStratified, "hbo@voorbeeld.nl", null, new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        c.ApprovedBy = "analist@voorbeeld.nl";
        c.ApprovedAt = new DateTime(2021, 3, 8, 0, 0, 0, DateTimeKind.Utc);
        return new SectorEmployerDistribution("hbo", PublicSectors.Hbo.Name, 2020, c, o);
    }

    [Fact]
    public void The_approved_estimate_is_the_sectors_total_with_its_method_and_interval_and_the_distribution_follows()
    {
        var d = Approved();
        var sources = ReportSources.Embedded() with { SectorEmployers = [d] };
        var report = new ReportBuilder(sources).Build(2020, PublicSectors.Hbo, concept: true);
        var hbo = report.Sectors.Single();
        var main = hbo.Total!.Hoofdschatting!;
        Assert.Equal("poststratificatie", main.Methode);
        Assert.Equal((double)d.Approved.Estimate, main.Schatting);
        Assert.Equal((double?)d.Approved.Lower, main.Ondergrens95);
        Assert.Equal(408m, hbo.Total.GepubliceerdeSom); // the published sum stays beside it

        var html = WebUtility.HtmlDecode(HtmlReportRenderer.Render(report));
        Assert.Contains("Schatting (poststratificatie naar grootteklasse (goedgekeurd)): <strong>113 banen</strong>", html);
        Assert.Contains("Verdeling over werkgevers", html);
        Assert.Contains($"95%-betrouwbaarheidsinterval {d.Approved.Lower!.Value:N0} – {d.Approved.Upper!.Value:N0}".Replace(",", "."), html);
        Assert.Contains("Van de 6 werkgevers in het register rapporteerden er 5; 1 hebben geen banen", html);
        Assert.Contains("2 van de 5 werkgevers met een eigen doel en een rapportage (40,0%) realiseerden minder dan de helft van hun doel", html);
        Assert.Contains("goedgekeurd op 08-03-2021", html);
        Assert.Contains("<svg", html[html.IndexOf("Verdeling over werkgevers", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("analist@voorbeeld.nl", html); // a public report: when, never who
        Assert.DoesNotContain("hbo@voorbeeld.nl", html);
    }

    [Fact]
    public void Without_an_approved_total_the_report_is_unchanged()
    {
        var plain = new ReportBuilder(ReportSources.Embedded()).Build(2020, PublicSectors.Hbo, concept: true).Sectors.Single();
        Assert.Null(plain.Employers);
        Assert.Equal("ratio", plain.Total!.Hoofdschatting!.Methode);
        var other = new ReportBuilder(ReportSources.Embedded() with { SectorEmployers = [Approved() with { Year = 2019 }] }).Build(2020, PublicSectors.Hbo, concept: true);
        Assert.Null(other.Sectors.Single().Employers);
    }
}
