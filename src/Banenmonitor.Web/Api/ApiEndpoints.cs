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
public sealed record WerkgeverJson(int Id, string Naam, IReadOnlyList<EmployerYear> Jaren);
public sealed record TokenJson(string Token, string Toelichting);
public sealed record FoutJson(string Melding, IReadOnlyDictionary<string, string>? Velden = null);

/// <summary>
/// The REST API under /api: the same data as the pages, as JSON with Dutch camelCase field names. Every endpoint needs a
/// cookie or an API token, except POST /api/quotum, which computes like the public calculator and stores nothing.
/// </summary>
public static class ApiEndpoints
{
    public static void MapBanenmonitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.SignedIn).WithTags("Banenmonitor");

        api.MapGet("/landelijk", (ParameterProvider p) => NationalQuery.Years(p.Current))
            .WithName("landelijk").WithSummary("Landelijke meting per jaar: extra banen en doelstelling per sector");
        api.MapGet("/landelijk/{jaar:int}", Results<Ok<LandelijkJson>, NotFound<FoutJson>> (int jaar, ParameterProvider p) =>
        {
            var years = NationalQuery.Years(p.Current);
            if (years.All(y => y.Jaar != jaar)) return TypedResults.NotFound(new FoutJson($"Geen landelijke cijfers over {jaar}."));
            var v = NationalQuery.View(p.Current, jaar);
            return TypedResults.Ok(new LandelijkJson(v.Gekozen, v.Cellen, v.Stappen));
        }).WithName("landelijkJaar").WithSummary("Landelijke meting van één jaar, met formeel/inleen en de berekening");

        api.MapGet("/sectoren", async (int? jaar, SectorFigures figures, SectorChecks checks, CancellationToken ct) =>
        {
            var all = await figures.AllAsync(ct);
            var years = all.Select(f => f.Year).Distinct().Order().ToList();
            var y = jaar is { } j && years.Contains(j) ? j : years.Last();
            return new SectorenJson(y, years, SectorQuery.ForYear(all, y, checks));
        }).WithName("sectoren").WithSummary("Alle publieke sectoren in één jaar (standaard het laatste)");
        api.MapGet("/sectoren/{code}", async Task<Results<Ok<SectorJson>, NotFound<FoutJson>>> (string code, SectorFigures figures, SectorChecks checks, CancellationToken ct) =>
        {
            if (ReportingLines.Find(code) is not { } s) return TypedResults.NotFound(new FoutJson($"Onbekende sector '{code}'."));
            var all = await figures.AllAsync(ct);
            var years = all.Select(f => f.Year).Distinct().Order().ToList();
            return TypedResults.Ok(new SectorJson(s.Code, s.Name, SectorQuery.History(all, s, years, checks)));
        }).WithName("sector").WithSummary("Eén sector over de jaren");

        api.MapGet("/parameters", (ParameterProvider p) => p.Current.AllValues.Select(v =>
                new ParameterJson(v.Name, v.ValidFrom.ToString("yyyy-MM-dd"), v.Value, v.Unit, v.Status.Dutch(), v.Source, v.Status == ParameterStatus.Unconfirmed)))
            .WithName("parameters").WithSummary("Alle parameterwaarden met geldigheid, status en bron");

        api.MapPost("/quotum", Results<Ok<QuotumView>, BadRequest<FoutJson>> (QuotumVraag vraag, ParameterProvider p) =>
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
            return TypedResults.Ok(new WerkgeverJson(e.Id, e.Name, await EmployerYears.ForAsync(db, p.Current, id, ct)));
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
            var user = await users.GetUserAsync(http.User);
            if (user is null) return Results.Unauthorized();
            var token = ApiTokenHandler.NewToken();
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Hash = ApiTokenHandler.Hash(token), Label = "API-token", CreatedAt = clock.GetUtcNow().UtcDateTime });
            db.Record(http.User, nameof(ApiToken), user.UserName!, "API-token aangemaakt", new { label = "API-token" });
            await db.SaveChangesAsync();
            return Results.Ok(new TokenJson(token, "Bewaar dit token: het wordt maar één keer getoond. Gebruik: Authorization: Bearer <token>."));
        }).WithName("token").WithSummary("Maak een persoonlijk API-token aan (eenmalig getoond)");
    }
}
