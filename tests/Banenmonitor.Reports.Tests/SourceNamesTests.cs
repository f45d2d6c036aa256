using System.Text.RegularExpressions;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using MiniExcelLibs;

namespace Banenmonitor.Reports.Tests;

/// <summary>The report cites every source by its title and number, never by an internal file name.</summary>
public class SourceNamesTests
{
    /// <summary>"seed 003", "document 001", "(bron: 000)", "seeds/…": a file name where a document title belongs.</summary>
    internal static readonly Regex InternalSourceName =
        new(@"\b(seed|document|documenten)\s*0\d\d\b|\(bron: 0\d\d\)|seeds/|enquete_003", RegexOptions.IgnoreCase);

    public static TheoryData<int> Years => [2020, 2021, 2022, 2023];

    [Theory]
    [MemberData(nameof(Years))]
    public void The_concept_report_names_no_internal_file(int year)
    {
        var report = new ReportBuilder(ReportSources.Embedded()).Build(year, concept: true);
        var html = HtmlReportRenderer.Render(report);
        Assert.Contains("Kamerbrief BZK", html); // the documents are there, by their names
        var leak = InternalSourceName.Match(html);
        Assert.False(leak.Success, $"HTML {year}: '{leak.Value}'");

        using var xlsx = new MemoryStream(XlsxReportRenderer.Render(report));
        foreach (var sheet in MiniExcel.GetSheetNames(xlsx))
            foreach (IDictionary<string, object?> row in MiniExcel.Query(xlsx, sheetName: sheet))
                foreach (var cell in row.Values.OfType<string>())
                    Assert.False(InternalSourceName.IsMatch(cell), $"XLSX {year}, blad {sheet}: '{cell}'");
    }
}
