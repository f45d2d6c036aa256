using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>
/// The sector representative's workbench for one agenda of its own sector: plan (actions with goals, forecasts and
/// milestones), sign, record progress, evaluate. Anyone else gets 403, whatever the role.
/// </summary>
public sealed class BewerkenModel(WerkagendaQuery query, WorkAgendaService service) : PageModel
{
    public AgendaView View { get; private set; } = null!;
    [TempData] public string? Melding { get; set; }
    public string? Fout { get; private set; }

    // Action form
    [BindProperty] public string? Titel { get; set; }
    [BindProperty] public int Type { get; set; }
    [BindProperty] public string? Eigenaar { get; set; }
    [BindProperty] public string? Begin { get; set; }
    [BindProperty] public string? Eind { get; set; }
    [BindProperty] public string? Knelpunt { get; set; }
    [BindProperty] public string? Prognose { get; set; }
    [BindProperty] public string? DoelBreed { get; set; }
    [BindProperty] public string? DoelMidden { get; set; }
    [BindProperty] public string? DoelMiddenAantal { get; set; }
    [BindProperty] public string? DoelMiddenEenheid { get; set; }
    [BindProperty] public string? DoelSmal { get; set; }
    [BindProperty] public string? DoelSmalBanen { get; set; }
    [BindProperty] public string? Mijlpaal { get; set; }
    [BindProperty] public string? MijlpaalDatum { get; set; }
    // Signature form
    [BindProperty] public string? Naam { get; set; }
    [BindProperty] public string? Functie { get; set; }
    [BindProperty] public string? Datum { get; set; }
    // Progress and evaluation forms (per action)
    [BindProperty] public string? Banen { get; set; }
    [BindProperty] public int? Doel { get; set; }
    [BindProperty] public string? Waarde { get; set; }
    [BindProperty] public string? Toelichting { get; set; }
    [BindProperty] public string? Uitkomst { get; set; }
    [BindProperty] public string? Waarom { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => Run(id, ct, null);

    /// <summary>The action form as posted, shown back (with the error) when the change was refused, so nothing typed is lost.</summary>
    public ActieFormulier? Ingevuld { get; private set; }

    public Task<IActionResult> OnPostActieAsync(int id, CancellationToken ct) => Run(id, ct, async () =>
    {
        Ingevuld = Posted(null);
        await service.AddActionAsync(id, Input(), User.Identity!.Name!, ct);
        return $"Actie ‘{Titel}’ toegevoegd.";
    });

    public Task<IActionResult> OnPostWijzigAsync(int id, int actie, CancellationToken ct) => Run(id, ct, async () =>
    {
        EnsureActionOf(actie);
        Ingevuld = Posted(actie);
        var (goals, milestones) = ActieFormulier.Extra(View.Agenda.Actions.Single(x => x.Id == actie));
        var input = Input();
        input = input with
        {
            Goals = [.. input.Goals!, .. goals.Select(g => new GoalInput(g.Level, g.Description, g.Target, g.Unit))],
            Milestones = [.. input.Milestones!, .. milestones.Select(m => new MilestoneInput(m.Description, m.Due))],
        };
        await service.UpdateActionAsync(actie, input, User.Identity!.Name!, ct);
        return $"Actie ‘{Titel}’ gewijzigd.";
    });

    private ActieFormulier Posted(int? actie) => new(actie, Titel, Type, Eigenaar, Begin, Eind, Knelpunt, Prognose,
        DoelBreed, DoelMidden, DoelMiddenAantal, DoelMiddenEenheid, DoelSmal, DoelSmalBanen, Mijlpaal, MijlpaalDatum);

    /// <summary>The action form's fields as the service's input; a value that is not a number or date is refused in Dutch.</summary>
    private ActionInput Input()
    {
        var prognose = Forms.Decimal(Prognose, "De prognose");
        var midden = Forms.Decimal(DoelMiddenAantal, "Het aantal bij de middendoelstelling");
        var smal = Forms.Decimal(DoelSmalBanen, "Het aantal banen bij de smalle doelstelling");
        DateOnly? Date(string? s, string veld) => string.IsNullOrWhiteSpace(s) ? null : Forms.TryDate(s, out var d) ? d : throw new WorkAgendaRuleException($"{veld} is geen datum.");
        var goals = new List<GoalInput>();
        if (!string.IsNullOrWhiteSpace(DoelBreed)) goals.Add(new(GoalLevel.Breed, DoelBreed));
        if (!string.IsNullOrWhiteSpace(DoelMidden) || midden is not null) goals.Add(new(GoalLevel.Midden, DoelMidden ?? "", midden, DoelMiddenEenheid));
        if (!string.IsNullOrWhiteSpace(DoelSmal) || smal is not null) goals.Add(new(GoalLevel.Smal, DoelSmal ?? "", smal, "banen"));
        var milestones = new List<MilestoneInput>();
        if (!string.IsNullOrWhiteSpace(Mijlpaal)) milestones.Add(new(Mijlpaal, Date(MijlpaalDatum, "De datum van de mijlpaal") ?? throw new WorkAgendaRuleException("Geef de mijlpaal een datum.")));
        return new ActionInput(Titel ?? "", (ActionType)Type, Eigenaar ?? "", Date(Begin, "Begin"), Date(Eind, "Einde"), Knelpunt, prognose, null, goals, milestones);
    }

    public Task<IActionResult> OnPostVerwijderAsync(int id, int actie, CancellationToken ct) => Run(id, ct, async () =>
    {
        EnsureActionOf(actie);
        await service.RemoveActionAsync(actie, User.Identity!.Name!, ct);
        return "Actie verwijderd.";
    });

    public Task<IActionResult> OnPostOndertekenAsync(int id, CancellationToken ct) => Run(id, ct, async () =>
    {
        if (!Forms.TryDate(Datum, out var datum)) throw new WorkAgendaRuleException("Vul de datum van ondertekening in.");
        await service.SignAsync(id, Naam ?? "", Functie ?? "", datum, User.Identity!.Name!, ct);
        return $"Ondertekend door {Naam}: de werkagenda is vastgesteld.";
    });

    public Task<IActionResult> OnPostVoortgangAsync(int id, int actie, CancellationToken ct) => Run(id, ct, async () =>
    {
        EnsureActionOf(actie);
        if (!Forms.TryDate(Datum, out var datum)) throw new WorkAgendaRuleException("Vul de datum van de voortgang in.");
        var banen = Forms.Decimal(Banen, "Het aantal banen");
        var waarde = Forms.Decimal(Waarde, "De waarde bij de doelstelling");
        await service.RecordProgressAsync(actie, datum, banen, waarde is null ? null : Doel, waarde, Toelichting, User.Identity!.Name!, ct);
        return "Voortgang vastgelegd.";
    });

    public Task<IActionResult> OnPostEvalueerAsync(int id, int actie, CancellationToken ct) => Run(id, ct, async () =>
    {
        EnsureActionOf(actie);
        var outcome = Uitkomst switch
        {
            "werkte" => EvaluationOutcome.Werkte, "deels" => EvaluationOutcome.Deels, "niet" => EvaluationOutcome.Niet,
            _ => throw new WorkAgendaRuleException("Kies of de actie werkte, deels werkte of niet werkte."),
        };
        await service.EvaluateAsync(actie, outcome, Waarom, User.Identity!.Name!, ct);
        return "Evaluatie vastgelegd.";
    });

    private void EnsureActionOf(int actionId)
    {
        if (View.Agenda.Actions.All(a => a.Id != actionId)) throw new WorkAgendaRuleException("Die actie hoort niet bij deze werkagenda.");
    }

    /// <summary>Loads the agenda, checks the sector scope, runs the change; a broken rule re-renders with a Dutch message.</summary>
    private async Task<IActionResult> Run(int id, CancellationToken ct, Func<Task<string>>? change)
    {
        if (await query.ViewAsync(id, ct) is not { } v) return NotFound();
        if (!User.MayEdit(v.Agenda)) return Forbid();
        View = v;
        if (change is null) return Page();
        try
        {
            Melding = await change();
            return Redirect($"/werkagenda/{id}/bewerken");
        }
        catch (WorkAgendaRuleException e)
        {
            Fout = e.Message;
            View = (await query.ViewAsync(id, ct))!;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }
}
