using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using PublicSectors = Banenmonitor.Rules.Published.PublicSectors;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>
/// A sector's figure for one year as shown publicly: its approved report (there is at most one per year; a draft or
/// submission never replaces it). <see cref="FromDocuments"/>: loaded from the published documents, not entered here.
/// </summary>
public sealed record SectorFigure(string SectorCode, int Year, decimal? Target, decimal? Realised, decimal? Sroi,
    decimal? PublishedPercentage, decimal? PublishedPercentageInclSroi, string Source, ReportStatus Status, int ReportId, bool FromDocuments);

public sealed class SectorFigures(BanenmonitorDbContext db)
{
    public async Task<IReadOnlyList<SectorFigure>> AllAsync(CancellationToken ct = default)
    {
        var lines = PublicSectors.All.Select(s => s.Id!.Value).ToList();
        var reports = await db.SectorReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Approved && lines.Contains(r.SectorId)).ToListAsync(ct);
        return reports.Select(Figure).OrderBy(f => f.Year).ToList();
    }

    public static SectorFigure Figure(SectorReport r) => new(ReportingLines.CodeOf(r.SectorId)!, r.Year, r.TargetJobs, r.RealisedJobs, r.SroiJobs,
        r.Percentage, r.PercentageIncludingSroi, r.Source, r.Status, r.Id, r.SubmittedBy is null);

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).Select(f => f.Year).Distinct().Order().ToList();
}
