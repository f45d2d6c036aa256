using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Reports.Sectors;
using Banenmonitor.Survey.SectorTotals;

namespace Banenmonitor.Reports.Tests;

/// <summary>
/// The shared sector-register service on a register small enough to compute by hand: the employer list with percentage
/// of own target and rank, the distribution, the figures the documents report (no jobs, below half of the own target),
/// coverage, and the estimates with their interval.
/// </summary>
public class SectorRegisterEstimatesTests
{
    // Six hogescholen: two small, two medium (one did not report), two large.
    private static readonly SectorEmployerFigures[] Register =
    [
        new("A", "Hogeschool A", "klein", 100, 10, 0),
        new("B", "Hogeschool B", "klein", 100, 10, 4),
        new("C", "Hogeschool C", "middel", 200, 20, 12),
        new("D", "Hogeschool D", "middel", 200, 20, null),
        new("E", "Hogeschool E", "groot", 400, 40, 40, PermanentJobs: 30, TemporaryJobs: 10, HiredInJobs: 0),
        new("F", "Hogeschool F", "groot", 400, 40, 30, PermanentJobs: 20, TemporaryJobs: 12),
    ];

    [Fact]
    public void Employers_are_ranked_by_percentage_of_their_own_target()
    {
        var o = SectorRegisterEstimates.Compute("hbo", 2023, Register, "personeel");
        // E 40/40 = 100 %, F 30/40 = 75 %, C 12/20 = 60 %, B 4/10 = 40 %, A 0/10 = 0 %; D did not report: no rank, last.
        Assert.Equal(["E", "F", "C", "B", "A", "D"], o.Employers.Select(e => e.Id));
        Assert.Equal([1, 2, 3, 4, 5, null], o.Employers.Select(e => e.Rank));
        Assert.Equal([100.0m, 75.0m, 60.0m, 40.0m, 0.0m, null], o.Employers.Select(e => e.PercentOfTarget));
        Assert.Equal([null, 10m, 8m, 6m, 10m, null], o.Employers.Select(e => e.Shortfall));
        // F: vast 20 + tijdelijk 12 = 32 > 30 realised: flagged; E's three parts add up to 40: no remark.
        Assert.Single(o.Employers.Single(e => e.Id == "F").Notes, n => n.Contains("32,00") && n.Contains("30,00"));
        Assert.Empty(o.Employers.Single(e => e.Id == "E").Notes);
    }

    [Fact]
    public void The_summary_counts_what_the_documents_report()
    {
        var s = SectorRegisterEstimates.Compute("hbo", 2023, Register).Summary;
        Assert.Equal((6, 5, 1, 1), (s.Employers, s.Reported, s.NotReported, s.WithoutJobs));
        // below half of the own target: A (0 < 5) and B (4 < 5); C (12 ≥ 10) is not: 2 of the 5 with a target and a report = 40 %.
        Assert.Equal((5, 2, 40.0m), (s.WithTargetAndReport, s.BelowHalf, s.BelowHalfPercent));
        Assert.Equal(1, s.TargetReached);
        Assert.Equal(60.0m, s.MedianPercent); // 0, 40, 60, 75, 100
        Assert.Equal(2, s.WithoutJobsOrUnknown); // A (no jobs) + D (unknown), as the mbo's "14 van de 51"
        Assert.Equal((140m, 86m, 50m, 22m, 0m), (s.TargetTotal, s.RealisedTotal, s.PermanentTotal, s.TemporaryTotal, s.HiredInTotal));
    }

    [Fact]
    public void Every_employer_falls_in_one_band_of_the_distribution()
    {
        var o = SectorRegisterEstimates.Compute("hbo", 2023, Register);
        var bands = o.Distribution.ToDictionary(b => b.Label, b => b.Employers);
        Assert.Equal(o.Employers.Count, bands.Values.Sum());
        Assert.Equal(1, bands["geen banen"]);        // A
        Assert.Equal(1, bands["25 tot 50 %"]);       // B 40 %
        Assert.Equal(1, bands["50 tot 75 %"]);       // C 60 %
        Assert.Equal(1, bands["75 tot 100 %"]);      // F exactly 75 %
        Assert.Equal(1, bands["100 % of meer"]);     // E
        Assert.Equal(1, bands["niet gerapporteerd"]); // D
        Assert.Equal(0, bands["minder dan 25 %"]);
    }

    [Fact]
    public void Coverage_and_estimates_by_hand()
    {
        var o = SectorRegisterEstimates.Compute("hbo", 2023, Register, "personeel");
        Assert.Equal((5, 6), (o.Coverage.EmployersReported, o.Coverage.EmployersTotal));
        Assert.Equal(1200.0 / 1400.0, o.Coverage.SizeShare, 12);
        Assert.Equal("5 van 6 werkgevers (83,3%), samen 85,7% van de personeel", o.CoverageDutch);

        var sum = o.For(SectorTotalMethod.Sum)!;
        Assert.Equal(86.0, sum.Estimate);
        Assert.True(sum.IsLowerBound);
        Assert.Null(sum.Interval);

        // 'middel' has one reporter, so it is merged into 'groot': cells klein (2 of 2 reported) and middel+groot (3 of 4).
        // Post-stratified: 2 × (0 + 4)/2 + 4 × (12 + 40 + 30)/3 = 4 + 109,333 = 113,333.
        var post = o.For(SectorTotalMethod.PostStratified)!;
        Assert.Equal(4 + 4 * 82.0 / 3, post.Estimate, 9);
        // variance: klein fully observed (fpc 0); the merged cell N² (1 − n/N) s²/n = 16 × 1/4 × 201,333/3 = 268,444.
        var s2 = (Math.Pow(12 - 82.0 / 3, 2) + Math.Pow(40 - 82.0 / 3, 2) + Math.Pow(30 - 82.0 / 3, 2)) / 2;
        var se = Math.Sqrt(16 * 0.25 * s2 / 3);
        Assert.Equal(se, post.StandardError!.Value, 9);
        // Student t with 5 reporters − 2 cells = 3 degrees of freedom: t(0,975; 3) = 3,182446305.
        Assert.Equal(post.Estimate - 3.182446305 * se, post.Interval!.Lower, 6);
        Assert.Equal(post.Estimate + 3.182446305 * se, post.Interval.Upper, 6);

        // Ratio: weights 1 (klein) and 4/3 (merged cell): R = (4 + 82 × 4/3) ÷ (200 + 1000 × 4/3) = 340/4600; total = R × 1400.
        var ratio = o.For(SectorTotalMethod.Ratio)!;
        Assert.Equal(340.0 / 4600.0 * 1400.0, ratio.Estimate, 9);
        Assert.True(ratio.Interval!.Lower < ratio.Estimate && ratio.Estimate < ratio.Interval.Upper);
    }

    [Fact]
    public void The_universitys_own_target_in_the_research_report()
    {
        // De Beleidsonderzoekers 2023, §3.2.2: Tilburg University, realisation 36,2 at the end of 2019 against a target of
        // 56,3: 64 %, 20,1 jobs behind its employer-specific quota.
        var o = SectorRegisterEstimates.Compute("universiteiten", 2019, [new("T", "Tilburg University", "groot", 2800, 56.3m, 36.2m)]);
        var t = o.Employers.Single();
        Assert.Equal(64.3m, t.PercentOfTarget);
        Assert.Equal(64m, Math.Round(t.PercentOfTarget!.Value, 0));
        Assert.Equal(20.1m, t.Shortfall);
        Assert.False(t.BelowHalf);
    }

    [Fact]
    public void A_chosen_method_becomes_a_record_rounded_once_and_one_reporter_allows_only_the_sum()
    {
        var o = SectorRegisterEstimates.Compute("hbo", 2023, Register);
        var at = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        var c = SectorRegisterEstimates.Choice(o, SectorTotalMethod.PostStratified, "hbo@voorbeeld.nl", "  klassen  ", at);
        Assert.Equal(("poststratificatie", 113.33m, 5, 6, 85.71m, "klassen"), (c.Method, c.Estimate, c.EmployersReported, c.EmployersTotal, c.SizeShareReported, c.Reason));
        Assert.Equal(Math.Round((decimal)o.For(SectorTotalMethod.PostStratified)!.Interval!.Lower, 2), c.Lower);
        Assert.True(SectorRegisterEstimates.StillCurrent(c, o));
        Assert.False(SectorRegisterEstimates.StillCurrent(c, SectorRegisterEstimates.Compute("hbo", 2023, Register.Select(e => e.Id == "D" ? e with { RealisedJobs = 5 } : e).ToList())));

        var one = SectorRegisterEstimates.Compute("hbo", 2023, [new("A", "A", "klein", 10, 1, 1), new("B", "B", "groot", 10, 1, null)]);
        Assert.Equal([SectorTotalMethod.Sum], one.Estimates.Select(e => e.Method));
        Assert.Contains(one.Notes, n => n.Contains("alleen de som"));
        var e = Assert.Throws<ArgumentException>(() => SectorRegisterEstimates.Choice(one, SectorTotalMethod.Ratio, "x", null, at));
        Assert.Contains("minstens twee", e.Message);
    }

    [Fact]
    public void The_sectors_figure_counts_before_the_employer_report_and_a_difference_is_named()
    {
        SectorRegisterRow Row(string id, decimal? reported, RegisterFigures own) =>
            new(id, "Werkgever " + id, SizeClass.Medium, SizeMeasure.Staff, 100, 10, reported, null, 1, 1, 1, own);
        var figures = SectorRegisterEstimates.FromRows(
        [
            Row("1", 5, new RegisterFigures(6, 4, 2, null)),     // both: the sector's 6 counts, note names the report's 5
            Row("2", 7, new RegisterFigures(null, null, null, null)), // only the approved employer report
            Row("3", null, new RegisterFigures(null, null, null, null)), // neither: did not report
        ]);
        Assert.Equal([6m, 7m, null], figures.Select(f => f.RealisedJobs));
        Assert.Equal([4m, 1m, 1m], figures.Select(f => f.PermanentJobs));
        Assert.Contains("5,00", Assert.Single(figures[0].Notes!));
        Assert.Empty(figures[1].Notes!);
        Assert.Equal("middel", figures[0].SizeClass);
    }
}
