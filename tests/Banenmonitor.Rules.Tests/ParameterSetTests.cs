using Banenmonitor.Rules.Parameters;

namespace Banenmonitor.Rules.Tests;

public class ParameterSetTests
{
    private const string Catalog = "naam,eenheid,per_jaar,regime,omschrijving\np_jaar,procent,ja,x,Per jaar\np_vast,uur,nee,x,Vast\n";
    private const string Header = "naam,geldig_vanaf,waarde,status,bron\n";

    private static ParameterSet Load(string values) => ParameterSet.Load([("catalogus.csv", Catalog), ("waarden.csv", Header + values)]);

    [Fact]
    public void Embedded_parameters_load_and_every_catalog_entry_has_a_value_with_a_source()
    {
        var set = ParameterSet.Embedded;
        Assert.NotEmpty(set.Definitions);
        foreach (var d in set.Definitions)
        {
            var history = set.History(d.Name);
            Assert.NotEmpty(history);
            Assert.All(history, v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
        }
    }

    [Theory]
    [InlineData(ParameterNames.HoursPerJobPerYear, 2022, "1331", ParameterStatus.Law)]
    [InlineData(ParameterNames.HoursPerJobPerWeek, 2015, "25.5", ParameterStatus.Law)]
    [InlineData(ParameterNames.AverageEmployeeHoursPerYear, 2023, "1623", ParameterStatus.Law)]
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2018, "1.93", ParameterStatus.Regulation)] // Stcrt. 2017, 60073 (Regeling Wfsv art. 3.37)
    // 2022: the research report's worked example (De Beleidsonderzoekers 2023, footnote 20), hence the status "rapport".
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2022, "2.69", ParameterStatus.Report)]
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2020, "2.35", ParameterStatus.Letter)]
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2024, "2.76", ParameterStatus.Published)]
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2021, "2.57", ParameterStatus.Unconfirmed)]
    [InlineData(ParameterNames.LevyPerMissingJob, 2020, "5000", ParameterStatus.Law)]
    [InlineData(ParameterNames.GovernmentShareHiredIn, 2021, "32", ParameterStatus.Letter)]
    [InlineData(ParameterNames.TargetGovernment, 2024, "25000", ParameterStatus.Regulation)]
    public void Values_and_statuses_are_those_of_FACTS(string name, int year, string expected, ParameterStatus status)
    {
        var v = ParameterSet.Embedded.Get(name, year);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v.Value);
        Assert.Equal(status, v.Status);
    }

    [Fact]
    public void Hours_per_job_per_year_follows_from_the_baseline_it_was_derived_from()
    {
        var p = ParameterSet.Embedded;
        var hours = p.Get(ParameterNames.BaselinePaidHours, 2013).Required;
        var jobs = p.Get(ParameterNames.BaselineJobsForHoursNorm, 2013).Required;
        Assert.Equal(p.Get(ParameterNames.HoursPerJobPerYear, 2013).Required, Math.Floor(hours / jobs)); // 1,331.4 → 1,331
        Assert.Equal(p.Get(ParameterNames.HoursPerJobPerMonth, 2013).Required, Math.Round(p.Get(ParameterNames.HoursPerJobPerYear, 2013).Required / 12m, 2));
    }

    [Fact]
    public void Unknown_name_is_an_error_naming_file_and_line()
    {
        var e = Assert.Throws<ParameterFileException>(() => Load("p_vast,2013-01-01,1,law,bron\nonbekend,2013-01-01,1,law,bron\np_jaar,2013-01-01,1,law,b\n"));
        Assert.Contains(e.Problems, p => p.StartsWith("waarden.csv:3") && p.Contains("onbekende parameter 'onbekend'"));
    }

    [Fact]
    public void Overlapping_values_are_an_error()
    {
        var e = Assert.Throws<ParameterFileException>(() => Load("p_vast,2013-01-01,1,law,a\np_vast,2013-01-01,2,law,b\np_jaar,2013-01-01,1,law,b\n"));
        Assert.Contains(e.Problems, p => p.Contains("overlap"));
    }

    [Fact]
    public void A_gap_in_a_yearly_series_is_an_error_naming_the_missing_years()
    {
        var e = Assert.Throws<ParameterFileException>(() => Load("p_vast,2013-01-01,1,law,a\np_jaar,2018-01-01,1,law,b\np_jaar,2021-01-01,2,law,b\n"));
        Assert.Contains(e.Problems, p => p.Contains("gat") && p.Contains("2019 t/m 2020"));
    }

    [Theory]
    [InlineData("p_vast,2013-01-01,1,law,\n", "bron ontbreekt")]
    [InlineData("p_vast,2013-01-01,abc,law,x\n", "geen getal")]
    [InlineData("p_vast,2013-01-01,,law,x\n", "lege waarde mag alleen bij status unconfirmed of not_applicable")]
    [InlineData("p_vast,2013-01-01,1,not_applicable,x\n", "not_applicable (niet van toepassing) heeft geen waarde")]
    [InlineData("p_vast,2013-01-01,1,seed,x\n", "onbekende status 'seed' (law, published, letter, report, regulation, derived, unconfirmed, not_applicable, decree, parliamentary_paper, uwv_publication)")]
    [InlineData("p_vast,13-01-2013,1,law,x\n", "geen datum")]
    [InlineData("p_vast,2013-01-01,1,zeker,x\n", "onbekende status")]
    [InlineData("p_vast,2013-01-01,1,law\n", "verwacht 5 kolommen")]
    public void Malformed_rows_are_rejected_with_a_Dutch_reason(string row, string expected)
    {
        var e = Assert.Throws<ParameterFileException>(() => Load("p_jaar,2013-01-01,1,law,b\n" + row));
        Assert.Contains(e.Problems, p => p.Contains(expected));
    }

    [Fact]
    public void A_documented_unconfirmed_hole_loads_but_cannot_be_used_until_supplied_with_a_source()
    {
        var set = Load("p_vast,2013-01-01,1,law,a\np_jaar,2020-01-01,1.5,law,b\np_jaar,2021-01-01,,unconfirmed,niet gevonden\n");
        var e = Assert.Throws<MissingParameterException>(() => set.Get("p_jaar", 2021));
        Assert.Contains("onbevestigd", e.Message);
        var supplied = set.WithOverride("p_jaar=2021:1.7:Brief UWV 2020");
        var v = supplied.Get("p_jaar", 2021);
        Assert.Equal(1.7m, v.Value);
        Assert.Equal(ParameterStatus.Unconfirmed, v.Status);
        Assert.Equal("Brief UWV 2020", v.Source);
        // the original set is unchanged (immutable)
        Assert.Throws<MissingParameterException>(() => set.Get("p_jaar", 2021));
    }

    [Fact]
    public void A_not_applicable_year_loads_without_value_and_says_why_when_asked()
    {
        var set = Load("p_vast,2013-01-01,1,law,a\np_jaar,2025-01-01,2.5,law,b\np_jaar,2026-01-01,,not_applicable,Wet banenafspraak art. 12\n");
        var v = set.History("p_jaar")[1];
        Assert.Null(v.Value);
        Assert.Equal(ParameterStatus.NotApplicable, v.Status);
        Assert.Equal("not_applicable", v.Status.Code());
        Assert.Equal("niet van toepassing", v.Status.Dutch());
        Assert.False(set.TryGet("p_jaar", 2026, out _));
        var e = Assert.Throws<MissingParameterException>(() => set.Get("p_jaar", 2026));
        Assert.Contains("niet van toepassing", e.Message);
        Assert.Contains("Wet banenafspraak art. 12", e.Message);
        Assert.DoesNotContain("onbevestigd", e.Message);
        Assert.True(ParameterStatusText.TryParse("niet van toepassing", out var parsed) && parsed == ParameterStatus.NotApplicable);
    }

    [Fact]
    public void The_quota_regime_is_not_applicable_from_2026_and_before_its_activation_in_2018()
    {
        var p = ParameterSet.Embedded;
        foreach (var year in new[] { 2015, 2016, 2017, 2026 })
        {
            var v = p.History(ParameterNames.QuotaPercentageGovernment).Single(x => x.ValidFrom.Year == year);
            Assert.Equal(ParameterStatus.NotApplicable, v.Status);
            Assert.Null(v.Value);
        }
        Assert.Contains("art. 12", p.History(ParameterNames.QuotaPercentageGovernment).Single(x => x.ValidFrom.Year == 2026).Source);
    }

    [Fact]
    public void The_2023_quota_percentage_names_where_2_99_comes_from_and_stays_unconfirmed()
    {
        // 2,99 is SZW's indication of 2018 (Voion, 11 September 2018), not the percentage fixed for 2023.
        var v = ParameterSet.Embedded.Get(ParameterNames.QuotaPercentageGovernment, 2023);
        Assert.Equal(ParameterStatus.Unconfirmed, v.Status);
        Assert.Contains("Voion", v.Source);
        Assert.Contains("indicatie", v.Source);
    }

    [Fact]
    public void A_yearly_parameter_is_not_extended_silently_beyond_its_last_year()
    {
        var set = Load("p_vast,2013-01-01,1,law,a\np_jaar,2020-01-01,1.5,law,b\n");
        Assert.Throws<MissingParameterException>(() => set.Get("p_jaar", 2021));
        Assert.Equal(1m, set.Get("p_vast", 2030).Value); // a step function continues
    }

    [Fact]
    public void An_override_needs_a_source_and_a_known_name()
    {
        var set = ParameterSet.Embedded;
        Assert.Throws<ArgumentException>(() => set.WithOverride(new ParameterValue(ParameterNames.QuotaPercentageGovernment, new DateOnly(2025, 1, 1), 2.8m, ParameterStatus.Unconfirmed, " ", "")));
        Assert.Throws<MissingParameterException>(() => set.WithOverride("bestaat_niet=2025:1:bron"));
        Assert.Throws<ArgumentException>(() => set.WithOverride("quotumpercentage_overheid=2025:abc:bron"));
    }

    /// <summary>TryGet (which no longer throws internally) answers exactly as Get for every parameter and year, known or not.</summary>
    [Fact]
    public void TryGet_agrees_with_Get_for_every_parameter_and_year()
    {
        var sets = new[] { ParameterSet.Embedded, ParameterSet.Embedded.WithOverride("wba_activeringsjaar=2026:2026:test") };
        var checkedBoth = (found: 0, missing: 0);
        foreach (var set in sets)
            foreach (var name in set.Definitions.Select(d => d.Name).Append("bestaat_niet"))
                for (var year = 2010; year <= 2032; year++)
                {
                    ParameterValue? viaGet;
                    try { viaGet = set.Get(name, year); }
                    catch (MissingParameterException) { viaGet = null; }
                    Assert.Equal(viaGet is not null, set.TryGet(name, year, out var viaTry));
                    Assert.Same(viaGet, viaTry);
                    if (viaGet is null) checkedBoth.missing++; else checkedBoth.found++;
                }
        Assert.True(checkedBoth.found > 100 && checkedBoth.missing > 100, checkedBoth.ToString());
    }
}
