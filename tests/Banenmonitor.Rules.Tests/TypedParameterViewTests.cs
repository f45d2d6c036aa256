using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Laws;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Sroi;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Tests;

/// <summary>
/// The typed parameter views record every value they serve in the trace, so each step lists the parameters it used without
/// listing them by hand; every legal reference — of a step or a parameter value — resolves its BWB identifier in the
/// catalogue of laws and links to wetten.overheid.nl.
/// </summary>
public class TypedParameterViewTests
{
    private static readonly ParameterSet Embedded = ParameterSet.Embedded;

    private static ParameterSet Activated => Embedded
        .WithOverride($"{P.WbaActivationYear}=2026:2026:test: aangenomen activering")
        .WithOverride($"{P.WbaScenarioQuotaPercentage}=2026:2.5:test: aangenomen quotumpercentage")
        .WithOverride($"{P.WbaSurchargePercentage}=2026:0.5:test: aangenomen opslag");

    /// <summary>Traces of every computation of the rules core that reads parameters, on inputs that walk their branches.</summary>
    public static IEnumerable<(string Name, Trace Trace)> Traces()
    {
        var quota = new QuotaCalculator(Embedded);
        yield return ("quotum 2022", quota.Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m),
            [new HiredInAttribution("w1", AttributionSide.Hirer, new PaidHours(100m), new PaidHours(200m), new DateOnly(2023, 3, 1)),
             new HiredInAttribution("w2", AttributionSide.Lender, new PaidHours(50m), new PaidHours(80m), new DateOnly(2023, 9, 1))], new PaidHours(10m))).Trace);
        yield return ("quotum markt", quota.Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), IsGovernmentEmployer: false)).Trace);
        yield return ("quotum onder drempel", quota.Compute(new QuotaInput(2024, new PaidHours(20_000m), new PaidHours(100m), new PaidHours(20_000m))).Trace);
        yield return ("wba niet geactiveerd", new WetBanenafspraak2025Rules(Embedded).Compute(new EmployerYear(2026, new PaidHours(600_000m), new PaidHours(15_000m),
            TargetGroupEmployees: [new TargetGroupEmployee("w1", new PaidHours(1000m))])).Trace);
        var wba = new WetBanenafspraak2025Rules(Activated);
        yield return ("wba opslag", wba.Compute(new EmployerYear(2028, new PaidHours(1_000_000m), new PaidHours(1_000m), PremiumBase: new Euros(40_000_000m),
            AgencyStaffHours: new PaidHours(5_000m))).Trace);
        yield return ("wba kleine werkgever", wba.Compute(new EmployerYear(2028, new PaidHours(1_000_000m), new PaidHours(1_000m), PremiumBase: new Euros(40_000_000m),
            PremiumBaseTwoYearsBefore: new Euros(500_000m))).Trace);
        yield return ("wba bonus", wba.Compute(new EmployerYear(2026, new PaidHours(1_000_000m), new PaidHours(2_662m))).Trace);
        yield return ("meting 2021", new NationalMeasurement(Embedded).Compute(new NationalMeasurementInput(2021, new Jobs(30_000m), new Jobs(5_000m), new Jobs(41_993m))).Trace);
        yield return ("quotumpercentage 2020", new QuotaPercentageDerivation(Embedded).Derive(2020).Trace);
        yield return ("sroi", new SroiConversion(Embedded).Convert("c1", 2023, [new SroiPlacementHours("p1", 2_662m, 2)], new SroiObligation(2m, SroiObligationUnit.Jobs)).Trace);
        yield return ("fte", new JobConversion(Embedded).YearlyHoursFromFte(300m, 36m, 2022).Trace);
    }

    [Fact]
    public void Every_parameter_read_is_listed_in_a_step_and_none_is_left_unexplained()
    {
        foreach (var (name, trace) in Traces())
        {
            Assert.True(trace.UnexplainedReads.Count == 0, $"{name}: gelezen maar in geen stap: {string.Join(", ", trace.UnexplainedReads.Select(v => v.Name))}");
            Assert.NotEmpty(trace.ParametersUsed);
        }
    }

    [Fact]
    public void A_step_lists_the_values_read_for_it_with_value_valid_from_status_and_source()
    {
        var trace = new QuotaCalculator(Embedded).Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m))).Trace;
        var b = Assert.Single(trace.Steps, s => s.Formula == "B");
        Assert.Equal([P.DecimalsPercentage, P.QuotaPercentageGovernment], b.Parameters.Select(p => p.Name).Order());
        var pct = b.Parameters.Single(p => p.Name == P.QuotaPercentageGovernment);
        Assert.Equal((2.69m, new DateOnly(2022, 1, 1)), (pct.Value!.Value, pct.ValidFrom));
        Assert.Same(Embedded.Get(P.QuotaPercentageGovernment, 2022), pct);
        var threshold = Assert.Single(trace.Steps, s => s.Formula == "drempel = aantal werknemers × E");
        Assert.Equal([P.ThresholdEmployees, P.AverageEmployeeHoursPerYear], threshold.Parameters.Select(p => p.Name).Order());
        var levy = trace.Steps[^1];
        Assert.Contains(levy.Parameters, p => p.Name == P.LevyPerMissingJob && p.Status == ParameterStatus.Law && p.Source.Contains("38h"));
    }

    [Fact]
    public void The_typed_views_serve_unit_types_of_the_year()
    {
        var q = QuotaParameters.For(Embedded, 2024);
        Assert.Equal(new HoursPerJob(1331m), q.HoursPerJob);
        Assert.Equal(new Percentage(2.76m), q.QuotaPercentage);
        Assert.Equal(new Euros(5000m), q.LevyPerMissingJob);
        Assert.Equal(new DateOnly(2025, 8, 1), q.AttributionDeadline);
        Assert.True(q.LevySuspended);
        Assert.Equal(new HoursPerJob(25.5m), JobParameters.For(Embedded, 2024).PerWeek);
        Assert.Equal(new Jobs(75_179m), MeasurementParameters.For(Embedded, 2021).BaselineJobs);
        Assert.Null(WetBanenafspraakParameters.For(Embedded, 2026).ActivationYear);
        Assert.Equal(new Euros(1.01m), WetBanenafspraakParameters.For(Embedded, 2026).LkvPerHour);
        // A value the year lacks is the same Dutch error as before, naming the parameter and the year.
        var e = Assert.Throws<MissingParameterException>(() => QuotaParameters.For(Embedded, 2026).QuotaPercentage);
        Assert.Equal((P.QuotaPercentageGovernment, 2026), (e.Parameter, e.Year));
    }

    [Fact]
    public void Without_a_trace_the_views_record_nothing_and_the_figures_equal_the_explained_ones()
    {
        var calc = new QuotaCalculator(Embedded);
        foreach (var year in new[] { 2018, 2019, 2020, 2022, 2024 })
        {
            var input = new QuotaInput(year, new PaidHours(812_345.67m), new PaidHours(9_876.5m), new PaidHours(800_000m));
            Assert.Equal(calc.Compute(input).Figures, calc.Figures(input));
        }
    }

    [Fact]
    public void Every_reference_in_parameters_and_traces_resolves_its_BWB_id_in_the_catalogue_and_links_to_its_text()
    {
        var references = Embedded.AllValues.SelectMany(v => v.Legal)
            .Concat(Traces().SelectMany(t => t.Trace.Steps).SelectMany(s => s.References.Concat(s.Parameters.SelectMany(p => p.Legal))))
            .Concat(Regime.All.SelectMany(r => r.Legal))
            .ToList();
        Assert.True(references.Count > 50, $"{references.Count} verwijzingen");
        foreach (var r in references.Distinct())
        {
            var law = LawCatalog.Find(r.BwbId);
            Assert.True(law is not null, $"{r.BwbId} staat niet in de catalogus van wetten");
            Assert.StartsWith($"https://wetten.overheid.nl/", r.Url);
            Assert.Contains(r.BwbId, r.Url);
            if (r.Article is not null) Assert.Contains($"&artikel={r.Article}", r.Url);
        }
        // Every step of every trace that applies an article says which, and in the view each reference carries its link.
        foreach (var step in Traces().SelectMany(t => t.Trace.ToView()).Where(s => s.Wetsartikel is not null))
            Assert.All(step.Verwijzingen, v => Assert.Equal(LegalReference.Parse(v.Tekst).Single().Url, v.Url));
    }

    [Fact]
    public void The_law_a_parameter_value_rests_on_is_structured_and_shown_with_its_link()
    {
        var levy = Embedded.Get(P.LevyPerMissingJob, 2022);
        Assert.Equal([LawCatalog.Wfsv.Article("38h", "4")], levy.Legal);
        var view = levy.ToView();
        var w = Assert.Single(view.Wetsartikelen);
        Assert.Equal(("Wfsv", "BWBR0017745", "38h", "4"), (w.Wet, w.BwbId, w.Artikel, w.Lid));
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38h&lid=4", w.Url);
        // Every value of the quotumregeling's rules that the law fixes cites its article.
        Assert.All(Embedded.AllValues.Where(v => v.Status == ParameterStatus.Law), v => Assert.True(v.Legal.Count > 0, $"{v.Name} {v.ValidFrom}: geen wetsartikel"));
    }

    [Fact]
    public void The_regime_years_are_parameters_with_sources()
    {
        var years = RegimeParameters.Of(Embedded);
        Assert.Equal(((int)years.QuotumregelingFirstYear.Required, (int?)(int)years.QuotumregelingLastYear.Required), (Regime.Quotumregeling.FirstYear, Regime.Quotumregeling.LastYear));
        Assert.Equal((int)years.WetBanenafspraakFirstYear.Required, Regime.WetBanenafspraak2025.FirstYear);
        Assert.Equal(Regime.Quotumregeling.LastYear + 1, Regime.WetBanenafspraak2025.FirstYear);
        Assert.All([years.QuotumregelingFirstYear, years.QuotumregelingLastYear, years.WetBanenafspraakFirstYear], v =>
        {
            Assert.Equal(ParameterStatus.Law, v.Status);
            Assert.NotEmpty(v.Legal);
            Assert.DoesNotContain("seed", v.Source, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("BWBR0051018", Regime.WetBanenafspraak2025.LegalBasis);
    }

    [Theory]
    [InlineData("besluit", ParameterStatus.Decree)]
    [InlineData("kamerstuk", ParameterStatus.ParliamentaryPaper)]
    [InlineData("kamerbrief", ParameterStatus.Letter)]
    [InlineData("uwv-publicatie", ParameterStatus.UwvPublication)]
    [InlineData("uwv_publication", ParameterStatus.UwvPublication)]
    [InlineData("bevestigd door afleiding", ParameterStatus.ConfirmedByDerivation)]
    [InlineData("niet-van-toepassing", ParameterStatus.NotApplicable)]
    [InlineData("regeling", ParameterStatus.Regulation)]
    [InlineData("onbevestigd", ParameterStatus.Unconfirmed)]
    public void The_status_names_the_kind_of_source_in_Dutch(string text, ParameterStatus expected)
    {
        Assert.True(ParameterStatusText.TryParse(text, out var s));
        Assert.Equal(expected, s);
        Assert.True(ParameterStatusText.TryParse(s.Dutch(), out var back));
        Assert.Equal(s, back);
    }

    private const string Catalog = "naam,eenheid,per_jaar,regime,omschrijving\np_vast,euro,nee,x,Vast\n";

    [Fact]
    public void The_wetsartikel_column_is_optional_per_row_and_read_strictly()
    {
        var set = ParameterSet.Load([("catalogus.csv", Catalog), ("w.csv",
            "naam,geldig_vanaf,waarde,status,bron,wetsartikel\np_vast,2013-01-01,1,law,a,Wfsv art. 38h lid 4\np_vast,2014-01-01,2,letter,Kamerstuk\n")]);
        Assert.Equal([LawCatalog.Wfsv.Article("38h", "4")], set.History("p_vast")[0].Legal);
        Assert.Empty(set.History("p_vast")[1].Legal);
        var e = Assert.Throws<ParameterFileException>(() => ParameterSet.Load([("catalogus.csv", Catalog), ("w.csv",
            "naam,geldig_vanaf,waarde,status,bron,wetsartikel\np_vast,2013-01-01,1,law,a,Wet LIV art. 3\n")]));
        Assert.Contains(e.Problems, p => p.StartsWith("w.csv:2: kolom wetsartikel:") && p.Contains("Wet LIV"));
    }
}
