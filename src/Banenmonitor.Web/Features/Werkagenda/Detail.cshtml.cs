using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>One agenda: its plan and the check phase — forecast against realised jobs per action and for the sector.</summary>
public sealed class DetailModel(WerkagendaQuery query) : PageModel
{
    public AgendaView View { get; private set; } = null!;
    public bool MagBewerken { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await query.ViewAsync(id, ct) is not { } v) return NotFound();
        if (!User.MayRead(v.Agenda)) return Forbid();
        View = v;
        MagBewerken = User.MayEdit(v.Agenda);
        return Page();
    }
}
