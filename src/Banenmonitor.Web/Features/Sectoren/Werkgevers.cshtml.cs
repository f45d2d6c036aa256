using Banenmonitor.Data;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Banenmonitor.Reports.Sectors;
using Banenmonitor.Survey.SectorTotals;
using Banenmonitor.Web.Features.Aanleveren;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PublicSector = Banenmonitor.Rules.Published.PublicSector;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>
/// A sector built from its employers (issue 20): the sector representative uploads its register (soort
/// <c>sectorregister</c>: size, own target, realisation and contract types per employer), sees its employers ranked by
/// percentage of their own target, the distribution, who did not report, who has no target-group jobs, the share below
/// half of the own target, the coverage and the sector total by every method with its interval; it records the method
/// (<see cref="SectorEstimateChoice"/>), and an analyst approves that figure as the sector total. The computation is the
/// shared <see cref="SectorRegisterEstimates"/> (as the CLI's <c>sector schat</c>). A representative sees only its own
/// sector; analysts and administrators see every sector.
/// </summary>
public sealed class WerkgeversModel(BanenmonitorDbContext db, ImportService imports, ReviewSettings review) : PageModel
{
    public const string Kind = "sectorregister";

    public PublicSector Sector { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "sorteer")] public string? Sorteer { get; set; }
    [BindProperty] public string? Methode { get; set; }
    [BindProperty] public string? Reden { get; set; }
    public IReadOnlyList<int> Jaren { get; private set; } = [];
    public SectorRegisterOutcome? Uitkomst { get; private set; }
    public IReadOnlyList<SectorEmployerLine> Werkgevers { get; private set; } = [];
    public SectorEstimateChoice? Keuze { get; private set; }
    public List<UploadError> Fouten { get; } = [];
    public string? Melding { get; private set; }
    public string? Probleem { get; private set; }

    /// <summary>May this user upload and choose for the sector (its own representative)?</summary>
    public bool IsVertegenwoordiger => User.MaySubmitForSector(Sector.Code);
    public bool IsAnalist => User.IsMinistry();

    /// <summary>The columns a user may sort the employer list by (default: the rank).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sorteringen = new Dictionary<string, string>
    {
        ["rang"] = "Rang", ["naam"] = "Werkgever", ["omvang"] = "Omvang", ["doel"] = "Doel", ["realisatie"] = "Realisatie", ["percentage"] = "% van doel",
    };

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (Scoped(code) is { } refused) return refused;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The register template (CSV or Excel) with its columns and an example row.</summary>
    public async Task<IActionResult> OnGetSjabloonAsync(string code, string? formaat, CancellationToken ct)
    {
        if (Scoped(code) is { } refused) return refused;
        return await ImportTemplates.FileAsync(Kind, formaat, ct);
    }

    /// <summary>Uploads the register: all rows or none; a row of another sector's employer is refused with its row and column.</summary>
    public async Task<IActionResult> OnPostUploadenAsync(string code, IFormFile? bestand, CancellationToken ct)
    {
        if (Scoped(code) is { } refused) return refused;
        if (!IsVertegenwoordiger) return Forbid();
        if (bestand is null || bestand.Length == 0) Fouten.Add(new("(geen bestand)", "—", "—", "Kies een CSV- of Excelbestand om te uploaden."));
        else if (bestand.Length > Aanleveren.IndexModel.MaxUploadBytes) Fouten.Add(new(bestand.FileName, "—", "—", "Het bestand is groter dan 5 MB."));
        else
        {
            var sectorId = ReportingLines.IdOf(Sector.Code);
            var own = (await db.Employers.AsNoTracking().Where(e => e.SectorId == sectorId).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
            var options = new ImportOptions
            {
                RowCheck = record => record is SectorRegisterEntry r && !own.Contains(r.EmployerId)
                    ? ("loonheffingennummer", $"deze werkgever hoort niet bij uw sector ({Sector.Name}); u kunt alleen het register van uw eigen sector aanleveren")
                    : null,
            };
            var file = Path.GetFileName(bestand.FileName);
            await using var s = bestand.OpenReadStream();
            var result = await imports.ImportAsync(s, Kind, file, User.Identity!.Name!, options: options, ct: ct);
            if (result.Success)
            {
                var years = await db.SectorRegister.AsNoTracking().Where(r => r.Employer!.SectorId == sectorId).Select(r => r.Year).Distinct().ToListAsync(ct);
                TempData["melding"] = $"Register ingelezen: {result.Inserted} nieuw, {result.Updated} gewijzigd, {result.Unchanged} ongewijzigd.";
                return RedirectToPage(new { code = Sector.Code, jaar = Jaar is { } j && years.Contains(j) ? j : years.DefaultIfEmpty().Max() });
            }
            Fouten.AddRange(result.Errors.Select(e => new UploadError(file, e.Row?.ToString() ?? "—", e.Column ?? "—", e.Message)));
            if (result.MoreErrors > 0) Fouten.Add(new(file, "—", "—", $"en nog {result.MoreErrors} fout(en)"));
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The representative records the method for the sector total of the year (replaces an earlier choice and its approval).</summary>
    public async Task<IActionResult> OnPostKiezenAsync(string code, CancellationToken ct)
    {
        if (Scoped(code) is { } refused) return refused;
        if (!IsVertegenwoordiger) return Forbid();
        await LoadAsync(ct);
        if (Uitkomst is null) return Page();
        if (!SectorTotalMethodText.TryParse(Methode, out var m)) { Probleem = $"Kies een methode: {SectorTotalMethodText.Codes}."; return Page(); }
        if (Reden is { Length: > 2000 }) { Probleem = "De reden is langer dan 2000 tekens."; return Page(); }
        try { await SectorRegisterEstimates.RecordAsync(db, Uitkomst, m, User.Identity!.Name!, Reden, ct); }
        catch (ArgumentException e) { Probleem = e.Message; return Page(); }
        TempData["melding"] = $"Methode vastgelegd: {m.Dutch()}. Een analist keurt het sectortotaal goed.";
        return RedirectToPage(new { code = Sector.Code, jaar = Jaar });
    }

    /// <summary>An analyst approves the recorded figure as the sector total (not the one who chose it: four eyes).</summary>
    public async Task<IActionResult> OnPostGoedkeurenAsync(string code, CancellationToken ct)
    {
        if (Scoped(code) is { } refused) return refused;
        if (!IsAnalist) return Forbid();
        if (Jaar is not { } year) { await LoadAsync(ct); Probleem = "Kies een jaar."; return Page(); }
        var (done, message) = await SectorRegisterQuery.ApproveChoiceAsync(db, Sector.Code, year, User.Identity!.Name!, review.FourEyes, ct);
        if (!done) { await LoadAsync(ct); Probleem = message; return Page(); }
        TempData["melding"] = message;
        return RedirectToPage(new { code = Sector.Code, jaar = year });
    }

    /// <summary>Unknown sector: 404; another sector's representative (or anyone else): 403.</summary>
    private IActionResult? Scoped(string code)
    {
        if (ReportingLines.Find(code) is not { } s) return NotFound();
        Sector = s;
        return User.IsMinistry() || User.MaySubmitForSector(s.Code) ? null : Forbid();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Melding ??= TempData["melding"] as string;
        var sectorId = ReportingLines.IdOf(Sector.Code);
        Jaren = await db.SectorRegister.AsNoTracking().Where(r => r.Employer!.SectorId == sectorId).Select(r => r.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);
        if (Jaar is null or < 1900 or > 2200) Jaar = Jaren.Count > 0 ? Jaren[0] : DateTime.UtcNow.Year - 1;
        try { Uitkomst = await SectorRegisterEstimates.LoadAsync(db, Sector.Code, Jaar.Value, ct); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException) { Probleem = e.Message; }
        Keuze = await SectorRegisterQuery.ChoiceAsync(db, Sector.Code, Jaar.Value, ct);
        if (Uitkomst is null) return;
        var list = Uitkomst.Employers;
        Werkgevers = Sorteer switch
        {
            "naam" => list.OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList(),
            "omvang" => list.OrderByDescending(e => e.Size).ToList(),
            "doel" => list.OrderByDescending(e => e.TargetJobs ?? -1).ToList(),
            "realisatie" => list.OrderByDescending(e => e.RealisedJobs ?? -1).ToList(),
            "percentage" => list.OrderBy(e => e.PercentOfTarget ?? decimal.MaxValue).ToList(), // lowest first: who needs attention
            _ => list,
        };
    }

    /// <summary>The estimates as the shared table partial shows them (method, figure, standard error, interval, assumption).</summary>
    public SectorTotalView View() => SectorTotalView.From(Sector.Code, Sector.Name, Uitkomst!.Year, new SectorTotalResult(Uitkomst.Coverage, Uitkomst.Estimates),
        null, Uitkomst.Measure, Keuze?.Method, "sectorregister en goedgekeurde werkgeversrapportages");
}
