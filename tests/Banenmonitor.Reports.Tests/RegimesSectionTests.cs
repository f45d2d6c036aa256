using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using MiniExcelLibs;

namespace Banenmonitor.Reports.Tests;

/// <summary>
/// The section "Twee regimes naast elkaar" (issue 10): the year's published figures under the quotumregeling and in the
/// view of the Wet banenafspraak 2025, with the SROI scenario per sector, in HTML, PDF and XLSX.
/// </summary>
public class RegimesSectionTests
{
    private static readonly ReportSources Sources = ReportSources.Embedded();

    /// <summary>Defensie 2023 from the published data: (realisation + SROI) ÷ target, rounded to one decimal.</summary>
    private static decimal DefensieScenario2023()
    {
        var f = Sources.Sectors.Get(PublicSectors.Defensie, 2023);
        Assert.Equal(508.5m, f.Realised!.Value); // seed 001
        Assert.Equal(235.8m, f.Sroi!.Value);
        Assert.Equal(822m, f.Target!.Value);
        return LegalRounding.Half((f.Realised.Value + f.Sroi.Value) / f.Target.Value * 100m, 1);
    }

    [Fact]
    public void Model_has_both_regimes_for_2023_with_the_SROI_scenario_per_sector()
    {
        var expected = DefensieScenario2023();
        Assert.Equal(90.5m, expected);
        var r = new ReportBuilder(Sources).Build(2023, concept: true).Regimes!;
        var d = r.Sectors.Single(x => x.Sector == PublicSectors.Defensie);
        Assert.Equal(expected, d.PercentageSroiScenario!.Value);
        Assert.True(d.PercentageSroiScenario.Computed);
        Assert.Equal(LegalRounding.Half(508.5m / 822m * 100m, 1), d.Percentage.Value);
        // Every sector with published SROI jobs gets the scenario; sectors without keep one percentage.
        foreach (var x in r.Sectors)
        {
            var f = Sources.Sectors.Get(x.Sector, 2023);
            if (f.Sroi is null) Assert.Null(x.PercentageSroiScenario);
            else Assert.Equal(LegalRounding.Half((f.Realised!.Value + f.Sroi.Value) / f.Target!.Value * 100m, 1), x.PercentageSroiScenario!.Value);
        }
        // National: the split (market, government apart) only under the quotumregeling; the total under both.
        var total = r.National.Single(x => x.Label == "Toename banen totaal");
        Assert.Equal(85665m, total.Quotumregeling!.Value); // seed 001: "ruim 85.000"
        Assert.Equal(total.Quotumregeling.Value, total.WetBanenafspraak!.Value);
        Assert.Null(r.National.Single(x => x.Label == "Toename banen overheid").WetBanenafspraak);
        Assert.Contains(r.Differences, t => t.Contains("één landelijke meting", StringComparison.Ordinal));
        Assert.Contains(r.Differences, t => t.Contains("SROI-scenario", StringComparison.Ordinal) && t.Contains("Defensie", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_has_the_section_with_Defensie_90_5()
    {
        var expected = DutchFormat.Percent(DefensieScenario2023());
        var html = HtmlReportRenderer.Render(new ReportBuilder(Sources).Build(2023, concept: true));
        var start = html.IndexOf("<h2>Twee regimes naast elkaar</h2>", StringComparison.Ordinal);
        Assert.True(start > 0);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains(expected, section);
        Assert.Equal("90,5%", expected);
        Assert.Contains("één landelijke meting", section);
        Assert.Contains("Defensie", section);
    }

    [Fact]
    public void Html_links_the_legal_basis_of_both_regimes_to_wetten_overheid_nl()
    {
        var html = HtmlReportRenderer.Render(new ReportBuilder(Sources).Build(2023, concept: true));
        var links = System.Text.RegularExpressions.Regex.Matches(html, "<a class=\"wetlink\" href=\"([^\"]+)\" data-bwb=\"(BWBR\\d{7})\">([^<]+)</a>")
            .Select(m => (Url: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), Bwb: m.Groups[2].Value, Text: m.Groups[3].Value)).ToList();
        Assert.Contains(links, l => l.Url == "https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38b" && l.Text == "Wfsv art. 38b–38j");
        Assert.Contains(links, l => l.Url == "https://wetten.overheid.nl/BWBR0051018" && l.Text == "Wet banenafspraak");
        Assert.All(links, l => Assert.NotNull(Banenmonitor.Rules.Laws.LawCatalog.Find(l.Bwb)));
    }

    [Fact]
    public async Task Pdf_text_has_the_section_with_Defensie_90_5()
    {
        using var tmp = new TempDir();
        var pdf = tmp.File("rapport-2023.pdf");
        await File.WriteAllBytesAsync(pdf, await new PdfReportRenderer().RenderAsync(new ReportBuilder(Sources).Build(2023, concept: true)));
        var text = Poppler.Text(pdf);
        var start = text.IndexOf("Twee regimes naast elkaar", StringComparison.Ordinal);
        Assert.True(start >= 0, "section heading in the PDF");
        var after = text[start..];
        Assert.Contains(DutchFormat.Percent(DefensieScenario2023()), after);
        Assert.Contains("SROI-scenario", after);
    }

    [Fact]
    public void Xlsx_has_the_sheet_with_Defensie_90_5_as_a_number()
    {
        using var tmp = new TempDir();
        var file = tmp.File("rapport.xlsx");
        File.WriteAllBytes(file, XlsxReportRenderer.Render(new ReportBuilder(Sources).Build(2023, concept: true)));
        Assert.Contains(XlsxReportRenderer.SheetRegimes, MiniExcel.GetSheetNames(file));
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetRegimes).Cast<IDictionary<string, object>>().ToList();
        var d = rows.Single(r => r["sector"] as string == "Defensie");
        Assert.Equal((double)DefensieScenario2023(), d["wet_banenafspraak_2025"]);
        Assert.Equal(235.8d, d["sroi_fta"]);
        Assert.Contains(rows, r => r["regel"] as string == "Toename banen totaal" && (double)r["quotumregeling"] == 85665d);
    }
}
