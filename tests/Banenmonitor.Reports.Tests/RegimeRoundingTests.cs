using Banenmonitor.Reports.Progress;

namespace Banenmonitor.Reports.Tests;

/// <summary>The regime section rounds each sector percentage once and prints a difference that adds up from the percentages it shows.</summary>
public class RegimeRoundingTests
{
    [Fact]
    public void The_SROI_difference_is_the_difference_of_the_printed_percentages_in_the_rows_and_the_text()
    {
        var regimes = new ReportBuilder(ReportSources.Embedded()).Build(2023, concept: true).Regimes!;
        var withSroi = regimes.Sectors.Where(r => r.Difference is not null).ToList();
        Assert.Contains(withSroi, r => r.Sector.Code == "vo");
        var text = string.Join(" ", regimes.Differences);
        foreach (var r in withSroi)
        {
            Assert.Equal(r.PercentageSroiScenario!.Value - r.Percentage.Value, r.Difference!.Value);
            Assert.Contains($"{r.Difference.Number} procentpunt ({r.Sector.Name})", text);
            Assert.Contains($"= {r.PercentageSroiScenario.Text} in plaats van {r.Percentage.Text}", r.Explanation);
        }
        // Voortgezet onderwijs (seed 001): (840 + 273) ÷ 3.809 = 29,2% against 840 ÷ 3.809 = 22,1%: 7,1 points, not 7,2.
        var vo = withSroi.Single(r => r.Sector.Code == "vo");
        Assert.Equal("7,1", vo.Difference!.Number);
    }
}
