using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Reports.Tests;

/// <summary>
/// A final report is allowed once every substantive finding of its year is resolved, and its annex lists each
/// resolution beside its finding (HTML and XLSX); a partly resolved year is still refused, naming only the open ones.
/// </summary>
public class ResolutionAnnexTests
{
    private static Resolution Resolve(Finding f, int id) => new(id, 2023, f.Key, f.Check.Figure, ResolutionChoice.Recomputed, f.Check.Computed, null,
        $"Reden {id}: de herberekening uit de eigen cijfers van het document geldt", "analist@test", new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), null);

    [Fact]
    public void The_final_2023_report_needs_every_finding_resolved_and_its_annex_lists_the_resolutions()
    {
        var builder = new ReportBuilder(ReportSources.Embedded());
        var findings = builder.Findings(2023);
        Assert.True(findings.Count >= 5);
        Assert.Contains(findings, f => f.Key == "waterschappen:percentage:realisatiepercentage-tabel");
        Assert.All(findings, f => Assert.False(f.IsResolved));

        var partly = findings.Take(findings.Count - 1).Select((f, i) => Resolve(f, i + 1)).ToList();
        var refused = Assert.Throws<ReportRefusedException>(() => builder.Build(2023, resolutions: partly));
        Assert.Equal(findings[^1].Key, FindingKey.Of(Assert.Single(refused.Mismatches)));

        var all = findings.Select((f, i) => Resolve(f, i + 1)).ToList();
        var report = builder.Build(2023, resolutions: all);
        Assert.False(report.IsConcept);
        Assert.Equal(findings.Count, report.ResolvedContradictions.Count);
        var html = HtmlReportRenderer.Render(report);
        Assert.Contains("Bijlage: opgeloste tegenstrijdigheden", html);
        foreach (var r in all) Assert.Contains(r.Reason, html);
        Assert.Contains("geldt de herberekende waarde", html);
        Assert.DoesNotContain("CONCEPT", html);

        var xlsx = XlsxReportRenderer.Render(report);
        using var ms = new MemoryStream(xlsx);
        var rows = MiniExcelLibs.MiniExcel.Query(ms, useHeaderRow: true, sheetName: XlsxReportRenderer.SheetResolutions).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(findings.Count, rows.Count);
        Assert.Equal(all[0].Reason, rows[0]["reden"]);
        Assert.Equal(findings[0].Key, rows[0]["sleutel"]);
    }

    [Fact]
    public void A_superseded_resolution_is_not_the_one_that_counts()
    {
        var builder = new ReportBuilder(ReportSources.Embedded());
        var f = builder.Findings(2023)[0];
        var old = Resolve(f, 1);
        var newer = old with { Id = 2, Reason = "Herzien", Supersedes = 1, Choice = ResolutionChoice.Published, Value = f.Check.Published };
        var found = builder.Findings(2023, [old, newer]).Single(x => x.Key == f.Key);
        Assert.Equal("Herzien", found.Resolution!.Reason);
    }
}
