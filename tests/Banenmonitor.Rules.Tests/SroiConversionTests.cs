using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Sroi;

namespace Banenmonitor.Rules.Tests;

public sealed class SroiConversionTests
{
    private static readonly ParameterSet Parameters = ParameterSet.Embedded;

    [Fact]
    public void Placement_hours_divided_by_the_hours_per_job_with_a_jobs_obligation_fulfilled_in_percent()
    {
        var norm = Parameters.Get(ParameterNames.HoursPerJobPerYear, 2024).Required;
        // 2 662 h = exactly 2 jobs of 1 331 h; an obligation of 4 jobs is fulfilled for 50 %.
        var r = new SroiConversion(Parameters).Convert("C-1", 2024,
            [new SroiPlacementHours("1", 1331m, 1), new SroiPlacementHours("2", 1331m, 3)], new SroiObligation(4m, SroiObligationUnit.Jobs));
        Assert.Equal(1331m, norm);
        Assert.Equal(2662m, r.Hours);
        Assert.Equal(4, r.Persons);
        Assert.Equal(2m, r.Jobs.Value);
        Assert.Equal(2m, r.Fulfilment.Realised);
        Assert.Equal(50m, r.Fulfilment.Fulfilment!.Value.Points);
        Assert.Equal(3, r.Trace.Steps.Count);
        Assert.Contains(r.Trace.ParametersUsed, p => p.Name == ParameterNames.HoursPerJobPerYear);
    }

    [Fact]
    public void A_euro_obligation_is_not_determinable_from_hours_and_says_why()
    {
        var r = new SroiConversion(Parameters).Convert("C-2", 2024, [new SroiPlacementHours("1", 665.5m, 1)], new SroiObligation(50_000m, SroiObligationUnit.Euros));
        Assert.Equal(0.5m, r.Jobs.Value);
        Assert.Null(r.Fulfilment.Realised);
        Assert.Contains("euro", r.Fulfilment.NotDeterminable);
    }

    [Fact]
    public void Negative_hours_are_refused_in_Dutch()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SroiConversion(Parameters).Convert("C-3", 2024,
            [new SroiPlacementHours("1", -1m, 1)], new SroiObligation(1m, SroiObligationUnit.Jobs)));
        Assert.Contains("negatief", e.Message);
    }
}
