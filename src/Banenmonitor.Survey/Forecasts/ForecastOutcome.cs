namespace Banenmonitor.Survey.Forecasts;

/// <summary>Where a series stands against its target in a year: ahead, on course, behind, or no verdict possible.</summary>
public enum Verdict { Ahead, OnCourse, Behind, None }

public static class VerdictText
{
    public static string Dutch(this Verdict v) => v switch
    {
        Verdict.Ahead => "voor", Verdict.OnCourse => "op koers", Verdict.Behind => "achter", _ => "geen oordeel",
    };

    /// <summary>
    /// The rule: <i>voor</i> when even the lower bound of the interval reaches the target; <i>op koers</i> when the
    /// forecast reaches it; <i>achter</i> when the forecast stays below it.
    /// </summary>
    public const string RuleDutch = "voor: ook de ondergrens van het interval haalt het doel; op koers: de prognose haalt het doel; achter: de prognose blijft onder het doel";

    public static Verdict Of(decimal forecast, decimal lower, decimal target) =>
        lower >= target ? Verdict.Ahead : forecast >= target ? Verdict.OnCourse : Verdict.Behind;
}

/// <summary>One year of a forecast, rounded once to whole jobs: the realised figure (history) or the forecast with its interval, and the target.</summary>
public sealed record ForecastYear(int Year, decimal? Realised, decimal? Forecast, decimal? Lower, decimal? Upper, TargetPoint? Target, Verdict Verdict);

/// <summary>
/// A forecast up to a year with its verdict: the gap at <see cref="Until"/> (target − forecast; positive = short), the
/// growth per year the target asks from the last realised year, the growth the forecast expects, and the difference —
/// the extra jobs per year needed to close the gap.
/// </summary>
public sealed record ForecastOutcome(
    ForecastSubject Subject,
    SeriesForecastModel Model,
    int Until,
    double Level,
    IReadOnlyList<ForecastYear> Years,
    Verdict Verdict,
    decimal? Gap,
    decimal? NeededPerYear,
    decimal? TrendPerYear,
    decimal? ExtraPerYear,
    IReadOnlyList<string> Notes)
{
    public int? LastYear => Subject.History.Count == 0 ? null : Subject.History.Max(h => h.Year);

    /// <summary>How far a forecast runs when the user names no year: this many years after the last figure.</summary>
    public const int DefaultYearsAhead = 5;

    public static int DefaultUntil(ForecastSubject subject) => subject.History.Max(h => h.Year) + DefaultYearsAhead;

    /// <summary>Forecast from the series up to <paramref name="until"/> (a year after the last figure).</summary>
    public static ForecastOutcome Make(ForecastSubject subject, int until, double level = Forecaster.DefaultLevel)
    {
        var notes = new List<string>();
        if (subject.History.Count == 0)
            throw new ArgumentException($"Over {subject.Name} is geen reeks gepubliceerd.");
        var last = subject.History.MaxBy(h => h.Year)!;
        if (until <= last.Year)
            throw new ArgumentException($"Het jaar tot wanneer de prognose loopt ({until}) moet na het laatste jaar met cijfers ({last.Year}) liggen.");
        if (until > last.Year + 25)
            throw new ArgumentException($"Een prognose loopt hooguit 25 jaar na het laatste jaar met cijfers ({last.Year}); {until} is te ver.");
        var model = Forecaster.Choose(subject.Observations);
        var years = new List<ForecastYear>();
        foreach (var h in subject.History.OrderBy(h => h.Year))
            years.Add(new ForecastYear(h.Year, h.Jobs, null, null, null, subject.TargetFor(h.Year), Verdict.None));
        for (var y = last.Year + 1; y <= until; y++)
        {
            var target = subject.TargetFor(y);
            if (model.Chosen is not { } m) { years.Add(new ForecastYear(y, null, null, null, null, target, Verdict.None)); continue; }
            var f = m.Forecast(y, level);
            var (v, lo, hi) = (Round(f.Value), Round(f.Lower), Round(f.Upper));
            if (subject.NonNegative) (v, lo, hi) = (Math.Max(0, v), Math.Max(0, lo), Math.Max(0, hi));
            years.Add(new ForecastYear(y, null, v, lo, hi, target, target is null ? Verdict.None : VerdictText.Of(v, lo, target.Jobs)));
        }
        var end = years[^1];
        var span = until - last.Year;
        decimal? gap = null, needed = null, trend = null, extra = null;
        if (end.Target is { } t)
        {
            needed = Round((double)((t.Jobs - last.Jobs) / span));
            if (end.Forecast is { } fc)
            {
                gap = t.Jobs - fc;
                trend = Round((double)((fc - last.Jobs) / span));
                extra = Round((double)(gap.Value / span));
            }
        }
        else notes.Add($"Voor {until} is geen doel bekend: geen oordeel.");
        if (model.Chosen is null) notes.Add(model.ChoiceDutch + " Wel staat hieronder wat er per jaar nodig is om het doel te halen.");
        if (model.ChosenEvaluation is { Backtests.Count: 0 }) notes.Add("De reeks is te kort om de prognose op de eigen geschiedenis te toetsen: de fout is onbekend.");
        if (subject.History.Count < 6 && model.Chosen is not null) notes.Add($"Korte reeks ({subject.History.Count} jaren): het interval is breed en de modelkeuze onzeker.");
        var gaps = Enumerable.Range(subject.History.Min(h => h.Year), last.Year - subject.History.Min(h => h.Year) + 1)
            .Where(y => subject.History.All(h => h.Year != y)).ToList();
        if (gaps.Count > 0) notes.Add($"Geen cijfer gepubliceerd voor {string.Join(", ", gaps)}; de modellen slaan die jaren over.");
        if (years.Any(y => y.Year > last.Year && y.Target is { CarriedForward: true }))
            notes.Add("Waar geen doel is gepubliceerd, is het laatst bekende doel doorgetrokken (zie de bron per jaar).");
        return new ForecastOutcome(subject, model, until, level, years, end.Verdict, gap, needed, trend, extra, notes);
    }

    /// <summary>Rounded once, to whole jobs, half away from zero.</summary>
    public static decimal Round(double v) => Math.Round((decimal)v, 0, MidpointRounding.AwayFromZero);
}
