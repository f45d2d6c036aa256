using Banenmonitor.Rules.Laws;
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

    private static decimal V(string name, int year) => Embedded.Get(name, year).Required;

    /// <summary>The two candidate values of variable A (sector overheid): the text of 2015 and the text from 2024.</summary>
    private static (decimal Old, decimal New) CandidatesA()
    {
        var valued = Embedded.History(P.FormulaBaselineJobsGovernment).Where(v => v.Value is not null).ToList();
        return (valued[0].Required, valued[^1].Required);
    }

    /// <summary>
    /// Variable A is dated: 12.196 from 2015 (Regeling Wfsv art. 3.31 onder a, 2°, inserted by Stcrt. 2015, 31250), 13.504
    /// from 2024 (Stcrt. 2023, 35303); in between which value applied is not confirmed (an unconfirmed row that says so).
    /// </summary>
    [Fact]
    public void Variable_A_has_the_value_of_2015_and_that_of_2024_and_between_them_an_unconfirmed_row()
    {
        var a = Embedded.History(P.FormulaBaselineJobsGovernment);
        Assert.Equal([(new DateOnly(2015, 1, 1), (decimal?)12_196m, ParameterStatus.Regulation), (new DateOnly(2016, 1, 1), null, ParameterStatus.Unconfirmed),
                      (new DateOnly(2024, 1, 1), 13_504m, ParameterStatus.Regulation)], a.Select(v => (v.ValidFrom, v.Value, v.Status)));
        Assert.Contains("Stcrt. 2015, 31250", a[0].Source);
        Assert.Contains("art. 3.31 onder a, 2°", a[1].Source);
        Assert.Contains("Stcrt. 2023, 35303", a[2].Source);
        // Linked to the article of the text that holds the value: art. 3.31 as in force on 19 October 2015, art. 3.35 from 2024.
        Assert.Contains(a[0].Legal, r => r.BwbId == LawCatalog.RegelingWfsv.BwbId && r.Article == "3.31" && r.Version == new DateOnly(2015, 10, 19));
        Assert.Contains(a[2].Legal, r => r.BwbId == LawCatalog.RegelingWfsv.BwbId && r.Article == "3.35" && r.Version is null);
        Assert.Contains(Embedded.InForce(P.FormulaArt38bJobsGovernment, 2018)!.Legal, r => r.BwbId == LawCatalog.Wfsv.BwbId && r.Article == "38b" && r.Paragraph == "2");
        var m = Embedded.History(P.FormulaBaselineJobsMarket);
        Assert.Equal([35_397m, null, 35_927m], m.Select(v => v.Value));
        // Market B 2022–2025 from the text of 2015 (informative: the market sector was never activated); 2026 not applicable.
        Assert.Equal([65_000m, 75_000m, 85_000m, 95_000m], new[] { 2022, 2023, 2024, 2025 }.Select(y => V(P.FormulaTargetJobsMarket, y)));
        Assert.All(new[] { 2022, 2023, 2024, 2025 }, y => Assert.Contains("Stcrt. 2015, 31250", Embedded.Get(P.FormulaTargetJobsMarket, y).Source));
        Assert.Equal(ParameterStatus.NotApplicable, Embedded.InForce(P.FormulaTargetJobsMarket, 2026)!.Status);
        // C and E keep their source and add the text of 2015, linked to its version.
        foreach (var name in new[] { P.HoursPerJobPerYear, P.AverageEmployeeHoursPerYear })
        {
            var v = Embedded.Get(name, 2018);
            Assert.Contains("Besluit Wfsv art. 2.", v.Source);
            Assert.Contains("Stcrt. 2015, 31250", v.Source);
            Assert.Contains(v.Legal, r => r.BwbId == LawCatalog.RegelingWfsv.BwbId && r.Article == "3.31" && r.Version == new DateOnly(2015, 10, 19));
        }
        // F is the law's F: no user-visible text describes it as hired-in jobs any more.
        var f = Embedded.Definition(P.FormulaArt38bJobsGovernment);
        Assert.Contains("F × G ÷ C", f.Description);
        Assert.Contains("art. 38b lid 2", f.Description);
        Assert.All(Embedded.History(P.FormulaArt38bJobsGovernment).Select(v => v.Source).Append(f.Description),
            t => Assert.DoesNotContain("inleen", t, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// 2020 (2,35 %): B is in the regulation, but D (the sector's jobs) and F × G ÷ C of that year were not found published, and
    /// which A applied is not confirmed. The derivation says so, naming each missing input with its status and what was searched,
    /// keeps the published percentage with its own source, and per variant of A shows the bound on D that the percentage
    /// still implies with F ≥ 0: D &gt; (A + B) × C × 100 ÷ ((p + 0,01) × E) — implied, no source.
    /// Hand check: (12.196 + 16.250) × 1.331 × 100 ÷ (2,36 × 1.623) = 3.786.162.600 ÷ 3.830,28 ≈ 988.481,94;
    /// (13.504 + 16.250) × 133.100 ÷ 3.830,28 = 3.960.257.400 ÷ 3.830,28 ≈ 1.033.934,18.
    /// </summary>
    [Fact]
    public void The_2020_percentage_cannot_be_reproduced_without_D_and_F_and_the_derivation_says_why_with_the_bound_on_D()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2020);
        Assert.Equal(QuotaDerivationOutcome.InputsMissing, r.Outcome);
        Assert.Null(r.Derived);
        Assert.Empty(r.Implied); // two inputs missing: no range of either
        Assert.Equal(2.35m, r.Published!.Value);
        Assert.Equal([P.FormulaEmployeeJobsGovernment, P.FormulaArt38bJobsGovernment], r.Missing.Select(m => m.Name));
        Assert.All(r.Missing, m => { Assert.Equal(ParameterStatus.Unconfirmed, m.Status); Assert.Contains("Gezocht", m.Source); Assert.Contains("Stcrt. 2019, 69523", m.Source); });
        Assert.Equal(P.FormulaBaselineJobsGovernment, Assert.Single(r.Unsettled).Name);
        Assert.Equal(16_250m, Assert.Single(r.Inputs, i => i.Name == P.FormulaTargetJobsGovernment).Value);
        Assert.Contains("niet zelf af te leiden", r.Explanation);
        Assert.Contains(r.Published.Source, r.Explanation);
        Assert.Contains("Stcrt. 2019, 69523", r.Explanation);

        var (a1, a2) = CandidatesA();
        decimal b = V(P.FormulaTargetJobsGovernment, 2020), c = V(P.HoursPerJobPerYear, 2020), e = V(P.AverageEmployeeHoursPerYear, 2020);
        Assert.Equal(2, r.Variants.Count);
        foreach (var (variant, a) in r.Variants.Zip(new[] { a1, a2 }))
        {
            Assert.Equal(a, Assert.Single(variant.Choices).Value);
            var bound = Assert.IsType<ImpliedBound>(variant.LowerBoundD);
            Assert.Equal("D", bound.Letter);
            Assert.Equal((a + b) * c * 100m / ((2.35m + 0.01m) * e), bound.Above);
            Assert.Contains("Geïmpliceerd, geen bron", variant.Explanation);
            Assert.Contains("Kamerbrief BZK 2021 over 2020", variant.Explanation);
        }
        Assert.InRange(r.Variants[0].LowerBoundD!.Above, 988_481m, 988_482m);
        Assert.InRange(r.Variants[1].LowerBoundD!.Above, 1_033_934m, 1_033_935m);
        // The trace shows the formula in the law's letters with its note, every variable, the missing ones without a value,
        // both candidates of A, the bound per variant and B next to the target path.
        var formula = r.Trace.Steps[0];
        Assert.Equal("((A + B) × C + F × G) ÷ (D × E) × 100", formula.Formula);
        Assert.Contains("afbeelding", formula.Note);
        Assert.Contains("samenvatting van SZW", formula.Note);
        Assert.Contains("variabele H", formula.Note);
        Assert.Equal(2, r.Trace.Steps.Count(s => s.Description.Contains("ontbreekt", StringComparison.Ordinal) && s.Value is null));
        Assert.Single(r.Trace.Steps, s => s.Description.StartsWith("Variabele A niet vastgesteld", StringComparison.Ordinal) && s.Parameters.Count == 3);
        Assert.Equal(2, r.Trace.Steps.Count(s => s.Description.Contains("ondergrens van variabele D", StringComparison.Ordinal)));
        var path = Assert.Single(r.Trace.Steps, s => s.Description.StartsWith("Controle: B volgens het ingroeipad", StringComparison.Ordinal));
        Assert.Equal(16_250m, path.Value);
        Assert.All(r.Trace.Steps, s => Assert.StartsWith("Wfsv art. 38f lid 2", s.Legal));
    }

    /// <summary>
    /// 2018: the regulation that fixed 1,93 % (Stcrt. 2017, 60073) also fixed D = 1.073.426,07; F × G ÷ C was not found, and
    /// which A applied is not confirmed. Per variant of A the derivation shows the F × G ÷ C that 1,93 % implies and the
    /// percentage with F × G ÷ C = 0 — as implied, not as a value: the parameter stays unconfirmed. The bounds are computed
    /// here from the parameters. Hand check: D × E ÷ (C × 100) = 1.073.426,07 × 1.623 ÷ 133.100 ≈ 13.089,1848;
    /// × 1,93 ≈ 25.262,13 and × 1,94 ≈ 25.393,02. A = 12.196: 25.262,13 − 12.196 − 11.250 = 1.816,13 up to 1.947,02, and
    /// 23.446 ÷ 13.089,18 ≈ 1,7913 → 1,79 %; A = 13.504: 508,13 up to 639,02, and 24.754 ÷ 13.089,18 ≈ 1,8912 → 1,89 %.
    /// controle compares 1,93 with the smallest bound (1,79): compatible, with both sources named.
    /// </summary>
    [Fact]
    public void The_2018_derivation_uses_D_of_the_regulation_and_shows_per_variant_of_A_the_F_that_1_93_implies()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2018);
        Assert.Equal(QuotaDerivationOutcome.InputsMissing, r.Outcome);
        var dv = Assert.Single(r.Inputs, i => i.Name == P.FormulaEmployeeJobsGovernment);
        Assert.Equal(ParameterStatus.Regulation, dv.Status);
        Assert.Contains("Stcrt. 2017, 60073", dv.Source);
        Assert.Equal(1.93m, r.Published!.Value);
        Assert.Contains("Stcrt. 2017, 60073", r.Published.Source);
        var f = Assert.Single(r.Missing);
        Assert.Equal(P.FormulaArt38bJobsGovernment, f.Name);
        Assert.Equal(ParameterStatus.Unconfirmed, f.Status);

        var (a1, a2) = CandidatesA();
        decimal b = V(P.FormulaTargetJobsGovernment, 2018), d = V(P.FormulaEmployeeJobsGovernment, 2018),
            c = V(P.HoursPerJobPerYear, 2018), e = V(P.AverageEmployeeHoursPerYear, 2018);
        var perPoint = d * e / (c * 100m);
        Assert.Equal(2, r.Variants.Count);
        foreach (var (variant, a) in r.Variants.Zip(new[] { a1, a2 }))
        {
            Assert.Equal(a, Assert.Single(variant.Choices).Value);
            var implied = Assert.IsType<ImpliedInput>(variant.Implied);
            Assert.Equal("F × G ÷ C", implied.Letter);
            Assert.Equal(1.93m * perPoint - a - b, implied.Low);
            Assert.Equal(1.94m * perPoint - a - b, implied.High);
            var without = Math.Floor((a + b) * c / (d * e) * 100m * 100m) / 100m;
            Assert.Equal(without, implied.PercentageWithoutIt);
            Assert.Equal(1.93m - without, variant.HeadroomAboveWithoutMissing);
            // Both sources: the regulation that fixed 1,93 % and D, and the documents of A and B.
            Assert.Contains("Stcrt. 2017, 60073", variant.Explanation);
            Assert.Contains(a == a1 ? "Stcrt. 2015, 31250" : "Stcrt. 2023, 35303", variant.Explanation);
            Assert.Contains("B = 11.250: Regeling Wfsv art. 3.35", variant.Explanation);
        }
        Assert.InRange(r.Variants[0].Implied!.Low, 1_816m, 1_817m);
        Assert.InRange(r.Variants[0].Implied!.High, 1_947m, 1_948m);
        Assert.Equal(1.79m, r.Variants[0].Implied!.PercentageWithoutIt);
        Assert.InRange(r.Variants[1].Implied!.Low, 508m, 509m);
        Assert.InRange(r.Variants[1].Implied!.High, 639m, 640m);
        Assert.Equal(1.89m, r.Variants[1].Implied!.PercentageWithoutIt);
        Assert.Equal(1.79m, r.LowestPercentageWithoutMissing);
        Assert.Contains("geen reproductie", r.Explanation);
        Assert.Contains("Met F × G ÷ C = 0 geeft de formule 1,79%, 0,14 procentpunt onder het gebruikte percentage", r.Explanation);
        Assert.Contains("Met F × G ÷ C = 0 geeft de formule 1,89%, 0,04 procentpunt onder het gebruikte percentage", r.Explanation);
        Assert.Contains("Niet bevestigd welke variabele A", r.Explanation);
        Assert.Equal(2, r.Trace.Steps.Count(s => s.Description.StartsWith("Variant A = ", StringComparison.Ordinal) && s.Description.Contains("Geïmpliceerd") && s.Value is null));
        // Nothing is confirmed by an implied value.
        Assert.Equal(ParameterStatus.Regulation, QuotaPercentageDerivation.Confirm(Embedded).Get(P.QuotaPercentageGovernment, 2018).Status);

        var check = Assert.Single(new LegalInputChecks(Embedded).QuotaPercentages(), c => c.Year == 2018);
        Assert.Equal(CheckOutcome.Equal, check.Outcome);
        Assert.Equal(1.93m, check.Published);
        Assert.Equal(1.79m, check.Computed);
        Assert.Contains("ondergrens zonder F × G ÷ C", check.Figure);
        Assert.Contains("kleinste over 2 varianten", check.Formula);
        Assert.Contains("Stcrt. 2017, 60073", check.Source);
        Assert.Contains(check.Inputs, i => i.Name == P.FormulaEmployeeJobsGovernment && i.Source.Contains("Stcrt. 2017, 60073"));
        Assert.Equal([a1, a2], check.Inputs.Where(i => i.Name == P.FormulaBaselineJobsGovernment).Select(i => i.Value));
    }

    /// <summary>
    /// A percentage in use below what the formula gives with the missing term at zero contradicts the inputs. controle uses the
    /// smallest bound over the variants of A: 1,80 lies below the bound of A = 13.504 (1,89) but not below that of 12.196 (1,79),
    /// so no finding, while the variant says it cannot be reconciled; 1,78 lies below both: a substantive finding.
    /// </summary>
    [Fact]
    public void A_percentage_below_the_smallest_bound_without_F_is_a_substantive_finding()
    {
        var between = Embedded.WithOverride($"{P.QuotaPercentageGovernment}=2018:1.80:beheerder, toets van de ondergrens");
        var r = new QuotaPercentageDerivation(between).Derive(2018);
        Assert.True(r.Variants[1].Implied!.High <= 0m);
        Assert.Contains("niet te verenigen", r.Variants[1].Explanation);
        Assert.DoesNotContain("niet te verenigen", r.Variants[0].Explanation);
        Assert.Equal(CheckOutcome.Equal, Assert.Single(new LegalInputChecks(between).QuotaPercentages(), c => c.Year == 2018).Outcome);

        var below = Embedded.WithOverride($"{P.QuotaPercentageGovernment}=2018:1.78:beheerder, toets van de ondergrens");
        var check = Assert.Single(new LegalInputChecks(below).QuotaPercentages(), c => c.Year == 2018);
        Assert.Equal(CheckOutcome.Substantive, check.Outcome);
        Assert.Equal(1.79m, check.Computed);
        Assert.Contains("beheerder, toets van de ondergrens", check.Source);
    }

    /// <summary>With only D missing the implied range is of D, per variant of A: (A + B + F × G ÷ C) × C × 100 ÷ ((p + 0,01) × E) &lt; D ≤ … ÷ (p × E).</summary>
    [Fact]
    public void With_only_D_missing_the_derivation_shows_the_D_the_percentage_implies()
    {
        var p = Embedded.WithOverride($"{P.FormulaArt38bJobsGovernment}=2020:0:beheerder, toets van het mechanisme");
        var r = new QuotaPercentageDerivation(p).Derive(2020);
        var (a1, a2) = CandidatesA();
        decimal b = V(P.FormulaTargetJobsGovernment, 2020), c = V(P.HoursPerJobPerYear, 2020), e = V(P.AverageEmployeeHoursPerYear, 2020);
        foreach (var (variant, a) in r.Variants.Zip(new[] { a1, a2 }))
        {
            var implied = Assert.IsType<ImpliedInput>(variant.Implied);
            Assert.Equal("D", implied.Letter);
            Assert.Equal((a + b) * c * 100m / (2.36m * e), implied.Low);
            Assert.Equal((a + b) * c * 100m / (2.35m * e), implied.High);
            Assert.Null(implied.PercentageWithoutIt);
            Assert.Null(variant.LowerBoundD);
        }
        Assert.DoesNotContain(new LegalInputChecks(p).QuotaPercentages(), c => c.Year == 2020);
    }

    /// <summary>2024: A is 13.504 (Stcrt. 2023, 35303) without doubt, so one variant; D and F missing give one bound on D.</summary>
    [Fact]
    public void From_2024_A_is_settled_and_there_is_one_variant()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2024);
        Assert.Empty(r.Unsettled);
        var v = Assert.Single(r.Variants);
        Assert.Empty(v.Choices);
        Assert.Equal(13_504m, V(P.FormulaBaselineJobsGovernment, 2024));
        // (13.504 + 25.000) × 1.331 × 100 ÷ ((2,76 + 0,01) × 1.623) = 5.124.882.400 ÷ 4.495,71 ≈ 1.139.949
        var ab = V(P.FormulaBaselineJobsGovernment, 2024) + V(P.FormulaTargetJobsGovernment, 2024);
        var p = V(P.QuotaPercentageGovernment, 2024);
        Assert.Equal(ab * V(P.HoursPerJobPerYear, 2024) * 100m / ((p + 0.01m) * V(P.AverageEmployeeHoursPerYear, 2024)), v.LowerBoundD!.Above);
        Assert.InRange(v.LowerBoundD.Above, 1_139_948m, 1_139_950m);
    }

    [Fact]
    public void From_2026_there_is_no_quota_percentage_to_derive()
    {
        var r = new QuotaPercentageDerivation(Embedded).Derive(2026);
        Assert.Equal(QuotaDerivationOutcome.NotApplicable, r.Outcome);
        Assert.Contains("art. 12", r.Explanation);
    }

    /// <summary>
    /// The mechanism, with D and F × G ÷ C supplied as an administrator would (marked as such): the formula and the law's
    /// rounding per variant of A, a variant equal to the published value → confirmed (and the parameter's status becomes
    /// "bevestigd door afleiding"), none equal → a substantive finding. The expected percentages are computed here from the
    /// formula, not copied from the code.
    /// </summary>
    [Fact]
    public void Supplied_inputs_are_derived_by_the_formula_and_compared_with_the_published_value()
    {
        const decimal d = 1_050_000m, f = 8_000m;
        var p = Embedded
            .WithOverride($"{P.FormulaArt38bJobsGovernment}=2018:{f}:beheerder, toets van het mechanisme")
            .WithOverride($"{P.FormulaEmployeeJobsGovernment}=2018:{d}:beheerder, toets van het mechanisme");
        var r = new QuotaPercentageDerivation(p).Derive(2018);
        var (a1, a2) = CandidatesA();
        var raws = new[] { a1, a2 }.Select(a => (a + 11_250m + f) * 1331m / (d * 1623m) * 100m).ToList();
        Assert.Equal(raws, r.Variants.Select(v => v.Unrounded!.Value));
        Assert.Equal(raws.Select(x => Math.Floor(x * 100m) / 100m), r.Variants.Select(v => v.Derived!.Value));
        var expectedOutcome = r.Variants.Any(v => v.Derived == 1.93m) ? QuotaDerivationOutcome.Confirmed : QuotaDerivationOutcome.Differs;
        Assert.Equal(expectedOutcome, r.Outcome);
        var check = Assert.Single(new LegalInputChecks(p).QuotaPercentages());
        Assert.Equal(2018, check.Year);
        Assert.Equal(r.Outcome == QuotaDerivationOutcome.Confirmed ? CheckOutcome.Equal : CheckOutcome.Substantive, check.Outcome);
        Assert.Contains("beheerder, toets van het mechanisme", check.Explanation);
        Assert.Equal((r.Variants.Min(v => v.Derived!.Value), r.Variants.Max(v => v.Derived!.Value)), (check.ComputedRange.Low, check.ComputedRange.High));

        // A D that reproduces 1,93 % with A = 13.504 after rounding down: (A + B + F × G ÷ C) × C ÷ (D × E) in [1,93 %, 1,94 %).
        var reproducing = decimal.Ceiling((a2 + 11_250m + f) * 1331m / (1623m * 0.0194m)) + 1m;
        var q = p.WithOverride($"{P.FormulaEmployeeJobsGovernment}=2018:{reproducing}:beheerder, toets van het mechanisme");
        var ok = new QuotaPercentageDerivation(q).Derive(2018);
        Assert.Equal(QuotaDerivationOutcome.Confirmed, ok.Outcome);
        Assert.Equal(1.93m, ok.Derived);
        Assert.NotEqual(1.93m, ok.Variants[0].Derived); // A = 12.196 does not reproduce it with this D
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
