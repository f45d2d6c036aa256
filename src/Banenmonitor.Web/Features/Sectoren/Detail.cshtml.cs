using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Sectoren;

public sealed class DetailModel(SectorFigures figures, WebDbContext db) : PageModel
{
    public PublicSector Sector { get; private set; } = null!;
    public IReadOnlyList<SectorRegel> Historie { get; private set; } = [];
    public IReadOnlyList<SectorReport> Rapportages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (PublicSectors.Find(code) is not { } s) return NotFound();
        Sector = s;
        var all = await figures.AllAsync(ct);
        var years = all.Select(f => f.Year).Distinct().Order().ToList();
        Historie = SectorQuery.History(all, s, years);
        // Reports: the official ones for everyone; drafts and submissions only for the sector itself and the ministry.
        var q = db.SectorReports.AsNoTracking().Where(r => r.SectorCode == code);
        if (!(User.IsMinistry() || User.MaySubmitForSector(code)))
            q = q.Where(r => r.Status == ReportStatus.Gepubliceerd || r.Status == ReportStatus.Goedgekeurd);
        Rapportages = await q.OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(ct);
        return Page();
    }
}
