using Banenmonitor.Rules.Quota;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>A logged-in employer's own figures: quota per year and what is still needed.</summary>
public sealed class MijnModel(WebDbContext db, ParameterProvider parameters) : PageModel
{
    public Employer? Werkgever { get; private set; }
    public IReadOnlyList<EmployerYear> Jaren { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.EmployerId() is not { } id) return Forbid();
        Werkgever = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (Werkgever is null) return NotFound();
        Jaren = await EmployerYears.ForAsync(db, parameters.Current, id, ct);
        return Page();
    }
}

/// <summary>An employer's quota in one year (Dutch field names for the API).</summary>
public sealed record EmployerYear(int Jaar, string Status, decimal VerloondeUren, decimal UrenDoelgroep, QuotumView? Quotum, string? Probleem)
{
    /// <summary>Jobs still needed to reach the quota (the shortfall), or null when exempt or not computable.</summary>
    public decimal? NogNodig => Quotum is { Vrijgesteld: false } q ? q.Quotumtekort : null;
}

public static class EmployerYears
{
    public static async Task<IReadOnlyList<EmployerYear>> ForAsync(WebDbContext db, Banenmonitor.Rules.Parameters.ParameterSet p, int employerId, CancellationToken ct)
    {
        var employer = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == employerId, ct);
        var reports = await db.EmployerReports.AsNoTracking().Where(r => r.EmployerId == employerId).ToListAsync(ct);
        return reports.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(g =>
        {
            // The approved report counts; a newer draft or submission is shown as such but does not replace it.
            var r = g.Where(x => SectorFigures.IsOfficial(x.Status)).OrderByDescending(x => x.Id).FirstOrDefault() ?? g.OrderByDescending(x => x.Id).First();
            var q = new QuotumVraag(r.Year, r.TotalPaidHours, VerloondeUrenVorigJaar: r.TotalPaidHoursPreviousYear, UrenDoelgroep: r.TargetGroupHours, Markt: !employer.IsGovernment);
            var errors = QuotaService.Validate(q, p);
            return errors.Count > 0
                ? new EmployerYear(r.Year, r.Status.ToString().ToLowerInvariant(), r.TotalPaidHours, r.TargetGroupHours, null, string.Join(" ", errors.Values))
                : new EmployerYear(r.Year, r.Status.ToString().ToLowerInvariant(), r.TotalPaidHours, r.TargetGroupHours, QuotaService.Compute(q, p), null);
        }).ToList();
    }
}
