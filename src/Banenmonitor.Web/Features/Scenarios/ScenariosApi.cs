using Banenmonitor.Data;
using Banenmonitor.Data.Scenarios;
using Banenmonitor.Rules.Scenarios;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Banenmonitor.Web.Features.Scenarios;

/// <summary>
/// <c>/api/scenarios/{id}</c>: a saved scenario computed as its page shows it (<see cref="ScenarioView"/>, the same JSON as
/// <c>banenmonitor scenario bereken --id … --format json</c> on the same database), for analysts and the administrator;
/// a scenario that is not the user's and not shared is not found.
/// </summary>
public static class ScenariosApi
{
    public static void MapScenariosApi(this ApiGroups api) =>
        api.SignedIn.MapGet("/scenarios/{id}", async Task<Results<Ok<ScenarioView>, NotFound<FoutJson>>> (string id, HttpContext http, BanenmonitorDbContext db,
                ParameterProvider p, CancellationToken ct) =>
            {
                var stored = await ScenarioStore.FindAsync(db, (id ?? "").Trim(), http.User.Identity?.Name ?? "", ct);
                if (stored is null) return TypedResults.NotFound(new FoutJson("Dit scenario bestaat niet, of de maker heeft het niet gedeeld."));
                return TypedResults.Ok((await ScenarioPages.ComputeAsync(db, p.InForce, stored.ToScenario(), stored.Year, ct)).View);
            })
            .RequireAuthorization(Policies.Ministry)
            .WithName("scenario").WithSummary("Een bewaard scenario doorgerekend naast de cijfers van vandaag (analisten)");
}
