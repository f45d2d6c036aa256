using Banenmonitor.Data;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Aanleveren;

/// <summary>One line of the comparison: a field of the submission beside the approved figure of its year and of the previous year.</summary>
public sealed record VergelijkRegel(string Veld, string Ingediend, string? Huidig, string? Vorig, string? Onwaarschijnlijk);

/// <summary>A submitted report as the analyst reviews it: what it is about, the comparison, the checks and the flags.</summary>
public sealed record Beoordeling(ReportKind Soort, IReviewedReport Rapportage, string Onderwerp, ReviewComparison Vergelijking,
    IReadOnlyList<string> Controles, IReadOnlyList<VergelijkRegel> Regels)
{
    public string SoortCode => Soort == ReportKind.Sector ? "sector" : "werkgever";
    public IReadOnlyList<PlausibilityFlag> Onwaarschijnlijk => Vergelijking.Flags;
}

/// <summary>
/// A ministry analyst reviews submitted reports (<see cref="ReportReview"/>): each beside the approved figure of its year
/// and of the previous approved year, with its source and explanation, the consistency check and the plausibility
/// flags. Approving asks for a confirmation (a second, server-rendered step); rejecting needs a reason, which the
/// submitter reads. Four-eyes and every other rule are enforced in <see cref="ReportReview"/>, not here.
/// </summary>
public sealed class BeoordelenModel(BanenmonitorDbContext db, ReportReview review, SectorChecks checks) : PageModel
{
    public IReadOnlyList<Beoordeling> Sectoren { get; private set; } = [];
    public IReadOnlyList<Beoordeling> Werkgevers { get; private set; } = [];
    /// <summary>The submission being reviewed (query <c>id</c> and <c>soort</c>).</summary>
    public Beoordeling? Gekozen { get; private set; }
    /// <summary>Approval asked, awaiting confirmation.</summary>
    public bool Bevestigen { get; private set; }
    public string? Melding { get; private set; }
    public string? Fout { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Soort { get; set; }
    [BindProperty] public string? Reden { get; set; }
    [BindProperty] public bool Bevestigd { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Melding = TempData["melding"] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostGoedkeurenAsync(CancellationToken ct)
    {
        if (!Bevestigd)
        {
            await LoadAsync(ct);
            Bevestigen = Gekozen is not null;
            return Page();
        }
        return await DecideAsync(approve: true, ct);
    }

    public Task<IActionResult> OnPostAfwijzenAsync(CancellationToken ct) => DecideAsync(approve: false, ct);

    private ReportKind Kind => Soort == "sector" ? ReportKind.Sector : ReportKind.Employer;

    private async Task<IActionResult> DecideAsync(bool approve, CancellationToken ct)
    {
        var who = User.Identity!.Name!;
        var result = Id is not { } id ? ReviewResult.Refused("Kies een ingediende rapportage.")
            : approve ? await review.ApproveAsync(Kind, id, who, ct) : await review.RejectAsync(Kind, id, who, Reden, ct);
        if (!result.Done)
        {
            Fout = result.Message;
            await LoadAsync(ct);
            return Page();
        }
        TempData["melding"] = $"{Subject(result.Report!)} {result.Message}.";
        return RedirectToPage(new { id = (int?)null, soort = (string?)null });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sectors = await db.SectorReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted).OrderBy(r => r.SubmittedAt).Select(r => r.Id).ToListAsync(ct);
        var employers = await db.EmployerReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted).OrderBy(r => r.SubmittedAt).Select(r => r.Id).ToListAsync(ct);
        var s = new List<Beoordeling>();
        foreach (var id in sectors) if (await ReviewOfAsync(ReportKind.Sector, id, ct) is { } b) s.Add(b);
        var w = new List<Beoordeling>();
        foreach (var id in employers) if (await ReviewOfAsync(ReportKind.Employer, id, ct) is { } b) w.Add(b);
        (Sectoren, Werkgevers) = (s, w);
        if (Id is { } chosen)
        {
            Gekozen = (Kind == ReportKind.Sector ? Sectoren : Werkgevers).FirstOrDefault(b => b.Rapportage.Id == chosen);
            if (Gekozen is null && Fout is null) Fout = $"Er is geen ingediende {(Kind == ReportKind.Sector ? "sectorrapportage" : "opgave")} met nummer {chosen} (meer): misschien is zij al beoordeeld of teruggetrokken.";
        }
    }

    private async Task<Beoordeling?> ReviewOfAsync(ReportKind kind, int id, CancellationToken ct)
    {
        if (await review.CompareAsync(kind, id, ct) is not { } c) return null;
        var controles = c.Report is SectorReport sr
            ? checks.Entered(SectorFigures.Figure(sr)).Mismatches.Select(m => $"{m.Figure}: {m.Explanation}").ToList()
            : [];
        return new Beoordeling(kind, c.Report, Subject(c.Report), c, controles, Lines(c));
    }

    /// <summary>The compared figures, then source and explanation, each beside the same year's figure and the previous year's.</summary>
    private static IReadOnlyList<VergelijkRegel> Lines(ReviewComparison c)
    {
        var type = c.Report.GetType().Name;
        static string? N(decimal? d) => d is { } x ? DutchFormat.Number(x) : null;
        var lines = new List<VergelijkRegel>();
        var same = c.SameYear is null ? null : ReportReview.ComparedFigures(c.SameYear);
        var prev = c.PreviousYear is null ? null : ReportReview.ComparedFigures(c.PreviousYear);
        foreach (var (property, value) in ReportReview.ComparedFigures(c.Report))
        {
            var label = AuditLabels.Of(type, property);
            lines.Add(new(label, N(value) ?? "—", N(same?.First(f => f.Property == property).Value), N(prev?.First(f => f.Property == property).Value),
                c.Flags.FirstOrDefault(f => f.Figure == label)?.Explanation));
        }
        lines.Add(new(AuditLabels.Of(type, "Source"), c.Report.Source, c.SameYear?.Source, c.PreviousYear?.Source, null));
        string? Explanation(IReviewedReport? r) => r switch
        {
            SectorReport s => s.GeneralPicture,
            EmployerReport e => string.Join(" ", new[] { e.Note, e.Actions }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } t ? t : null,
            _ => null,
        };
        lines.Add(new("toelichting", Explanation(c.Report) ?? "—", Explanation(c.SameYear), Explanation(c.PreviousYear), null));
        return lines;
    }

    private static string Subject(IReviewedReport r) => r switch
    {
        SectorReport s => $"Rapportage {ReportingLines.NameOf(ReportingLines.CodeOf(s.SectorId) ?? "")} {s.Year}",
        EmployerReport e => $"Opgave van {e.Employer?.Name ?? e.EmployerId.ToString()} over {e.Year}",
        _ => "Rapportage",
    };
}
