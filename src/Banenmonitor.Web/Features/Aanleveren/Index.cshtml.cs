using Banenmonitor.Data;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Aanleveren;

/// <summary>One problem in an uploaded file or form: file, row and column, and a Dutch message.</summary>
public sealed record UploadError(string Bestand, string Regel, string Kolom, string Melding);

/// <summary>
/// Submitting figures: a sector representative enters or uploads the yearly sector report of its own sector, an employer
/// its own yearly figures — through the data platform's importers (kinds <c>sectorrapportages</c> and
/// <c>werkgeversrapportages</c>), as a draft (concept), scoped to the user's own sector or employer. Submitting
/// (indienen) sends a draft to the ministry. Drafts never replace approved figures: only an analyst's approval does.
/// </summary>
public sealed class IndexModel(BanenmonitorDbContext db, ImportService imports, ReportReview review) : PageModel
{
    public const long MaxUploadBytes = 5_000_000;
    public const string SectorKind = "sectorrapportages";
    public const string EmployerKind = "werkgeversrapportages";

    public List<UploadError> Fouten { get; } = [];
    public List<UploadError> Opmerkingen { get; } = [];
    public string? Melding { get; private set; }
    public IReadOnlyList<SectorReport> SectorRapportages { get; private set; } = [];
    public IReadOnlyList<EmployerReport> WerkgeverRapportages { get; private set; } = [];
    public Employer? Werkgever { get; private set; }
    public string? Sector => User.Sector();
    public bool IsSector => User.IsInRole(Roles.SectorRepresentative);
    public string Soort => IsSector ? SectorKind : EmployerKind;

    [BindProperty] public string? Jaar { get; set; }
    [BindProperty] public string? Doel { get; set; }
    [BindProperty] public string? Realisatie { get; set; }
    [BindProperty] public string? Sroi { get; set; }
    [BindProperty] public string? VerloondeUren { get; set; }
    [BindProperty] public string? UrenDoelgroep { get; set; }
    [BindProperty] public string? VerloondeUrenVorigJaar { get; set; }
    [BindProperty] public string? Toelichting { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The template of the user's kind (CSV or Excel) with the columns and an example row.</summary>
    public async Task<IActionResult> OnGetSjabloonAsync(string? formaat, CancellationToken ct) => await ImportTemplates.FileAsync(Soort, formaat, ct);

    /// <summary>Enter one report by hand: stored through the same importer as a one-row file.</summary>
    public async Task<IActionResult> OnPostInvoerenAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // The source is public once approved: it names the sector or employer, never the user (an e-mail address; the audit trail has who).
        var source = IsSector ? $"opgave van de sector {ReportingLines.NameOf(Sector ?? "")} via de website" : $"opgave van {Werkgever?.Name} via de website";
        string csv;
        if (IsSector)
            csv = Csv(["sector", "jaar", "doel", "realisatie", "sroi_banen", "algemeen_beeld", "bron"], [Sector, Jaar, Doel, Realisatie, Sroi, Toelichting, source]);
        else
            csv = Csv(["loonheffingennummer", "jaar", "verloonde_uren", "uren_doelgroep", "verloonde_uren_vorig_jaar", "toelichting", "bron"],
                [Werkgever?.PayrollTaxNumber, Jaar, VerloondeUren, UrenDoelgroep, VerloondeUrenVorigJaar, Toelichting, source]);
        return await StoreAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "formulier.csv", isForm: true, ct);
    }

    public async Task<IActionResult> OnPostUploadenAsync(IFormFile? bestand, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (bestand is null || bestand.Length == 0) { Fouten.Add(new("(geen bestand)", "—", "—", "Kies een CSV- of Excelbestand om te uploaden.")); return Page(); }
        if (bestand.Length > MaxUploadBytes) { Fouten.Add(new(bestand.FileName, "—", "—", "Het bestand is groter dan 5 MB.")); return Page(); }
        await using var s = bestand.OpenReadStream();
        return await StoreAsync(s, Path.GetFileName(bestand.FileName), isForm: false, ct);
    }

    public Task<IActionResult> OnPostIndienenAsync(int id, CancellationToken ct) => StepAsync(id, review.SubmitAsync, ct);

    /// <summary>Takes a submission back to draft (before the analyst decided).</summary>
    public Task<IActionResult> OnPostTerugtrekkenAsync(int id, CancellationToken ct) => StepAsync(id, review.WithdrawAsync, ct);

    /// <summary>Deletes a draft; the audit trail keeps its values.</summary>
    public Task<IActionResult> OnPostVerwijderenAsync(int id, CancellationToken ct) => StepAsync(id, review.DeleteDraftAsync, ct);

    /// <summary>A review step of the submitter on one of its own reports (another sector's or employer's is forbidden).</summary>
    private async Task<IActionResult> StepAsync(int id, Func<ReportKind, int, string, CancellationToken, Task<ReviewResult>> step, CancellationToken ct)
    {
        var kind = IsSector ? ReportKind.Sector : ReportKind.Employer;
        var r = await review.FindAsync(kind, id, ct);
        var own = r switch
        {
            SectorReport s => User.MaySubmitForSector(ReportingLines.CodeOf(s.SectorId) ?? ""),
            EmployerReport e => User.IsInRole(Roles.Employer) && User.EmployerId() == e.EmployerId,
            _ => false,
        };
        if (!own) return Forbid();
        var result = await step(kind, id, User.Identity!.Name!, ct);
        if (!result.Done) { Melding = result.Message; await LoadAsync(ct); return Page(); }
        TempData["melding"] = result.Message;
        return RedirectToPage();
    }

    private async Task<IActionResult> StoreAsync(Stream input, string file, bool isForm, CancellationToken ct)
    {
        var sectorId = ReportingLines.IdOf(Sector);
        var employerId = User.EmployerId();
        var options = new ImportOptions
        {
            DraftsOnly = true,
            FormFields = isForm,
            RowCheck = record => record switch
            {
                SectorReport s when !IsSector || s.SectorId != sectorId =>
                    ("sector", $"u mag alleen rapporteren voor uw eigen sector ({Sector}), niet voor '{ReportingLines.CodeOf(s.SectorId)}'"),
                EmployerReport e when IsSector || e.EmployerId != employerId =>
                    ("loonheffingennummer", $"u mag alleen cijfers aanleveren voor uw eigen werkgever ({Werkgever?.PayrollTaxNumber})"),
                _ => null,
            },
        };
        var result = await imports.ImportAsync(input, Soort, file, User.Identity!.Name!, options: options, ct: ct);
        string Row(int? row) => row is null ? "—" : isForm ? "formulier" : row.Value.ToString();
        if (!result.Success)
        {
            Fouten.AddRange(result.Errors.Select(e => new UploadError(isForm ? "formulier" : file, Row(e.Row), FormField(e.Column, isForm) ?? "—", e.Message)));
            if (result.MoreErrors > 0) Fouten.Add(new(file, "—", "—", $"en nog {result.MoreErrors} fout(en)"));
            return Page();
        }
        Opmerkingen.AddRange(result.Warnings.Select(e => new UploadError(isForm ? "formulier" : file, Row(e.Row), FormField(e.Column, isForm) ?? "—", e.Message)));
        var stored = $"{result.Inserted + result.Updated} rapportage(s) opgeslagen als concept{(result.Unchanged > 0 ? $", {result.Unchanged} ongewijzigd" : "")}. Controleer ze en dien ze in.";
        if (Opmerkingen.Count > 0) { Melding = stored; await LoadAsync(ct); return Page(); }
        TempData["melding"] = stored;
        return RedirectToPage();
    }

    /// <summary>On the form, a column is shown by its field label.</summary>
    private static string? FormField(string? column, bool isForm) => !isForm ? column : column switch
    {
        "jaar" => "Jaar",
        "doel" => "Doel",
        "realisatie" => "Realisatie",
        "sroi_banen" => "Banen via SROI",
        "verloonde_uren" => "Totaal verloonde uren",
        "uren_doelgroep" => "Verloonde uren doelgroep",
        "verloonde_uren_vorig_jaar" => "Verloonde uren vorig jaar",
        _ => column,
    };

    private static string Csv(string[] header, string?[] values) =>
        string.Join(';', header) + "\n" + string.Join(';', values.Select(v => "\"" + (v ?? "").Replace("\"", "\"\"") + "\""));

    private async Task LoadAsync(CancellationToken ct)
    {
        Melding ??= TempData["melding"] as string;
        if (ReportingLines.IdOf(Sector) is { } s && IsSector)
            SectorRapportages = await db.SectorReports.AsNoTracking().Where(r => r.SectorId == s).OrderByDescending(r => r.Year).ThenBy(r => r.Status).ToListAsync(ct);
        if (User.EmployerId() is { } e && User.IsInRole(Roles.Employer))
        {
            Werkgever = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, ct);
            WerkgeverRapportages = await db.EmployerReports.AsNoTracking().Where(r => r.EmployerId == e).OrderByDescending(r => r.Year).ThenBy(r => r.Status).ToListAsync(ct);
        }
    }
}
