using Banenmonitor.Data.Export;
using Banenmonitor.Data.Import;
using Microsoft.AspNetCore.Mvc;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>The template of an import kind as a download (CSV or Excel), the same file as <c>banenmonitor sjabloon</c> writes.</summary>
public static class ImportTemplates
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel when <paramref name="formaat"/> is <c>xlsx</c> (any capitals), else CSV.</summary>
    public static async Task<FileContentResult> FileAsync(string kind, string? formaat, CancellationToken ct)
    {
        var xlsx = string.Equals(formaat, "xlsx", StringComparison.OrdinalIgnoreCase);
        var ms = new MemoryStream();
        await ExportService.WriteTemplateAsync(kind, ms, xlsx ? FileFormat.Xlsx : FileFormat.Csv, ct);
        return new FileContentResult(ms.ToArray(), xlsx ? XlsxContentType : "text/csv; charset=utf-8") { FileDownloadName = $"sjabloon-{kind}.{(xlsx ? "xlsx" : "csv")}" };
    }
}
