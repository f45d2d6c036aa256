using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>A sector representative starts a new agenda for its own sector, optionally from the previous one's evaluation.</summary>
public sealed class NieuwModel(WerkagendaQuery query, WorkAgendaService service) : PageModel
{
    [BindProperty] public string? Titel { get; set; }
    [BindProperty] public string? Begin { get; set; }
    [BindProperty] public string? Eind { get; set; }
    [BindProperty] public int? Vorige { get; set; }
    public IReadOnlyList<WorkAgenda> Kandidaten { get; private set; } = [];
    public string? Fout { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? vorige, CancellationToken ct)
    {
        if (User.SectorId() is null) return Forbid();
        await LoadAsync(ct);
        Vorige = vorige ?? Kandidaten.FirstOrDefault()?.Id;
        if (Kandidaten.FirstOrDefault(k => k.Id == Vorige) is { } prev)
        {
            Begin = prev.PeriodEnd.AddDays(1).ToString("yyyy-MM-dd");
            Eind = prev.PeriodEnd.AddYears(2).ToString("yyyy-MM-dd");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.SectorId() is not { } sectorId) return Forbid();
        await LoadAsync(ct);
        if (Vorige is { } v && Kandidaten.All(k => k.Id != v)) return Forbid();
        if (!Forms.TryDate(Begin, out var begin) || !Forms.TryDate(Eind, out var eind)) { Fout = "Vul begin en einde van de periode in als datum."; return Page(); }
        try
        {
            var agenda = await service.CreateAsync(sectorId, Titel ?? "", begin, eind, User.Identity!.Name!, Vorige, ct);
            return Redirect($"/werkagenda/{agenda.Id}/bewerken");
        }
        catch (WorkAgendaRuleException e) { Fout = e.Message; return Page(); }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sectorId = User.SectorId();
        // The sector's earlier agendas a new one may build on (the rule is the service's, so what is offered is what it accepts).
        Kandidaten = (await query.AllAsync(ct)).Where(a => a.SectorId == sectorId && WorkAgendaService.CanBuildOn(a)).ToList();
    }
}
