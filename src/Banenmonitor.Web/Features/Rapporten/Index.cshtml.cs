using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Resolutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Banenmonitor.Web.Features.Rapporten;

/// <summary>
/// The published progress reports (<c>/rapporten</c>, public): every version, newest first, with PDF and XLSX downloads,
/// their SHA-256, the data and parameter versions, who published it and when, and which version superseded it.
/// </summary>
public sealed class IndexModel(BanenmonitorDbContext db) : PageModel
{
    public IReadOnlyList<PublishedReport> Versies { get; private set; } = [];
    public IReadOnlyDictionary<int, PublishedReport> VervangenDoor { get; private set; } = new Dictionary<int, PublishedReport>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versies = await new PublishedReportStore(db).ListAsync(ct);
        VervangenDoor = PublishedReportStore.SupersededBy(Versies);
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, string formaat, CancellationToken ct)
    {
        if (formaat is not ("pdf" or "xlsx" or "html")) return NotFound();
        if (await new PublishedReportStore(db).FileAsync(id, formaat, ct) is not { } file) return NotFound();
        var type = formaat switch
        {
            "pdf" => "application/pdf",
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "text/html; charset=utf-8",
        };
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        if (formaat == "html") Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
        return File(file.Content, type, $"voortgangsrapportage-{file.Report!.Year}-versie-{file.Report.Version}.{formaat}");
    }
}
