using Banenmonitor.Survey.SectorTotals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>The government check in JSON (Dutch field names).</summary>
public sealed record LandelijkeControleJson(int Jaar, decimal LandelijkeMetingOverheid, string BronLandelijk, decimal SomSectoren, decimal SomMetSchattingen,
    decimal Verschil, IReadOnlyList<string> SectorenMeegeteld, IReadOnlyList<string> SectorenOntbrekend, IReadOnlyList<string> SectorenGeschat, IReadOnlyList<string> Toelichting)
{
    public static LandelijkeControleJson From(NationalComparison c) => new(c.Year, c.NationalGovernment, c.NationalSource, c.SectorSum, c.SectorSumWithEstimates,
        c.Difference, c.SectorsIncluded, c.SectorsMissing, c.SectorsEstimated, c.NotesDutch);
}

public sealed record SchattingJson(SectorTotalView Schatting, LandelijkeControleJson? Landelijk);

/// <summary><c>GET /api/sectoren/{code}/schatting/{jaar}</c>: the same sector total as the page, as JSON (open data, like the page).</summary>
public static class SchattingApi
{
    public static void MapSchattingApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sectoren/{code}/schatting/{jaar:int}", Results<Ok<SchattingJson>, NotFound<Api.FoutJson>> (string code, int jaar, SectorEstimates estimates) =>
                estimates.For(code, jaar) is { } view
                    ? TypedResults.Ok(new SchattingJson(view, estimates.Government(jaar) is { } g ? LandelijkeControleJson.From(g) : null))
                    : TypedResults.NotFound(new Api.FoutJson($"Geen gepubliceerde realisatie van '{code}' over {jaar}.")))
            .AllowAnonymous().WithTags("Banenmonitor")
            .WithName("sectorSchatting").WithSummary("Sectortotaal van één jaar: gepubliceerde som, dekking, schatting met aanname, en de controle met de landelijke meting");
}
