using System.Globalization;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Aanleveren;

/// <summary>
/// Submitting figures: a sector representative enters or uploads the yearly sector report of its own sector, an employer
/// its own yearly figures. A new report starts as a draft (concept); submitting (indienen) sends it to the ministry.
/// Drafts and submissions never replace approved figures: only an analyst's approval makes a report the sector's figure.
/// </summary>
public sealed class IndexModel(WebDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const long MaxUploadBytes = 1_000_000;

    public List<ImportError> Fouten { get; } = [];
    public string? Melding { get; private set; }
    public IReadOnlyList<SectorReport> SectorRapportages { get; private set; } = [];
    public IReadOnlyList<EmployerReport> WerkgeverRapportages { get; private set; } = [];
    public string? Sector => User.Sector();
    public int? WerkgeverId => User.EmployerId();

    [BindProperty] public string? Jaar { get; set; }
    [BindProperty] public string? Doel { get; set; }
    [BindProperty] public string? Realisatie { get; set; }
    [BindProperty] public string? Sroi { get; set; }
    [BindProperty] public string? VerloondeUren { get; set; }
    [BindProperty] public string? UrenDoelgroep { get; set; }
    [BindProperty] public string? VerloondeUrenVorigJaar { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Enter one report by hand (validated like a one-row file).</summary>
    public async Task<IActionResult> OnPostInvoerenAsync(CancellationToken ct)
    {
        string csv;
        if (User.IsInRole(Roles.SectorRepresentative))
            csv = ReportImport.SectorHeader + "\n" + string.Join(';', Jaar, Sector, Doel, Realisatie, Sroi);
        else
            csv = ReportImport.EmployerHeader + "\n" + string.Join(';', Jaar, VerloondeUren, UrenDoelgroep, VerloondeUrenVorigJaar);
        return await StoreAsync(csv, "formulier", ct);
    }

    public async Task<IActionResult> OnPostUploadenAsync(IFormFile? bestand, CancellationToken ct)
    {
        if (bestand is null || bestand.Length == 0) { Fouten.Add(new("(geen bestand)", 0, "-", "Kies een CSV-bestand om te uploaden.")); await LoadAsync(ct); return Page(); }
        if (bestand.Length > MaxUploadBytes) { Fouten.Add(new(bestand.FileName, 0, "-", "Het bestand is groter dan 1 MB.")); await LoadAsync(ct); return Page(); }
        using var reader = new StreamReader(bestand.OpenReadStream());
        return await StoreAsync(await reader.ReadToEndAsync(ct), Path.GetFileName(bestand.FileName), ct);
    }

    public async Task<IActionResult> OnPostIndienenAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (User.IsInRole(Roles.SectorRepresentative))
        {
            var r = await db.SectorReports.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (r is null || !User.MaySubmitForSector(r.SectorCode)) return Forbid();
            if (r.Status != ReportStatus.Concept) { Melding = "Alleen een concept kan worden ingediend."; await LoadAsync(ct); return Page(); }
            r.Status = ReportStatus.Ingediend; r.SubmittedBy = User.Identity!.Name; r.SubmittedAt = now;
            audit.Add(User, "ingediend", AuditLog.SectorSubject(r.Year, r.SectorCode), $"Rapportage {r.Id} ingediend ter beoordeling.");
        }
        else
        {
            var r = await db.EmployerReports.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (r is null || User.EmployerId() != r.EmployerId) return Forbid();
            if (r.Status != ReportStatus.Concept) { Melding = "Alleen een concept kan worden ingediend."; await LoadAsync(ct); return Page(); }
            r.Status = ReportStatus.Ingediend;
            audit.Add(User, "ingediend", AuditLog.EmployerSubject(r.EmployerId, r.Year), $"Opgave {r.Id} ingediend ter beoordeling.");
        }
        await db.SaveChangesAsync(ct);
        TempData["melding"] = "De rapportage is ingediend. Een analist van het ministerie beoordeelt haar.";
        return RedirectToPage();
    }

    private async Task<IActionResult> StoreAsync(string text, string file, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = User.Identity!.Name!;
        if (User.IsInRole(Roles.SectorRepresentative))
        {
            var (rows, errors) = ReportImport.ParseSector(text, file, Sector);
            if (errors.Count > 0) { Fouten.AddRange(errors); await LoadAsync(ct); return Page(); }
            foreach (var r in rows)
            {
                var report = new SectorReport { Year = r.Year, SectorCode = r.SectorCode, Target = r.Target, Realised = r.Realised, Sroi = r.Sroi,
                    Status = ReportStatus.Concept, Source = $"aangeleverd door {user} ({file})", CreatedAt = now, CreatedBy = user };
                db.SectorReports.Add(report);
                audit.Add(User, "concept aangemaakt", AuditLog.SectorSubject(r.Year, r.SectorCode),
                    $"doel {r.Target.ToString(CultureInfo.InvariantCulture)}, realisatie {r.Realised.ToString(CultureInfo.InvariantCulture)}, sroi {r.Sroi?.ToString(CultureInfo.InvariantCulture) ?? "-"} uit {file}");
            }
            await db.SaveChangesAsync(ct);
            TempData["melding"] = $"{rows.Count} rapportage(s) opgeslagen als concept. Controleer ze en dien ze in.";
        }
        else
        {
            var id = User.EmployerId()!.Value;
            var (rows, errors) = ReportImport.ParseEmployer(text, file);
            if (errors.Count > 0) { Fouten.AddRange(errors); await LoadAsync(ct); return Page(); }
            foreach (var r in rows)
            {
                db.EmployerReports.Add(new EmployerReport { EmployerId = id, Year = r.Year, TotalPaidHours = r.TotalPaidHours, TargetGroupHours = r.TargetGroupHours,
                    TotalPaidHoursPreviousYear = r.PreviousYear, Status = ReportStatus.Concept, Source = $"aangeleverd door {user} ({file})", CreatedAt = now, CreatedBy = user });
                audit.Add(User, "concept aangemaakt", AuditLog.EmployerSubject(id, r.Year),
                    $"verloonde uren {r.TotalPaidHours.ToString(CultureInfo.InvariantCulture)}, uren doelgroep {r.TargetGroupHours.ToString(CultureInfo.InvariantCulture)} uit {file}");
            }
            await db.SaveChangesAsync(ct);
            TempData["melding"] = $"{rows.Count} opgave(n) opgeslagen als concept. Controleer ze en dien ze in.";
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Melding ??= TempData["melding"] as string;
        if (Sector is { } s)
            SectorRapportages = await db.SectorReports.AsNoTracking().Where(r => r.SectorCode == s).OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(ct);
        if (WerkgeverId is { } e)
            WerkgeverRapportages = await db.EmployerReports.AsNoTracking().Where(r => r.EmployerId == e).OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(ct);
    }
}
