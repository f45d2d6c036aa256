using Banenmonitor.Survey.SectorTotals;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Banenmonitor.Web.Features.Sectoren;

public sealed record SectorenJson(int Jaar, IReadOnlyList<int> Jaren, IReadOnlyList<SectorRegel> Sectoren);
public sealed record SectorJson(string Sector, string Naam, IReadOnlyList<SectorRegel> Jaren);

/// <summary>The government check in JSON (Dutch field names).</summary>
public sealed record LandelijkeControleJson(int Jaar, decimal LandelijkeMetingOverheid, string BronLandelijk, decimal SomSectoren, decimal SomMetSchattingen,
    decimal Verschil, IReadOnlyList<string> SectorenMeegeteld, IReadOnlyList<string> SectorenOntbrekend, IReadOnlyList<string> SectorenGeschat, IReadOnlyList<string> Toelichting)
{
    public static LandelijkeControleJson From(NationalComparison c) => new(c.Year, c.NationalGovernment, c.NationalSource, c.SectorSum, c.SectorSumWithEstimates,
        c.Difference, c.SectorsIncluded, c.SectorsMissing, c.SectorsEstimated, c.NotesDutch);
}

public sealed record SchattingJson(SectorTotalView Schatting, LandelijkeControleJson? Landelijk);

/// <summary>
/// <c>/api/sectoren</c>: the public sectors per year and over the years, and <c>/api/sectoren/{code}/schatting/{jaar}</c>
/// the same sector total as the page (open data, like the pages).
/// </summary>
public static class SectorenApi
{
    public static void MapSectorenApi(this ApiGroups api)
    {
        api.Open.MapGet("/sectoren", async (int? jaar, SectorFigures figures, SectorChecks checks, CancellationToken ct) =>
        {
            var all = await figures.AllAsync(ct);
            var years = all.Select(f => f.Year).Distinct().Order().ToList();
            var y = jaar is { } j && years.Contains(j) ? j : years.Last();
            return new SectorenJson(y, years, SectorQuery.ForYear(all, y, checks));
        }).WithName("sectoren").WithSummary("Alle publieke sectoren in één jaar (standaard het laatste)");
        api.Open.MapGet("/sectoren/{code}", async Task<Results<Ok<SectorJson>, NotFound<FoutJson>>> (string code, SectorFigures figures, SectorChecks checks, CancellationToken ct) =>
        {
            if (ReportingLines.Find(code) is not { } s) return TypedResults.NotFound(new FoutJson($"Onbekende sector '{code}'."));
            var all = await figures.AllAsync(ct);
            var years = all.Select(f => f.Year).Distinct().Order().ToList();
            return TypedResults.Ok(new SectorJson(s.Code, s.Name, SectorQuery.History(all, s, years, checks)));
        }).WithName("sector").WithSummary("Eén sector over de jaren");
        api.Open.MapGet("/sectoren/{code}/schatting/{jaar:int}", Results<Ok<SchattingJson>, NotFound<FoutJson>> (string code, int jaar, SectorEstimates estimates) =>
                estimates.For(code, jaar) is { } view
                    ? TypedResults.Ok(new SchattingJson(view, estimates.Government(jaar) is { } g ? LandelijkeControleJson.From(g) : null))
                    : TypedResults.NotFound(new FoutJson($"Geen gepubliceerde realisatie van '{code}' over {jaar}.")))
            .WithName("sectorSchatting").WithSummary("Sectortotaal van één jaar: gepubliceerde som, dekking, schatting met aanname, en de controle met de landelijke meting");
    }
}
