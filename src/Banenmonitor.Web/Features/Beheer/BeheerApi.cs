using Banenmonitor.Rules.Parameters;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Beheer;

public sealed record ParameterJson(string Naam, string GeldigVanaf, decimal? Waarde, string Eenheid, string Status, string Bron, bool Onbevestigd);

/// <summary><c>/api/parameters</c>: every parameter value in force with validity, status and source (open data, as on /beheer/parameters).</summary>
public static class BeheerApi
{
    public static void MapBeheerApi(this ApiGroups api) =>
        api.Open.MapGet("/parameters", (ParameterProvider p) => p.Current.AllValues.Select(v =>
                new ParameterJson(v.Name, v.ValidFrom.ToString("yyyy-MM-dd"), v.Value, v.Unit, v.Status.Dutch(), v.Source, v.Status == ParameterStatus.Unconfirmed)))
            .WithName("parameters").WithSummary("Alle parameterwaarden met geldigheid, status en bron");
}
