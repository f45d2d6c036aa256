using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Banenmonitor.Rules.Text;
using AngleSharp.Html.Parser;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>One table of a page as cells: the header row and the body rows, each cell as shown (units moved to the header).</summary>
public sealed record TableData(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<TableCell>> Rows);

/// <summary>A cell: its text as shown without its unit, and its number when the text is a Dutch number.</summary>
public sealed record TableCell(string Text, decimal? Number);

/// <summary>
/// The CSV and XLSX download of any table of any page (the links come from <see cref="TableTagHelper"/>):
/// <c>GET &lt;page&gt;?…&amp;export=csv|xlsx&amp;tabel=N</c> renders the page itself, for the same user, with the same
/// query, takes table N out of the HTML (AngleSharp) and writes its cells. So a download shows exactly what the page
/// shows, with the page's own authorisation, and no page needs code for it.
/// </summary>
public static partial class TableDownloads
{
    public const string NumberAttribute = "data-bm-tabel";
    public const string FormatKey = "export";
    public const string TableKey = "tabel";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Url(HttpRequest request, int table, string format)
    {
        var basis = QueryStrings.PathAndQueryWithout(request, FormatKey, TableKey);
        return basis + (basis.Contains('?') ? "&" : "?") + $"{FormatKey}={format}&{TableKey}={table.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The middleware: passes every other request through untouched.</summary>
    public static async Task Middleware(HttpContext ctx, Func<Task> next)
    {
        var format = ctx.Request.Query[FormatKey].ToString();
        if (!HttpMethods.IsGet(ctx.Request.Method) || format is not ("csv" or "xlsx") || ctx.Request.Path.StartsWithSegments("/api")
            || !int.TryParse(ctx.Request.Query[TableKey], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            await next();
            return;
        }

        // Render the page as it is without the two keys, into memory.
        var withoutKeys = QueryStrings.PathAndQueryWithout(ctx.Request, FormatKey, TableKey);
        var q = withoutKeys.IndexOf('?');
        ctx.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(withoutKeys[q..]);
        var original = ctx.Response.Body;
        using var buffer = new MemoryStream();
        ctx.Response.Body = buffer;
        try { await next(); }
        finally { ctx.Response.Body = original; }

        var isHtml = ctx.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (ctx.Response.StatusCode != StatusCodes.Status200OK || !isHtml)
        {
            // A redirect to the login page, a refusal, an error: answered as the page would be.
            buffer.Position = 0;
            await buffer.CopyToAsync(original, ctx.RequestAborted);
            return;
        }

        buffer.Position = 0;
        var document = await new HtmlParser().ParseDocumentAsync(buffer, ctx.RequestAborted);
        var table = document.QuerySelector($"table[{NumberAttribute}=\"{number}\"]");
        ctx.Response.Headers.ContentLength = null;
        if (table is null)
        {
            ctx.Response.ContentType = null;
            ctx.Response.StatusCode = StatusCodes.Status404NotFound; // the status code pages show the app's own page
            return;
        }
        var data = Extract(table, document.Title);
        var name = FileName(ctx.Request.Path, number, format);
        ctx.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name }.ToString();
        byte[] bytes;
        if (format == "csv")
        {
            ctx.Response.ContentType = "text/csv; charset=utf-8";
            bytes = Csv(data);
        }
        else
        {
            ctx.Response.ContentType = XlsxContentType;
            bytes = Xlsx(data);
        }
        ctx.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, ctx.RequestAborted);
    }

    /// <summary>
    /// The cells of a table as a reader sees them: header from the last header row, then every body row; buttons,
    /// form fields and charts in a cell are not part of its value; a cell spanning columns is followed by empty cells.
    /// A column whose numbers all carry the same unit (%, €) gets the unit in its header and bare numbers.
    /// </summary>
    public static TableData Extract(IElement table, string? pageTitle)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        var headerRow = rows.LastOrDefault(r => r.ParentElement?.LocalName == "thead")
                        ?? rows.FirstOrDefault(r => r.Children.All(c => c.LocalName == "th"));
        var header = headerRow is null ? [] : Cells(headerRow);
        var body = rows.Where(r => r.ParentElement?.LocalName != "thead" && r != headerRow).Select(Cells).ToList();
        var width = Math.Max(header.Count, body.Count == 0 ? 0 : body.Max(r => r.Count));
        var names = new List<string>();
        for (var i = 0; i < width; i++)
        {
            var h = i < header.Count && header[i].Length > 0 ? header[i] : $"kolom {i + 1}";
            var unique = h;
            for (var k = 2; names.Contains(unique); k++) unique = $"{h} ({k})";
            names.Add(unique);
        }

        var parsed = body.Select(r => Enumerable.Range(0, width).Select(i => DutchTableNumber.Read(i < r.Count ? r[i] : "")).ToList()).ToList();
        var cells = parsed.Select(r => (IReadOnlyList<TableCell>)r.Select(c => new TableCell(c.Text, null)).ToList()).ToList();
        for (var col = 0; col < width; col++)
        {
            var column = parsed.Select(r => r[col]).Where(c => c.Number is not null).ToList();
            var units = column.Select(c => c.Unit).Distinct().ToList();
            var unit = units.Count == 1 ? units[0] : null;
            for (var row = 0; row < parsed.Count; row++)
            {
                var c = parsed[row][col];
                if (c.Number is null) continue;
                if (c.Unit.Length == 0 || c.Unit == unit)
                    ((List<TableCell>)cells[row])[col] = new TableCell(unit is { Length: > 0 } ? c.Bare : c.Text, c.Number);
            }
            if (unit is { Length: > 0 }) names[col] = $"{names[col]} ({unit})";
        }
        var caption = table.QuerySelector("caption")?.TextContent;
        return new TableData(Normalise(caption ?? pageTitle ?? "tabel"), names, cells);
    }

    private static List<string> Cells(IElement row)
    {
        var result = new List<string>();
        foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
        {
            var copy = (IElement)cell.Clone(deep: true);
            foreach (var control in copy.QuerySelectorAll("button, input, select, textarea, svg, script, style, template").ToList()) control.Remove();
            result.Add(Normalise(copy.TextContent));
            var span = int.TryParse(cell.GetAttribute("colspan"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 100) : 1;
            for (var i = 1; i < span; i++) result.Add("");
        }
        return result;
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    public static byte[] Csv(TableData data)
    {
        using var ms = new MemoryStream();
        // Semicolons and a byte order mark: what Excel in Dutch opens without asking (decimal comma in the cells).
        using (var writer = new StreamWriter(ms, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("nl-NL")) { Delimiter = ";" }))
        {
            foreach (var h in data.Header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in data.Rows)
            {
                foreach (var c in row) csv.WriteField(c.Text);
                csv.NextRecord();
            }
        }
        return ms.ToArray();
    }

    /// <summary>One sheet, named after the table; numbers as number cells, everything else as text.</summary>
    public static byte[] Xlsx(TableData data)
    {
        var rows = data.Rows.Select(r =>
        {
            var d = new Dictionary<string, object?>();
            for (var i = 0; i < data.Header.Count; i++) d[data.Header[i]] = r[i].Number is { } n ? n : r[i].Text.Length == 0 ? null : r[i].Text;
            return d;
        }).ToList();
        if (rows.Count == 0) rows.Add(data.Header.ToDictionary(h => h, _ => (object?)null));
        using var ms = new MemoryStream();
        ms.SaveAs(new Dictionary<string, object> { [SheetName(data.Title)] = rows }, printHeader: true, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray()).Trim();
        return clean.Length == 0 ? "Tabel" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static string FileName(PathString path, int number, string format)
    {
        var slug = Slug().Replace((path.Value ?? "").Trim('/').ToLowerInvariant(), "-").Trim('-');
        return $"banenmonitor-{(slug.Length == 0 ? "landelijk" : slug)}-tabel-{number}.{format}";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex Slug();
}

/// <summary>
/// Reads a number as the pages print it (nl-NL: <c>1.234,5</c>, <c>110,4%</c>, <c>€ 4.000,00</c>, <c>−3</c>), strictly:
/// a dot is only a thousands separator in groups of three, a comma the only decimal sign; anything else is text. The
/// pattern only finds the unit and sign around the number; the number is read by <see cref="DutchNumber"/>.
/// </summary>
internal static partial class DutchTableNumber
{
    public sealed record Reading(string Text, string Bare, decimal? Number, string Unit);

    public static Reading Read(string text)
    {
        var m = Pattern().Match(text.Replace('\u00a0', ' ').Replace('\u202f', ' '));
        if (!m.Success) return new Reading(text, text, null, "");
        // The number itself through the one Dutch number reader (its comma reading: pages print decimal commas).
        if (DutchNumber.Readings(m.Groups["n"].Value) is not { Comma: { } value, TooLarge: false }) return new Reading(text, text, null, "");
        var negative = m.Groups["sign"].Success && m.Groups["sign"].Value.Length > 0;
        var bare = (negative ? "-" : "") + m.Groups["n"].Value;
        var unit = m.Groups["eur"].Success && m.Groups["eur"].Value.Length > 0 ? "€" : m.Groups["pct"].Success && m.Groups["pct"].Value.Length > 0 ? "%" : "";
        return new Reading(text, bare, negative ? -value : value, unit);
    }

    [GeneratedRegex(@"^(?<eur>€\s?)?(?<sign>[-−])?(?<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?<pct>\s?%)?$")]
    private static partial Regex Pattern();
}
