using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>All work agendas the user may read, the cross-sector comparison of scores and types, and overdue actions.</summary>
public sealed class IndexModel(WerkagendaQuery query) : PageModel
{
    public IReadOnlyList<WorkAgenda> Agendas { get; private set; } = [];
    public IReadOnlyList<SectorScore> Vergelijking { get; private set; } = [];
    public IReadOnlyList<(WorkAgenda Agenda, ActionMonitor Actie)> Achterstallig { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await query.AllAsync(ct);
        Agendas = WerkagendaQuery.Visible(all, User).ToList();
        Vergelijking = WerkagendaQuery.Comparison(all);
        Achterstallig = Agendas.Where(a => a.Status == WorkAgendaStatus.Vastgesteld)
            .SelectMany(a => WorkAgendaMonitor.Monitor(a, query.Today).Overdue.Select(m => (a, m))).ToList();
    }
}
