using System.Text.RegularExpressions;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using MiniExcelLibs;

namespace Banenmonitor.Reports.Tests;

/// <summary>HTML, Excel and PDF output of the real report (real Chromium, real poppler tools, real MiniExcel).</summary>
public class RenderingTests
{
    private static readonly ReportSources Sources = ReportSources.Embedded();

    [Fact]
    public void Html_is_self_contained_printable_and_marks_a_concept()
    {
        var html = HtmlReportRenderer.Render(new ReportBuilder(Sources).Build(2023, concept: true));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        // self-contained: nothing is loaded from elsewhere (src, stylesheet links); a link a reader may follow (the law on wetten.overheid.nl) is no resource
        Assert.DoesNotMatch(new Regex("(src=|<link[^>]*href=)\"(https?:)?//"), html);
        Assert.Contains("<style>", html);
        Assert.Contains("@page", html);
        Assert.True(Regex.Matches(html, "<svg ").Count >= 3, "grafieken als inline SVG");
        Assert.Contains("class=\"concept-merk\"", html);
        Assert.Contains("Tegenstrijdigheden in de bronnen", html);
        Assert.Contains("56,6%", html);
        Assert.Contains("berekend: 59,6%", html);

        var final = HtmlReportRenderer.Render(new ReportBuilder(Sources).Build(2023, PublicSectors.Gemeenten));
        Assert.DoesNotContain("CONCEPT", final);
        Assert.DoesNotContain("Tegenstrijdigheden in de bronnen", final);
    }

    [Fact]
    public void Xlsx_holds_numeric_cells_equal_to_the_data()
    {
        var report = new ReportBuilder(Sources).Build(2023, concept: true);
        var bytes = XlsxReportRenderer.Render(report);
        using var tmp = new TempDir();
        var file = tmp.File("rapport.xlsx");
        File.WriteAllBytes(file, bytes);

        Assert.Contains(XlsxReportRenderer.SheetOverview, MiniExcel.GetSheetNames(file));
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetOverview).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(13, rows.Count);
        var data = Sources.Sectors;
        foreach (var row in rows)
        {
            var sector = PublicSectors.Parse((string)row["code"]);
            var f = data.Get(sector, 2023);
            foreach (var (column, figure) in new[] { ("doel_fta", f.Target), ("realisatie_fta", f.Realised), ("realisatiepercentage", f.Percentage) })
            {
                if (figure is null) { Assert.True(row[column] is null or "", $"{sector.Code} {column}"); continue; }
                Assert.IsNotType<string>(row[column]);
                Assert.Equal(figure.Value, Convert.ToDecimal(row[column]));
            }
        }
        // Seed 001: Gemeenten doel 5.250, realisatie 6.320; Defensie 508,5.
        var gem = rows.Single(r => (string)r["code"] == "gemeenten");
        Assert.Equal(5250d, gem["doel_fta"]);
        Assert.Equal(6320d, gem["realisatie_fta"]);
        Assert.Equal(508.5d, rows.Single(r => (string)r["code"] == "defensie")["realisatie_fta"]);
        Assert.Equal("T1", rows.Single(r => (string)r["code"] == "waterschappen")["tegenstrijdigheid"]?.ToString()?.Split(',')[0]);

        var status = MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetReport).Cast<IDictionary<string, object>>().Single();
        Assert.Equal("CONCEPT", status["status"]);
        var contradictions = MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetContradictions).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(report.Contradictions.Count, contradictions.Count);
        var figures = MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetSectorFigures).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(figures, r => (string)r["code"] == "defensie" && (string)r["cijfer"] == "Banen via SROI/inkoop" && (double)r["waarde"] == 235.8d);
        var national = MiniExcel.Query(file, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetNational).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(85665d, national.First()["totaal"]);
    }

    [Fact]
    public async Task Pdf_2021_has_the_figures_of_seed_000_and_table_1_of_seed_004()
    {
        using var tmp = new TempDir();
        var pdf = tmp.File("rapport-2021.pdf");
        await File.WriteAllBytesAsync(pdf, await new PdfReportRenderer().RenderAsync(new ReportBuilder(Sources).Build(2021, concept: true)));
        var pages = Poppler.Pages(pdf);
        var png = Poppler.Png(pdf, tmp.Path);
        Assert.Equal(pages, png.Count);
        Assert.All(png, p => Assert.True(new FileInfo(p).Length > 1000, p));
        var text = Poppler.Text(pdf);
        // Seed 004, Tabel 1.
        foreach (var n in new[] { "59.928", "7.094", "67.021", "1.039", "4.748", "5.787", "60.966", "11.842", "72.809", "60.000", "20.000", "80.000", "147.988" })
            Assert.Contains(n, text);
        // Seed 000: Gemeenten 5.250 / 5.796 / 110,4%; Provincies 377 / 355 / 94,2%; Rijk 4.674 / 3.203 / 69%.
        foreach (var n in new[] { "5.796", "110,4%", "94,2%", "4.674", "3.203", "49,8%", "55 fta", "110 fta" })
            Assert.Contains(n, text);
        for (var p = 1; p <= pages; p++) Assert.Contains("CONCEPT", Poppler.Text(pdf, p));
        Assert.Contains("Tegenstrijdigheden in de bronnen", text);
    }

    [Fact]
    public async Task Pdf_2020_has_the_figures_of_seed_002()
    {
        using var tmp = new TempDir();
        var pdf = tmp.File("rapport-2020.pdf");
        await File.WriteAllBytesAsync(pdf, await new PdfReportRenderer().RenderAsync(new ReportBuilder(Sources).Build(2020, concept: true)));
        Assert.True(Poppler.Pages(pdf) >= 2);
        var text = Poppler.Text(pdf);
        // Seed 002: provincies 341 of 331; gemeenten 5.500; waterschappen 262 = 61,3%; Rijk 2.663 of 4.072 = 65%; Defensie 346 + 210 SROI of 633 = 88%.
        foreach (var n in new[] { "341 fta", "331 fta", "5.500", "262 fta", "61,3%", "2.663", "4.072", "65%", "633", "346", "210", "88%", "870", "53%", "659", "596" })
            Assert.Contains(n, text);
    }

    [Fact]
    public async Task Missing_chromium_gives_a_dutch_message_naming_the_package()
    {
        var e = await Assert.ThrowsAsync<PdfRenderingException>(() => new PdfReportRenderer("/geen/chromium").RenderHtmlAsync("<p>x</p>"));
        Assert.Contains("apt-get install chromium", e.Message);
        Assert.Contains(PdfReportRenderer.EnvironmentVariable, e.Message);
    }
}
