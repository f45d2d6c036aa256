using Banenmonitor.Data;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Scenarios;

/// <summary>
/// A saved scenario by its link (<c>/scenarios/{id}</c>): computed again with today's parameters beside its own values, for
/// its author and — when shared — for every analyst. The author shares or unshares it; everyone who may open it downloads it as XLSX.
/// </summary>
public sealed class OpenModel(ParameterProvider parameters, BanenmonitorDbContext db) : PageModel
{
    public StoredScenario? Scenario { get; private set; }
    public ScenarioComparison? Vergelijking { get; private set; }
    public string? Fout { get; private set; }
    public bool IsAuteur => Scenario is not null && Scenario.Author == User.Identity?.Name;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFoundPage();
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFoundPage();
        return ScenarioPages.Xlsx(Vergelijking!.View);
    }

    public async Task<IActionResult> OnPostDelenAsync(string id, bool gedeeld, CancellationToken ct)
    {
        if (!await ScenarioStore.SetSharedAsync(db, id, User.Identity?.Name ?? "", gedeeld, ct))
        {
            Fout = "Alleen wie het scenario maakte, kan het delen of het delen stoppen.";
            if (!await LoadAsync(id, ct)) return NotFoundPage();
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        return Redirect($"/scenarios/{id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Scenario = await ScenarioStore.FindAsync(db, (id ?? "").Trim(), User.Identity?.Name ?? "", ct);
        if (Scenario is null) return false;
        Vergelijking = await ScenarioPages.ComputeAsync(db, parameters.InForce, Scenario.ToScenario(), Scenario.Year, ct);
        return true;
    }

    /// <summary>An unknown id, or one that is not shared with the user: the page itself says so (status 404).</summary>
    private IActionResult NotFoundPage()
    {
        Fout = "Dit scenario bestaat niet, of de maker heeft het niet gedeeld. Vraag de maker om de link opnieuw te delen, of kies een scenario uit de lijst.";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
