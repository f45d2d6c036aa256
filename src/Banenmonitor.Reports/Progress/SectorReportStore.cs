using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Reports.Progress;

/// <summary>Reads the approved sector reports (<see cref="ReportStatus.Approved"/>) of a year from the database.</summary>
public static class SectorReportStore
{
    public static async Task<IReadOnlyList<ApprovedSectorReport>> LoadApprovedAsync(BanenmonitorDbContext db, int year, CancellationToken ct = default)
    {
        var rows = await db.SectorReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Approved && (r.Year == year || r.Year == year - 1))
            .Select(r => new { r.Sector!.Code, r.Year, r.TargetJobs, r.RealisedJobs, r.Percentage, r.SroiJobs, r.PercentageIncludingSroi, r.HiredInJobs, r.GeneralPicture, r.QualityAndSustainability, r.Source })
            .ToListAsync(ct);
        return rows.Select(r => new ApprovedSectorReport(r.Code, r.Year, r.TargetJobs, r.RealisedJobs, r.Percentage, r.SroiJobs, r.PercentageIncludingSroi,
                r.HiredInJobs, r.GeneralPicture, r.QualityAndSustainability, r.Source))
            .OrderBy(r => r.Year).ThenBy(r => r.SectorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Opens the configured database (SQLite file or PostgreSQL) and reads the approved reports of a year.</summary>
    public static async Task<IReadOnlyList<ApprovedSectorReport>> LoadApprovedAsync(DatabaseSettings settings, int year, CancellationToken ct = default)
    {
        await using var db = BanenmonitorDatabase.CreateContext(settings);
        return await LoadApprovedAsync(db, year, ct);
    }
}
