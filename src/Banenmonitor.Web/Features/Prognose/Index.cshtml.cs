using Banenmonitor.Reports.Forecasts;
using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Charts;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.Forecasts;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Prognose;

/// <summary>One row of the overview: a subject's verdict at the chosen year.</summary>
public sealed record PrognoseOverzicht(string Code, string Naam, PrognoseView View);

/// <summary>
/// Forecasts (issue 24): per sector and nationally, the forecast of the published series with its prediction interval
/// against the target path, the verdict (voor / op koers / achter) with the gap and the hires per year that close it, the
/// model's error on the history (rolling-origin backtest), and beside it what the work agendas expect. The same numbers
/// as <c>banenmonitor prognose</c> (both use <see cref="PrognoseView"/>). Open to everyone: the series are public; the
/// work agendas' forecasts follow the work agenda rules (concepts only for the own sector and the ministry).
/// </summary>
public sealed class IndexModel(ParameterProvider parameters, BanenmonitorDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "sector")] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? Tot { get; set; }

    public IReadOnlyList<string> Fouten { get; private set; } = [];
    public ForecastOutcome? Uitkomst { get; private set; }
    public PrognoseView? View { get; private set; }
    public IReadOnlyList<PrognoseOverzicht> Overzicht { get; private set; } = [];
    public IReadOnlyList<WorkAgendaYear> Werkagendas { get; private set; } = [];
    public IReadOnlyList<AgendaActionForecast> Acties { get; private set; } = [];
    public string? WerkagendaUitleg { get; private set; }
    public int Jaar { get; private set; }

    public static IReadOnlyList<(string Code, string Naam)> Keuzes { get; } =
    [
        .. ForecastSubjects.NationalCodes.Select(c => (c, ForecastSubjects.Resolve(c, PublishedData.Embedded, Rules.Parameters.ParameterSet.Embedded).Name)),
        .. PublicSectors.All.Select(s => (s.Code, s.Name)),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var set = parameters.Current;
        var errors = new List<string>();
        Sector = string.IsNullOrWhiteSpace(Sector) ? "totaal" : Sector.Trim().ToLowerInvariant();
        ForecastSubject? subject = null;
        try { subject = ForecastSubjects.Resolve(Sector, PublishedData.Embedded, set); }
        catch (FormatException e) { errors.Add(e.Message); }
        int? until = null;
        if (!string.IsNullOrWhiteSpace(Tot))
        {
            if (int.TryParse(Tot.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t)) until = t;
            else errors.Add($"'{Tot}' is geen jaartal: vul bij 'tot en met' een jaar in, bijvoorbeeld 2026.");
        }
        if (subject is not null && errors.Count == 0)
        {
            try
            {
                Uitkomst = ForecastOutcome.Make(subject, until ?? ForecastOutcome.DefaultUntil(subject));
                View = PrognoseView.From(Uitkomst);
                Jaar = Uitkomst.Until;
                Tot = Jaar.ToString(CultureInfo.InvariantCulture);
            }
            catch (ArgumentException e) { errors.Add(e.Message); }
        }
        Fouten = errors;
        var year = Uitkomst?.Until;
        Overzicht = Keuzes.Select(k =>
        {
            var s = ForecastSubjects.Resolve(k.Code, PublishedData.Embedded, set);
            var u = year is { } y && y > s.History.Max(h => h.Year) ? y : ForecastOutcome.DefaultUntil(s);
            return new PrognoseOverzicht(k.Code, k.Naam, PrognoseView.From(ForecastOutcome.Make(s, u)));
        }).ToList();
        if (Uitkomst is not null) await LoadWorkAgendasAsync(Uitkomst, ct);
        return Page();
    }

    /// <summary>The work agendas' job forecasts of the sector (for <c>overheid</c>: of every public sector) beside the statistical forecast.</summary>
    private async Task LoadWorkAgendasAsync(ForecastOutcome outcome, CancellationToken ct)
    {
        var code = outcome.Subject.Code;
        if (!WorkAgendaForecasts.HasAgendas(code))
        {
            WerkagendaUitleg = WorkAgendaForecasts.NoAgendasForMarket;
            return;
        }
        var sector = PublicSectors.All.FirstOrDefault(s => s.Code == code);
        // concepts only for the sector itself and the ministry, as on the work agenda pages
        var mayConcepts = User.IsMinistry() || (sector is not null && User.MaySubmitForSector(sector.Code));
        Acties = await WorkAgendaForecasts.ActionsAsync(db, code, mayConcepts, ct);
        Werkagendas = WorkAgendaExpectation.Compare(outcome, Acties);
        WerkagendaUitleg = Acties.Count > 0 ? null
            : WorkAgendaForecasts.NoActions + (mayConcepts ? "." : " die u kunt inzien (concepten ziet alleen de sector zelf en het ministerie).");
    }

    public string Chart()
    {
        var v = View!;
        var years = v.Jaren.Select(j => j.Jaar.ToString(CultureInfo.InvariantCulture)).ToList();
        ChartPoint P(PrognoseJaar j, decimal? value) => new(j.Jaar.ToString(CultureInfo.InvariantCulture), value);
        // the forecast line starts at the last realised year so the two join
        decimal? Joined(PrognoseJaar j, Func<PrognoseJaar, decimal?> f) => j.Jaar == v.LaatsteJaar ? j.Realisatie : f(j);
        var series = new List<ChartSeries>
        {
            new("Realisatie", v.Jaren.Select(j => P(j, j.Realisatie)).ToList()),
            new("Prognose", v.Jaren.Select(j => P(j, Joined(j, x => x.Prognose))).ToList(), SeriesStyle.Dashed),
            new($"Doel", v.Jaren.Select(j => P(j, j.Doel)).ToList()),
            new($"Ondergrens {v.IntervalProcent}%-interval", v.Jaren.Select(j => P(j, Joined(j, x => x.Ondergrens))).ToList(), SeriesStyle.Dashed),
            new($"Bovengrens {v.IntervalProcent}%-interval", v.Jaren.Select(j => P(j, Joined(j, x => x.Bovengrens))).ToList(), SeriesStyle.Dashed),
        };
        if (Werkagendas.Count > 0)
            series.Add(new("Verwachting werkagenda's", v.Jaren.Select(j => P(j, j.Jaar == v.LaatsteJaar ? j.Realisatie
                : Werkagendas.FirstOrDefault(w => w.Year == j.Jaar)?.Expected)).ToList(), SeriesStyle.Dashed));
        return SvgCharts.Line(new ChartText($"Prognose {v.Naam} tot {v.Tot}",
            $"Realisatie tot {v.LaatsteJaar}, prognose tot {v.Tot} met het {v.IntervalProcent}%-voorspellingsinterval, en het doel per jaar ({v.Reeks}). " +
            "De tabel eronder bevat dezelfde cijfers.", "banen"), series, width: 720, height: 420);
    }
}
