using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using Microsoft.EntityFrameworkCore;
using DbSectorReport = Banenmonitor.Data.Model.SectorReport;

namespace Banenmonitor.Reports.Tests;

/// <summary>Approved sector reports from a real SQLite database: their text enters the report, drafts do not.</summary>
public class DatabaseNarrativeTests
{
    [Fact]
    public async Task Approved_report_text_and_missing_figures_come_from_the_database()
    {
        using var tmp = new TempDir();
        var settings = DatabaseSettings.Create("sqlite", tmp.File("banenmonitor.db"));
        await BanenmonitorDatabase.MigrateAsync(settings);
        await using (var db = BanenmonitorDatabase.CreateContext(settings))
        {
            var gemeenten = await db.Sectors.SingleAsync(s => s.Code == "gemeenten");
            var po = await db.Sectors.SingleAsync(s => s.Code == "po");
            db.SectorReports.Add(new DbSectorReport
            {
                SectorId = gemeenten.Id, Year = 2023, Status = ReportStatus.Approved, RealisedJobs = 9999m, Source = "VNG-rapportage 2023",
                GeneralPicture = "De VNG organiseerde webinars.\n\nGemeenten deelden voorbeelden.", QualityAndSustainability = "Meer vaste contracten.",
            });
            db.SectorReports.Add(new DbSectorReport
            {
                SectorId = po.Id, Year = 2023, Status = ReportStatus.Draft, Source = "PO-Raad concept", GeneralPicture = "Nog niet goedgekeurd.",
            });
            await db.SaveChangesAsync();
        }
        var approved = await SectorReportStore.LoadApprovedAsync(settings, 2023);
        Assert.Equal("gemeenten", Assert.Single(approved).SectorCode);

        var sources = ReportSources.Embedded().WithApprovedReports(approved);
        var report = new ReportBuilder(sources).Build(2023, concept: true);
        var gem = report.Sectors.Single(s => s.Sector == PublicSectors.Gemeenten);
        Assert.Equal("Meer vaste contracten.", gem.Narrative!.QualityAndSustainability);
        // The published realisation (seed 001: 6.320) wins over the database; the database only fills gaps.
        Assert.Equal(6320m, gem.Realisation.Single(r => r.Label == "Realisatie").Value!.Value);
        Assert.Null(report.Sectors.Single(s => s.Sector == PublicSectors.Po).Narrative);

        var html = HtmlReportRenderer.Render(report);
        Assert.Contains("<p>De VNG organiseerde webinars.</p><p>Gemeenten deelden voorbeelden.</p>", html);
        Assert.DoesNotContain("Nog niet goedgekeurd", html);
    }

    [Fact]
    public void Approved_figures_fill_a_year_the_documents_do_not_cover()
    {
        var sources = ReportSources.Embedded().WithApprovedReports(
            [new ApprovedSectorReport("provincies", 2024, 470m, 420m, null, null, null, null, "Tekst 2024", null, "IPO-rapportage 2024")]);
        var report = new ReportBuilder(sources).Build(2024, PublicSectors.Provincies, concept: true);
        var s = Assert.Single(report.Sectors);
        Assert.Equal(420m, s.Realisation.Single(r => r.Label == "Realisatie").Value!.Value);
        var pct = s.Realisation.Single(r => r.Label == "Realisatiepercentage").Value!;
        Assert.True(pct.Computed);
        Assert.Equal(89.4m, pct.Value);
        Assert.Contains(report.Sources, n => n.Quote.Contains("IPO-rapportage 2024"));
    }
}
