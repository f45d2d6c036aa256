using System.Globalization;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Aanleveren;

/// <summary>A ministry analyst approves or rejects submitted reports. Approval makes a report the sector's figure.</summary>
public sealed class BeoordelenModel(WebDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(SectorReport Nieuw, SectorFigure? Huidig)> Sectoren { get; private set; } = [];
    public IReadOnlyList<EmployerReport> Werkgevers { get; private set; } = [];
    public string? Melding { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Melding = TempData["melding"] as string;
        var submitted = await db.SectorReports.AsNoTracking().Where(r => r.Status == ReportStatus.Ingediend).OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        var current = await new SectorFigures(db).AllAsync(ct);
        Sectoren = submitted.Select(r => (r, current.FirstOrDefault(c => c.SectorCode == r.SectorCode && c.Year == r.Year))).ToList();
        Werkgevers = await db.EmployerReports.AsNoTracking().Where(r => r.Status == ReportStatus.Ingediend).OrderBy(r => r.Id).ToListAsync(ct);
    }

    public Task<IActionResult> OnPostGoedkeurenAsync(int id, string soort, CancellationToken ct) => DecideAsync(id, soort, ReportStatus.Goedgekeurd, ct);
    public Task<IActionResult> OnPostAfwijzenAsync(int id, string soort, CancellationToken ct) => DecideAsync(id, soort, ReportStatus.Afgewezen, ct);

    private async Task<IActionResult> DecideAsync(int id, string soort, ReportStatus decision, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var who = User.Identity!.Name!;
        var verb = decision == ReportStatus.Goedgekeurd ? "goedgekeurd" : "afgewezen";
        if (soort == "sector")
        {
            var r = await db.SectorReports.FirstOrDefaultAsync(x => x.Id == id && x.Status == ReportStatus.Ingediend, ct);
            if (r is null) return NotFound();
            r.Status = decision; r.ReviewedBy = who; r.ReviewedAt = now;
            audit.Add(User, verb, AuditLog.SectorSubject(r.Year, r.SectorCode),
                $"Rapportage {r.Id} van {r.SubmittedBy}: doel {r.Target?.ToString(CultureInfo.InvariantCulture)}, realisatie {r.Realised?.ToString(CultureInfo.InvariantCulture)}, sroi {r.Sroi?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            TempData["melding"] = $"Rapportage {PublicSectors.NameOf(r.SectorCode)} {r.Year} {verb}.";
        }
        else
        {
            var r = await db.EmployerReports.FirstOrDefaultAsync(x => x.Id == id && x.Status == ReportStatus.Ingediend, ct);
            if (r is null) return NotFound();
            r.Status = decision; r.ReviewedBy = who;
            audit.Add(User, verb, AuditLog.EmployerSubject(r.EmployerId, r.Year), $"Opgave {r.Id} {verb}.");
            TempData["melding"] = $"Opgave van werkgever {r.EmployerId} over {r.Year} {verb}.";
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }
}
