using Banenmonitor.Rules.Contracts;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Planning;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// A logged-in employer's own figures ("Mijn quotum"): per year the quota, the levy and the step-by-step explanation, and
/// the same as a PDF (<c>?handler=pdf</c>, printed by headless Chromium like the work agendas).
/// </summary>
public sealed class MijnModel(BanenmonitorDbContext db, ParameterProvider parameters, PdfReportRenderer pdf, TimeProvider clock) : PageModel
{
    /// <summary>The dated duties of this year and the next (issue 24), with the feed of this employer.</summary>
    public TermijnenView? Termijnen { get; private set; }

    public Employer? Werkgever { get; private set; }
    public IReadOnlyList<DeclaredQuotaYear> Jaren { get; private set; } = [];

    /// <summary>Per year with stored payroll: the quota computed from it, with its counted inputs and its stored record.</summary>
    public IReadOnlyList<StoredQuotaYear> Berekend { get; private set; } = [];

    /// <summary>Every year with declared totals or stored payroll, newest first.</summary>
    public IEnumerable<int> AlleJaren => Jaren.Select(j => j.Jaar).Concat(Berekend.Select(b => b.Jaar)).Distinct().OrderDescending();

    /// <summary>True after the POST that recorded the computations.</summary>
    public bool Vastgelegd { get; private set; }

    /// <summary>Shows the years; looks up their stored computation records but writes nothing (a GET).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Records the computation of every year (an unchanged year keeps its record and number): the explicit action.</summary>
    public async Task<IActionResult> OnPostVastleggenAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct, record: true) is { } denied) return denied;
        Vastgelegd = true;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        return await RazorDocument.PdfAsync(this, pdf, "/Features/Werkgevers/_MijnDocument.cshtml", this, $"mijn-quotum-{Slug(Werkgever!.Name)}.pdf", ct);
    }

    /// <summary>Loads the employer and its years; the result to return instead when the user is no employer or it is unknown.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool record = false)
    {
        if (User.EmployerId() is not { } id) return Forbid();
        Werkgever = await db.Employers.AsNoTracking().Include(e => e.Sector).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (Werkgever is null) return NotFound();
        Jaren = await DeclaredQuotaYears.ForAsync(db, parameters.Current, id, ct);
        Berekend = await StoredQuotaYears.ForAsync(db, parameters.Current, id, User.Identity?.Name ?? "werkgever", ct, record);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        Termijnen = new TermijnenView(new EmployerDeadlines(parameters.Current).Between(today.Year, today.Year + 1, DeadlineFeed.IsGovernment(Werkgever)),
            $"/werkgevers/{id}/termijnen.ics", today);
        return null;
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}

/// <summary>An employer's quota in one year from the totals it declared (Dutch field names for the API).</summary>
/// <remarks>
/// <see cref="Blokkade"/>: why the year cannot be computed (a parameter without value, or another law applies), for the
/// page; the API gives the same in Dutch as <see cref="Probleem"/>.
/// </remarks>
public sealed record DeclaredQuotaYear(int Jaar, string Status, decimal VerloondeUren, decimal UrenDoelgroep, QuotumView? Quotum, string? Probleem,
    [property: System.Text.Json.Serialization.JsonIgnore] QuotaYearBlock? Blokkade = null)
{
    /// <summary>Jobs still needed to reach the quota (the shortfall), or null when exempt or not computable.</summary>
    public decimal? NogNodig => Quotum is { Vrijgesteld: false } q ? q.Quotumtekort : null;
}

public static class DeclaredQuotaYears
{
    /// <summary>
    /// Per year the approved quota figures (paid hours) of the employer and the quota computed from them by the rules
    /// core. A newer draft or submission is shown by its status but does not replace the approved figures.
    /// </summary>
    public static async Task<IReadOnlyList<DeclaredQuotaYear>> ForAsync(BanenmonitorDbContext db, ParameterSet p, int employerId, CancellationToken ct)
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
            var q = new QuotaQuestion(r.Year, r.TotalPaidHours, PaidHoursPreviousYear: r.PreviousYearPaidHours, TargetGroupHours: r.TargetGroupHours,
                Market: !QuotaSector.IsGovernment(employer.Sector?.LegalSectorCode));
            var errors = q.Validate(p);
            string? problem = errors.YearBlock is { } block ? QuotaService.Explain(block) : errors.Count > 0 ? string.Join(" ", errors.Values) : null;
            QuotumView? view = null;
            if (problem is null)
            {
                try { view = QuotumView.From(q.Compute(p)); }
                catch (OverflowException) { problem = "De opgegeven aantallen zijn te groot om mee te rekenen; controleer de verloonde uren."; }
            }
            return new DeclaredQuotaYear(r.Year, status, r.TotalPaidHours!.Value, r.TargetGroupHours!.Value, view, problem, errors.YearBlock);
        }).ToList();
    }
}

/// <summary>
/// An employer's quota in one year computed from its stored payroll (<see cref="StoredQuota"/>), with the stored
/// computation record it was kept as; or why it could not be computed.
/// </summary>
public sealed record StoredQuotaYear(int Jaar, WerkgeverQuotumView? Quotum, string? Probleem, QuotaYearBlock? Blokkade, ComputationRecord? Berekening, bool Hergebruikt);

public static class StoredQuotaYears
{
    /// <summary>
    /// Every year in which the employer has stored payroll rows, computed; with <paramref name="record"/> each is recorded (an
    /// unchanged year reuses its record), without it only an identical stored record is looked up and nothing is written
    /// (a GET of the API).
    /// </summary>
    public static async Task<IReadOnlyList<StoredQuotaYear>> ForAsync(BanenmonitorDbContext db, ParameterSet p, int employerId, string user, CancellationToken ct,
        bool record = true)
    {
        var rows = db.PaidHours.AsNoTracking().Where(r => r.EmployerId == employerId);
        if (!await rows.AnyAsync(ct)) return [];
        var (first, last) = (await rows.MinAsync(r => r.PeriodStart, ct), await rows.MaxAsync(r => r.PeriodStart, ct));
        var list = new List<StoredQuotaYear>();
        for (var y = first.Year; y <= last.Year; y++)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            if (!await rows.AnyAsync(r => r.PeriodStart >= from && r.PeriodStart <= to, ct)) continue;
            try
            {
                var outcome = await StoredQuota.ComputeAsync(db, p, employerId, y, ct);
                var stored = record ? await ComputationRecords.RecordQuotaAsync(db, p, outcome, user, ct: ct)
                    : await ComputationRecords.FindQuotaAsync(db, p, outcome, ct);
                list.Add(new StoredQuotaYear(y, outcome.View, null, null, stored?.Record, stored?.Reused ?? false));
            }
            catch (StoredQuotaException e)
            {
                list.Add(new StoredQuotaYear(y, null, e.Message, e.YearBlock, null, false));
            }
        }
        return list;
    }
}
