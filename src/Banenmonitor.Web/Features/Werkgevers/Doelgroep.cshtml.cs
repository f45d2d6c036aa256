using Banenmonitor.Data;
using Banenmonitor.Data.Privacy;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// Target-group check: an employer's HR enters a citizen number and sees whether that person counts for the target group
/// and for which periods. The number is pseudonymised on arrival (<see cref="TargetGroupCheck"/>), never stored, logged or
/// echoed back into the page; the answer shows periods only. Rate-limited per user (<see cref="DoelgroepRateLimit"/>)
/// and audited without the number.
/// </summary>
[EnableRateLimiting(DoelgroepRateLimit.Policy)]
[ValidateAntiForgeryToken]
public sealed class DoelgroepModel(BanenmonitorDbContext db, TargetGroupCheck check) : PageModel
{
    public const string AuditType = "Doelgroepcontrole";

    public string? Fout { get; private set; }
    public TargetGroupCheckResult? Uitkomst { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Read from the form directly (no bound property): the number never becomes model state that a view could echo.
        var bsn = Request.Form["bsn"].ToString();
        var result = await check.CheckAsync(bsn, ct);
        var employer = User.EmployerId() is { } id ? await db.Employers.AsNoTracking().Where(e => e.Id == id).Select(e => e.PayrollTaxNumber).FirstOrDefaultAsync(ct) : null;
        db.Record(User, AuditType, employer ?? "onbekend", "controle doelgroepregister",
            new { geldig = result.Valid, telt_mee = result.Counts, perioden = result.Periods.Count });
        await db.SaveChangesAsync(ct);
        if (!result.Valid) Fout = result.Error;
        else Uitkomst = result;
        return Page();
    }
}
