using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>
/// A form with a file far larger than the app accepts (a 50 MB spreadsheet where 5 MB is the limit) must get the page's
/// own message ("groter dan 5 MB"), not the server's generic refusal: Kestrel's body limit (30 MB) or the form reader
/// would otherwise fail the request before the page runs. For a multipart post whose declared length exceeds
/// <see cref="Features.Aanleveren.IndexModel.MaxUploadBytes"/> plus room for the other fields, this reads the form
/// itself as a stream: the small fields (the anti-forgery token among them) are kept, a file is counted and discarded,
/// and the page receives the file as an empty placeholder with its real name and size — so its own size check answers.
/// A browser gets its answer only after its upload is read; above <see cref="DrainLimitBytes"/> the connection is
/// refused with 413 (the app's error page says the file is too large). The page "Gegevens inlezen" (<c>/beheer/inlezen</c>)
/// has its own limit (<see cref="Features.Beheer.DataImportSettings.MaxBytes"/>): within it, Kestrel's and the form
/// reader's limits are raised for that request; beyond it, the same placeholder; the drain bound is at least twice it.
/// </summary>
public static class OversizeUploads
{
    /// <summary>Room for the form's other fields (token, handler, text) beside the file.</summary>
    public const long FieldRoomBytes = 1_000_000;

    /// <summary>Beyond this the body is not read at all (a safety bound, not a business rule).</summary>
    public const long DrainLimitBytes = 500_000_000;

    private const int MaxFieldBytes = 64 * 1024;

    public static async Task Middleware(HttpContext ctx, Func<Task> next)
    {
        var length = ctx.Request.ContentLength;
        // The page "Gegevens inlezen" takes large files (its own, configurable limit); every other upload 5 MB.
        var dataImport = Features.Beheer.DataImportSettings.IsUpload(ctx) && HttpMethods.IsPost(ctx.Request.Method);
        var maxBytes = dataImport ? ctx.RequestServices.GetRequiredService<Features.Beheer.DataImportSettings>().MaxBytes : Features.Aanleveren.IndexModel.MaxUploadBytes;
        var drainLimit = Math.Max(DrainLimitBytes, 2 * maxBytes);
        if (dataImport && length is { } l && l <= maxBytes + FieldRoomBytes)
        {
            // Within the limit: let Kestrel and the form reader take the whole file (their defaults are 30 and 128 MB).
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } within) within.MaxRequestBodySize = maxBytes + FieldRoomBytes;
            ctx.Features.Set<IFormFeature>(new FormFeature(ctx.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes + FieldRoomBytes }));
        }
        if (!HttpMethods.IsPost(ctx.Request.Method) || length is null || length <= maxBytes + FieldRoomBytes
            || !MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary || ApiErrors.IsApi(ctx))
        {
            await next();
            return;
        }
        if (length > drainLimit)
        {
            ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = drainLimit;

        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase);
        var files = new FormFileCollection();
        var reader = new MultipartReader(boundary, ctx.Request.Body);
        while (await reader.ReadNextSectionAsync(ctx.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                long size = 0;
                var chunk = new byte[81920];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0) size += read;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                files.Add(new FormFile(Stream.Null, 0, size, name, fileName) { Headers = new HeaderDictionary(), ContentType = section.ContentType ?? "application/octet-stream" });
            }
            else
            {
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldBytes];
                var n = await text.ReadBlockAsync(buffer, ctx.RequestAborted);
                while (await text.ReadAsync(new char[4096], ctx.RequestAborted) > 0) { } // a field beyond 64 KB is cut, not kept
                fields[name] = Microsoft.Extensions.Primitives.StringValues.Concat(fields.GetValueOrDefault(name), new string(buffer, 0, n));
            }
        }
        ctx.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, files)));
        await next();
    }
}
