using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Beheer;

/// <summary>The audit trail, per figure (subject).</summary>
public sealed class AuditModel(WebDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Onderwerp { get; set; }
    public IReadOnlyList<AuditEntry> Regels { get; private set; } = [];
    public IReadOnlyList<string> Onderwerpen { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Onderwerpen = await db.Audit.AsNoTracking().Select(a => a.Subject).Distinct().OrderBy(s => s).ToListAsync(ct);
        var q = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Onderwerp)) q = q.Where(a => a.Subject == Onderwerp);
        Regels = await q.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
    }
}
