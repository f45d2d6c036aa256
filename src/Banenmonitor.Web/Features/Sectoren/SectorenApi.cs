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

/// <summary>
/// The sector total of a year: the view from the published figures (null when nothing is published), the check against
/// the national measurement, and the total an analyst approved from the sector's register (null when none), as the page.
/// </summary>
public sealed record SchattingJson(SectorTotalView? Schatting, LandelijkeControleJson? Landelijk, GoedgekeurdJson? Goedgekeurd = null);

/// <summary>An approved sector total from the register: method, figure, interval, coverage, when (never who).</summary>
public sealed record GoedgekeurdJson(string Methode, string Omschrijving, decimal Schatting, decimal? Standaardfout, decimal? Ondergrens95, decimal? Bovengrens95,
    int WerkgeversGerapporteerd, int WerkgeversTotaal, decimal AandeelOmvangGerapporteerd, DateTime GoedgekeurdOp)
{
    public static GoedgekeurdJson From(Banenmonitor.Data.Model.SectorEstimateChoice c) => new(c.Method, SchattingModel.MethodName(c.Method), c.Estimate, c.StandardError,
        c.Lower, c.Upper, c.EmployersReported, c.EmployersTotal, c.SizeShareReported, c.ApprovedAt!.Value);
}

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
        api.Open.MapGet("/sectoren/{code}/schatting/{jaar:int}", async Task<Results<Ok<SchattingJson>, NotFound<FoutJson>>> (string code, int jaar, SectorEstimates estimates,
                Banenmonitor.Data.BanenmonitorDbContext db, CancellationToken ct) =>
            {
                var view = estimates.For(code, jaar);
                var approved = ReportingLines.Find(code) is { } s && await Banenmonitor.Data.SectorRegisterQuery.ChoiceAsync(db, s.Code, jaar, ct) is { ApprovedAt: not null } c
                    ? GoedgekeurdJson.From(c) : null;
                return view is null && approved is null
                    ? TypedResults.NotFound(new FoutJson($"Geen gepubliceerde realisatie en geen goedgekeurd sectortotaal van '{code}' over {jaar}."))
                    : TypedResults.Ok(new SchattingJson(view, estimates.Government(jaar) is { } g ? LandelijkeControleJson.From(g) : null, approved));
            })
            .WithName("sectorSchatting").WithSummary("Sectortotaal van één jaar: gepubliceerde som, dekking, schatting met aanname, en de controle met de landelijke meting");
    }
}
