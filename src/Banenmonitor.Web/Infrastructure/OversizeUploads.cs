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
/// refused with 413 (the app's error page says the file is too large).
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
        if (!HttpMethods.IsPost(ctx.Request.Method) || length is null || length <= Features.Aanleveren.IndexModel.MaxUploadBytes + FieldRoomBytes
            || !MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary || ApiErrors.IsApi(ctx))
        {
            await next();
            return;
        }
        if (length > DrainLimitBytes)
        {
            ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = DrainLimitBytes;

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
