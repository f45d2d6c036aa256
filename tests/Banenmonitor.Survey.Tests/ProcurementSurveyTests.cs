using Banenmonitor.Rules.Parameters;
using Banenmonitor.Survey.Procurement;

namespace Banenmonitor.Survey.Tests;

/// <summary>Part 2 of the research report (De Beleidsonderzoekers 2023, §7–§8) reproduced from the data files in data/published/aanbestedingsenquete.</summary>
public class ProcurementSurveyTests
{
    internal static string DataDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var c = Path.Combine(dir.FullName, "data", "published", "aanbestedingsenquete");
            if (Directory.Exists(c)) return c;
        }
        throw new DirectoryNotFoundException("data/published/aanbestedingsenquete");
    }

    private static readonly ProcurementSurveyData Data = ProcurementSurveyData.Parse(f => File.ReadAllText(Path.Combine(DataDir(), f)));
    private static readonly ProcurementSurveyReproduction Result = ProcurementSurvey.Reproduce(Data, ParameterSet.Embedded);

    [Fact]
    public void Printed_tables_add_up_as_the_report_says()
    {
        // §7.3: 1.936 respondents in the response table; population shares (whole percents) sum to 100 ± rounding
        Assert.Equal(1936m, Data.Respondents.Sum(c => c.Value));
        Assert.Equal(Data.Number("respondenten_in_tabel").Value, Data.Respondents.Sum(c => c.Value));
        Assert.InRange(Data.PopulationShares.Sum(c => c.Value), 100m - 12m, 100m + 12m);
        Assert.Equal(5m, Data.Respondents.Where(c => c.Sector == "zorg_cultuur").Sum(c => c.Value));
        Assert.Equal(8, Data.SectorNames.Count);
    }

    [Fact]
    public void Sector_with_five_respondents_is_merged_into_its_named_neighbour()
    {
        var merged = Assert.Single(Result.Collapsed);
        Assert.Equal("zorg_cultuur", merged.From);
        Assert.Equal("zakelijk", merged.Into);
        Assert.Equal(5, merged.RespondentsFrom);
        Assert.Equal(1066, merged.RespondentsInto);
    }

    [Fact]
    public void Every_printed_weight_is_explained_by_rounding_of_the_printed_shares()
    {
        Assert.Equal(21, Result.Weights.Count);
        Assert.All(Result.Weights, w => Assert.True(w.ExplainedByRounding, w.ExplanationDutch));
        // The weights do differ from a naive recomputation with the rounded shares — that is what needs explaining.
        var landbouw = Result.Weights.Single(w => w.Sector == "landbouw" && w.SizeClass == "5-19");
        Assert.Equal(0.66m, landbouw.PrintedWeight);
        // the printed cell shares add up to 98%, so post-stratification rescales them to 100%: 2/98 ÷ 71/1936 = 0,556
        Assert.Equal(98m, Data.PopulationShares.Sum(c => c.Value));
        Assert.Equal(2.0 / 98 / (71.0 / 1936), landbouw.RecomputedFromPrintedShares, 12);
        Assert.True(landbouw.PossibleWeights.Contains(0.66m));
        Assert.False(landbouw.PossibleWeights.Contains(0.80m));
        // weights imply population shares that add up to 100% (up to the rounding of the weights to 2 decimals)
        Assert.InRange(Result.ImpliedPopulationShareSum, 0.99, 1.01);
    }

    [Fact]
    public void A_wrong_printed_weight_would_be_caught()
    {
        var tampered = Data with
        {
            PrintedWeights = Data.PrintedWeights.Select(w => w.Sector == "industrie" && w.SizeClass == "20-99" ? w with { Value = 9.50m } : w).ToList(),
        };
        var r = ProcurementSurvey.Reproduce(tampered, ParameterSet.Embedded);
        var bad = Assert.Single(r.Weights, w => !w.ExplainedByRounding);
        Assert.Equal(("industrie", "20-99"), (bad.Sector, bad.SizeClass));
    }

    [Fact]
    public void Chain_reproduces_14723_to_17178_from_its_printed_inputs()
    {
        var low = Result.Chain.Single(s => s.Name == "banen_inkoop_ondergrens");
        var high = Result.Chain.Single(s => s.Name == "banen_inkoop_bovengrens");
        Assert.Equal(122698m * 0.12m, low.Recomputed);
        Assert.Equal(14723m, Math.Floor(low.Recomputed));
        Assert.Equal(17178m, Math.Round(high.Recomputed));
        Assert.NotEqual(ChainAgreement.Contradiction, low.Agreement);
        Assert.Equal(ChainAgreement.Equal, high.Agreement);
        Assert.Equal(14723m, Result.PrintedLow);
        Assert.Equal(17178m, Result.PrintedHigh);
    }

    [Fact]
    public void Chain_flags_34694_hired_in_persons_as_not_following_from_its_own_inputs()
    {
        var flagged = Assert.Single(Result.Contradictions);
        Assert.Equal("personen_inleen", flagged.Name);
        Assert.Equal(34694m, flagged.Printed);
        // 40.696 jobs ÷ (149.272 / 129.532) = 35.314 persons, not 34.694; even the rounded factor 1,15 cannot give 34.694
        Assert.Equal(40696m * 129532m / 149272m, flagged.Recomputed, 6);
        Assert.InRange(flagged.Recomputed, 35314m, 35315m);
        Assert.False(flagged.Possible.Contains(34694m));
        // the same factor applied to the market jobs DOES give the printed 83.102
        Assert.Equal(ChainAgreement.Equal, Result.Chain.Single(s => s.Name == "personen_markt").Agreement);
    }

    [Fact]
    public void Other_printed_steps_follow_within_rounding()
    {
        foreach (var name in new[] { "factor", "uren", "personen_inleen_markt", "personen_markt_totaal", "banen_markt_totaal" })
            Assert.NotEqual(ChainAgreement.Contradiction, Result.Chain.Single(s => s.Name == name).Agreement);
        // 83.102 + 23.591 = 106.693, printed 106.694: a rounding difference of one
        Assert.Equal(ChainAgreement.Rounding, Result.Chain.Single(s => s.Name == "personen_markt_totaal").Agreement);
    }

    [Fact]
    public void Corrected_chain_uses_one_factor_and_the_distribution_key_parameter()
    {
        // 95.766 + 68% × 40.696 = 123.439,3 jobs; 12–14% → 14.813–17.281
        var marketShare = (100m - ParameterSet.Embedded.Get(ParameterNames.GovernmentShareHiredIn, 2021).Required) / 100m;
        Assert.Equal(0.68m, marketShare);
        Assert.Equal(95766m + marketShare * 40696m, Result.CorrectedJobs, 6);
        Assert.Equal(14813m, Math.Round(Result.CorrectedLow));
        Assert.Equal(17281m, Math.Round(Result.CorrectedHigh));
        Assert.Contains(Result.Trace.ParametersUsed, p => p.Name == ParameterNames.HoursPerJobPerMonth);
        Assert.Contains(Result.Trace.ParametersUsed, p => p.Name == ParameterNames.GovernmentShareHiredIn);
        Assert.Contains(Result.FindingsDutch, f => f.Contains("34.694"));
    }

    [Fact]
    public void Every_data_file_row_has_a_source()
    {
        foreach (var f in ProcurementSurveyData.Files)
        {
            var t = SurveyTable.ReadFile(Path.Combine(DataDir(), f));
            Assert.All(t.Text("bron"), b =>
            {
                Assert.Contains("De Beleidsonderzoekers 2023 (bij Kamerstuk 34 352, nr. 279)", b); // the document by its title and number
                Assert.DoesNotContain("seed", b, StringComparison.OrdinalIgnoreCase);
            });
        }
    }
}
