using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Sroi;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Sroi;

/// <summary>
/// SROI placements as jobs (issue 20): per contract the placements' hours, the job equivalents (hours ÷ the hours per job,
/// with the trace) and the obligation's fulfilment; per contracting public employer; per sector the "incl. SROI" figure
/// computed from placements beside the typed total. The analyst sees every sector, a sector representative its own.
/// </summary>
public sealed class IndexModel(BanenmonitorDbContext db, ParameterProvider parameters) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    public IReadOnlyList<int> Jaren { get; private set; } = [];
    public SroiYear? Uitkomst { get; private set; }
    public string? Sector { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sector = User.IsInRole(Roles.SectorRepresentative) && !User.IsMinistry() ? User.Sector() : null;
        if (User.IsInRole(Roles.SectorRepresentative) && !User.IsMinistry() && Sector is null) return Forbid();
        var years = db.SroiPlacements.AsNoTracking();
        if (Sector is not null) years = years.Where(p => p.Contract!.Procurer!.Sector!.Code == Sector);
        Jaren = await years.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var year = Jaar ?? (Jaren.Count > 0 ? Jaren[0] : null);
        if (year is { } y)
        {
            Jaar = y;
            Uitkomst = await SroiRollup.ComputeAsync(db, parameters.Current, y, Sector, ct);
        }
        return Page();
    }
}
