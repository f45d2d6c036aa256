using Banenmonitor.Data;
using Banenmonitor.Data.Resolutions;
using Banenmonitor.Reports.Progress;
using Banenmonitor.Reports.Rendering;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Text;
using Banenmonitor.Rules.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Rapporten;

/// <summary>
/// The analysts' report builder (<c>/rapporten/opstellen</c>): choose the year, see which substantive findings block a
/// final report and resolve them one by one, preview the report as HTML, build a concept or the final report as PDF,
/// HTML and XLSX (in the background, with progress), and publish the final report as an immutable version.
/// </summary>
public sealed class OpstellenModel(ReportWorkshop workshop, ReportJobs jobs, BanenmonitorDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? Jaar { get; set; }
    [BindProperty(SupportsGet = true, Name = "taak")] public Guid? TaakId { get; set; }

    [BindProperty] public string? Sleutel { get; set; }
    [BindProperty] public string? Keuze { get; set; }
    [BindProperty] public string? Getal { get; set; }
    [BindProperty] public string? Bron { get; set; }
    [BindProperty] public string? Reden { get; set; }

    public IReadOnlyList<int> Jaren { get; private set; } = [];
    public int Gekozen { get; private set; }
    public IReadOnlyList<Finding> Bevindingen { get; private set; } = [];
    public IReadOnlyList<Data.Model.FindingResolution> Geschiedenis { get; private set; } = [];
    public ReportJob? Taak { get; private set; }
    public string? Melding { get; private set; }
    public List<string> Fouten { get; } = [];

    public int Open => Bevindingen.Count(f => !f.IsResolved);
    public bool Definitief => Open == 0;

    private string UserName => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Melding = TempData["melding"] as string;
        await LoadAsync(ct);
        if (TaakId is { } id)
        {
            Taak = jobs.Find(id, UserName);
            // Builds live in the server's memory: say plainly when one is gone, instead of showing nothing.
            if (Taak is null)
                Verloren = $"Deze opbouw van het rapport is niet meer beschikbaar: de server is sinds {jobs.Since.ToLocalTime().ToString("d MMMM yyyy HH:mm", DutchFormat.Culture)} opnieuw gestart " +
                           $"(een opbouw die toen liep is verloren gegaan), of de bestanden zijn na {ReportJobs.Kept.TotalHours:0} uur opgeruimd. " +
                           "Een gepubliceerde versie gaat nooit verloren: die staat bij de gepubliceerde rapporten. Start de opbouw hieronder opnieuw.";
        }
    }

    /// <summary>Set when the page is asked for a build this server does not (or no longer) know.</summary>
    public string? Verloren { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sources = await workshop.SourcesAsync(Jaar ?? 0, ct);
        Jaren = ReportWorkshop.Years(sources);
        Gekozen = Jaar is { } j && Jaren.Contains(j) ? j : Jaren.Where(y => sources.National.Years.Contains(y)).DefaultIfEmpty(Jaren.LastOrDefault()).Max();
        Bevindingen = await workshop.FindingsAsync(Gekozen, ct);
        Geschiedenis = await new ResolutionService(db).HistoryAsync(Gekozen, ct);
    }

    /// <summary>Records the resolution of one finding; a finding already resolved gets a new resolution that supersedes the old one.</summary>
    public async Task<IActionResult> OnPostOplossenAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var finding = Bevindingen.FirstOrDefault(f => f.Key == Sleutel);
        if (finding is null) { Fouten.Add($"Bevinding '{Sleutel}' bestaat niet over {Gekozen}."); return Page(); }
        ResolutionChoice? choice = Keuze switch
        {
            "gepubliceerd" => ResolutionChoice.Published, "herberekend" => ResolutionChoice.Recomputed, "gecorrigeerd" => ResolutionChoice.Corrected, _ => null,
        };
        if (choice is null) { Fouten.Add("Kies welke waarde geldt: de gepubliceerde, de herberekende of een gecorrigeerde."); return Page(); }
        decimal? corrected = null;
        if (choice == ResolutionChoice.Corrected)
        {
            var read = DutchNumber.ReadField(Getal ?? "", NumberLimits.ParameterValue);
            if (string.IsNullOrWhiteSpace(Getal)) Fouten.Add("Gecorrigeerde waarde: vul een getal in (komma als decimaalteken).");
            else if (!read.Ok) Fouten.Add($"Gecorrigeerde waarde: {read.Error}.");
            else corrected = read.Value;
        }
        var result = await new ResolutionService(db).ResolveAsync(finding.Check, choice.Value, corrected, Bron, Reden, UserName, ct);
        Fouten.AddRange(result.Errors);
        if (Fouten.Count > 0) return Page();
        TempData["melding"] = $"Bevinding opgelost: {finding.Check.Figure} ({ReportRefusedException.SectorName(finding.Check.Sector)}) — geldt {choice.Value.Phrase()}.";
        return Redirect($"/rapporten/opstellen?jaar={Gekozen}#bevindingen");
    }

    /// <summary>The report as HTML in the browser: final when nothing blocks it, otherwise the marked concept.</summary>
    public async Task<IActionResult> OnGetVoorbeeldAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (report, _, _) = await workshop.BuildAsync(Gekozen, concept: !Definitief, ct);
        // The report is a self-contained document with its own stylesheet and inline SVG: allow exactly that, no scripts.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        return Content(HtmlReportRenderer.Render(report), HtmlReportRenderer.ContentType);
    }

    /// <summary>Starts building the concept or the final report (PDF, HTML, XLSX) in the background.</summary>
    public async Task<IActionResult> OnPostMakenAsync(bool concept, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!concept && !Definitief)
        {
            Fouten.Add($"Het definitieve rapport over {Gekozen} kan nog niet worden gemaakt: {Open} inhoudelijke {(Open == 1 ? "bevinding is" : "bevindingen zijn")} niet opgelost. Los ze hieronder op, of maak een concept.");
            return Page();
        }
        var job = jobs.Start(Gekozen, concept, publish: false, UserName);
        return Redirect($"/rapporten/opstellen?jaar={Gekozen}&taak={job.Id}#voortgang");
    }

    /// <summary>Builds the final report and publishes it as a new, immutable version.</summary>
    public async Task<IActionResult> OnPostPublicerenAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Definitief)
        {
            Fouten.Add($"Publiceren kan pas als elke inhoudelijke bevinding over {Gekozen} is opgelost; nog open: {Open}.");
            return Page();
        }
        var job = jobs.Start(Gekozen, concept: false, publish: true, UserName);
        return Redirect($"/rapporten/opstellen?jaar={Gekozen}&taak={job.Id}#voortgang");
    }

    /// <summary>A file of a finished build of this user.</summary>
    public IActionResult OnGetBestand(Guid taak, string formaat)
    {
        if (jobs.Find(taak, UserName) is not { Finished: true, Error: null } job) return NotFound();
        var name = $"voortgangsrapportage-{job.Year}{(job.Concept ? "-concept" : "")}";
        return formaat switch
        {
            "pdf" when job.Pdf is { } b => File(b, PdfReportRenderer.ContentType, name + ".pdf"),
            "xlsx" when job.Xlsx is { } b => File(b, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            "html" when job.Html is { } b => File(b, "text/html; charset=utf-8", name + ".html"),
            _ => NotFound(),
        };
    }
}
