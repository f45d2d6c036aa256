using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.Forecasts;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Reports.Forecasts;

/// <summary>One year of the work agendas' expectation beside the statistical forecast (Dutch field names for the CLI's JSON).</summary>
public sealed record WerkagendaJaarView(int Jaar, decimal ExtraVolgensWerkagendas, decimal VerwachtingWerkagendas, decimal? Prognose,
    decimal? Ondergrens, decimal? Bovengrens, string Vergelijking, bool Oneens);

/// <summary>One work-agenda action with its forecast jobs and period.</summary>
public sealed record WerkagendaActieView(string Werkagenda, string Actie, DateOnly Begin, DateOnly Einde, decimal Banen);

/// <summary>
/// The work agendas' forecast beside the statistical one: per year what they expect and where they disagree (outside the
/// prediction interval), the actions it rests on, or why there is no comparison (<see cref="Uitleg"/>).
/// </summary>
public sealed record WerkagendaVergelijkingView(string? Uitleg, int AantalOneens, IReadOnlyList<WerkagendaJaarView> Jaren, IReadOnlyList<WerkagendaActieView> Acties)
{
    public static WerkagendaVergelijkingView Of(IReadOnlyList<WorkAgendaYear> years, IReadOnlyList<AgendaActionForecast> actions, string? explanation) =>
        new(explanation, years.Count(y => y.Disagrees),
            years.Select(y => new WerkagendaJaarView(y.Year, y.AddedJobs, y.Expected, y.Forecast, y.Lower, y.Upper, y.Comparison, y.Disagrees)).ToList(),
            actions.Select(a => new WerkagendaActieView(a.Agenda, a.Action, a.Start, a.End, a.Jobs)).ToList());
}

/// <summary>
/// The work-agenda actions with forecast jobs for a forecast subject (a public sector, or <c>overheid</c>: every public
/// sector), read once for the web page <c>/prognose</c> and the CLI's <c>prognose</c>; concepts only when the reader may see them.
/// </summary>
public static class WorkAgendaForecasts
{
    public const string NoAgendasForMarket = "Werkagenda's zijn er alleen voor de overheidssectoren; voor de markt is er geen prognose uit werkagenda's.";
    public const string NoActions = "Er zijn geen werkagenda-acties met een prognose van banen";

    /// <summary>True when work agendas exist for the subject (a public sector or the government as a whole).</summary>
    public static bool HasAgendas(string subjectCode) => subjectCode == "overheid" || PublicSectors.All.Any(s => s.Code == subjectCode);

    /// <summary>The actions with forecast jobs of the subject's agendas (each over its own period, else its agenda's).</summary>
    public static async Task<IReadOnlyList<AgendaActionForecast>> ActionsAsync(BanenmonitorDbContext db, string subjectCode, bool includeConcepts, CancellationToken ct)
    {
        if (!HasAgendas(subjectCode)) return [];
        var sector = PublicSectors.All.FirstOrDefault(s => s.Code == subjectCode);
        var agendas = db.Set<WorkAgenda>().AsNoTracking().Where(a => a.Actions.Any(x => x.ForecastJobs != null));
        if (sector is not null) agendas = agendas.Where(a => a.SectorId == sector.Id);
        if (!includeConcepts) agendas = agendas.Where(a => a.Status != WorkAgendaStatus.Concept);
        var list = await agendas.Include(a => a.Actions).ToListAsync(ct);
        return list.SelectMany(a => a.Actions.Where(x => x.ForecastJobs is > 0).Select(x => new AgendaActionForecast(a.Title, x.Title,
            x.Start ?? a.PeriodStart, x.End ?? a.PeriodEnd, x.ForecastJobs!.Value))).ToList();
    }
}
