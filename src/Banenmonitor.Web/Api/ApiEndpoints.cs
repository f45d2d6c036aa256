using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Web.Features.Landelijk;
using Banenmonitor.Web.Features.Sectoren;
using Banenmonitor.Web.Features.Werkgevers;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Api;

public sealed record ParameterJson(string Naam, string GeldigVanaf, decimal? Waarde, string Eenheid, string Status, string Bron, bool Onbevestigd);
public sealed record SectorenJson(int Jaar, IReadOnlyList<int> Jaren, IReadOnlyList<SectorRegel> Sectoren);
public sealed record SectorJson(string Sector, string Naam, IReadOnlyList<SectorRegel> Jaren);
public sealed record LandelijkJson(NationalYear Jaar, IReadOnlyList<NationalCell>? Cellen, IReadOnlyList<StapView>? Stappen);
public sealed record AanleveringJson(int Id, string Soort, string Onderwerp, int Jaar, string Status, string? IngediendDoor);
public sealed record WerkgeverJson(int Id, string Naam, IReadOnlyList<DeclaredQuotaYear> Jaren);
public sealed record TokenJson(string Token, string Toelichting);
public sealed record FoutJson(string Melding, IReadOnlyDictionary<string, string>? Velden = null);

/// <summary>
/// The REST API under /api: the same data as the pages, as JSON with Dutch camelCase field names. Open data: what the
/// public pages show (national and sector figures, the parameters, the calculator) needs no login; employer data and
/// the review queue need a cookie or an API token. Errors are <see cref="FoutJson"/> (see <see cref="ApiErrors"/>).
/// A call with the login cookie that changes something needs the anti-forgery token (<see cref="CookieCallsNeedAntiforgery"/>).
/// </summary>
public static class ApiEndpoints
{
    public static void MapBanenmonitorApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/api").WithTags("Banenmonitor").AddEndpointFilter(CookieCallsNeedAntiforgery);
        // Public read endpoints: the same figures as the public pages (no login, like the pages).
        var open = root.MapGroup("").AllowAnonymous();
        var api = root.MapGroup("").RequireAuthorization(Policies.SignedIn);

        open.MapGet("/landelijk", (ParameterProvider p) => NationalQuery.Years(p.Current))
            .WithName("landelijk").WithSummary("Landelijke meting per jaar: extra banen en doelstelling per sector");
        open.MapGet("/landelijk/{jaar:int}", Results<Ok<LandelijkJson>, NotFound<FoutJson>> (int jaar, ParameterProvider p) =>
        {
            var years = NationalQuery.Years(p.Current);
            if (years.All(y => y.Jaar != jaar)) return TypedResults.NotFound(new FoutJson($"Geen landelijke cijfers over {jaar}."));
            var v = NationalQuery.View(p.Current, jaar);
            return TypedResults.Ok(new LandelijkJson(v.Gekozen, v.Cellen, v.Stappen));
        }).WithName("landelijkJaar").WithSummary("Landelijke meting van één jaar, met formeel/inleen en de berekening");

        open.MapGet("/sectoren", async (int? jaar, SectorFigures figures, SectorChecks checks, CancellationToken ct) =>
        {
            var all = await figures.AllAsync(ct);
            var years = all.Select(f => f.Year).Distinct().Order().ToList();
            var y = jaar is { } j && years.Contains(j) ? j : years.Last();
            return new SectorenJson(y, years, SectorQuery.ForYear(all, y, checks));
        }).WithName("sectoren").WithSummary("Alle publieke sectoren in één jaar (standaard het laatste)");
        open.MapGet("/sectoren/{code}", async Task<Results<Ok<SectorJson>, NotFound<FoutJson>>> (string code, SectorFigures figures, SectorChecks checks, CancellationToken ct) =>
        {
            if (ReportingLines.Find(code) is not { } s) return TypedResults.NotFound(new FoutJson($"Onbekende sector '{code}'."));
            var all = await figures.AllAsync(ct);
            var years = all.Select(f => f.Year).Distinct().Order().ToList();
            return TypedResults.Ok(new SectorJson(s.Code, s.Name, SectorQuery.History(all, s, years, checks)));
        }).WithName("sector").WithSummary("Eén sector over de jaren");

        open.MapGet("/parameters", (ParameterProvider p) => p.Current.AllValues.Select(v =>
                new ParameterJson(v.Name, v.ValidFrom.ToString("yyyy-MM-dd"), v.Value, v.Unit, v.Status.Dutch(), v.Source, v.Status == ParameterStatus.Unconfirmed)))
            .WithName("parameters").WithSummary("Alle parameterwaarden met geldigheid, status en bron");

        open.MapPost("/quotum", Results<Ok<QuotumView>, BadRequest<FoutJson>> (QuotumVraag vraag, ParameterProvider p) =>
        {
            var errors = QuotaService.Validate(vraag, p.Current);
            if (errors.Count > 0) return TypedResults.BadRequest(new FoutJson("De invoer is niet volledig of niet geldig.", errors));
            return QuotaService.TryCompute(vraag, p.Current, out var tooLarge) is { } view
                ? TypedResults.Ok(view) : TypedResults.BadRequest(new FoutJson(tooLarge!, new Dictionary<string, string> { ["omvang"] = tooLarge! }));
        }).AllowAnonymous().WithName("quotum").WithSummary("Quotumberekening met uitleg per stap (openbaar, bewaart niets)");

        api.MapGet("/werkgevers/{id:int}", async Task<Results<Ok<WerkgeverJson>, NotFound<FoutJson>, ForbidHttpResult>> (int id, HttpContext http, BanenmonitorDbContext db, ParameterProvider p, CancellationToken ct) =>
        {
            if (!http.User.MaySeeEmployer(id)) return TypedResults.Forbid();
            var e = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return TypedResults.NotFound(new FoutJson($"Onbekende werkgever {id}."));
            return TypedResults.Ok(new WerkgeverJson(e.Id, e.Name, await DeclaredQuotaYears.ForAsync(db, p.Current, id, ct)));
        }).WithName("werkgever").WithSummary("Quotum van één werkgever over de jaren (de werkgever zelf en het ministerie)");

        api.MapGet("/aanleveringen", async (BanenmonitorDbContext db, CancellationToken ct) =>
        {
            var s = await db.SectorReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Draft).ToListAsync(ct);
            var w = await db.EmployerReports.AsNoTracking().Include(r => r.Employer).Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Draft).ToListAsync(ct);
            return s.Select(r => new AanleveringJson(r.Id, "sector", ReportingLines.CodeOf(r.SectorId) ?? "", r.Year, r.Status.Dutch(), r.SubmittedBy))
                .Concat(w.Select(r => new AanleveringJson(r.Id, "werkgever", r.Employer!.PayrollTaxNumber, r.Year, r.Status.Dutch(), r.SubmittedBy))).ToList();
        }).RequireAuthorization(Policies.Ministry).WithName("aanleveringen").WithSummary("Concepten en ingediende aanleveringen (ministerie)");

        api.MapPost("/tokens", async (HttpContext http, BanenmonitorDbContext db, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) =>
        {
            // A token must not mint tokens: a leaked token would otherwise outlive its own revocation.
            if (http.User.HasClaim(ApiTokenHandler.ViaClaim, ApiTokenHandler.SchemeName))
                return Results.Json(new FoutJson("Met een API-token kunt u geen nieuw token aanmaken. Log in met uw wachtwoord en vraag het token daar aan."),
                    statusCode: StatusCodes.Status403Forbidden);
            var user = await users.GetUserAsync(http.User);
            if (user is null) return Results.Unauthorized();
            var token = ApiTokenHandler.NewToken();
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Hash = ApiTokenHandler.Hash(token), Label = "API-token", CreatedAt = clock.GetUtcNow().UtcDateTime });
            db.Record(http.User, nameof(ApiToken), user.UserName!, "API-token aangemaakt", new { label = "API-token" });
            await db.SaveChangesAsync();
            return Results.Ok(new TokenJson(token, "Bewaar dit token: het wordt maar één keer getoond. Gebruik: Authorization: Bearer <token>."));
        }).WithName("token").WithSummary("Maak een persoonlijk API-token aan (eenmalig getoond; met de inlogcookie en het anti-forgery-token, niet met een token)");
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
