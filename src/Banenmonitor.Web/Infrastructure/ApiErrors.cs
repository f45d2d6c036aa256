using System.Text.Json;
using Banenmonitor.Web.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>
/// Every error under <c>/api</c> is JSON in the API's own shape (<see cref="FoutJson"/>, <c>application/json</c>, as
/// documented in the OpenAPI description): a body that is not valid JSON or a parameter that cannot be read (minimal
/// APIs throw <see cref="BadHttpRequestException"/> for these, see <c>RouteHandlerOptions.ThrowOnBadRequest</c>), an
/// unexpected exception (logged by the exception handler), and a bare status code (401, 403, 404, 405, 415) that the pages would show as HTML.
/// </summary>
public static class ApiErrors
{
    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    /// <summary>The message for a bare status code.</summary>
    public static string Message(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Het verzoek is ongeldig.",
        StatusCodes.Status401Unauthorized => "Niet ingelogd: stuur de inlogcookie of een API-token (Authorization: Bearer <token>).",
        StatusCodes.Status403Forbidden => "Geen toegang tot deze gegevens met uw rol.",
        StatusCodes.Status404NotFound => "Dit eindpunt of deze gegevens bestaan niet.",
        StatusCodes.Status405MethodNotAllowed => "Deze HTTP-methode is hier niet toegestaan.",
        StatusCodes.Status413PayloadTooLarge => "De inhoud van het verzoek is te groot.",
        StatusCodes.Status415UnsupportedMediaType => "Stuur de inhoud als JSON (Content-Type: application/json).",
        _ => "Er ging iets mis bij het verwerken van het verzoek.",
    };

    public static Task WriteAsync(HttpContext ctx, int status, FoutJson fout)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(fout, ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
    }

    /// <summary>The /api branch of the pipeline: its own exception handler and status code pages, both JSON.</summary>
    public static void UseApiErrors(this IApplicationBuilder api)
    {
        api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleExceptionAsync,
            // A request that cannot be read is the caller's mistake, answered in JSON; not an error of the app to log.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        api.UseStatusCodePages(StatusCodeAsync);
    }

    private static Task HandleExceptionAsync(HttpContext ctx)
    {
        var exception = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        return exception is BadHttpRequestException bad
            ? WriteAsync(ctx, bad.StatusCode, ForBadRequest(bad))
            : WriteAsync(ctx, StatusCodes.Status500InternalServerError, new FoutJson(Message(500)));
    }

    /// <summary>For <c>UseStatusCodePages</c> on /api: a bare status code gets a JSON body.</summary>
    public static Task StatusCodeAsync(StatusCodeContext context) =>
        WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, new FoutJson(Message(context.HttpContext.Response.StatusCode)));

    /// <summary>What a request that could not be read gets: the JSON position of the problem when there is one.</summary>
    public static FoutJson ForBadRequest(BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status415UnsupportedMediaType) return new FoutJson(Message(ex.StatusCode));
        if (ex.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
            var where = json.LineNumber is { } line ? $" (regel {line + 1}, positie {(json.BytePositionInLine ?? 0) + 1})" : "";
            var melding = field is null
                ? $"De inhoud van het verzoek is geen geldige JSON{where}."
                : $"De inhoud van het verzoek is geen geldige JSON: het veld '{field}' heeft geen geldige waarde{where}.";
            return new FoutJson(melding, field is null ? null : new Dictionary<string, string> { [field] = "geen geldige waarde" });
        }
        if (ex.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return new FoutJson("De inhoud van het verzoek ontbreekt of is geen JSON. Stuur een JSON-object met Content-Type: application/json.");
        return new FoutJson("Het verzoek is ongeldig: een parameter in het adres heeft geen geldige waarde.");
    }
}

