using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;table&gt;</c> of every page (registered in <c>_ViewImports</c>): wrapped in a box that scrolls
/// horizontally on its own (so a wide table never makes a 390 px phone page wider than the screen), numbered with
/// <c>data-bm-tabel</c>, and — on a page fetched with GET — followed by a CSV and an XLSX download of that table, which
/// <see cref="TableDownloads"/> produces from the same page. A page answered to a POST (for instance an upload's error
/// report) cannot be fetched again, so its tables get no download links.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableTagHelper(IHttpContextAccessor http) : TagHelper
{
    private const string CounterKey = "bm:tabellen";

    /// <summary>Runs before other table tag helpers; the box goes around whatever they render.</summary>
    public override int Order => -1000;

    /// <summary>Marks the tag helpers of child elements: a table inside a table is part of its parent (no box, no downloads).</summary>
    private const string NestedKey = "bm:in-tabel";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var ctx = http.HttpContext;
        if (ctx is null || context.Items.ContainsKey(NestedKey)) return;
        // Items are copy-on-write towards children: set before the child content is rendered, seen only by nested tables.
        context.Items[NestedKey] = true;
        await output.GetChildContentAsync();
        var number = ctx.Items[CounterKey] is int n ? n + 1 : 1;
        ctx.Items[CounterKey] = number;
        var id = number.ToString(CultureInfo.InvariantCulture);
        output.Attributes.SetAttribute(TableDownloads.NumberAttribute, id);

        // A scrollable region must be reachable by keyboard and have a name (WCAG 2.1.1, axe scrollable-region-focusable).
        output.PreElement.AppendHtml($"<div class=\"bm-tabel\"><div class=\"bm-tabel__scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel {id} (schuift horizontaal)\">");
        output.PostElement.AppendHtml("</div>");
        if (HttpMethods.IsGet(ctx.Request.Method))
        {
            var enc = HtmlEncoder.Default;
            output.PostElement.AppendHtml("<p class=\"bm-tabel__download\">Download deze tabel: ");
            output.PostElement.AppendHtml($"<a href=\"{enc.Encode(TableDownloads.Url(ctx.Request, number, "csv"))}\" download>CSV<span class=\"bm-visueel-verborgen\"> (tabel {id})</span></a> · ");
            output.PostElement.AppendHtml($"<a href=\"{enc.Encode(TableDownloads.Url(ctx.Request, number, "xlsx"))}\" download>XLSX<span class=\"bm-visueel-verborgen\"> (tabel {id})</span></a></p>");
        }
        output.PostElement.AppendHtml("</div>");
    }
}

/// <summary>
/// Every <c>&lt;figure&gt;</c> (the charts): on a narrow screen the chart keeps its drawn size, so its labels stay
/// readable, and its figure scrolls horizontally on its own; a scrolling box must be reachable by keyboard.
/// </summary>
[HtmlTargetElement("figure")]
public sealed class FigureTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes.TryGetAttribute("class", out var c) ? c.Value?.ToString() + " " : "";
        output.Attributes.SetAttribute("class", classes + "bm-figuur");
        if (!output.Attributes.ContainsName("tabindex")) output.Attributes.SetAttribute("tabindex", "0");
    }
}

internal static class QueryStrings
{
    /// <summary>The request's path and query without the given keys.</summary>
    public static string PathAndQueryWithout(HttpRequest request, params string[] keys)
    {
        var qb = new QueryBuilder();
        foreach (var (k, v) in request.Query)
        {
            if (keys.Contains(k, StringComparer.OrdinalIgnoreCase)) continue;
            foreach (var value in v) qb.Add(k, value ?? "");
        }
        return request.PathBase + request.Path + qb.ToQueryString();
    }
}
