using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// Renders a Razor view (with its partials, such as the trace) to an HTML string, for printing to PDF: the document then
/// shows exactly what the page shows, from the same partials.
/// </summary>
public static class RazorDocument
{
    public static async Task<string> RenderAsync(PageModel page, string viewPath, object model)
    {
        var services = page.HttpContext.RequestServices;
        var engine = services.GetRequiredService<IRazorViewEngine>();
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success) throw new InvalidOperationException($"Razor-document '{viewPath}' niet gevonden.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(page.HttpContext, services.GetRequiredService<ITempDataProvider>());
        var context = new ViewContext(page.PageContext, found.View, viewData, tempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }

    /// <summary>The view rendered to HTML and printed to PDF by headless Chromium; 503 with the reason when printing fails.</summary>
    public static async Task<IActionResult> PdfAsync(PageModel page, Banenmonitor.Reports.Rendering.PdfReportRenderer pdf, string viewPath, object model,
        string fileName, CancellationToken ct)
    {
        var html = await RenderAsync(page, viewPath, model);
        try
        {
            return new FileContentResult(await pdf.RenderHtmlAsync(html, ct), Banenmonitor.Reports.Rendering.PdfReportRenderer.ContentType) { FileDownloadName = fileName };
        }
        catch (Banenmonitor.Reports.Rendering.PdfRenderingException e)
        {
            return new ObjectResult(e.Message) { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }
    }
}
