using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Units;
using static Banenmonitor.Rules.Tests.Published.PublishedData;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Tests;

/// <summary>
/// The government quota percentage derived from its legal inputs (Wfsv art. 38f lid 2; Regeling Wfsv art. 3.35), compared
/// with the percentage in use, and the <c>controle</c> checks of the law's inputs.
/// </summary>
public class QuotaPercentageDerivationTests
{
    private static readonly ParameterSet Embedded = ParameterSet.Embedded;

    /// <summary>
    /// 2020 (2,35 %): A and B are in the regulation, but D (the sector's employee jobs) and F (hired-in jobs) of that year
    /// were not found published. The derivation says so, naming each missing input with its status and what was searched,
    /// and keeps the published percentage with its own source; it does not fill in a guess.
    /// </summary>
    [Fact]
    public void The_2020_percentage_cannot_be_reproduced_without_D_and_F_and_the_derivation_says_why()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2020);
        Assert.Equal(QuotaDerivationOutcome.InputsMissing, r.Outcome);
        Assert.Null(r.Derived);
        Assert.Null(r.Implied); // two inputs missing: nothing is implied
        Assert.Equal(2.35m, r.Published!.Value);
        Assert.Equal([P.FormulaHiredInJobsGovernment, P.FormulaEmployeeJobsGovernment], r.Missing.Select(m => m.Name));
        Assert.All(r.Missing, m => { Assert.Equal(ParameterStatus.Unconfirmed, m.Status); Assert.Contains("Gezocht", m.Source); });
        // The inputs that are known, with the regulation as source.
        var a = Assert.Single(r.Inputs, i => i.Name == P.FormulaBaselineJobsGovernment);
        Assert.Equal(ParameterStatus.Regulation, a.Status);
        Assert.Contains("Regeling Wfsv art. 3.35", a.Source);
        Assert.Equal(16_250m, Assert.Single(r.Inputs, i => i.Name == P.FormulaTargetJobsGovernment).Value);
        // Explanation: what is missing and which percentage stays, with its source.
        Assert.Contains("niet zelf af te leiden", r.Explanation);
        Assert.Contains(r.Published.Source, r.Explanation);
        // The trace shows every variable, the missing ones without a value, and B next to the target path.
        Assert.Equal(2, r.Trace.Steps.Count(s => s.Description.Contains("ontbreekt", StringComparison.Ordinal) && s.Value is null));
        var path = Assert.Single(r.Trace.Steps, s => s.Description.StartsWith("Controle: B volgens het ingroeipad", StringComparison.Ordinal));
        Assert.Equal(16_250m, path.Value);
        Assert.All(r.Trace.Steps, s => Assert.StartsWith("Wfsv art. 38f lid 2", s.Legal));
    }

    /// <summary>
    /// 2018: the regulation that fixed 1,93 % (Stcrt. 2017, 60073) also fixed D = 1.073.426,07; F was not found. The
    /// derivation uses D with that source, cannot reproduce the percentage without F, and shows the F the percentage implies —
    /// computed here from the formula, not copied from the code — as implied, not as a value: the parameter stays unconfirmed.
    /// With F = 0 the formula gives 1,89 %, below 1,93 %, so controle finds them compatible and names both sources.
    /// </summary>
    [Fact]
    public void The_2018_derivation_uses_D_of_the_regulation_and_shows_the_F_that_1_93_implies()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2018);
        Assert.Equal(QuotaDerivationOutcome.InputsMissing, r.Outcome);
        var d = Assert.Single(r.Inputs, i => i.Name == P.FormulaEmployeeJobsGovernment);
        Assert.Equal(1_073_426.07m, d.Value);
        Assert.Equal(ParameterStatus.Regulation, d.Status);
        Assert.Contains("Stcrt. 2017, 60073", d.Source);
        Assert.Equal(1.93m, r.Published!.Value);
        Assert.Equal(ParameterStatus.Regulation, r.Published.Status);
        Assert.Contains("Stcrt. 2017, 60073", r.Published.Source);
        var f = Assert.Single(r.Missing);
        Assert.Equal(P.FormulaHiredInJobsGovernment, f.Name);
        Assert.Equal(ParameterStatus.Unconfirmed, f.Status);

        // (A + B + F) × 1.331 ÷ (D × 1.623) × 100 in [1,93, 1,94) ⇔ F in [1,93 × D × 1.623 ÷ 133.100 − A − B, 1,94 × … − A − B).
        const decimal dj = 1_073_426.07m, ab = 13_504m + 11_250m;
        var implied = Assert.IsType<ImpliedInput>(r.Implied);
        Assert.Equal("F", implied.Letter);
        Assert.Equal(1.93m * dj * 1623m / 133_100m - ab, implied.Low);
        Assert.Equal(1.94m * dj * 1623m / 133_100m - ab, implied.High);
        Assert.InRange(implied.Low, 508m, 509m);
        Assert.InRange(implied.High, 639m, 640m);
        Assert.Equal(Math.Floor(ab * 1331m / (dj * 1623m) * 100m * 100m) / 100m, implied.PercentageWithoutIt);
        Assert.Equal(1.89m, implied.PercentageWithoutIt);
        Assert.Contains("geen reproductie", r.Explanation);
        Assert.Contains("Met F = 0 geeft de formule 1,89%", r.Explanation);
        Assert.Single(r.Trace.Steps, s => s.Description.StartsWith("Geïmpliceerd", StringComparison.Ordinal) && s.Value is null);
        // Nothing is confirmed by an implied value.
        Assert.Equal(ParameterStatus.Regulation, QuotaPercentageDerivation.Confirm(Embedded).Get(P.QuotaPercentageGovernment, 2018).Status);

        var check = Assert.Single(new LegalInputChecks(Embedded).QuotaPercentages(), c => c.Year == 2018);
        Assert.Equal(CheckOutcome.Equal, check.Outcome);
        Assert.Equal(1.93m, check.Published);
        Assert.Equal(1.89m, check.Computed);
        Assert.Contains("ondergrens zonder variabele F", check.Figure);
        Assert.Contains("Stcrt. 2017, 60073", check.Source);
        Assert.Contains(check.Inputs, i => i.Name == P.FormulaEmployeeJobsGovernment && i.Source.Contains("Stcrt. 2017, 60073"));
    }

    /// <summary>A percentage in use below what the formula gives with the missing term at zero contradicts the inputs: a substantive finding.</summary>
    [Fact]
    public void A_percentage_below_the_bound_without_F_is_a_substantive_finding()
    {
        var p = Embedded.WithOverride($"{P.QuotaPercentageGovernment}=2018:1.80:beheerder, toets van de ondergrens");
        var r = new QuotaPercentageDerivation(p).Derive(2018);
        Assert.True(r.Implied!.High <= 0m);
        Assert.Contains("niet te verenigen", r.Explanation);
        var check = Assert.Single(new LegalInputChecks(p).QuotaPercentages(), c => c.Year == 2018);
        Assert.Equal(CheckOutcome.Substantive, check.Outcome);
        Assert.Contains("beheerder, toets van de ondergrens", check.Source);
    }

    /// <summary>With only D missing the implied range is of D: (A + B + F) × U × 100 ÷ ((p + 0,01) × W) &lt; D ≤ (A + B + F) × U × 100 ÷ (p × W).</summary>
    [Fact]
    public void With_only_D_missing_the_derivation_shows_the_D_the_percentage_implies()
    {
        var p = Embedded.WithOverride($"{P.FormulaHiredInJobsGovernment}=2020:0:beheerder, toets van het mechanisme");
        var r = new QuotaPercentageDerivation(p).Derive(2020);
        var implied = Assert.IsType<ImpliedInput>(r.Implied);
        Assert.Equal("D", implied.Letter);
        const decimal num = 13_504m + 16_250m;
        Assert.Equal(num * 1331m * 100m / (2.36m * 1623m), implied.Low);
        Assert.Equal(num * 1331m * 100m / (2.35m * 1623m), implied.High);
        Assert.Null(implied.PercentageWithoutIt);
        Assert.DoesNotContain(new LegalInputChecks(p).QuotaPercentages(), c => c.Year == 2020);
    }

    [Fact]
    public void From_2026_there_is_no_quota_percentage_to_derive()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2026);
        Assert.Equal(QuotaDerivationOutcome.NotApplicable, r.Outcome);
        Assert.Contains("art. 12", r.Explanation);
    }

    /// <summary>
    /// The mechanism, with D and F supplied as an administrator would (marked as such): the formula and the law's rounding,
    /// equal → confirmed (and the parameter's status becomes "bevestigd door afleiding"), different → a substantive finding.
    /// The expected percentage is computed here from the formula, not copied from the code.
    /// </summary>
    [Fact]
    public void Supplied_inputs_are_derived_by_the_formula_and_compared_with_the_published_value()
    {
        const decimal d = 1_050_000m, f = 8_000m;
        var p = Embedded
            .WithOverride($"{P.FormulaHiredInJobsGovernment}=2018:{f}:beheerder, toets van het mechanisme")
            .WithOverride($"{P.FormulaEmployeeJobsGovernment}=2018:{d}:beheerder, toets van het mechanisme");
        var r = new QuotaPercentageDerivation(p).Derive(2018);
        var raw = (13_504m + 11_250m + f) * 1331m / (d * 1623m) * 100m;
        Assert.Equal(raw, r.Unrounded);
        Assert.Equal(Math.Floor(raw * 100m) / 100m, r.Derived);
        var expectedOutcome = r.Derived == 1.93m ? QuotaDerivationOutcome.Confirmed : QuotaDerivationOutcome.Differs;
        Assert.Equal(expectedOutcome, r.Outcome);
        var check = Assert.Single(new LegalInputChecks(p).QuotaPercentages());
        Assert.Equal(2018, check.Year);
        Assert.Equal(r.Outcome == QuotaDerivationOutcome.Confirmed ? CheckOutcome.Equal : CheckOutcome.Substantive, check.Outcome);
        Assert.Contains("beheerder, toets van het mechanisme", check.Explanation);

        // A D that reproduces 1,93 % after rounding down: (A + B + F) × C ÷ (D × E) in [1,93 %, 1,94 %).
        var reproducing = decimal.Ceiling((13_504m + 11_250m + f) * 1331m / (1623m * 0.0194m)) + 1m;
        var q = p.WithOverride($"{P.FormulaEmployeeJobsGovernment}=2018:{reproducing}:beheerder, toets van het mechanisme");
        var ok = new QuotaPercentageDerivation(q).Derive(2018);
        Assert.Equal(QuotaDerivationOutcome.Confirmed, ok.Outcome);
        Assert.StartsWith("Bevestigd door afleiding", ok.Explanation);
        var confirmed = QuotaPercentageDerivation.Confirm(q).Get(P.QuotaPercentageGovernment, 2018);
        Assert.Equal(ParameterStatus.ConfirmedByDerivation, confirmed.Status);
        Assert.Equal("bevestigd door afleiding", confirmed.Status.Dutch());
        Assert.Contains("VO-raad", confirmed.Source); // the document stays named
        Assert.Equal(CheckOutcome.Equal, Assert.Single(new LegalInputChecks(q).QuotaPercentages()).Outcome);
        // Without supplied inputs nothing is confirmed, and no percentage changes status.
        Assert.All(QuotaPercentageDerivation.Confirm(Embedded).History(P.QuotaPercentageGovernment),
            v => Assert.NotEqual(ParameterStatus.ConfirmedByDerivation, v.Status));
    }

    [Fact]
    public void A_data_file_cannot_claim_the_derived_status()
    {
        var e = Assert.Throws<ParameterFileException>(() => ParameterSet.Load(
        [
            (ParameterSet.CatalogFile, "naam,eenheid,per_jaar,regime,omschrijving\np,x,nee,algemeen,\"p\"\n"),
            ("waarden.csv", "naam,geldig_vanaf,waarde,status,bron\np,2013-01-01,1,confirmed_by_derivation,x\n"),
        ]));
        Assert.Contains(e.Problems, m => m.Contains("waarden.csv:2") && m.Contains("zet Banenmonitor zelf"));
    }

    /// <summary>
    /// Variable B of the regulation against the target path: equal from 2018 on; in 2017 the regulation's 8.750 (government)
    /// and 19.500 (market) differ from the path's 8.250 and 18.500 — a substantive finding naming both sources.
    /// </summary>
    [Fact]
    public void Variable_B_follows_the_target_path_except_in_2017_where_controle_names_both_sources()
    {
        var checks = new LegalInputChecks(Embedded).TargetJobs().ToList();
        var gov = checks.Where(c => c.Figure.Contains("overheid")).ToDictionary(c => c.Year);
        Assert.Equal(Enumerable.Range(2017, 9), gov.Keys.Order());
        Assert.All(gov.Values.Where(c => c.Year >= 2018), c => Assert.Equal(CheckOutcome.Equal, c.Outcome));
        var g2017 = gov[2017];
        Assert.Equal(CheckOutcome.Substantive, g2017.Outcome);
        Assert.Equal(8_750m, g2017.Published);
        Assert.Equal(6_500m + (10_000m - 6_500m) / 2m, g2017.Computed);
        Assert.Contains("Regeling Wfsv art. 3.35", g2017.Explanation);
        Assert.Contains("Ingroeipad banenafspraak (Kamerstuk 34 352)", g2017.Explanation);
        var m2017 = Assert.Single(checks, c => c.Figure.Contains("markt") && c.Year == 2017);
        Assert.Equal(CheckOutcome.Substantive, m2017.Outcome);
        Assert.Equal(18_500m, m2017.Computed);
    }

    /// <summary>
    /// The end of the target path: the BZK letter over 2023 ("in 2023") agrees with the path; the research report's
    /// "tot 2024" / "tot 2026" agree only when read as "before": reported as explained by that reading; the Raad van State's
    /// "in 2025" for the government contradicts the path: substantive. Each finding names the other sources.
    /// </summary>
    [Fact]
    public void Sources_that_disagree_on_the_end_of_the_target_path_are_reported()
    {
        var checks = new LegalInputChecks(Embedded).TargetPathEnds(National, SectorData.Documents).ToList();
        ConsistencyCheck Of(string doc, string sector) => Assert.Single(checks, c => c.Document == doc && c.Figure.Contains(sector));
        Assert.Equal(CheckOutcome.Equal, Of("001", "overheid").Outcome);
        var report = Of("003", "overheid");
        Assert.Equal(CheckOutcome.Rounding, report.Outcome);
        Assert.Equal(2024m, report.Published);
        Assert.Equal(2023m, report.Computed);
        Assert.Contains("tot 2024", report.Explanation);
        Assert.Contains("Kamerbrief BZK 2024 over 2023", report.Explanation); // the other source, named
        Assert.Equal(CheckOutcome.Rounding, Of("003", "markt").Outcome);
        var rvs = Of("rvs_2021", "overheid");
        Assert.Equal(CheckOutcome.Substantive, rvs.Outcome);
        Assert.Contains("Tegenstrijdig", rvs.Explanation);
        Assert.Contains("Kamerstuk 36 449, nr. 4", rvs.Source);
        Assert.Equal(CheckOutcome.Equal, Of("rvs_2021", "markt").Outcome);
        // The controle run contains them under the national sector.
        var all = new ConsistencyChecker(Embedded).Check(SectorData, National);
        Assert.Contains(all.Mismatches, c => c.Kind == LegalInputChecks.TargetPathKind && c.Document == "003");
    }
}
