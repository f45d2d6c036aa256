using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkgevers;

/// <summary>
/// One employer over the years: the declared totals (<c>jaren</c>) and the quota computed from its stored payroll
/// (<c>berekend</c>, as "Mijn quotum" shows it: the outcome with its trace and <c>bronnen</c>, or why it could not be computed).
/// </summary>
public sealed record WerkgeverJson(int Id, string Naam, IReadOnlyList<DeclaredQuotaYear> Jaren, IReadOnlyList<BerekendJaarJson> Berekend);

/// <summary>
/// The quota of one year from stored payroll: the outcome (with <c>bronnen</c>: what was counted and left out), or the
/// Dutch reason it could not be computed; the computation record it is kept as (id, fingerprint of the inputs, time) and
/// whether an unchanged earlier record was reused. On a GET the record is only looked up (null when the computation with
/// these inputs and parameters was never recorded); <c>POST /api/werkgevers/{id}/berekeningen</c> records it.
/// </summary>
public sealed record BerekendJaarJson(int Jaar, WerkgeverQuotumView? Quotum, string? Probleem, long? Berekening, string? Invoervingerafdruk, DateTime? BerekendOp, bool Hergebruikt)
{
    public static BerekendJaarJson From(StoredQuotaYear y) =>
        new(y.Jaar, y.Quotum, y.Probleem, y.Berekening?.Id, y.Berekening?.InputsFingerprint, y.Berekening?.ComputedAt, y.Hergebruikt);
}

/// <summary>
/// <c>/api/quotum</c>: the quota calculator (open, stores nothing), and <c>/api/werkgevers/{id}</c>: one employer's quota
/// over the years (the employer itself and the ministry).
/// </summary>
public static class WerkgeversApi
{
    public static void MapWerkgeversApi(this ApiGroups api)
    {
        api.Open.MapPost("/quotum", Results<Ok<QuotumView>, BadRequest<FoutJson>> (QuotumVraag vraag, ParameterProvider p) =>
        {
            var errors = QuotaService.Validate(vraag, p.Current);
            if (errors.Count > 0) return TypedResults.BadRequest(new FoutJson("De invoer is niet volledig of niet geldig.", errors));
            return QuotaService.TryCompute(vraag, p.Current, out var tooLarge) is { } view
                ? TypedResults.Ok(view) : TypedResults.BadRequest(new FoutJson(tooLarge!, new Dictionary<string, string> { ["omvang"] = tooLarge! }));
        }).AllowAnonymous().WithName("quotum").WithSummary("Quotumberekening met uitleg per stap (openbaar, bewaart niets)");

        api.SignedIn.MapGet("/werkgevers/{id:int}", async Task<Results<Ok<WerkgeverJson>, NotFound<FoutJson>, ForbidHttpResult>> (int id, HttpContext http, BanenmonitorDbContext db, ParameterProvider p, CancellationToken ct) =>
        {
            if (!http.User.MaySeeEmployer(id)) return TypedResults.Forbid();
            var e = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return TypedResults.NotFound(new FoutJson($"Onbekende werkgever {id}."));
            return TypedResults.Ok(await EmployerJsonAsync(db, p, e, http, record: false, ct));
        }).WithName("werkgever").WithSummary("Quotum van één werkgever over de jaren: opgegeven totalen en berekend uit de opgeslagen verloning (de werkgever zelf en het ministerie); schrijft niets");

        // Recording is an explicit action: a GET never writes. An unchanged computation keeps its record (and id).
        api.SignedIn.MapPost("/werkgevers/{id:int}/berekeningen", async Task<Results<Ok<WerkgeverJson>, NotFound<FoutJson>, ForbidHttpResult>> (int id, HttpContext http, BanenmonitorDbContext db, ParameterProvider p, CancellationToken ct) =>
        {
            if (!http.User.MaySeeEmployer(id)) return TypedResults.Forbid();
            var e = await db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return TypedResults.NotFound(new FoutJson($"Onbekende werkgever {id}."));
            return TypedResults.Ok(await EmployerJsonAsync(db, p, e, http, record: true, ct));
        }).RequireAuthorization(x => x.RequireRole(Roles.Employer, Roles.Analyst, Roles.Administrator))
          .WithName("werkgeverBerekeningenVastleggen")
          .WithSummary("Legt het quotum uit de opgeslagen verloning per jaar vast als berekening (een ongewijzigde berekening houdt haar vastlegging en nummer)");
    }

    private static async Task<WerkgeverJson> EmployerJsonAsync(BanenmonitorDbContext db, ParameterProvider p, Employer e, HttpContext http, bool record, CancellationToken ct)
    {
        var computed = await StoredQuotaYears.ForAsync(db, p.Current, e.Id, http.User.Identity?.Name ?? "api", ct, record);
        return new WerkgeverJson(e.Id, e.Name, await DeclaredQuotaYears.ForAsync(db, p.Current, e.Id, ct), computed.Select(BerekendJaarJson.From).ToList());
    }
}
