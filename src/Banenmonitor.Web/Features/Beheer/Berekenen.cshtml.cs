using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Rules.Units;
using Banenmonitor.Web.Features.Landelijk;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Beheer;

/// <summary>
/// "Landelijke berekening" (<c>/beheer/berekenen</c>, analysts and administrators): the national engine on the stored
/// payroll of a year, as <c>banenmonitor landelijk --database</c> (<see cref="NationalRunJobs"/>), with its steps as
/// progress; when done the page links to the stored run on <c>/landelijk</c>. The national page and the import page link here.
/// </summary>
public sealed class BerekenenModel(NationalRunJobs jobs, ParameterProvider parameters, BanenmonitorDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public string? JaarTekst { get; set; }
    [BindProperty(SupportsGet = true, Name = "taak")] public Guid? TaakId { get; set; }

    public IReadOnlyList<int> Jaren { get; private set; } = [];
    public int Gekozen { get; private set; }
    public NationalRunJob? Taak { get; private set; }
    public string? Verloren { get; private set; }
    public List<string> Fouten { get; } = [];
    /// <summary>The latest stored run of the chosen year (any parameters), or null.</summary>
    public Banenmonitor.Data.Model.NationalRun? Laatste { get; private set; }
    /// <summary>The run of the chosen year that is going now (maybe started by someone else), or null.</summary>
    public NationalRunJob? Lopend { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Melding = TempData["melding"] as string;
        await LoadAsync(ct);
        if (TaakId is { } id)
        {
            Taak = jobs.Find(id);
            if (Taak is null)
                Verloren = $"Deze berekening is niet meer te volgen: de server is sinds {jobs.Since.ToLocalTime().ToString("d MMMM yyyy HH:mm", DutchFormat.Culture)} " +
                           $"opnieuw gestart, of de berekening is langer dan {NationalRunJobs.Kept.TotalHours:0} uur geleden klaar. Wat klaar was, staat opgeslagen; start zo nodig een nieuwe berekening.";
            else Gekozen = Taak.Year;
        }
        else if (Request.Query.ContainsKey("taak"))
            Verloren = "Deze berekening bestaat niet (meer). Start zo nodig een nieuwe berekening.";
    }

    /// <summary>Starts the run of the chosen year, or follows the one already going for it.</summary>
    public async Task<IActionResult> OnPostStartenAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Fouten.Count > 0) return Page();
        var from = new DateOnly(Gekozen, 1, 1);
        var to = new DateOnly(Gekozen, 12, 31);
        if (!await db.PaidHours.AnyAsync(p => p.PeriodStart <= to && p.PeriodEnd >= from, ct))
        {
            Fouten.Add($"Er zijn geen verloonde uren over {Gekozen} opgeslagen, dus er valt niets te berekenen. Lees ze eerst in op Gegevens inlezen.");
            return Page();
        }
        var (job, started) = jobs.Start(Gekozen, User.Identity!.Name!);
        if (!started) TempData["melding"] = $"Er loopt al een landelijke berekening over {job.Year} (gestart door {job.UserName}); hieronder ziet u die.";
        return Redirect($"/beheer/berekenen?taak={job.Id}#voortgang");
    }

    public string? Melding { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var view = NationalQuery.View(parameters.Current, null);
        Jaren = view.Jaren.Select(j => j.Jaar).ToList();
        Gekozen = view.Gekozen.Jaar;
        if (!string.IsNullOrWhiteSpace(JaarTekst))
        {
            if (int.TryParse(JaarTekst.Trim(), out var y) && Jaren.Contains(y)) Gekozen = y;
            else Fouten.Add($"'{JaarTekst}' is geen jaar dat hier kan worden berekend: kies een van {Jaren.Min()} tot en met {Jaren.Max()}.");
        }
        Laatste = await NationalRuns.LatestAsync(db, Gekozen, ct);
        Lopend = jobs.Running(Gekozen);
    }
}
