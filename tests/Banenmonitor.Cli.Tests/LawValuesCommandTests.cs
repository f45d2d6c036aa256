using System.Globalization;
using System.Text.Json;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// Issue 22 on the command line: every parameter has a value or a status for the years users ask about, the quota
/// percentage's derivation from Wfsv art. 38f, and the years 2024, 2025 and 2026 in <c>quotum</c> and <c>vergelijk</c>.
/// </summary>
public class LawValuesCommandTests
{
    private static List<JsonElement> Json(params string[] args)
    {
        var (exit, output, err) = CliRunner.Run(args);
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void Parameters_json_has_no_empty_value_without_a_status_that_explains_it()
    {
        var rows = Json("parameters", "--format", "json");
        Assert.All(rows, r =>
        {
            if (r.GetProperty("waarde").ValueKind == JsonValueKind.Null)
                Assert.Contains(r.GetProperty("status").GetString(), new[] { "onbevestigd", "niet van toepassing" });
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("bron").GetString()));
            Assert.DoesNotMatch(@"(?i)\bseeds?\b", r.GetProperty("bron").GetString()!);
        });
        // The inputs of the quota formula and the scenario input are listed, marked as what they are.
        Assert.Contains(rows, r => r.GetProperty("naam").GetString() == "quotumformule_banen_nulmeting_overheid" && r.GetProperty("status").GetString() == "regeling");
        var scenario = Assert.Single(rows, r => r.GetProperty("naam").GetString() == "scenario_quotumpercentage_wba" && r.GetProperty("geldigVanaf").GetString() == "2026-01-01");
        Assert.Equal("scenario", scenario.GetProperty("regime").GetString());
        Assert.DoesNotContain(rows, r => r.GetProperty("naam").GetString() == "wba_drempel_aantal_werknemers");
    }

    /// <summary>For each year users ask about, <c>parameters --jaar</c> lists every catalogued parameter: with a value or a status saying why not.</summary>
    [Theory]
    [InlineData(2015)]
    [InlineData(2021)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Parameters_for_a_year_list_every_parameter_with_a_value_or_an_explaining_status(int year)
    {
        var all = Json("parameters", "--format", "json").Select(r => r.GetProperty("naam").GetString()).Distinct().ToList();
        var rows = Json("parameters", "--jaar", year.ToString(CultureInfo.InvariantCulture), "--format", "json");
        Assert.Equal(all.Order(), rows.Select(r => r.GetProperty("naam").GetString()).Order());
        Assert.All(rows, r => Assert.True(r.GetProperty("waarde").ValueKind != JsonValueKind.Null
            || r.GetProperty("status").GetString() is "onbevestigd" or "niet van toepassing", r.GetProperty("naam").GetString()));
    }

    [Fact]
    public void The_derivation_of_2018_and_2020_names_the_missing_inputs_keeps_the_published_percentage_and_shows_both_variants_of_A()
    {
        const string fg = "quotumformule_banen_arbeidsbeperkten_38b_lid2_overheid", d = "quotumformule_werknemersbanen_overheid";
        var rows = Json("quotumpercentage", "--format", "json");
        var byYear = rows.ToDictionary(r => r.GetProperty("jaar").GetInt32());
        foreach (var (year, pct, missing) in new[] { (2018, 1.93m, new[] { fg }), (2020, 2.35m, [d, fg]) })
        {
            var r = byYear[year];
            Assert.Equal("niet af te leiden: invoer ontbreekt", r.GetProperty("uitkomst").GetString());
            Assert.Equal("((A + B) × C + F × G) ÷ (D × E) × 100", r.GetProperty("formule").GetString());
            Assert.Equal(pct, r.GetProperty("inGebruik").GetDecimal());
            Assert.Equal(missing, r.GetProperty("ontbrekend").EnumerateArray().Select(x => x.GetString()!));
            Assert.Equal("quotumformule_banen_nulmeting_overheid", Assert.Single(r.GetProperty("nietVastgesteld").EnumerateArray()).GetProperty("parameter").GetString());
            Assert.Equal([12_196m, 13_504m], r.GetProperty("varianten").EnumerateArray()
                .Select(v => Assert.Single(v.GetProperty("keuzes").EnumerateArray()).GetProperty("waarde").GetDecimal()));
            Assert.True(r.GetProperty("stappen").GetArrayLength() >= 8);
        }
        // 2018: D from the regulation (Stcrt. 2017, 60073); per variant the F × G ÷ C that 1,93 % implies, shown as implied,
        // and how far 1,93 % lies above the percentage with F × G ÷ C = 0.
        var v2018 = byYear[2018].GetProperty("varianten").EnumerateArray().ToList();
        var low = v2018[0].GetProperty("geimpliceerd");
        Assert.Equal("F × G ÷ C", low.GetProperty("variabele").GetString());
        Assert.InRange(low.GetProperty("van").GetDecimal(), 1_816m, 1_817m);
        Assert.Equal(1.79m, low.GetProperty("percentageZonderDezeInvoer").GetDecimal());
        Assert.Equal(0.14m, v2018[0].GetProperty("verschilGebruiktMinZonderInvoer").GetDecimal());
        Assert.InRange(v2018[1].GetProperty("geimpliceerd").GetProperty("van").GetDecimal(), 508m, 509m);
        Assert.Equal(1.89m, v2018[1].GetProperty("geimpliceerd").GetProperty("percentageZonderDezeInvoer").GetDecimal());
        Assert.Equal(0.04m, v2018[1].GetProperty("verschilGebruiktMinZonderInvoer").GetDecimal());
        // 2020: no range, but the bound on D per variant, labelled as implied without a source.
        foreach (var v in byYear[2020].GetProperty("varianten").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, v.GetProperty("geimpliceerd").ValueKind);
            var bound = v.GetProperty("ondergrens");
            Assert.Equal("D", bound.GetProperty("variabele").GetString());
            Assert.Equal("geïmpliceerd, geen bron", bound.GetProperty("soort").GetString());
            Assert.True(bound.GetProperty("groterDan").GetDecimal() > 900_000m);
        }
        Assert.Single(byYear[2024].GetProperty("varianten").EnumerateArray());
        Assert.Equal("niet van toepassing", byYear[2026].GetProperty("uitkomst").GetString());
        Assert.Equal("niet van toepassing", byYear[2017].GetProperty("uitkomst").GetString());
        // Text: the steps, both variants, the administrator's way to supply a missing input, and F never as hired-in jobs.
        var (exit, text, _) = CliRunner.Run("quotumpercentage", "--jaar", "2020");
        Assert.Equal(0, exit);
        Assert.Contains("Variabele D ontbreekt", text);
        Assert.Contains("Variant A = 12.196: Geïmpliceerd door het gebruikte percentage 2,35%: ondergrens van variabele D", text);
        Assert.Contains("Variant A = 13.504", text);
        Assert.Contains("Stcrt. 2019, 69523", text);
        Assert.Contains("--parameter quotumformule_werknemersbanen_overheid=2020:WAARDE", text);
        Assert.DoesNotContain("inleen", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Supplied_D_and_F_are_derived_and_a_difference_is_a_controle_finding()
    {
        string[] supplied = ["--parameter", "quotumformule_banen_arbeidsbeperkten_38b_lid2_overheid=2020:0:beheerder (toets)",
                             "--parameter", "quotumformule_werknemersbanen_overheid=2020:900000:beheerder (toets)"];
        var r = Assert.Single(Json(["quotumpercentage", "--jaar", "2020", .. supplied, "--format", "json"]));
        var expected = new[] { 12_196m, 13_504m }.Select(a => Math.Floor((a + 16_250m + 0m) * 1331m / (900_000m * 1623m) * 100m * 100m) / 100m).ToList();
        Assert.Equal(expected, r.GetProperty("varianten").EnumerateArray().Select(v => v.GetProperty("afgeleid").GetDecimal()));
        Assert.Equal(expected.Contains(2.35m) ? "bevestigd door afleiding" : "wijkt af", r.GetProperty("uitkomst").GetString());
        var (exit, output, err) = CliRunner.Run(["controle", "--jaar", "2020", "--sector", "landelijk", .. supplied, "--format", "json"]);
        Assert.True(exit is 0 or 1, err);
        using var doc = JsonDocument.Parse(output);
        var json = doc.RootElement.GetRawText();
        Assert.Contains("quotumpercentage sector overheid 2020", json);
    }

    [Fact]
    public void Controle_reports_the_sources_that_disagree_on_the_end_of_the_target_path()
    {
        var (_, output, err) = CliRunner.Run("controle", "--jaar", "2024", "--sector", "landelijk", "--format", "json");
        Assert.True(output.Length > 0, err);
        Assert.Contains("einde ingroeipad sector overheid", output);
        Assert.Contains("tot 2024", output);
        Assert.Contains("Kamerbrief BZK 2024 over 2023", output);
        var (_, rvs, _) = CliRunner.Run("controle", "--jaar", "2025", "--sector", "landelijk", "--format", "json");
        Assert.Contains("Kamerstuk 36 449, nr. 4", rvs);
        Assert.Contains("Tegenstrijdig", rvs);
    }

    [Fact]
    public void Quotum_computes_2024_with_the_UWV_percentage()
    {
        var (exit, output, err) = CliRunner.Run("quotum", "--jaar", "2024", "--verloonde-uren", "600000", "--verloonde-uren-vorig-jaar", "600000",
            "--uren-doelgroep", "10000", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2024, doc.RootElement.GetProperty("jaar").GetInt32());
        Assert.Contains("2,76", output);
        Assert.Contains("UWV", output);
    }

    [Fact]
    public void Quotum_2025_says_which_value_is_missing_and_2026_which_law_applies_and_why()
    {
        var (e25, _, err25) = CliRunner.Run("quotum", "--jaar", "2025", "--verloonde-uren", "600000");
        Assert.Equal(2, e25);
        Assert.Contains("Wfsv art. 122na lid 2", err25);
        Assert.Contains("Gezocht", err25);
        var (e26, _, err26) = CliRunner.Run("quotum", "--jaar", "2026", "--verloonde-uren", "600000");
        Assert.Equal(2, e26);
        Assert.Contains("Wet banenafspraak", err26);
        Assert.Contains("art. 12", err26);
        Assert.Contains("geen quotumpercentage", err26);
    }

    /// <summary>
    /// vergelijk for 2025 and 2026: the quotumregeling is not computed (no percentage) and says why; the Wet banenafspraak
    /// is computed with its 2026 values; with the wage bill of t−2 the small-employer test is made.
    /// </summary>
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Vergelijk_explains_the_quotumregeling_and_computes_the_new_law(int year)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var (exit, output, err) = CliRunner.Run("vergelijk", "werkgever", "--jaar", y, "--verloonde-uren", "1000000", "--uren-doelgroep", "10000",
            "--verloonde-uren-vorig-jaar", "1000000", "--werknemer-uren", "1331", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        var q = r.GetProperty("quotumregeling");
        Assert.False(q.GetProperty("berekenbaar").GetBoolean());
        // The first explanation says why the quotumregeling has no value: for 2025 the percentage is unconfirmed (with what was
        // searched), for 2026 the Wet banenafspraak (art. 12) made the quotumregeling not applicable.
        var why = r.GetProperty("toelichting")[0].GetString()!;
        if (year == 2025) { Assert.Contains("onbevestigd", why); Assert.Contains("Gezocht", why); }
        else { Assert.Contains("Wet banenafspraak", why); Assert.Contains("art. 12", why); }
        Assert.DoesNotContain("--parameter", why);
        // The new law with its values of 2026 (its first year): the wage cost advantage per paid hour.
        Assert.Equal(1331m * 1.01m, r.GetProperty("wetBanenafspraak2025").GetProperty("teOntvangen").GetDecimal());

        // Activated, with an average premium wage supplied: the wage bill of t−2 decides, not the hours.
        string[] activated = ["--parameter", "wba_activeringsjaar=2026:2024:test", "--parameter", "wba_inclusiviteitsopslag_percentage=2026:0.5:test",
                              "--parameter", "gemiddeld_premieloon_per_werknemer=2026:40000:test"];
        var (sx, small, se) = CliRunner.Run(["vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1000000", "--premieloon", "40000000",
            "--premieloon-t-min-2", "1000000", .. activated, "--format", "json"]);
        Assert.True(sx == 0, se);
        Assert.Contains("Kleine werkgever", small);
        var (lx, large, le) = CliRunner.Run(["vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1000000", "--premieloon", "40000000",
            "--premieloon-t-min-2", "1000001", .. activated, "--format", "json"]);
        Assert.True(lx == 0, le);
        using var ld = JsonDocument.Parse(large);
        Assert.Equal(200_000m, ld.RootElement.GetProperty("wetBanenafspraak2025").GetProperty("teBetalen").GetDecimal());
        var (nx, none, ne) = CliRunner.Run(["vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1000000", "--premieloon", "40000000", .. activated, "--format", "json"]);
        Assert.True(nx == 0, ne);
        Assert.Contains("jaar t−2", none);
    }
}
