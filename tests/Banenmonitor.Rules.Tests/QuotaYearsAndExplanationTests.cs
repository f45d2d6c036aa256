using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Laws;
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
        Assert.Contains(LawCatalog.WetBanenafspraak.BwbId, y.Block.Message);
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
        // FACTS.md "Sources"; the Regeling Wfsv's identifier from its consolidated text (Regeling van 2 december 2005).
        Assert.Equal("BWBR0017745", LawCatalog.Wfsv.BwbId);
        Assert.Equal("BWBR0019070", LawCatalog.BesluitWfsv.BwbId);
        Assert.Equal("BWBR0019150", LawCatalog.RegelingWfsv.BwbId);
        Assert.Equal("BWBR0051018", LawCatalog.WetBanenafspraak.BwbId);
        Assert.Equal("BWBR0037522", LawCatalog.Wtl.BwbId);
        Assert.All(LawCatalog.All, l => Assert.Matches(@"^BWBR\d{7}$", l.BwbId));
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38g", LawCatalog.Wfsv.Url("38g"));
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38g&lid=3", LawCatalog.Wfsv.Article("38g", "3").Url);
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0019070&artikel=2.22&g=2024-01-01&z=2024-01-01",
            LawCatalog.BesluitWfsv.Article("2.22").On(new DateOnly(2024, 1, 1)).Url);
        Assert.Equal("https://wetten.overheid.nl/BWBR0051018", LawCatalog.WetBanenafspraak.Whole.Url);
    }

    [Theory]
    [InlineData("BWBR0017745,Wfsv,Wfsv,x\nBWBR0017745,Wfsv2,Wfsv,x", "twee keer")]
    [InlineData("BWBR17745,Wfsv,Wfsv,x", "geen BWB-identificatie")]
    [InlineData("BWBR0017745,Wfsv,Wfsv", "verwacht 4 kolommen")]
    public void A_bad_law_catalogue_is_refused_with_its_line(string rows, string expected)
    {
        var e = Assert.Throws<ParameterFileException>(() => LawCatalog.Load("bwb_id,afkorting,titel,bron\n" + rows));
        Assert.Contains(expected, e.Message);
        Assert.Contains("wetten.csv:", e.Message);
    }

    [Fact]
    public void A_reference_links_each_article_and_paragraph()
    {
        IReadOnlyList<LegalReference> refs = [LawCatalog.Wfsv.Article("34", "4"), LawCatalog.Wfsv.Article("34", "6"), LawCatalog.BesluitWfsv.Articles("2.20", "2.21")];
        var links = LegalReference.Links(refs);
        Assert.Equal("Wfsv art. 34 lid 4 en 6; Besluit Wfsv art. 2.20–2.21", string.Concat(links.Select(l => l.Tekst)));
        Assert.Equal(["34 lid 4", "6", "2.20–2.21"], links.Where(l => l.Url is not null).Select(l => l.Tekst));
        Assert.Equal(LawCatalog.Wfsv.Article("34", "6").Url, links.First(l => l.Tekst == "6").Url);
        Assert.Equal(LawCatalog.BesluitWfsv.Url("2.20"), links.First(l => l.Tekst == "2.20–2.21").Url);
        Assert.Equal("Wtl art. 2.10 en 2.13", LegalReference.Text([LawCatalog.Wtl.Article("2.10"), LawCatalog.Wtl.Article("2.13")]));
        Assert.Equal("Wet banenafspraak (BWBR0051018); Wtl (BWBR0037522)",
            LegalReference.Text([LawCatalog.WetBanenafspraak.Whole, LawCatalog.Wtl.Whole], withIds: true));
    }

    [Theory]
    [InlineData("Wfsv art. 34 lid 4 en 6; Besluit Wfsv art. 2.20–2.21")]
    [InlineData("Wfsv art. 38g lid 3 en 8; Besluit Wfsv art. 2.22")]
    [InlineData("Wtl art. 2.10 en 2.13")]
    [InlineData("Wfsv art. 38f; Wfsv art. 122na lid 2")]
    [InlineData("Besluit Wfsv art. 2.27–2.31")]
    [InlineData("Wet banenafspraak")]
    [InlineData("Regeling Wfsv art. 3.35")]
    public void A_written_reference_reads_back_as_written(string text)
    {
        var refs = LegalReference.Parse(text);
        Assert.NotEmpty(refs);
        Assert.Equal(text.Replace("; Wfsv art. 122na", " en 122na"), LegalReference.Text(refs));
        Assert.All(refs, r => Assert.NotNull(LawCatalog.Find(r.BwbId)));
    }

    [Fact]
    public void A_reference_by_BWB_identifier_and_with_a_version_date_is_read()
    {
        var r = Assert.Single(LegalReference.Parse("BWBR0017745 art. 38h lid 4 @2024-01-01"));
        Assert.Equal(new LegalReference("BWBR0017745", "38h", null, "4", new DateOnly(2024, 1, 1)), r);
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38h&lid=4&g=2024-01-01&z=2024-01-01", r.Url);
    }

    [Theory]
    [InlineData("Wet LIV art. 3", "staat niet in de catalogus")]
    [InlineData("Wfsv art. lid 4", "'lid' zonder artikel")]
    [InlineData("Wfsv art. ", "geen artikelnummer")]
    [InlineData("Wfsv art. 38h @2024-13-01", "versiedatum")]
    public void A_reference_that_cannot_be_read_is_refused_not_guessed(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => LegalReference.Parse(text)).Message);

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
            Assert.All(step.Wetsartikelen.Where(w => w.Url is not null), w => Assert.StartsWith("https://wetten.overheid.nl/", w.Url));
            Assert.NotEmpty(step.Verwijzingen);
            Assert.All(step.Verwijzingen, v => Assert.Equal(LawCatalog.Get(v.BwbId).Abbreviation, v.Wet));
        }
    }
}
