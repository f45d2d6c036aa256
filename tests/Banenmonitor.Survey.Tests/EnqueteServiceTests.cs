using System.Globalization;
using System.Text;

namespace Banenmonitor.Survey.Tests;

public class EnqueteServiceTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private static Stream Open(string f) => File.OpenRead(Path.Combine(Dir, f));
    private static Stream Text(string s) => new MemoryStream(Encoding.UTF8.GetBytes(s));

    private static double Expected(string caseName, string estimator, string domain, string column)
    {
        var t = SurveyTable.ReadFile(Path.Combine(Dir, "verwacht.csv"));
        for (var i = 0; i < t.RowCount; i++)
            if (t.Cell(i, 0) == caseName && t.Cell(i, 1) == estimator && t.Cell(i, 3) == domain)
                return double.Parse(t.Cell(i, t.ColumnIndex(column)), CultureInfo.InvariantCulture);
        throw new KeyNotFoundException($"{caseName}/{estimator}/{domain}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Service_with_two_csv_streams_matches_R_for_ratio_and_domains(bool shares)
    {
        Stream pop = Open("populatie_stratum.csv");
        if (shares)
        {
            // same population given as shares (aandeel) instead of counts; ratio and domains must not change
            var t = SurveyTable.ReadFile(Path.Combine(Dir, "populatie_stratum.csv"));
            var sum = t.Numbers("aantal").Sum();
            var sb = new StringBuilder("stratum;aandeel\n");
            foreach (var (k, v) in t.Text("stratum").Zip(t.Numbers("aantal"))) sb.Append($"{k};{(v / sum).ToString("R", CultureInfo.InvariantCulture).Replace('.', ',')}\n");
            pop = Text(sb.ToString());
        }
        var o = new EnqueteOptions(EstimatorKind.Ratio, "teller", "noemer", ["stratum"], FinitePopulationCorrection: !shares, DomainColumn: "regio");
        var r = EnqueteService.Estimate(pop, "populatie.csv", Open("respondenten.csv"), "respondenten.csv", o);
        const string caseName = "gestratificeerd_fpc_poststratificatie";
        Assert.Equal(Expected(caseName, "ratio", "", "schatting"), r.Overall.Estimate, 1e-12);
        if (!shares) Assert.Equal(Expected(caseName, "ratio", "", "se"), r.Overall.StandardError, 1e-12);
        else Assert.True(r.Overall.StandardError > Expected(caseName, "ratio", "", "se")); // no fpc: larger SE
        Assert.Equal(3, r.Domains.Count);
        var zuid = r.Domains.Single(d => d.Domain == "zuid");
        Assert.Equal(Expected(caseName, "ratio", "zuid", "schatting"), zuid.Estimate, 1e-12);
        Assert.Equal(5, r.Cells.Count);
        Assert.Contains("poststratificatie", r.MethodDutch);
    }

    [Fact]
    public void Exclusion_removes_respondents_before_weighting()
    {
        var o = new EnqueteOptions(EstimatorKind.Mean, "noemer", StrataColumns: ["stratum"],
            Exclusions: [new ExclusionFilter("regio", ["west"], "uitzendbureaus")]);
        var r = EnqueteService.Estimate(Open("populatie_stratum.csv"), "p.csv", Open("respondenten.csv"), "r.csv", o);
        var all = SurveyTable.ReadFile(Path.Combine(Dir, "respondenten.csv"));
        var west = all.Text("regio").Count(x => x == "west");
        Assert.Equal(all.RowCount, r.RespondentsRead);
        Assert.Equal(all.RowCount - west, r.RespondentsUsed);
        Assert.Contains($"{west} respondenten", Assert.Single(r.Exclusions));
        // weights add up to the population after exclusion
        Assert.Equal(1995, r.Overall.WeightSum, 9);
    }

    [Fact]
    public void Small_stratum_is_collapsed_into_named_neighbour_and_without_neighbour_is_an_error()
    {
        var o = new EnqueteOptions(EstimatorKind.Ratio, "teller", "noemer", ["stratum"],
            Collapse: new CellCollapse("stratum", 5, new Dictionary<string, string> { ["E"] = "D" }));
        var r = EnqueteService.Estimate(Open("populatie_stratum.csv"), "p.csv", Open("respondenten.csv"), "r.csv", o);
        var c = Assert.Single(r.Collapsed);
        Assert.Equal(("E", "D", 3), (c.From, c.Into, c.RespondentsFrom));
        var merged = r.Cells.Single(x => x.Cell == "D");
        Assert.Equal(45, merged.Population);
        Assert.Equal(15, merged.Respondents);

        var noNeighbour = o with { Collapse = new CellCollapse("stratum", 5, new Dictionary<string, string>()) };
        var e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Open("populatie_stratum.csv"), "p.csv", Open("respondenten.csv"), "r.csv", noNeighbour));
        Assert.Contains("'E'", e.Message);
        Assert.Contains("geen buur", e.Message);
    }

    [Fact]
    public void Post_strata_with_collapsing_and_exclusion_equal_the_design_on_merged_cells()
    {
        // cel k4 (14 respondents after the exclusion, fewer than 15) is merged into k3 in respondents and population; design strata stay 'stratum'
        var o = new EnqueteOptions(EstimatorKind.Ratio, "teller", "noemer", ["stratum"], WeightColumn: "gewicht", PostStrataColumns: ["cel"],
            DomainColumn: "regio", Collapse: new CellCollapse("cel", 15, new Dictionary<string, string> { ["k4"] = "k3" }),
            Exclusions: [new ExclusionFilter("regio", ["west"])]);
        var r = EnqueteService.Estimate(Open("populatie_cel.csv"), "populatie_cel.csv", Open("respondenten.csv"), "respondenten.csv", o);
        var c = Assert.Single(r.Collapsed);
        Assert.Equal(("k4", "k3"), (c.From, c.Into));
        Assert.Equal(3, r.Cells.Count);
        Assert.Equal(380 + 165, r.Cells.Single(x => x.Cell == "k3").Population);

        // the same by hand: exclusion, relabelled cells, SurveyDesign.PostStratify
        var all = SurveyTable.ReadFile(Path.Combine(Dir, "respondenten.csv"));
        var t = all.Where(i => all.Text("regio")[i] != "west");
        var cells = t.Text("cel").Select(x => x == "k4" ? "k3" : x).ToArray();
        var d = SurveyDesign.Create(t.Text("stratum"), t.Numbers("gewicht"))
            .PostStratify(cells, new Dictionary<string, double> { ["k1"] = 800, ["k2"] = 650, ["k3"] = 545 });
        var direct = SurveyEstimator.Ratio(d, t.Numbers("teller"), t.Numbers("noemer"));
        Assert.Equal(direct.Estimate, r.Overall.Estimate, 12);
        Assert.Equal(direct.StandardError, r.Overall.StandardError, 12);
        Assert.Equal(1995, r.Overall.WeightSum, 9);        // calibrated to the population after exclusion
        Assert.Equal(2, r.Domains.Count);                    // west is gone

        // a post-stratum of the responses that the population lacks: file, row and column
        var e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text("cel,aantal\nk1,10\n"), "p.csv",
            Text("cel,y\nk1,1\nk2,2\n"), "r.csv", new EnqueteOptions(EstimatorKind.Mean, "y", PostStrataColumns: ["cel"])));
        Assert.Equal("r.csv, rij 3, kolom 'cel': poststratum 'k2' komt niet voor in p.csv.", e.Message);
    }

    [Fact]
    public void Errors_name_file_row_and_column_in_Dutch()
    {
        var pop = "stratum,aantal\nA,10\nB,20\n";
        var bad = "stratum,y,x\nA,1,2\nA,2,3\nB,x,4\nB,1,1\n";
        var o = new EnqueteOptions(EstimatorKind.Ratio, "y", "x", ["stratum"]);
        var e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text(pop), "pop.csv", Text(bad), "resp.csv", o));
        Assert.Equal("resp.csv, rij 4, kolom 'y': 'x' is geen getal.", e.Message);

        var missingStratum = "stratum,y,x\nA,1,2\nA,2,3\nC,1,4\n";
        e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text(pop), "pop.csv", Text(missingStratum), "resp.csv", o));
        Assert.Contains("resp.csv, rij 4", e.Message);
        Assert.Contains("'C' komt niet voor in pop.csv", e.Message);

        var noColumn = "stratum,y\nA,1\n";
        e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text(pop), "pop.csv", Text(noColumn), "resp.csv", o));
        Assert.Contains("kolom 'x' ontbreekt", e.Message);

        var ragged = "stratum,y,x\nA,1,2\nB,2\n";
        e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text(pop), "pop.csv", Text(ragged), "resp.csv", o));
        Assert.StartsWith("resp.csv, rij 3:", e.Message);

        var lonely = "stratum,y,x\nA,1,2\nA,2,3\nB,1,4\n";
        e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text(pop), "pop.csv", Text(lonely), "resp.csv", o));
        Assert.Contains("maar één respondent", e.Message);

        var prop = new EnqueteOptions(EstimatorKind.Proportion, "y", StrataColumns: ["stratum"]);
        var twos = "stratum,y\nA,1\nA,2\nB,0\nB,1\n";
        e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text(pop), "pop.csv", Text(twos), "resp.csv", prop));
        Assert.Equal("resp.csv, rij 3, kolom 'y': een proportie vraagt 0 of 1, gevonden 2.", e.Message);
    }

    [Fact]
    public void Numbers_are_Dutch_and_an_ambiguous_value_is_refused_with_file_row_and_column()
    {
        var o = new EnqueteOptions(EstimatorKind.Mean, "y");
        // Dutch file: 5.250 is five thousand two hundred and fifty, 2,5 two and a half
        var r = EnqueteService.Estimate(null, "", Text("y;z\n5.250;1\n2,5;1\n"), "resp.csv", o);
        Assert.Equal((5250 + 2.5) / 2, r.Overall.Estimate, 12);
        // a decimal-point file (12.5 can only be a decimal point): 5.250 can mean 5250 or 5,25 — refused, not guessed
        var e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(null, "", Text("y,z\n12.5,1\n5.250,1\n"), "resp.csv", o));
        Assert.StartsWith("resp.csv, rij 3, kolom 'y': '5.250' kan 5250 of 5,25 betekenen", e.Message);
        // 5.25 in a Dutch file (decimal comma elsewhere) is refused too
        e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(null, "", Text("y;z\n1,5;1\n2,5;1\n5.25;1\n"), "resp.csv", o));
        Assert.StartsWith("resp.csv, rij 4, kolom 'y': '5.25'", e.Message);
        // only the columns read as numbers decide the mark: codes such as 1.1 in another column do not
        r = EnqueteService.Estimate(null, "", Text("sbi;y\n1.1;5.250\n2.3;2,5\n4.7;1\n"), "resp.csv", o);
        Assert.Equal((5250 + 2.5 + 1) / 3, r.Overall.Estimate, 12);
    }

    [Fact]
    public void Total_with_shares_is_refused()
    {
        var o = new EnqueteOptions(EstimatorKind.Total, "y", StrataColumns: ["stratum"]);
        var e = Assert.Throws<SurveyDataException>(() => EnqueteService.Estimate(Text("stratum,aandeel\nA,0.5\nB,0.5\n"), "pop.csv",
            Text("stratum,y\nA,1\nA,2\nB,0\nB,1\n"), "resp.csv", o));
        Assert.Contains("een totaal vraagt aantallen", e.Message);
    }
}

public class SampleAllocationTests
{
    [Fact]
    public void Proportional_allocation_adds_up_and_respects_minimum_and_population()
    {
        var strata = new[]
        {
            new AllocationStratum("a", 1), new AllocationStratum("b", 33), new AllocationStratum("c", 11),
            new AllocationStratum("d", 0.2), new AllocationStratum("e", 4, PopulationSize: 50),
        };
        var r = SampleAllocation.Allocate(strata, 1000, minimum: 30);
        Assert.Equal(1000, r.Sum(x => x.Allocated));
        Assert.All(r, x => Assert.True(x.Allocated >= 30));
        Assert.True(r.Single(x => x.Stratum == "d").RaisedToMinimum);
        Assert.Equal(50, r.Single(x => x.Stratum == "e").Allocated);
        Assert.True(r.Single(x => x.Stratum == "e").CappedAtPopulation);
        // the free strata keep their proportions: b / c = 33 / 11 up to integer rounding
        Assert.InRange(r.Single(x => x.Stratum == "b").Allocated / (double)r.Single(x => x.Stratum == "c").Allocated, 2.95, 3.05);
    }

    [Fact]
    public void Research_report_example_one_percent_of_15500_is_about_155_invitations()
    {
        // §7.2: about 1% of the target group works in agriculture 5-19, so about 1% of 15.500 invitations (the report sent 175)
        var shares = new[] { ("landbouw 5-19", 1.0), ("rest", 99.0) }.Select(s => new AllocationStratum(s.Item1, s.Item2)).ToList();
        var r = SampleAllocation.Allocate(shares, 15500);
        Assert.Equal(155, r[0].Allocated);
    }

    [Fact]
    public void Minimum_that_does_not_fit_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SampleAllocation.Allocate([new("a", 1), new("b", 1)], 10, minimum: 6));
        Assert.Contains("minimum", e.Message);
    }
}
