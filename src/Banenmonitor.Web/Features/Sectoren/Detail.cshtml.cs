using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using PublicSector = Banenmonitor.Rules.Published.PublicSector;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Sectoren;

public sealed class DetailModel(SectorFigures figures, SectorChecks checks, BanenmonitorDbContext db) : PageModel
{
    public PublicSector Sector { get; private set; } = null!;
    public IReadOnlyList<SectorRegel> Historie { get; private set; } = [];
    public IReadOnlyList<SectorReport> Rapportages { get; private set; } = [];
    /// <summary>The current published progress report of each year this sector has figures for.</summary>
    public IReadOnlyList<PublishedReport> Rapporten { get; private set; } = [];
    /// <summary>The sector totals an analyst approved from the sector's register, per year (public: method, figure, interval, when).</summary>
    public IReadOnlyList<SectorEstimateChoice> Goedgekeurd { get; private set; } = [];
    /// <summary>May the user open the sector's employers (its own representative, the ministry)?</summary>
    public bool MagWerkgeversZien => User.IsMinistry() || User.MaySubmitForSector(Sector.Code);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (ReportingLines.Find(code) is not { } s) return NotFound();
        Sector = s;
        var all = await figures.AllAsync(ct);
        var years = all.Select(f => f.Year).Distinct().Order().ToList();
        Historie = SectorQuery.History(all, s, years, checks, await new Banenmonitor.Data.Resolutions.ResolutionService(db).CurrentAsync((int?)null, ct));
        Rapporten = (await new Banenmonitor.Data.Resolutions.PublishedReportStore(db).CurrentAsync(ct)).Where(r => Historie.Any(h => h.Jaar == r.Year && h.Gerapporteerd)).ToList();
        // Reports: the official ones for everyone; drafts and submissions only for the sector itself and the ministry.
        var id = ReportingLines.IdOf(s.Code);
        var q = db.SectorReports.AsNoTracking().Where(r => r.SectorId == id);
        if (!(User.IsMinistry() || User.MaySubmitForSector(s.Code)))
            q = q.Where(r => r.Status == ReportStatus.Approved || r.Status == ReportStatus.Superseded);
        Rapportages = await q.OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(ct);
        Goedgekeurd = await db.SectorEstimateChoices.AsNoTracking().Where(c => c.SectorId == id && c.ApprovedAt != null).OrderByDescending(c => c.Year).ToListAsync(ct);
        return Page();
    }
}
