using Banenmonitor.Web.Infrastructure;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Privacy;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Features.Aanleveren;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Beheer;

/// <summary>
/// "Gegevens inlezen" (<c>/beheer/inlezen</c>, analysts and administrators): employers, payroll hours, target-group
/// registrations and hired-in attributions from a CSV or Excel file, as <c>banenmonitor import</c> does — first checked
/// (<c>--controleren</c>: counts and every error with file, row and column), written only after the user confirms, from
/// the same stored upload; both in the background with progress (<see cref="DataImports"/>).
/// </summary>
public sealed class InlezenModel(DataImports imports, PseudonymKey key) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "upload")] public Guid? UploadId { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }

    public DataImport? Upload { get; private set; }
    public List<UploadError> Fouten { get; } = [];
    public string? Melding { get; private set; }
    public string? Verloren { get; private set; }
    public bool HeeftSleutel => key.IsAvailable;
    public DataImportSettings Instellingen => imports.Settings;

    /// <summary>Why a kind cannot be read in on this server (only the registrations without a pseudonym key), or null.</summary>
    public string? Geweigerd(string kind) => kind == DataImportKinds.Registrations && !key.IsAvailable
        ? "Deze server heeft geen pseudonimiseringssleutel (Banenmonitor:PseudoniemSleutel of BANENMONITOR_PSEUDONIEM_SLEUTEL). " +
          "Doelgroepregistraties bevatten burgerservicenummers, die bij het inlezen door een pseudoniem worden vervangen; zonder sleutel kan dat niet. " +
          "Vraag de beheerder van de server de sleutel in te stellen (dezelfde als bij banenmonitor import)."
        : null;

    private string UserName => User.Identity!.Name!;

    public void OnGet()
    {
        Melding = TempData["melding"] as string;
        if (UploadId is { } id) Upload = imports.Find(id, UserName);
        else if (!Request.Query.ContainsKey("upload")) return;
        if (Upload is null)
            Verloren = $"Deze upload is niet meer beschikbaar: de server is sinds {imports.Since.ToLocalTime().ToString("d MMMM yyyy HH:mm", DutchFormat.Culture)} opnieuw gestart, " +
                       $"of het bestand is na {imports.Settings.Kept.TotalMinutes:0} minuten zonder inlezen opgeruimd. Er is niets opgeslagen dat u niet hebt bevestigd. Upload het bestand opnieuw.";
    }

    /// <summary>The template of a kind (CSV or Excel), the same as <c>banenmonitor sjabloon</c>.</summary>
    public async Task<IActionResult> OnGetSjabloonAsync(string? formaat, CancellationToken ct)
    {
        if (DataImportKinds.Find(Soort) is not { } kind)
        {
            Fouten.Add(new("(sjabloon)", "—", "soort", UnknownKind()));
            return Page();
        }
        return await ImportTemplates.FileAsync(kind.Name, formaat, ct);
    }

    /// <summary>Stores the upload and starts its check; every refusal answers on the page with file and reason.</summary>
    public async Task<IActionResult> OnPostUploadenAsync(IFormFile? bestand, CancellationToken ct)
    {
        var name = bestand is null ? "(geen bestand)" : Path.GetFileName(bestand.FileName);
        var kind = DataImportKinds.Find(Soort);
        if (kind is null) Fouten.Add(new(name, "—", "soort", UnknownKind()));
        else if (Geweigerd(kind.Name) is { } refused) Fouten.Add(new(name, "—", "—", refused));
        if (bestand is null || bestand.FileName.Length == 0) Fouten.Add(new(name, "—", "—", "Kies een CSV- of Excelbestand (.csv of .xlsx) om te uploaden."));
        else if (FileFormats.FromName(bestand.FileName) is null)
            Fouten.Add(new(name, "—", "—", $"'{Path.GetExtension(name)}' is geen bestandssoort die kan worden ingelezen: gebruik een CSV-bestand (.csv) of een Excelbestand (.xlsx)."));
        else if (bestand.Length > imports.Settings.MaxBytes)
            Fouten.Add(new(name, "—", "—", $"Het bestand is groter dan {imports.Settings.MaxText} ({Grootte(bestand.Length)}); splits het in delen (elk deel wordt apart gecontroleerd en ingelezen)."));
        else if (bestand.Length == 0) Fouten.Add(new(name, "—", "—", "Het bestand is leeg."));
        if (Fouten.Count > 0) return Page();
        await using var content = bestand!.OpenReadStream();
        var job = await imports.StartAsync(content, kind!.Name, name, UserName, ct);
        return Redirect($"/beheer/inlezen?upload={job.Id}#voortgang");
    }

    /// <summary>The user confirms a checked upload: it is written from the stored file.</summary>
    public IActionResult OnPostInlezen()
    {
        if (UploadId is not { } id || imports.Find(id, UserName) is not { } job) { OnGet(); Verloren ??= "Kies eerst een bestand om te uploaden."; return Page(); }
        if (!imports.Write(job))
        {
            Upload = job;
            Fouten.Add(new(job.FileName, "—", "—", job.State switch
            {
                DataImportState.Writing or DataImportState.Written => "Dit bestand wordt al ingelezen of is al ingelezen.",
                DataImportState.Cancelled => "Deze upload is geannuleerd; upload het bestand opnieuw.",
                DataImportState.Checking => "De controle loopt nog; wacht tot ze klaar is.",
                _ => "Dit bestand is niet goedgekeurd door de controle en kan niet worden ingelezen.",
            }));
            return Page();
        }
        return Redirect($"/beheer/inlezen?upload={job.Id}#voortgang");
    }

    /// <summary>The user drops a checked upload: its file is deleted, nothing is written.</summary>
    public IActionResult OnPostAnnuleren()
    {
        if (UploadId is { } id && imports.Find(id, UserName) is { } job && imports.Cancel(job))
            TempData["melding"] = $"De upload van {job.FileName} is geannuleerd en verwijderd; er is niets opgeslagen.";
        return Redirect("/beheer/inlezen");
    }

    private string UnknownKind() =>
        $"{(string.IsNullOrWhiteSpace(Soort) ? "Kies een soort gegevens" : $"'{Soort}' is geen soort die hier kan worden ingelezen")}: " +
        string.Join(", ", DataImportKinds.All.Select(k => $"{k.Label} ({k.Name})")) + ".";

    /// <summary>A file size in Dutch: kB below a megabyte, else MB (decimal units, as the limit).</summary>
    public static string Grootte(long bytes) => bytes < 1_000_000
        ? $"{DutchFormat.Number(bytes / 1000m, 1)} kB"
        : $"{DutchFormat.Number(bytes / 1_000_000m, 1)} MB";

    /// <summary>Every error of a refused check or write, with file, row and column, for the shared error report.</summary>
    public static List<UploadError> Foutrapport(ImportResult r)
    {
        var list = r.Errors.Select(e => new UploadError(r.FileName, e.Row?.ToString() ?? "—", e.Column ?? "—", e.Message)).ToList();
        if (r.MoreErrors > 0) list.Add(new(r.FileName, "—", "—", $"en nog {DutchFormat.Number(r.MoreErrors, 0)} fout(en)"));
        return list;
    }

    /// <summary>Where the written data is used, as links.</summary>
    public static IReadOnlyList<(string Href, string Text)> Gebruik(string kind) => kind switch
    {
        DataImportKinds.SroiPlacements => [("/sroi", "de SROI-plaatsingen per contract en sector")],
        "werkgevers" => [("/landelijk", "de landelijke cijfers, per kwartaal en arbeidsmarktregio (na een nieuwe landelijke berekening)"), ("/beheer/berekenen", "landelijke berekening starten"), ("/sectoren", "de sectoren")],
        _ => [("/landelijk", "de landelijke cijfers (na een nieuwe landelijke berekening)"), ("/beheer/berekenen", "landelijke berekening starten"), ("/scenarios", "de scenario's")],
    };
}
