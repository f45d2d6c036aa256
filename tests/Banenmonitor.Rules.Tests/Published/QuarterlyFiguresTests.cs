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
        Assert.All(q.Rows, r =>
        {
            Assert.Equal(ParameterStatus.Published, r.Status);
            Assert.StartsWith("UWV, Regionale trendrapportage banenafspraak", r.Source);
        });
        // Every source belongs to the document of the quarterly reports.
        var docs = Data.Embedded.SectorFigures.Documents;
        Assert.All(q.Rows, r => Assert.Equal(QuarterlyChecks.Document, PublishedSectorFigures.DocumentCited(docs, r.Source)));
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
        Assert.All(checks, c => Assert.Equal(ConsistencyChecker.National, c.Sector));
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
