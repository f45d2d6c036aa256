using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Reports.Tests;

/// <summary>The report shows the sector total beside the published sum where not every employer reported (seed 002, hbo 2020).</summary>
public class SectorTotalReportTests
{
    [Fact]
    public void Hbo_2020_report_shows_coverage_lower_bound_and_ratio_estimate_with_its_assumption()
    {
        var report = new ReportBuilder(ReportSources.Embedded()).Build(2020, PublicSectors.Hbo, concept: true);
        var hbo = report.Sectors.Single();
        Assert.Equal(408 / 0.79, hbo.Total!.Hoofdschatting!.Schatting, 6);
        var html = System.Net.WebUtility.HtmlDecode(HtmlReportRenderer.Render(report));
        Assert.Contains("21 van 36 organisaties, 79% van het personeel", html);
        Assert.Contains("Gepubliceerd (som van de rapportages, ondergrens): 408 banen", html);
        Assert.Contains("Schatting (ratioschatting naar omvang): <strong>516 banen</strong>", html);
        Assert.Contains("Aanname: de niet-rapporterende werkgevers hebben gemiddeld evenveel banen per eenheid omvang", html);
        Assert.Contains("Zonder cijfers per werkgever is geen standaardfout te berekenen", html);
    }

    [Fact]
    public void Hbo_2020_xlsx_has_the_estimate_beside_the_published_sum_as_numbers()
    {
        var report = new ReportBuilder(ReportSources.Embedded()).Build(2020, concept: true);
        var file = Path.Combine(Directory.CreateTempSubdirectory("bm-xlsx-").FullName, "rapport-2020.xlsx");
        File.WriteAllBytes(file, XlsxReportRenderer.Render(report));
        Assert.Contains(XlsxReportRenderer.SheetSectorTotals, MiniExcelLibs.MiniExcel.GetSheetNames(file));
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetSectorTotals).Cast<IDictionary<string, object>>().ToList();
        var hbo = rows.Single(r => (string)r["sector"] == PublicSectors.Hbo.Name || ((string)r["sector"]).Contains("hbo", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(408m, Convert.ToDecimal(hbo["gepubliceerde_som_banen"]));
        Assert.Equal(Math.Round(408 / 0.79, 1), Convert.ToDouble(hbo["schatting_banen"]), 6);
        Assert.Contains("niet-rapporterende werkgevers", (string)hbo["aanname"]);
    }
}
