using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// A logged-in employer's own figures ("Mijn quotum"): per year the quota, the levy and the step-by-step explanation, and
/// the same as a PDF (<c>?handler=pdf</c>, printed by headless Chromium like the work agendas).
/// </summary>
public sealed class MijnModel(BanenmonitorDbContext db, ParameterProvider parameters, PdfReportRenderer pdf) : PageModel
{
    public Employer? Werkgever { get; private set; }
    public IReadOnlyList<EmployerYear> Jaren { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var html = await RazorDocument.RenderAsync(this, "/Features/Werkgevers/_MijnDocument.cshtml", this);
        try
        {
            return File(await pdf.RenderHtmlAsync(html, ct), PdfReportRenderer.ContentType, $"mijn-quotum-{Slug(Werkgever!.Name)}.pdf");
        }
        catch (PdfRenderingException e)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    /// <summary>Loads the employer and its years; the result to return instead when the user is no employer or it is unknown.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (User.EmployerId() is not { } id) return Forbid();
        Werkgever = await db.Employers.AsNoTracking().Include(e => e.Sector).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (Werkgever is null) return NotFound();
        Jaren = await EmployerYears.ForAsync(db, parameters.Current, id, ct);
        return null;
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}

/// <summary>An employer's quota in one year (Dutch field names for the API).</summary>
/// <remarks>
/// <see cref="Blokkade"/>: why the year cannot be computed (a parameter without value, or another law applies), for the
/// page; the API gives the same in Dutch as <see cref="Probleem"/>.
/// </remarks>
public sealed record EmployerYear(int Jaar, string Status, decimal VerloondeUren, decimal UrenDoelgroep, QuotumView? Quotum, string? Probleem,
    [property: System.Text.Json.Serialization.JsonIgnore] QuotaYearBlock? Blokkade = null)
{
    /// <summary>Jobs still needed to reach the quota (the shortfall), or null when exempt or not computable.</summary>
    public decimal? NogNodig => Quotum is { Vrijgesteld: false } q ? q.Quotumtekort : null;
}

public static class EmployerYears
{
    /// <summary>
    /// Per year the approved quota figures (paid hours) of the employer and the quota computed from them by the rules
    /// core. A newer draft or submission is shown by its status but does not replace the approved figures.
    /// </summary>
    public static async Task<IReadOnlyList<EmployerYear>> ForAsync(BanenmonitorDbContext db, Banenmonitor.Rules.Parameters.ParameterSet p, int employerId, CancellationToken ct)
    {
        var employer = await db.Employers.AsNoTracking().Include(e => e.Sector).FirstAsync(e => e.Id == employerId, ct);
        var reports = await db.EmployerReports.AsNoTracking()
            .Where(r => r.EmployerId == employerId && r.TotalPaidHours != null && r.TargetGroupHours != null
                        && (r.Status == ReportStatus.Approved || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Submitted))
            .ToListAsync(ct);
        return reports.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(g =>
        {
            var r = g.FirstOrDefault(x => x.Status == ReportStatus.Approved) ?? g.First();
            var status = string.Join(", ", g.OrderBy(x => x.Status).Select(x => x.Status.Dutch()));
            var q = new QuotumVraag(r.Year, r.TotalPaidHours!.Value, VerloondeUrenVorigJaar: r.PreviousYearPaidHours, UrenDoelgroep: r.TargetGroupHours, Markt: employer.Sector?.IsGovernment != true);
            var errors = QuotaService.Validate(q, p);
            string? tooLarge = null;
            var view = errors.Count > 0 ? null : QuotaService.TryCompute(q, p, out tooLarge);
            if (view is null && errors.Count == 0) errors["omvang"] = tooLarge!;
            return errors.Count > 0
                ? new EmployerYear(r.Year, status, r.TotalPaidHours!.Value, r.TargetGroupHours!.Value, null, string.Join(" ", errors.Values),
                    r.Year >= QuotaService.FirstYear ? QuotaYears.Check(p, r.Year).Block : null)
                : new EmployerYear(r.Year, status, r.TotalPaidHours!.Value, r.TargetGroupHours!.Value, view, null);
        }).ToList();
    }
}
