using Banenmonitor.Web.Features.Aanleveren;
using Banenmonitor.Web.Features.Account;
using Banenmonitor.Web.Features.Beheer;
using Banenmonitor.Web.Features.Landelijk;
using Banenmonitor.Web.Features.Scenarios;
using Banenmonitor.Web.Features.Sectoren;
using Banenmonitor.Web.Features.Werkgevers;

namespace Banenmonitor.Web.Api;

public sealed record FoutJson(string Melding, IReadOnlyDictionary<string, string>? Velden = null);

/// <summary>The two groups under /api a feature maps its endpoints in: open data (no login) and signed in.</summary>
public sealed record ApiGroups(RouteGroupBuilder Open, RouteGroupBuilder SignedIn);

/// <summary>
/// The REST API under /api (each feature's endpoints in its folder, <c>MapXxxApi</c>): the same data as the pages, as JSON with Dutch camelCase field names. Open data: what the
/// public pages show (national and sector figures, the parameters, the calculator) needs no login; employer data and
/// the review queue need a cookie or an API token. Errors are <see cref="FoutJson"/> (see <see cref="ApiErrors"/>).
/// A call with the login cookie that changes something needs the anti-forgery token (<see cref="CookieCallsNeedAntiforgery"/>).
/// </summary>
public static class ApiEndpoints
{
    public static void MapBanenmonitorApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/api").WithTags("Banenmonitor").AddEndpointFilter(CookieCallsNeedAntiforgery);
        // Public read endpoints: the same figures as the public pages (no login, like the pages). Each feature maps its own.
        var api = new ApiGroups(root.MapGroup("").AllowAnonymous(), root.MapGroup("").RequireAuthorization(Policies.SignedIn));
        api.MapLandelijkApi();
        api.MapSectorenApi();
        api.MapBeheerApi();
        api.MapWerkgeversApi();
        api.MapAanleverenApi();
        api.MapAccountApi();
        api.MapScenariosApi();
    }

    /// <summary>The header that carries the anti-forgery token of a page form on a cookie call.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>
    /// A call with the login cookie that changes something (POST, PUT, PATCH, DELETE) must carry the anti-forgery token
    /// (header <see cref="AntiforgeryHeader"/>, the value of a page form's <c>__RequestVerificationToken</c>): otherwise
    /// a page of another site could make the browser call the API as the user. A call with an API token is not sent by a
    /// browser on its own and needs none; an anonymous call acts for nobody.
    /// </summary>
    private static async ValueTask<object?> CookieCallsNeedAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && http.User.Identity?.IsAuthenticated == true && !http.User.HasClaim(ApiTokenHandler.ViaClaim, ApiTokenHandler.SchemeName)
            && !await http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().IsRequestValidAsync(http))
            return Results.Json(new FoutJson($"Ontbrekend of ongeldig anti-forgery-token. Stuur bij een verzoek met de inlogcookie het token van een formulier " +
                                             $"van de site mee in de header {AntiforgeryHeader}, of gebruik een API-token."), statusCode: StatusCodes.Status400BadRequest);
        return await next(context);
    }
}
