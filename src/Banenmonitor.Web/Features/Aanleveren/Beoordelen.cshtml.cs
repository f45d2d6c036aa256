using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Aanleveren;

/// <summary>
/// A ministry analyst approves or rejects submitted reports (<see cref="ReportReview"/>). Approval makes a report the
/// figure of its year and the previous approved one superseded; the audit trail keeps every version.
/// </summary>
public sealed class BeoordelenModel(BanenmonitorDbContext db, ReportReview review, SectorChecks checks, SectorFigures figures) : PageModel
{
    public IReadOnlyList<(SectorReport Nieuw, SectorFigure? Huidig, IReadOnlyList<string> Controles)> Sectoren { get; private set; } = [];
    public IReadOnlyList<(EmployerReport Nieuw, EmployerReport? Huidig)> Werkgevers { get; private set; } = [];
    public string? Melding { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Melding = TempData["melding"] as string;
        var submitted = await db.SectorReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted).OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        var current = await figures.AllAsync(ct);
        Sectoren = submitted.Select(r =>
        {
            var f = SectorFigures.Figure(r);
            var remarks = checks.Entered(f).Mismatches.Select(c => $"{c.Figure}: {c.Explanation}").ToList();
            return (r, current.FirstOrDefault(c => c.SectorCode == f.SectorCode && c.Year == r.Year), (IReadOnlyList<string>)remarks);
        }).ToList();
        var employers = await db.EmployerReports.AsNoTracking().Include(r => r.Employer)
            .Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved).ToListAsync(ct);
        Werkgevers = employers.Where(r => r.Status == ReportStatus.Submitted).OrderBy(r => r.SubmittedAt)
            .Select(r => (r, employers.FirstOrDefault(a => a.Status == ReportStatus.Approved && a.EmployerId == r.EmployerId && a.Year == r.Year))).ToList();
    }

    public Task<IActionResult> OnPostGoedkeurenAsync(int id, string soort, CancellationToken ct) => DecideAsync(id, soort, approve: true, ct);
    public Task<IActionResult> OnPostAfwijzenAsync(int id, string soort, CancellationToken ct) => DecideAsync(id, soort, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int id, string soort, bool approve, CancellationToken ct)
    {
        var kind = soort == "sector" ? ReportKind.Sector : ReportKind.Employer;
        var who = User.Identity!.Name!;
        var result = approve ? await review.ApproveAsync(kind, id, who, ct) : await review.RejectAsync(kind, id, who, ct);
        if (!result.Done) return NotFound();
        var what = result.Report switch
        {
            SectorReport s => $"Rapportage {ReportingLines.NameOf(ReportingLines.CodeOf(s.SectorId) ?? "")} {s.Year}",
            EmployerReport e => $"Opgave van {e.Employer?.Name ?? e.EmployerId.ToString()} over {e.Year}",
            _ => "Rapportage",
        };
        TempData["melding"] = $"{what} {result.Message}.";
        return RedirectToPage();
    }
}
