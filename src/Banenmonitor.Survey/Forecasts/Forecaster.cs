namespace Banenmonitor.Survey.Forecasts;

/// <summary>
/// One backtest: the model fitted on the data up to <see cref="Origin"/> forecast the next year; <see cref="Error"/> is
/// realised minus forecast.
/// </summary>
public sealed record Backtest(int Origin, int Year, double Forecast, double Actual)
{
    public double Error => Actual - Forecast;
}

/// <summary>How one model did on the history (rolling origin, one year ahead).</summary>
public sealed record ModelEvaluation(TrendModelKind Kind, bool Possible, string? WhyNot, IReadOnlyList<Backtest> Backtests)
{
    /// <summary>Mean absolute error in jobs; null without backtests.</summary>
    public double? MeanAbsoluteError => Backtests.Count == 0 ? null : Backtests.Average(b => Math.Abs(b.Error));
    /// <summary>Root mean squared error in jobs; null without backtests.</summary>
    public double? RootMeanSquaredError => Backtests.Count == 0 ? null : Math.Sqrt(Backtests.Average(b => b.Error * b.Error));
    /// <summary>Mean error (realised − forecast): positive when the model forecast too low on average.</summary>
    public double? MeanError => Backtests.Count == 0 ? null : Backtests.Average(b => b.Error);
}

/// <summary>The forecast of a series: the models tried, the one chosen and why, and the fitted model.</summary>
public sealed record SeriesForecastModel(IReadOnlyList<ModelEvaluation> Evaluations, FittedTrend? Chosen, string ChoiceDutch)
{
    public ModelEvaluation? ChosenEvaluation => Chosen is null ? null : Evaluations.First(e => e.Kind == Chosen.Kind);
}

/// <summary>
/// Chooses between the linear and the damped trend per series by their out-of-sample error on the history (rolling
/// origin): for every year t from which a model can be fitted and whose next year t + 1 has a figure, the model is fitted
/// on the years up to t and forecasts t + 1. The model with the smaller mean absolute error over the origins both can use
/// is chosen; without a common origin the linear trend (the simpler one) when it can be fitted.
/// </summary>
public static class Forecaster
{
    /// <summary>The prediction interval shown everywhere: 80 % (the narrower of the two levels <i>FPP</i> shows; short series make 95 % intervals uninformative).</summary>
    public const double DefaultLevel = 0.80;

    public static FittedTrend Fit(TrendModelKind kind, IReadOnlyList<Observation> series) =>
        kind == TrendModelKind.Linear ? LinearTrend.Fit(series) : DampedTrend.Fit(series);

    public static int MinimumYears(TrendModelKind kind) => kind == TrendModelKind.Linear ? LinearTrend.MinimumYears : DampedTrend.MinimumYears;

    /// <summary>The rolling-origin backtests of one model on a series (ascending years).</summary>
    public static IReadOnlyList<Backtest> RollingOrigin(TrendModelKind kind, IReadOnlyList<Observation> series)
    {
        var ordered = series.OrderBy(o => o.Year).ToList();
        var list = new List<Backtest>();
        for (var k = MinimumYears(kind) - 1; k < ordered.Count - 1; k++)
        {
            var origin = ordered[k].Year;
            if (ordered[k + 1].Year != origin + 1) continue;
            var model = Fit(kind, ordered.Take(k + 1).ToList());
            list.Add(new Backtest(origin, origin + 1, model.Forecast(origin + 1, DefaultLevel).Value, ordered[k + 1].Value));
        }
        return list;
    }

    public static SeriesForecastModel Choose(IReadOnlyList<Observation> series)
    {
        var ordered = series.OrderBy(o => o.Year).ToList();
        var evaluations = Enum.GetValues<TrendModelKind>().Select(k => ordered.Count < MinimumYears(k)
            ? new ModelEvaluation(k, false, $"vraagt ten minste {MinimumYears(k)} jaren met cijfers (er zijn er {ordered.Count})", [])
            : new ModelEvaluation(k, true, null, RollingOrigin(k, ordered))).ToList();
        var linear = evaluations[0];
        var damped = evaluations[1];
        if (!linear.Possible)
            return new SeriesForecastModel(evaluations, null, $"Geen prognose: {linear.WhyNot}.");
        var common = linear.Backtests.Select(b => b.Origin).Intersect(damped.Backtests.Select(b => b.Origin)).ToHashSet();
        if (!damped.Possible || common.Count == 0)
            return new SeriesForecastModel(evaluations, Fit(TrendModelKind.Linear, ordered),
                damped.Possible ? "Lineaire trend: geen jaar waarop beide modellen te toetsen zijn; de eenvoudigste gekozen."
                                : $"Lineaire trend: de gedempte trend {damped.WhyNot}.");
        double Mae(ModelEvaluation e) => e.Backtests.Where(b => common.Contains(b.Origin)).Average(b => Math.Abs(b.Error));
        var (maeL, maeD) = (Mae(linear), Mae(damped));
        var kind = maeD < maeL ? TrendModelKind.Damped : TrendModelKind.Linear;
        var why = $"{(kind == TrendModelKind.Linear ? "Lineaire" : "Gedempte")} trend gekozen: gemiddelde absolute fout één jaar vooruit " +
                  $"{LinearTrend.Nl(Math.Min(maeL, maeD), 1)} tegen {LinearTrend.Nl(Math.Max(maeL, maeD), 1)} banen " +
                  $"(over {common.Count} {(common.Count == 1 ? "jaar" : "jaren")} waarop beide te toetsen zijn{(maeL == maeD ? "; gelijk, dus de eenvoudigste" : "")}).";
        return new SeriesForecastModel(evaluations, Fit(kind, ordered), why);
    }
}
