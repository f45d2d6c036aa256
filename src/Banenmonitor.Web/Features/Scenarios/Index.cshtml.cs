using Banenmonitor.Data;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Scenarios;

/// <summary>
/// What-ifs (issue 24), for analysts: the saved scenarios the user may open (own and shared), and a new scenario — a
/// distribution key, a quota percentage, a target path, sector growth and targets, SROI counting — computed side by side
/// with today's figures (<see cref="ScenarioPages"/>), saved, or downloaded as XLSX. Nothing a scenario does changes the real
/// figures: only the scenario itself is stored.
/// </summary>
public sealed class IndexModel(ParameterProvider parameters, BanenmonitorDbContext db) : PageModel
{
    [BindProperty] public ScenarioForm Invoer { get; set; } = new();
    /// <summary>A saved scenario to start from (<c>?van=id</c>): its values fill the form, under a new name.</summary>
    [BindProperty(SupportsGet = true, Name = "van")] public string? Van { get; set; }
    public Dictionary<string, string> Fouten { get; } = [];
    public IReadOnlyList<StoredScenario> Bewaard { get; private set; } = [];
    public ScenarioComparison? Vergelijking { get; private set; }

    private string UserName => User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Van))
        {
            if (await ScenarioStore.FindAsync(db, Van.Trim(), UserName, ct) is { } from)
                Invoer = ScenarioForm.Of(from) with { Naam = $"{from.Name} (kopie)", Gedeeld = false };
            else Fouten["Naam"] = "Het scenario om van uit te gaan bestaat niet of is niet met u gedeeld; het formulier is leeg.";
        }
        Invoer.Jaar ??= ScenarioForm.DefaultYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadListAsync(ct);
    }

    /// <summary>Bereken: compute and show, nothing stored.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListAsync(ct);
        if (Invoer.Read(parameters.Current, Fouten) is { } s) Vergelijking = await ScenarioPages.ComputeAsync(db, parameters.InForce, s.Scenario, s.Year, ct);
        return Page();
    }

    /// <summary>Bewaar: save, then open the scenario's own page (its link).</summary>
    public async Task<IActionResult> OnPostBewaarAsync(CancellationToken ct)
    {
        if (Invoer.Read(parameters.Current, Fouten) is not { } s)
        {
            await LoadListAsync(ct);
            return Page();
        }
        var saved = await ScenarioStore.SaveAsync(db, s.Scenario, s.Year, UserName, Invoer.Gedeeld, parameters.Current, ct);
        return Redirect($"/scenarios/{saved.PublicId}");
    }

    public async Task<IActionResult> OnPostXlsxAsync(CancellationToken ct)
    {
        if (Invoer.Read(parameters.Current, Fouten) is not { } s)
        {
            await LoadListAsync(ct);
            return Page();
        }
        return ScenarioPages.Xlsx((await ScenarioPages.ComputeAsync(db, parameters.InForce, s.Scenario, s.Year, ct)).View);
    }

    private async Task LoadListAsync(CancellationToken ct) => Bewaard = await ScenarioStore.VisibleAsync(db, UserName, ct);
}
