using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Rules.Tests;

/// <summary>
/// Which years the quota can be computed for and why not (issue 19), the shortfall that adds up before its rounding, and
/// the explanation in Dutch with every article linked to wetten.overheid.nl.
/// </summary>
public class QuotaYearsAndExplanationTests
{
    private static readonly ParameterSet Embedded = ParameterSet.Embedded;

    [Fact]
    public void Every_offered_year_is_either_computable_or_explained_and_computable_years_compute()
    {
        var offered = QuotaYears.Offered(Embedded, 2018);
        Assert.Contains(offered, y => y.Computable);
        Assert.Contains(offered, y => !y.Computable);
        foreach (var y in offered)
        {
            if (y.Computable)
            {
                var r = new QuotaCalculator(Embedded).Compute(new QuotaInput(y.Year, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m)));
                Assert.False(r.Exempt);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(y.Block!.Message));
                Assert.DoesNotContain("--parameter", y.Block.Message); // never an instruction to type a CLI option
                // A year without a value really cannot be computed: the calculator would throw.
                if (y.Block.Kind == QuotaYearBlockKind.MissingValue)
                    Assert.ThrowsAny<Exception>(() => new QuotaCalculator(Embedded).Compute(new QuotaInput(y.Year, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m))));
            }
        }
    }

    [Fact]
    public void A_percentage_without_value_names_the_parameter_its_status_and_where_was_searched()
    {
        var missing = QuotaYears.Offered(Embedded, 2018)
            .Where(y => y.Block?.Kind == QuotaYearBlockKind.MissingValue).ToList();
        Assert.NotEmpty(missing);
        foreach (var y in missing)
        {
            var b = y.Block!;
            Assert.Equal(P.QuotaPercentageGovernment, b.Parameter);
            Assert.Equal(Embedded.Definition(P.QuotaPercentageGovernment).Description, b.ParameterDescription);
            Assert.Equal("onbevestigd", b.Status);
            Assert.Contains("quotumregeling.csv", b.Searched); // the file and line of the row without value
            Assert.Contains(Embedded.Definition(P.QuotaPercentageGovernment).Description, b.Message);
            Assert.Contains($"{y.Year}", b.Message);
        }
        // Supplied with a source, the same year computes.
        var year = missing[0].Year;
        var supplied = Embedded.WithOverride($"{P.QuotaPercentageGovernment}={year}:2.80:Testbron");
        Assert.True(QuotaYears.Check(supplied, year).Computable);
    }

    [Fact]
    public void A_year_after_the_quotumregeling_says_the_Wet_banenafspraak_applies_from_its_first_year()
    {
        var after = Regime.Quotumregeling.LastYear!.Value + 1;
        var y = QuotaYears.Check(Embedded, after);
        Assert.False(y.Computable);
        Assert.Equal(QuotaYearBlockKind.OtherLaw, y.Block!.Kind);
        Assert.Same(Regime.WetBanenafspraak2025, y.Block.AppliesInstead);
        Assert.Contains(Regime.WetBanenafspraak2025.Name, y.Block.Message);
        Assert.Contains($"vanaf {Regime.WetBanenafspraak2025.FirstYear}", y.Block.Message);
        Assert.Contains(LawReferences.WetBanenafspraak.BwbId!, y.Block.Message);
        // Even with a percentage supplied the quotumregeling does not govern that year.
        Assert.False(QuotaYears.Check(Embedded.WithOverride($"{P.QuotaPercentageGovernment}={after}:2.80:Testbron"), after).Computable);
    }

    [Fact]
    public void A_parameter_marked_not_applicable_is_explained_as_another_law_not_as_a_missing_value()
    {
        var year = Regime.Quotumregeling.LastYear!.Value;
        var set = Embedded.WithOverride(new ParameterValue(P.QuotaPercentageGovernment, new DateOnly(year, 1, 1), 0m, ParameterStatus.NotApplicable,
            "Test: quotumregeling niet van toepassing", "procent"));
        var y = QuotaYears.Check(set, year);
        Assert.Equal(QuotaYearBlockKind.OtherLaw, y.Block!.Kind);
        Assert.Equal("niet van toepassing", y.Block.Status);
        Assert.Contains("niet van toepassing", y.Block.Message);
        Assert.Equal("not_applicable", ParameterStatus.NotApplicable.Code());
        Assert.True(ParameterStatusText.TryParse("not_applicable", out var parsed) && parsed == ParameterStatus.NotApplicable);
    }

    [Fact]
    public void A_missing_value_says_nothing_about_command_line_options_the_CLI_adds_its_hint()
    {
        var year = QuotaYears.Offered(Embedded, 2018).First(y => y.Block?.Kind == QuotaYearBlockKind.MissingValue).Year;
        var e = Assert.Throws<MissingParameterException>(() => Embedded.Get(P.QuotaPercentageGovernment, year));
        Assert.DoesNotContain("--", e.Message); // shown on web pages (regime comparison, national page)
        Assert.Contains("onbevestigd", e.Message);
        Assert.Equal(P.QuotaPercentageGovernment, e.Parameter);
        Assert.Equal(year, e.Year);
        Assert.Equal($"Geef een waarde op met bron: --parameter {P.QuotaPercentageGovernment}={year}:WAARDE:\"bron\".", e.CliHint);
        var gap = Assert.Throws<MissingParameterException>(() => Embedded.Get(P.QuotaPercentageGovernment, 2100));
        Assert.DoesNotContain("--", gap.Message);
        Assert.Equal(2100, gap.Year);
    }

    [Fact]
    public void An_unconfirmed_value_computes_and_is_listed()
    {
        var unconfirmed = QuotaYears.Offered(Embedded, 2018).Where(y => y.Computable && y.Percentage!.Status == ParameterStatus.Unconfirmed).ToList();
        Assert.NotEmpty(unconfirmed);
        Assert.All(unconfirmed, y => Assert.Contains(y.Percentage!, y.Unconfirmed));
    }

    [Fact]
    public void The_shortfall_is_the_difference_of_the_unrounded_jobs_and_of_the_hours()
    {
        // FACTS: B 2022 = 2,69%, D = 1.331. A × B = 16.140 h, C = 15.000 h: jobs 12,126… and 11,269…, shortfall 0,856… → 0,8;
        // the rounded jobs 12,1 − 11,2 would suggest 0,9.
        var r = new QuotaCalculator(Embedded).Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m)));
        var v = QuotumView.From(r);
        var b = v.Berekening!;
        var d = Embedded.Get(P.HoursPerJobPerYear, 2022).Required;
        Assert.Equal(600_000m * 2.69m / 100m, b.VereisteUren);
        Assert.Equal(15_000m, b.UrenDoelgroep);
        Assert.Equal(b.VereisteUren - b.UrenDoelgroep, b.VerschilUren);
        Assert.Equal(d, b.UrenPerBaan);
        Assert.Equal(Math.Round(b.VereisteBanenOnafgerond - b.GerealiseerdeBanenOnafgerond, 20), Math.Round(b.QuotumtekortOnafgerond, 20)); // up to decimal's last digit
        Assert.Equal(LegalRounding.Down(b.QuotumtekortOnafgerond, b.DecimalenQuotumtekort), v.Quotumtekort);
        Assert.NotEqual(v.VereisteBanen!.Value - v.GerealiseerdeBanen, v.Quotumtekort); // why the unrounded values must be shown
        Assert.Null(QuotumView.From(new QuotaCalculator(Embedded).Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), IsGovernmentEmployer: false))).Berekening);
    }

    [Theory]
    [InlineData(1, "ja(1)/nee(0)", "ja")]
    [InlineData(0, "ja(1)/nee(0)", "nee")]
    [InlineData(1, "ja/nee", "ja")]
    [InlineData(2, "decimalen", "2 decimalen")]
    [InlineData(1, "decimalen", "1 decimaal")]
    [InlineData(8, "maand", "augustus")]
    [InlineData(2026, "jaar", "2026")]
    [InlineData(5000, "euro", "€ 5.000,00")]
    [InlineData(2.69, "%", "2,69%")]
    [InlineData(600000, "uur", "600.000 uur")]
    public void Values_are_said_in_Dutch_with_their_unit(decimal value, string unit, string expected) =>
        Assert.Equal(expected, ValueText.Format(value, unit));

    [Fact]
    public void The_trace_says_parameters_by_their_description_and_yes_no_as_ja_or_nee()
    {
        var r = new QuotaCalculator(Embedded).Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m)));
        var steps = r.Trace.ToView();
        var bron = steps.SelectMany(s => s.Bronnen).First(b => b.Parameter == P.DecimalsVariables);
        Assert.Equal(Embedded.Definition(P.DecimalsVariables).Description, bron.Omschrijving);
        Assert.Equal("2 decimalen", bron.Tekst);
        var threshold = steps.First(s => s.Formule == "A ≥ drempel?");
        Assert.Equal("ja", threshold.Uitkomst);
        var text = r.Trace.ToText();
        Assert.Contains("uitkomst: ja", text);
        Assert.DoesNotContain("ja(1)/nee(0)", text);
        var levy = steps.Last().Bronnen.First(b => b.Parameter == P.LevySuspended);
        Assert.Equal("ja", levy.Tekst);
    }

    [Fact]
    public void The_law_catalogue_has_the_BWB_identifiers_of_the_sources()
    {
        // FACTS.md "Sources"; Wfsv and Wtl also checked on wetten.overheid.nl references.
        Assert.Equal("BWBR0017745", LawReferences.Wfsv.BwbId);
        Assert.Equal("BWBR0019070", LawReferences.BesluitWfsv.BwbId);
        Assert.Equal("BWBR0051018", LawReferences.WetBanenafspraak.BwbId);
        Assert.Equal("BWBR0037522", LawReferences.Wtl.BwbId);
        Assert.All(LawReferences.All.Where(l => l.BwbId is not null), l => Assert.Matches(@"^BWBR\d{7}$", l.BwbId!));
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38g", LawReferences.Wfsv.Url("38g"));
    }

    [Fact]
    public void A_reference_links_each_article_and_not_the_paragraph_numbers()
    {
        var links = LawReferences.Links("Wfsv art. 34 lid 4 en 6; Besluit Wfsv art. 2.20–2.21");
        Assert.Equal("Wfsv art. 34 lid 4 en 6; Besluit Wfsv art. 2.20–2.21", string.Concat(links.Select(l => l.Tekst)));
        Assert.Equal(["34", "2.20", "2.21"], links.Where(l => l.Url is not null).Select(l => l.Tekst));
        Assert.Equal(LawReferences.Wfsv.Url("34"), links.First(l => l.Tekst == "34").Url);
        Assert.Equal(LawReferences.BesluitWfsv.Url("2.20"), links.First(l => l.Tekst == "2.20").Url);

        Assert.Equal(["2.10", "2.13"], LawReferences.Links("Wtl art. 2.10 en 2.13").Where(l => l.Url is not null).Select(l => l.Tekst));
        Assert.Equal(["38g"], LawReferences.Links("Wfsv art. 38g lid 3 en lid 8").Where(l => l.Url is not null).Select(l => l.Tekst));
        Assert.Equal(["122na"], LawReferences.Links("Wfsv art. 122na").Where(l => l.Url is not null).Select(l => l.Tekst));
        // A law named without article links to the law; unknown text stays text.
        Assert.Equal(LawReferences.Wtl.Url(), LawReferences.Links("Wtl (BWBR0037522)").Single(l => l.Url is not null).Url);
        Assert.All(LawReferences.Links("Kamerstuk 34 352 nr. 65"), l => Assert.Null(l.Url));
    }

    [Fact]
    public void Every_legal_reference_of_the_quota_and_the_new_law_links_its_articles()
    {
        var traces = new[]
        {
            new QuotaCalculator(Embedded).Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), new PaidHours(600_000m),
                [new HiredInAttribution("w1", AttributionSide.Hirer, new PaidHours(100m), new PaidHours(200m), new DateOnly(2023, 3, 1))], new PaidHours(10m))).Trace,
            new QuotaCalculator(Embedded).Compute(new QuotaInput(2022, new PaidHours(600_000m), new PaidHours(15_000m), IsGovernmentEmployer: false)).Trace,
            new WetBanenafspraak2025Rules(Embedded).Compute(new EmployerYear(2026, new PaidHours(600_000m), new PaidHours(15_000m),
                TargetGroupEmployees: [new TargetGroupEmployee("w1", new PaidHours(1000m))])).Trace,
        };
        foreach (var step in traces.SelectMany(t => t.ToView()).Where(s => s.Wetsartikel is not null))
        {
            Assert.Equal(step.Wetsartikel, string.Concat(step.Wetsartikelen.Select(w => w.Tekst)));
            Assert.True(step.Wetsartikelen.Any(w => w.Url is not null), $"geen link in '{step.Wetsartikel}'");
            Assert.All(step.Wetsartikelen.Where(w => w.Url is not null && !w.Url.Contains("officielebekendmakingen")),
                w => Assert.StartsWith("https://wetten.overheid.nl/", w.Url));
        }
    }
}
