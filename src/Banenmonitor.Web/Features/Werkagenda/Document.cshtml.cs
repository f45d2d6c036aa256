using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>The agenda as a document to sign: HTML (default), PDF (<c>?handler=pdf</c>) or XLSX (<c>?handler=xlsx</c>).</summary>
public sealed class DocumentModel(WerkagendaQuery query, WerkagendaPdf pdf) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await WithAgenda(id, ct, v => Content(WerkagendaQuery.Document(v, inlineStyle: false), "text/html; charset=utf-8"));

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct) =>
        await WithAgenda(id, ct, v => File(WerkagendaQuery.Workbook(v), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", WerkagendaQuery.FileName(v.Agenda, "xlsx")));

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (await query.ViewAsync(id, ct) is not { } v) return NotFound();
        if (!User.MayRead(v.Agenda)) return Forbid();
        var bytes = await pdf.RenderAsync(WerkagendaQuery.Document(v, inlineStyle: true), ct);
        return File(bytes, "application/pdf", WerkagendaQuery.FileName(v.Agenda, "pdf"));
    }

    private async Task<IActionResult> WithAgenda(int id, CancellationToken ct, Func<AgendaView, IActionResult> result)
    {
        if (await query.ViewAsync(id, ct) is not { } v) return NotFound();
        return User.MayRead(v.Agenda) ? result(v) : Forbid();
    }
}
