using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Banenmonitor.Web.Features.Landelijk;

public sealed record LandelijkJson(NationalYear Jaar, IReadOnlyList<NationalCell>? Cellen, IReadOnlyList<StapView>? Stappen, Banenmonitor.Rules.Contracts.KwartaalcijfersView Kwartaalcijfers);

/// <summary><c>/api/landelijk</c>: the national measurement per year, as on the page (open data).</summary>
public static class LandelijkApi
{
    public static void MapLandelijkApi(this ApiGroups api)
    {
        api.Open.MapGet("/landelijk", (ParameterProvider p) => NationalQuery.Years(p.Current))
            .WithName("landelijk").WithSummary("Landelijke meting per jaar: extra banen en doelstelling per sector");
        api.Open.MapGet("/landelijk/{jaar:int}", Results<Ok<LandelijkJson>, NotFound<FoutJson>> (int jaar, ParameterProvider p) =>
        {
            var years = NationalQuery.Years(p.Current);
            if (years.All(y => y.Jaar != jaar)) return TypedResults.NotFound(new FoutJson($"Geen landelijke cijfers over {jaar}."));
            var v = NationalQuery.View(p.Current, jaar);
            return TypedResults.Ok(new LandelijkJson(v.Gekozen, v.Cellen, v.Stappen, QuarterlyFiguresView.For(jaar)));
        }).WithName("landelijkJaar").WithSummary("Landelijke meting van één jaar, met formeel/inleen, de berekening en de kwartaalcijfers van UWV (indicatief)");
    }
}
