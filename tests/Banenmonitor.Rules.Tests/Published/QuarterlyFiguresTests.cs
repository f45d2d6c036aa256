using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Data = Banenmonitor.Rules.Published.PublishedData;

namespace Banenmonitor.Rules.Tests.Published;

/// <summary>
/// The national figures of the UWV quarterly reports (<c>kwartaalrapportages.csv</c>): each with its source, parsed with
/// file/line/column errors, and their sums checked by <c>controle</c> (the parts are whole jobs, so ± ½ job per part is rounding).
/// </summary>
public class QuarterlyFiguresTests
{
    private static QuarterlyFigures Embedded => Data.Embedded.Quarterly;

    [Fact]
    public void The_published_quarters_carry_their_sources_and_the_register_counts()
    {
        var q = Embedded;
        Assert.Contains((2019, 3), q.Quarters);
        Assert.Equal(227_072m, q.Find(2019, 3, MeasurementSector.Total, EmploymentForm.Total, QuarterlyFigures.RegisterPersons)!.Value);
        Assert.Equal(368m, q.Find(2017, 3, MeasurementSector.Government, EmploymentForm.Formal, QuarterlyFigures.Increase)!.Value);
        // From 2020 on, the UWV's quarterly figures as news items and dashboard: the level, the change and the register.
        Assert.Equal(73_578m, q.Find(2021, 4, MeasurementSector.Total, EmploymentForm.Total, QuarterlyFigures.Increase)!.Value);
        Assert.Equal(-830m, q.Find(2023, 4, MeasurementSector.Total, EmploymentForm.HiredIn, QuarterlyFigures.Increase)!.Value);
        Assert.Equal(253_069m, q.Find(2022, 4, MeasurementSector.Total, EmploymentForm.Total, QuarterlyFigures.RegisterPersons)!.Value);
        Assert.Equal([2017, 2018, 2019, 2020, 2021, 2022, 2023], q.Years);
        Assert.All(q.OfYear(2018), r => Assert.Equal(2018, r.Year));
        Assert.All(q.Rows, r =>
        {
            Assert.Equal(ParameterStatus.Published, r.Status);
            Assert.True(r.Source.StartsWith("UWV, Regionale trendrapportage banenafspraak", StringComparison.Ordinal)
                        || r.Source.StartsWith("UWV, kwartaalcijfers banenafspraak", StringComparison.Ordinal), r.Source);
            Assert.Contains("'", r.Source); // every figure with the words it was seen in
        });
        // Every source belongs to one of the two documents of the quarterly figures.
        var docs = Data.Embedded.SectorFigures.Documents;
        Assert.All(q.Rows, r => Assert.Contains(PublishedSectorFigures.DocumentCited(docs, r.Source), new[] { QuarterlyChecks.Document, "uwv_kwartaalcijfers" }));
    }

    [Fact]
    public void Controle_checks_the_quarterly_sums_and_reports_rounding()
    {
        var checks = QuarterlyChecks.Check(Embedded, Data.Embedded.SectorFigures.Documents).ToList();
        ConsistencyCheck Of(string figure) => Assert.Single(checks, c => c.Figure.StartsWith(figure, StringComparison.Ordinal));
        var q1 = Of("formele banen 2019 K1");
        Assert.Equal(CheckOutcome.Rounding, q1.Outcome); // 38.850 + 2.945 = 41.795 against 41.794
        Assert.Equal(41_794m, q1.Published);
        Assert.Equal(38_850m + 2_945m, q1.Computed);
        Assert.Equal(CheckOutcome.Equal, Of("formele banen 2019 K3").Outcome);
        Assert.Equal(CheckOutcome.Equal, Of("banen totaal 2019 K3").Outcome);
        Assert.Equal(CheckOutcome.Equal, Of("formele banen 2017 K3").Outcome);
        Assert.Equal(CheckOutcome.Equal, Of("formele banen 2017 K4").Outcome); // 25.643 + 553 = 26.196
        Assert.Equal(CheckOutcome.Equal, Of("banen totaal 2017 K4").Outcome);  // 26.196 + 10.772 = 36.968
        // Without a formal total: market formal + government formal + hired-in (negative: fewer than at the baseline).
        var q4 = Of("banen totaal 2023 K4");
        Assert.Equal("markt formeel + overheid formeel + inleen", q4.Formula);
        Assert.Equal(76_258m + 10_835m - 830m, q4.Computed);
        Assert.Equal(86_264m, q4.Published);
        Assert.Equal(CheckOutcome.Rounding, q4.Outcome);
        Assert.Equal(CheckOutcome.Rounding, Of("banen totaal 2023 K3").Outcome); // 84.470 against 84.471
        Assert.All(checks, c => Assert.Equal(ConsistencyChecker.National, c.Sector));
        // A published change on the previous quarter against the difference of the two published levels.
        var changes = checks.Where(c => c.Kind == QuarterlyChecks.ChangeKind).ToList();
        ConsistencyCheck Change(string figure) => Assert.Single(changes, c => c.Figure.StartsWith(figure, StringComparison.Ordinal));
        var k1 = Change("verandering totaal totaal 2021 K1");
        Assert.Equal(-6_205m, k1.Published);
        Assert.Equal(60_525m - 66_730m, k1.Computed);
        Assert.Equal(CheckOutcome.Equal, k1.Outcome);
        Assert.Equal(CheckOutcome.Equal, Change("verandering markt formeel 2023 K4").Outcome);  // 76.258 − 74.252 = 2.006
        Assert.Equal(CheckOutcome.Equal, Change("verandering totaal inleen 2023 K4").Outcome);  // −830 − (−350) = −480
        Assert.Equal(CheckOutcome.Equal, Change("verandering totaal totaal 2022 K1").Outcome);  // across the year: 74.093 − 73.578 = 515
        Assert.Equal(CheckOutcome.Equal, Change("verandering totaal totaal 2020 K1").Outcome);  // 58.763 − 61.792 = −3.029
        Assert.DoesNotContain(changes, c => c.Figure.StartsWith("verandering totaal totaal 2020 K4", StringComparison.Ordinal)); // 2020 K3 not found: nothing to check
        Assert.DoesNotContain(checks, c => c.Outcome == CheckOutcome.Substantive);
        var wrong = QuarterlyFigures.Parse(QuarterlyFigures.Header + "\n" +
            "2020,1,totaal,totaal,toename,100,published,x\n2020,2,totaal,totaal,toename,130,published,x\n2020,2,totaal,totaal,toename_tov_vorig_kwartaal,20,published,x\n", "t.csv");
        var w = Assert.Single(QuarterlyChecks.Check(wrong, null));
        Assert.Equal(CheckOutcome.Substantive, w.Outcome);
        Assert.Contains("Tegenstrijdig: 130 − 100 = 30", w.Explanation);
        // A sum that is off by more than rounding is substantive.
        var bad = QuarterlyFigures.Parse(QuarterlyFigures.Header + "\n" +
            "2020,2,markt,formeel,toename,100,published,x\n2020,2,overheid,formeel,toename,50,published,x\n2020,2,totaal,formeel,toename,160,published,x\n", "t.csv");
        var c = Assert.Single(QuarterlyChecks.Check(bad, null));
        Assert.Equal(CheckOutcome.Substantive, c.Outcome);
        Assert.Contains("Tegenstrijdig", c.Explanation);
        // In the whole controle run, under the national sector.
        var report = new ConsistencyChecker(ParameterSet.Embedded).Check(null, null, Embedded);
        Assert.Contains(report.Mismatches, m => m.Kind == QuarterlyChecks.Kind && m.Year == 2019);
    }

    [Theory]
    [InlineData("2019,5,totaal,formeel,toename,1,published,x", "regel 2, kolom kwartaal")]
    [InlineData("2019,1,totaal,formeel,toename,1.5,published,x", "regel 2, kolom waarde")]
    [InlineData("2019,1,totaal,formeel,toename,1,published,", "regel 2, kolom bron")]
    [InlineData("2019,1,noord,formeel,toename,1,published,x", "regel 2, onbekende sector")]
    public void A_bad_row_is_refused_naming_file_line_and_column(string row, string expected)
    {
        var e = Assert.Throws<FormatException>(() => QuarterlyFigures.Parse(QuarterlyFigures.Header + "\n" + row + "\n", "kwartaal.csv"));
        Assert.Contains("kwartaal.csv, " + expected, e.Message);
    }
}
