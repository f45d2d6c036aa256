using Banenmonitor.Reports.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>The agenda as a document to sign: HTML (default), PDF (<c>?handler=pdf</c>) or XLSX (<c>?handler=xlsx</c>).</summary>
public sealed class DocumentModel(WerkagendaQuery query, PdfReportRenderer pdf) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await WithAgenda(id, ct, v => Content(WerkagendaQuery.Document(v, inlineStyle: false), "text/html; charset=utf-8"));

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct) =>
        await WithAgenda(id, ct, v => File(WerkagendaQuery.Workbook(v), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", WerkagendaQuery.FileName(v.Agenda, "xlsx")));

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (await query.ViewAsync(id, ct) is not { } v) return NotFound();
        if (!User.MayRead(v.Agenda)) return Forbid();
        try
        {
            var bytes = await pdf.RenderHtmlAsync(WerkagendaQuery.Document(v, inlineStyle: true), ct);
            return File(bytes, PdfReportRenderer.ContentType, WerkagendaQuery.FileName(v.Agenda, "pdf"));
        }
        catch (PdfRenderingException e)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    private async Task<IActionResult> WithAgenda(int id, CancellationToken ct, Func<AgendaView, IActionResult> result)
    {
        if (await query.ViewAsync(id, ct) is not { } v) return NotFound();
        return User.MayRead(v.Agenda) ? result(v) : Forbid();
    }
}
