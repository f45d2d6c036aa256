using Banenmonitor.Rules.Units;

namespace Banenmonitor.Survey.Forecasts;

/// <summary>A backtest as users read it (Dutch field names; numbers in whole jobs).</summary>
public sealed record BacktestRegel(int Vanaf, int Jaar, decimal Prognose, decimal Realisatie, decimal Fout);

/// <summary>One model's error on the history.</summary>
public sealed record ModelRegel(string Model, string Omschrijving, bool Mogelijk, string? Reden, int AantalToetsen, decimal? GemiddeldeAbsoluteFout,
    decimal? WortelGemiddeldeKwadratischeFout, decimal? GemiddeldeFout, IReadOnlyList<BacktestRegel> Toetsen);

/// <summary>One year: realised (history) or forecast with interval, the target with its source, the verdict.</summary>
public sealed record PrognoseJaar(int Jaar, decimal? Realisatie, decimal? Prognose, decimal? Ondergrens, decimal? Bovengrens, decimal? Doel,
    string? DoelBron, bool DoelDoorgetrokken, string? Oordeel);

/// <summary>
/// A forecast as the CLI (JSON) and the web page show it: Dutch field names, numbers rounded once (whole jobs; errors to
/// one decimal), the verdict and what closes the gap.
/// </summary>
public sealed record PrognoseView(
    string Sector,
    string Naam,
    string Reeks,
    int LaatsteJaar,
    int Tot,
    int IntervalProcent,
    string? GekozenModel,
    string Modelkeuze,
    string? Modelparameters,
    IReadOnlyList<ModelRegel> Modellen,
    IReadOnlyList<PrognoseJaar> Jaren,
    string Oordeel,
    string OordeelRegel,
    decimal? TekortBanen,
    decimal? NodigPerJaar,
    decimal? TrendPerJaar,
    decimal? ExtraPerJaar,
    string Samenvatting,
    IReadOnlyList<string> Opmerkingen)
{
    public static PrognoseView From(ForecastOutcome o)
    {
        var models = o.Model.Evaluations.Select(e => new ModelRegel(e.Kind.Code(), e.Kind.Dutch(), e.Possible, e.WhyNot, e.Backtests.Count,
            R1(e.MeanAbsoluteError), R1(e.RootMeanSquaredError), R1(e.MeanError),
            e.Backtests.Select(b => new BacktestRegel(b.Origin, b.Year, ForecastOutcome.Round(b.Forecast), ForecastOutcome.Round(b.Actual),
                ForecastOutcome.Round(b.Actual) - ForecastOutcome.Round(b.Forecast))).ToList())).ToList();
        var years = o.Years.Select(y => new PrognoseJaar(y.Year, y.Realised, y.Forecast, y.Lower, y.Upper, y.Target?.Jobs, y.Target?.Source,
            y.Target?.CarriedForward ?? false, y.Forecast is null ? null : y.Verdict.Dutch())).ToList();
        return new PrognoseView(o.Subject.Code, o.Subject.Name, o.Subject.SeriesDutch, o.LastYear!.Value, o.Until, (int)Math.Round(o.Level * 100),
            o.Model.Chosen?.Kind.Code(), o.Model.ChoiceDutch, o.Model.Chosen?.ParametersDutch, models, years, o.Verdict.Dutch(), VerdictText.RuleDutch,
            o.Gap, o.NeededPerYear, o.TrendPerYear, o.ExtraPerYear, Summary(o), o.Notes);
    }

    private static decimal? R1(double? v) => v is { } x ? Math.Round((decimal)x, 1, MidpointRounding.AwayFromZero) : null;

    private static string N(decimal v) => DutchFormat.Number(v, 0);

    /// <summary>One Dutch sentence: the verdict, the gap and what closes it.</summary>
    private static string Summary(ForecastOutcome o)
    {
        var end = o.Years[^1];
        var last = o.Subject.History.MaxBy(h => h.Year)!;
        if (end.Target is null) return $"{o.Subject.Name}: voor {o.Until} is geen doel bekend.";
        var need = o.NeededPerYear <= 0
            ? $"Met {N(last.Jobs)} in {last.Year} is het doel van {N(end.Target.Jobs)} voor {o.Until} al gehaald"
            : $"Om het doel van {N(end.Target.Jobs)} in {o.Until} te halen zijn vanaf {N(last.Jobs)} in {last.Year} " +
              $"{N(o.NeededPerYear!.Value)} banen per jaar nodig";
        if (end.Forecast is not { } f) return $"{o.Subject.Name}: geen prognose mogelijk. {need}.";
        var verdict = $"{o.Subject.Name} ligt {o.Verdict.Dutch()}: de prognose voor {o.Until} is {N(f)} banen " +
                      $"({(int)Math.Round(o.Level * 100)}%-interval {N(end.Lower!.Value)} – {N(end.Upper!.Value)}) tegen een doel van {N(end.Target.Jobs)}";
        return o.Gap > 0
            ? $"{verdict}; tekort {N(o.Gap.Value)} banen. {need}; de trend geeft {N(o.TrendPerYear!.Value)}, dus {N(o.ExtraPerYear!.Value)} extra per jaar."
            : $"{verdict}; {N(-o.Gap!.Value)} banen boven het doel. {need}; de trend geeft {N(o.TrendPerYear!.Value)}.";
    }
}
