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

    /// <summary>
    /// The approved reports, with the SROI column taken from the stored SROI placements where a sector has them for that
    /// year (<see cref="Data.Sroi.SroiRollup"/>: hours ÷ uren per baan per jaar) instead of the typed total; the
    /// percentage including SROI is then recomputed from the realisation and target by the report.
    /// </summary>
    public static async Task<IReadOnlyList<ApprovedSectorReport>> LoadApprovedAsync(BanenmonitorDbContext db, int year, Rules.Parameters.ParameterSet parameters, CancellationToken ct = default)
    {
        var reports = await LoadApprovedAsync(db, year, ct);
        var result = new List<ApprovedSectorReport>(reports.Count);
        var byYear = new Dictionary<int, Data.Sroi.SroiYear>();
        foreach (var r in reports)
        {
            if (!byYear.TryGetValue(r.Year, out var sroi)) byYear[r.Year] = sroi = await Data.Sroi.SroiRollup.ComputeAsync(db, parameters, r.Year, null, ct);
            var placed = sroi.Sectors.FirstOrDefault(s => s.Code == r.SectorCode);
            result.Add(placed is null ? r : r with
            {
                Sroi = Math.Round(placed.Jobs.Value, 2), PercentageIncludingSroi = null,
                Source = r.Source + $"; SROI uit {placed.Contracts} contract(en) met plaatsingen",
            });
        }
        return result;
    }

    /// <summary>Opens the configured database (SQLite file or PostgreSQL) and reads the approved reports of a year.</summary>
    public static async Task<IReadOnlyList<ApprovedSectorReport>> LoadApprovedAsync(DatabaseSettings settings, int year, CancellationToken ct = default)
    {
        await using var db = BanenmonitorDatabase.CreateContext(settings);
        return await LoadApprovedAsync(db, year, ct);
    }
}
