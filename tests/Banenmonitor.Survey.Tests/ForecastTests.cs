using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.Forecasts;
using MathNet.Numerics.Distributions;

namespace Banenmonitor.Survey.Tests;

/// <summary>
/// The forecast models on synthetic series whose truth is known (a straight line with noise, a damped trend), the
/// rolling-origin backtest and the model choice, and the forecasts of the published series against their target path.
/// </summary>
public class ForecastTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static List<Observation> Line(double start, double slope, double noise, int seed, int first = 2013, int years = 11)
    {
        var rng = new Random(seed);
        return Enumerable.Range(first, years).Select(y => new Observation(y, start + slope * (y - first) + (noise == 0 ? 0 : Normal.Sample(rng, 0, noise)))).ToList();
    }

    /// <summary>A damped trend without noise: growth starts at <paramref name="growth"/> and shrinks by φ each year.</summary>
    private static List<Observation> Damped(double start, double growth, double phi, int first = 2013, int years = 11)
    {
        var list = new List<Observation>();
        var (level, trend) = (start, growth);
        for (var y = first; y < first + years; y++)
        {
            list.Add(new Observation(y, level));
            trend *= phi;
            level += trend;
        }
        return list;
    }

    [Fact]
    public void Linear_trend_recovers_slope_and_level_of_an_exact_line_and_its_interval_has_zero_width()
    {
        var m = LinearTrend.Fit(Line(5000, 750, 0, 1));
        Assert.Equal(750, m.Slope, 6);
        var f = m.Forecast(2026, 0.8);
        Assert.Equal(5000 + 750 * 13, f.Value, 4);
        Assert.Equal(f.Value, f.Lower, 4);
        Assert.Equal(f.Value, f.Upper, 4);
    }

    [Fact]
    public void Linear_trend_on_a_noisy_line_recovers_the_slope_and_its_intervals_cover_the_truth_at_about_their_level()
    {
        // 400 synthetic series, slope 300 and noise σ = 150: the estimated slope is unbiased, and the 80% interval two
        // years ahead contains the true (noisy) next value in about 80% of the series.
        var slopes = new List<double>();
        var covered = 0;
        const int runs = 400;
        for (var seed = 0; seed < runs; seed++)
        {
            var all = Line(2000, 300, 150, seed, years: 13);
            var m = LinearTrend.Fit(all.Take(11).ToList());
            slopes.Add(m.Slope);
            var f = m.Forecast(all[12].Year, 0.8);
            if (all[12].Value >= f.Lower && all[12].Value <= f.Upper) covered++;
        }
        var mean = slopes.Average();
        output.WriteLine($"gemiddelde helling {mean:F2}, dekking 80%-interval {covered / (double)runs:P1}");
        Assert.InRange(mean, 295, 305);
        Assert.InRange(covered / (double)runs, 0.74, 0.86);
    }

    [Fact]
    public void Damped_trend_recovers_the_damping_of_a_damped_series_and_levels_off_where_the_truth_does()
    {
        var series = Damped(10000, 4000, 0.85, years: 12);
        var m = DampedTrend.Fit(series);
        output.WriteLine(m.ParametersDutch);
        Assert.InRange(m.Phi, 0.83, 0.87);
        // the truth five years on: the remaining growth is 4000·Σφ^k
        var truth = Damped(10000, 4000, 0.85, years: 17)[^1].Value;
        var f = m.Forecast(series[^1].Year + 5, 0.8);
        Assert.InRange(f.Value, truth - 0.01 * truth, truth + 0.01 * truth);
        // a straight line through the same history overshoots it
        Assert.True(LinearTrend.Fit(series).Forecast(series[^1].Year + 5, 0.8).Value > truth * 1.05);
    }

    [Fact]
    public void The_choice_by_rolling_origin_picks_the_damped_trend_for_a_damped_series_and_the_line_for_a_line()
    {
        var damped = Forecaster.Choose(Damped(10000, 4000, 0.8, years: 12));
        Assert.Equal(TrendModelKind.Damped, damped.Chosen!.Kind);
        var line = Forecaster.Choose(Line(2000, 300, 20, 7, years: 12));
        Assert.Equal(TrendModelKind.Linear, line.Chosen!.Kind);
        Assert.Contains("gemiddelde absolute fout", line.ChoiceDutch);
    }

    [Fact]
    public void Rolling_origin_forecasts_every_next_year_the_series_allows_and_skips_a_missing_one()
    {
        // 2015–2023 (nine years): linear from 2017 on (3 years), damped from 2018 on (4 years); t+1 up to 2023
        var nine = Line(100, 10, 1, 3, first: 2015, years: 9);
        Assert.Equal([2017, 2018, 2019, 2020, 2021, 2022], Forecaster.RollingOrigin(TrendModelKind.Linear, nine).Select(b => b.Origin));
        Assert.Equal([2018, 2019, 2020, 2021, 2022], Forecaster.RollingOrigin(TrendModelKind.Damped, nine).Select(b => b.Origin));
        // without 2021, the origins 2020 (t+1 missing) and the fit on 2021 are gone; 2022 uses the years up to 2022
        var gap = nine.Where(o => o.Year != 2021).ToList();
        var b = Forecaster.RollingOrigin(TrendModelKind.Linear, gap);
        Assert.Equal([2017, 2018, 2019, 2022], b.Select(x => x.Origin));
        // each backtest is the model fitted on the years up to the origin
        var manual = LinearTrend.Fit(gap.Where(o => o.Year <= 2019).ToList()).Forecast(2020, 0.8).Value;
        Assert.Equal(manual, b.Single(x => x.Origin == 2019).Forecast, 9);
        Assert.Equal(gap.Single(o => o.Year == 2020).Value - manual, b.Single(x => x.Origin == 2019).Error, 9);
    }

    [Fact]
    public void Verdict_rule_voor_op_koers_achter()
    {
        Assert.Equal(Verdict.Ahead, VerdictText.Of(120, 101, 100));
        Assert.Equal(Verdict.OnCourse, VerdictText.Of(100, 90, 100));
        Assert.Equal(Verdict.Behind, VerdictText.Of(99, 80, 100));
    }

    [Fact]
    public void The_national_total_is_forecast_against_125000_in_2026_with_its_backtest()
    {
        var subject = ForecastSubjects.Resolve("totaal", PublishedData.Embedded, ParameterSet.Embedded);
        Assert.Equal(Enumerable.Range(2015, 9), subject.History.Select(h => h.Year));
        var o = ForecastOutcome.Make(subject, 2026);
        var y2026 = o.Years.Single(y => y.Year == 2026);
        Assert.Equal(125000m, y2026.Target!.Jobs);
        Assert.Contains("doelstelling_landelijk", y2026.Target.Source);
        // up to 2025 the sum of market and government: 2024 = 90.000 + 25.000
        Assert.Equal(115000m, o.Years.Single(y => y.Year == 2024).Target!.Jobs);
        Assert.Equal(6, o.Model.Evaluations.Single(e => e.Kind == TrendModelKind.Linear).Backtests.Count);
        Assert.Equal(5, o.Model.Evaluations.Single(e => e.Kind == TrendModelKind.Damped).Backtests.Count);
        Assert.NotNull(o.Model.Chosen);
        Assert.True(y2026.Lower < y2026.Forecast && y2026.Forecast < y2026.Upper);
        // the gap and what closes it, from the rounded figures
        Assert.Equal(125000m - y2026.Forecast, o.Gap);
        Assert.Equal(ForecastOutcome.Round((double)((125000m - 85665m) / 3)), o.NeededPerYear);
        var view = PrognoseView.From(o);
        output.WriteLine(view.Samenvatting);
        Assert.Equal(o.Verdict.Dutch(), view.Oordeel);
    }

    [Fact]
    public void Market_and_government_after_2025_carry_their_final_target_forward_and_say_so()
    {
        var o = ForecastOutcome.Make(ForecastSubjects.Resolve("overheid", PublishedData.Embedded, ParameterSet.Embedded), 2027);
        var t = o.Years.Single(y => y.Year == 2027).Target!;
        Assert.Equal(25000m, t.Jobs);
        Assert.True(t.CarriedForward);
        Assert.Contains("einddoelstelling_overheid", t.Source);
        Assert.Contains(o.Notes, n => n.Contains("doorgetrokken"));
    }

    [Fact]
    public void A_sector_with_one_year_gets_no_forecast_but_the_jobs_per_year_its_target_needs()
    {
        var o = ForecastOutcome.Make(ForecastSubjects.Resolve("mbo", PublishedData.Embedded, ParameterSet.Embedded), 2026);
        Assert.Null(o.Model.Chosen);
        Assert.Equal(Verdict.None, o.Verdict);
        var target = o.Years[^1].Target!;
        Assert.True(target.CarriedForward);
        var last = o.Subject.History.Single();
        Assert.Equal(ForecastOutcome.Round((double)((target.Jobs - last.Jobs) / (2026 - last.Year))), o.NeededPerYear);
        Assert.Contains(o.Notes, n => n.Contains("Geen prognose"));
    }

    [Fact]
    public void A_sector_interval_stops_at_zero_jobs_while_the_model_alone_goes_below()
    {
        // hbo: three years (2020, 2021, 2023) and a wide interval
        var subject = ForecastSubjects.Resolve("hbo", PublishedData.Embedded, ParameterSet.Embedded);
        var raw = LinearTrend.Fit(subject.Observations).Forecast(2026, Forecaster.DefaultLevel);
        Assert.True(raw.Lower < 0);
        var o = ForecastOutcome.Make(subject, 2026);
        Assert.Equal(0m, o.Years[^1].Lower);
        Assert.Equal(ForecastOutcome.Round(raw.Upper), o.Years[^1].Upper);
    }

    /// <summary>The backtest table of the user guide (section Prognose) is what the command computes today.</summary>
    [Fact]
    public void The_backtest_table_in_the_user_guide_matches_the_published_series()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "gebruikershandleiding.md"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var rows = File.ReadAllLines(Path.Combine(dir.FullName, "docs", "gebruikershandleiding.md"))
            .SkipWhile(l => !l.StartsWith("| reeks | laatste jaar", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        Assert.True(rows.Count >= 8, "tabel niet gevonden");
        foreach (var cells in rows)
        {
            var code = ForecastSubjects.Codes.Single(c =>
            {
                var sub = ForecastSubjects.Resolve(c, PublishedData.Embedded, ParameterSet.Embedded);
                return sub.Name.StartsWith(cells[0], StringComparison.Ordinal) || PublicSectors.All.Any(s => s.Code == c && s.ShortName == cells[0]);
            });
            var view = PrognoseView.From(ForecastOutcome.Make(ForecastSubjects.Resolve(code, PublishedData.Embedded, ParameterSet.Embedded), 2026));
            string F(decimal? v) => v is { } x ? Banenmonitor.Rules.Units.DutchFormat.Fixed(x, 1) : "—";
            string N(decimal? v) => Banenmonitor.Rules.Units.DutchFormat.Number(v!.Value, 0);
            var (lin, dam) = (view.Modellen[0], view.Modellen[1]);
            var end = view.Jaren[^1];
            var actual = new[]
            {
                cells[0], $"{view.LaatsteJaar} ({view.Jaren.Count(j => j.Realisatie is not null)})", lin.AantalToetsen.ToString(), F(lin.GemiddeldeAbsoluteFout),
                dam.AantalToetsen.ToString(), F(dam.GemiddeldeAbsoluteFout), view.GekozenModel ?? "—",
                $"{N(end.Prognose)} ({N(end.Ondergrens)} – {N(end.Bovengrens)})", N(end.Doel) + (end.DoelDoorgetrokken ? "*" : ""), view.Oordeel,
            };
            Assert.Equal(cells, actual);
        }
    }

    [Fact]
    public void Every_code_resolves_and_a_wrong_one_names_the_valid_codes()
    {
        foreach (var code in ForecastSubjects.Codes)
            Assert.NotEmpty(ForecastSubjects.Resolve(code, PublishedData.Embedded, ParameterSet.Embedded).History);
        var e = Assert.Throws<FormatException>(() => ForecastSubjects.Resolve("bakkers", PublishedData.Embedded, ParameterSet.Embedded));
        Assert.Contains("gemeenten", e.Message);
        Assert.Contains("totaal", e.Message);
        Assert.Throws<ArgumentException>(() => ForecastOutcome.Make(ForecastSubjects.Resolve("totaal", PublishedData.Embedded, ParameterSet.Embedded), 2023));
    }

    [Fact]
    public void Work_agenda_jobs_are_spread_over_their_years_and_compared_with_the_interval()
    {
        var o = ForecastOutcome.Make(ForecastSubjects.Resolve("rijk", PublishedData.Embedded, ParameterSet.Embedded), 2026);
        var last = o.Subject.History.MaxBy(h => h.Year)!; // 2023
        // 2023–2026: 400 jobs → 100 a year; only 2024–2026 count (2023 is in the realisation). 2025: 2000 jobs in one year.
        var actions = new[]
        {
            new AgendaActionForecast("Werkagenda Rijk", "Binnenwerk", new(2023, 1, 1), new(2026, 12, 31), 400),
            new AgendaActionForecast("Werkagenda Rijk", "Inkoop", new(2025, 1, 1), new(2025, 12, 31), 2000),
        };
        var rows = WorkAgendaExpectation.Compare(o, actions);
        Assert.Equal([2024, 2025, 2026], rows.Select(r => r.Year));
        Assert.Equal(last.Jobs + 100, rows[0].Expected);
        Assert.Equal(last.Jobs + 200 + 2000, rows[1].Expected);
        Assert.Equal(last.Jobs + 2300, rows[2].Expected);
        var r2025 = rows[1];
        Assert.Equal(r2025.Expected > r2025.Upper || r2025.Expected < r2025.Lower, r2025.Disagrees);
    }
}
