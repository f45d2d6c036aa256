using System.Globalization;
using Banenmonitor.Survey;

namespace Banenmonitor.Survey.Tests;

/// <summary>
/// Estimates, standard errors, degrees of freedom and both intervals compared with R's survey package
/// (fixtures made by Fixtures/make_fixtures.R; R is not needed to run these tests).
/// </summary>
public class RSurveyFixtureTests
{
    private const double Tolerance = 1e-9;
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private static readonly SurveyTable Resp = SurveyTable.ReadFile(Path.Combine(Dir, "respondenten.csv"));
    private static readonly SurveyTable Expected = SurveyTable.ReadFile(Path.Combine(Dir, "verwacht.csv"));

    private static Dictionary<string, double> Pop(string file, string key)
    {
        var t = SurveyTable.ReadFile(Path.Combine(Dir, file));
        var k = t.Text(key);
        var v = t.Numbers("aantal");
        return k.Zip(v).ToDictionary(p => p.First, p => p.Second);
    }

    private static SurveyDesign Design(string caseName)
    {
        var strata = Resp.Text("stratum");
        var w = Resp.Numbers("gewicht");
        var fpc = Pop("populatie_stratum.csv", "stratum").ToDictionary(p => p.Key, p => StratumPopulation.Count(p.Value));
        var cells = Pop("populatie_cel.csv", "cel");
        var n = Resp.RowCount;
        return caseName switch
        {
            "gestratificeerd" => SurveyDesign.Create(strata, w),
            "gestratificeerd_fpc" => SurveyDesign.Create(strata, population: fpc),
            "poststratificatie" => SurveyDesign.Create(null, w).PostStratify(Resp.Text("cel"), cells),
            "gestratificeerd_fpc_poststratificatie" => SurveyDesign.Create(strata, population: fpc).PostStratify(strata,
                fpc.ToDictionary(p => p.Key, p => p.Value.Value / fpc.Values.Sum(v => v.Value) * n)),
            "gestratificeerd_poststratificatie" => SurveyDesign.Create(strata, w).PostStratify(Resp.Text("cel"), cells),
            "srs_poststratificatie" => SurveyDesign.Create(null, count: n).PostStratify(Resp.Text("cel"), cells),
            "srs_fpc_poststratificatie" => SurveyDesign.Create(null, count: n,
                population: new Dictionary<string, StratumPopulation> { [""] = StratumPopulation.Count(cells.Values.Sum()) }).PostStratify(Resp.Text("cel"), cells),
            "gestratificeerd_fpc_poststratificatie_cel" => SurveyDesign.Create(strata, population: fpc).PostStratify(Resp.Text("cel"), cells),
            _ => throw new ArgumentException(caseName),
        };
    }

    public static IEnumerable<object[]> Cases()
    {
        var geval = Expected.Text("geval");
        for (var i = 0; i < Expected.RowCount; i++) yield return [i, geval[i]];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_R_survey(int row, string caseName)
    {
        var estimator = Expected.Cell(row, Expected.ColumnIndex("schatter"));
        var domainName = Expected.Cell(row, Expected.ColumnIndex("deelgroep"));
        double Num(string c) => double.Parse(Expected.Cell(row, Expected.ColumnIndex(c)), CultureInfo.InvariantCulture);

        var d = Design(caseName);
        bool[]? domain = domainName.Length == 0 ? null : Resp.Text("regio").Select(r => r == domainName).ToArray();
        var teller = Resp.Numbers("teller");
        var noemer = Resp.Numbers("noemer");
        var sroi = Resp.Numbers("sroi");
        SurveyEstimate Est(IntervalOptions o) => estimator switch
        {
            "totaal" => SurveyEstimator.Total(d, teller, domain, o),
            "gemiddelde" => SurveyEstimator.Mean(d, noemer, domain, o),
            "proportie" => SurveyEstimator.Proportion(d, sroi, domain, o),
            "ratio" => SurveyEstimator.Ratio(d, teller, noemer, domain, o),
            _ => throw new ArgumentException(estimator),
        };
        var t = Est(new IntervalOptions(0.95, IntervalMethod.StudentT));
        var z = Est(new IntervalOptions(0.95, IntervalMethod.Normal));

        Close(Num("schatting"), t.Estimate, "schatting");
        Close(Num("se"), t.StandardError, "se");
        Assert.Equal((int)Num("df"), t.DegreesOfFreedom);
        Close(Num("t_onder"), t.Interval.Lower, "t_onder");
        Close(Num("t_boven"), t.Interval.Upper, "t_boven");
        Close(Num("normaal_onder"), z.Interval.Lower, "normaal_onder");
        Close(Num("normaal_boven"), z.Interval.Upper, "normaal_boven");
        Assert.Equal(IntervalMethod.Normal, z.Interval.Method);
        Assert.Null(z.Interval.DegreesOfFreedom);
    }

    [Fact]
    public void Fixture_covers_every_design_and_estimator()
    {
        var pairs = Expected.Text("geval").Zip(Expected.Text("schatter")).Distinct().ToList();
        Assert.Equal(8 * 4, pairs.Count);
        Assert.Contains(Enumerable.Range(0, Expected.RowCount), i => Expected.Cell(i, Expected.ColumnIndex("deelgroep")) == "zuid");
    }

    [Fact]
    public void Lonely_respondent_in_a_stratum_fails_like_R()
    {
        // R (survey.lonely.psu = "fail", its default) refuses; make_fixtures.R checks that it does.
        var keep = Resp.Text("stratum").Select((s, i) => s != "E" || i == Resp.RowCount - 1).ToArray();
        var t = Resp.Where(i => keep[i]);
        var d = SurveyDesign.Create(t.Text("stratum"), t.Numbers("gewicht"));
        var e = Assert.Throws<LonelyUnitException>(() => SurveyEstimator.Mean(d, t.Numbers("noemer")));
        Assert.Equal("E", e.Stratum);
        var removed = SurveyDesign.Create(t.Text("stratum"), t.Numbers("gewicht"), lonely: LonelyUnitPolicy.Remove);
        Assert.True(SurveyEstimator.Mean(removed, t.Numbers("noemer")).StandardError > 0);
    }

    /// <summary>
    /// The same R vectors through <see cref="EnqueteService"/> from the two files, with post-strata (cel) apart from the
    /// design strata (stratum) or without design strata, as <c>enquete schat --poststrata</c> and the page /enquete run it.
    /// </summary>
    [Theory]
    [MemberData(nameof(PostStrataCases))]
    public void Service_with_post_strata_apart_from_strata_matches_R(int row, string caseName, string fpcSource)
    {
        var estimator = Expected.Cell(row, Expected.ColumnIndex("schatter"));
        var domainName = Expected.Cell(row, Expected.ColumnIndex("deelgroep"));
        double Num(string c) => double.Parse(Expected.Cell(row, Expected.ColumnIndex(c)), CultureInfo.InvariantCulture);
        EstimatorKindText.TryParse(estimator, out var kind);
        var (num, den) = kind switch
        {
            EstimatorKind.Total => ("teller", (string?)null),
            EstimatorKind.Mean => ("noemer", null),
            EstimatorKind.Proportion => ("sroi", null),
            _ => ("teller", "noemer"),
        };
        var o = new EnqueteOptions(kind, num, den, PostStrataColumns: ["cel"], DomainColumn: "regio",
            Interval: new IntervalOptions(0.95, IntervalMethod.StudentT));
        o = caseName switch
        {
            "poststratificatie" => o with { WeightColumn = "gewicht" },
            "gestratificeerd_poststratificatie" => o with { WeightColumn = "gewicht", StrataColumns = ["stratum"] },
            "srs_poststratificatie" => o,
            "srs_fpc_poststratificatie" => fpcSource == "kolom" ? o with { FpcColumn = "Ntot" } : o with { FinitePopulationCorrection = true },
            "gestratificeerd_fpc_poststratificatie_cel" => o with { StrataColumns = ["stratum"], FpcColumn = "N" },
            _ => throw new ArgumentException(caseName),
        };
        using var pop = File.OpenRead(Path.Combine(Dir, "populatie_cel.csv"));
        using var resp = File.OpenRead(Path.Combine(Dir, "respondenten.csv"));
        var r = EnqueteService.Estimate(pop, "populatie_cel.csv", resp, "respondenten.csv", o);
        var e = domainName.Length == 0 ? r.Overall : r.Domains.Single(d => d.Domain == domainName);
        Close(Num("schatting"), e.Estimate, "schatting");
        Close(Num("se"), e.StandardError, "se");
        Assert.Equal((int)Num("df"), e.DegreesOfFreedom);
        Close(Num("t_onder"), e.Interval.Lower, "t_onder");
        Close(Num("t_boven"), e.Interval.Upper, "t_boven");
        Assert.Equal(4, r.Cells.Count);
        Assert.Contains("per cel (poststratificatie", r.MethodDutch);
        // the weighted sample reproduces the population of each cell
        if (kind == EstimatorKind.Total && domainName.Length == 0)
            Assert.Equal(1995, r.Overall.WeightSum, 9);
    }

    public static IEnumerable<object[]> PostStrataCases()
    {
        var geval = Expected.Text("geval");
        string[] cases = ["poststratificatie", "gestratificeerd_poststratificatie", "srs_poststratificatie", "srs_fpc_poststratificatie", "gestratificeerd_fpc_poststratificatie_cel"];
        for (var i = 0; i < Expected.RowCount; i++)
        {
            if (!cases.Contains(geval[i])) continue;
            yield return [i, geval[i], "kolom"];
            if (geval[i] == "srs_fpc_poststratificatie") yield return [i, geval[i], "populatie"];
        }
    }

    [Fact]
    public void Dutch_respondent_file_is_read_with_decimal_comma()
    {
        // the R fixture writes respondenten.csv as write.csv2 does: ';' and 17,733 for seventeen point seven three three
        Assert.Equal(';', Resp.Separator);
        Assert.Equal(Rules.Text.DecimalMark.Comma, Resp.Convention.Mark);
        Assert.InRange(Resp.Numbers("gewicht").Max(), 1, 500);
    }

    private static void Close(double expected, double actual, string what)
    {
        var rel = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(rel <= Tolerance || Math.Abs(actual - expected) < 1e-14,
            $"{what}: R {expected:R}, Banenmonitor {actual:R} (relatief verschil {rel:E2})");
    }
}
