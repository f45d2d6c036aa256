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
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2018, "1.93", ParameterStatus.Published)]
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2022, "2.69", ParameterStatus.Seed)]
    [InlineData(ParameterNames.QuotaPercentageGovernment, 2021, "2.57", ParameterStatus.Unconfirmed)]
    [InlineData(ParameterNames.LevyPerMissingJob, 2020, "5000", ParameterStatus.Law)]
    [InlineData(ParameterNames.GovernmentShareHiredIn, 2021, "32", ParameterStatus.Seed)]
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
    [InlineData("p_vast,2013-01-01,,law,x\n", "lege waarde mag alleen bij status unconfirmed")]
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
