using System.Text.Json;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Cli.Tests;

public class CoreCommandTests
{
    [Fact]
    public void Quotum_json_has_the_contract_fields_and_a_step_by_step_trace()
    {
        var (exit, output, err) = CliRunner.Run("quotum", "--jaar", "2022", "--verloonde-uren", "600000", "--uren-doelgroep", "15000", "--verloonde-uren-vorig-jaar", "600000", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        foreach (var field in new[] { "jaar", "verloondeUren", "quotumpercentage", "vereisteBanen", "gerealiseerdeBanen", "quotumtekort", "quotumheffing", "vrijgesteld", "reden", "stappen" })
            Assert.True(root.TryGetProperty(field, out _), $"veld {field} ontbreekt");
        Assert.Equal(2022, root.GetProperty("jaar").GetInt32());
        Assert.Equal(0.8m, root.GetProperty("quotumtekort").GetDecimal());
        Assert.Equal(4000m, root.GetProperty("quotumheffing").GetDecimal());
        Assert.False(root.GetProperty("vrijgesteld").GetBoolean());
        var steps = root.GetProperty("stappen").EnumerateArray().ToList();
        Assert.True(steps.Count >= 6);
        foreach (var s in steps)
            foreach (var field in new[] { "omschrijving", "formule", "waarden", "bronnen" })
                Assert.True(s.TryGetProperty(field, out _), $"stapveld {field} ontbreekt");
        Assert.Contains(steps, s => s.GetProperty("bronnen").EnumerateArray().Any(b => b.GetProperty("bron").GetString()!.Contains("Besluit Wfsv art. 2.32")));
    }

    [Fact]
    public void Quotum_json_gives_every_legal_reference_with_its_BWB_id_and_link()
    {
        var (exit, output, err) = CliRunner.Run("quotum", "--jaar", "2022", "--verloonde-uren", "600000", "--uren-doelgroep", "15000", "--verloonde-uren-vorig-jaar", "600000", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var steps = doc.RootElement.GetProperty("stappen").EnumerateArray().ToList();
        var references = steps.SelectMany(s => s.GetProperty("verwijzingen").EnumerateArray())
            .Concat(steps.SelectMany(s => s.GetProperty("bronnen").EnumerateArray()).SelectMany(b => b.GetProperty("wetsartikelen").EnumerateArray())).ToList();
        Assert.NotEmpty(references);
        foreach (var r in references)
        {
            var bwb = r.GetProperty("bwbId").GetString()!;
            Assert.NotNull(Banenmonitor.Rules.Laws.LawCatalog.Find(bwb));
            Assert.StartsWith($"https://wetten.overheid.nl/jci1.3:c:{bwb}&artikel=", r.GetProperty("url").GetString());
        }
        // Every step that applies an article lists it structured, the levy's article with its paragraph.
        Assert.All(steps.Where(s => s.TryGetProperty("wetsartikel", out var w) && w.ValueKind == JsonValueKind.String), s => Assert.NotEmpty(s.GetProperty("verwijzingen").EnumerateArray()));
        Assert.Contains(references, r => r.GetProperty("url").GetString() == "https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38h&lid=4"
                                         && r.GetProperty("wet").GetString() == "Wfsv" && r.GetProperty("lid").GetString() == "4");
    }

    [Fact]
    public void Parameters_json_gives_the_article_of_law_of_a_value_with_its_link()
    {
        var (exit, output, err) = CliRunner.Run("parameters", "--naam", "quotumheffing_per_ontbrekende_baan", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var w = doc.RootElement.EnumerateArray().Last().GetProperty("wetsartikelen").EnumerateArray().Single();
        Assert.Equal("BWBR0017745", w.GetProperty("bwbId").GetString());
        Assert.Equal("Wfsv art. 38h lid 4", w.GetProperty("tekst").GetString());
        Assert.Equal("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38h&lid=4", w.GetProperty("url").GetString());
    }

    [Fact]
    public void Quotum_text_is_a_Dutch_step_by_step_explanation()
    {
        var (exit, output, _) = CliRunner.Run("quotum", "--jaar", "2022", "--fte", "300", "--uren-per-week", "38");
        Assert.Equal(0, exit);
        Assert.Contains("Quotumtekort", output);
        Assert.Contains("Wfsv art. 38g lid 3", output);
        Assert.Contains("Quotumheffing:        € 60.000,00", output);
    }

    [Fact]
    public void Meting_shows_the_uwv_quarterly_figures_of_the_year_with_their_sources_and_checks()
    {
        var file = Banenmonitor.Rules.Published.PublishedData.Embedded.Quarterly;
        var (exit, output, err) = CliRunner.Run("meting", "--jaar", "2023", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var k = doc.RootElement.GetProperty("kwartaalcijfers");
        Assert.Contains("geen officiële meting", k.GetProperty("toelichting").GetString());
        var figures = k.GetProperty("cijfers").EnumerateArray().ToList();
        Assert.Equal(file.OfYear(2023).Count, figures.Count);
        var q4 = figures.Single(f => f.GetProperty("kwartaal").GetInt32() == 4 && f.GetProperty("sector").GetString() == "totaal"
                                     && f.GetProperty("vorm").GetString() == "totaal" && f.GetProperty("grootheid").GetString() == "toename");
        Assert.Equal(86_264m, q4.GetProperty("waarde").GetDecimal());
        Assert.Contains("Op naar de 125.000", q4.GetProperty("bron").GetString());
        var check = k.GetProperty("controles").EnumerateArray().Single(c => c.GetProperty("cijfer").GetString()!.StartsWith("banen totaal 2023 K4", StringComparison.Ordinal));
        Assert.Equal("afronding", check.GetProperty("uitkomst").GetString());
        Assert.Equal(86_263m, check.GetProperty("berekend").GetDecimal());

        var (texit, text, terr) = CliRunner.Run("meting", "--jaar", "2023");
        Assert.True(texit == 0, terr);
        Assert.Contains("Kwartaalcijfers UWV 2023", text);
        Assert.Contains("86.264", text);
        Assert.Contains("76.258 + 10.835 − 830 = 86.263", text); // a negative part written as a subtraction
        Assert.Contains("geen officiële meting", text);
        // A year without quarterly figures says so.
        var (nexit, none, nerr) = CliRunner.Run("meting", "--jaar", "2016");
        Assert.True(nexit == 0, nerr);
        Assert.Contains("Over 2016 zijn geen kwartaalcijfers van UWV gevonden", none);
    }

    [Fact]
    public void Meting_2021_json_reproduces_Tabel_1_with_the_rounding_differences_explained()
    {
        var (exit, output, err) = CliRunner.Run("meting", "--jaar", "2021", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        decimal Cell(string sector, string form, string field = "toenameAfgerond") => r.GetProperty(sector).GetProperty(form).GetProperty(field).GetDecimal();
        Assert.Equal(59_928m, Cell("markt", "formeel"));
        Assert.Equal(7_094m, Cell("overheid", "formeel"));
        Assert.Equal(1_039m, Cell("markt", "inleen"));
        Assert.Equal(4_748m, Cell("overheid", "inleen"));
        Assert.Equal(5_787m, Cell("totaal", "inleen"));
        Assert.Equal(11_842m, Cell("overheid", "totaal"));
        Assert.Equal(72_809m, Cell("totaal", "totaal"));
        Assert.Equal(60_966m, Cell("markt", "totaal", "gepubliceerd"));
        Assert.Equal("afronding", r.GetProperty("markt").GetProperty("totaal").GetProperty("vergelijking").GetString());
        Assert.Equal(60_000m, r.GetProperty("markt").GetProperty("doelstelling").GetDecimal());
        Assert.Equal(20_000m, r.GetProperty("overheid").GetProperty("doelstelling").GetDecimal());
        Assert.Contains(r.GetProperty("opmerkingen").EnumerateArray(), o => o.GetString()!.Contains("afrondingsverschillen"));
    }

    [Fact]
    public void Parameters_json_lists_every_value_with_source_and_status()
    {
        var (exit, output, _) = CliRunner.Run("parameters", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Contains(rows, x => x.GetProperty("naam").GetString() == "uren_per_baan_per_jaar" && x.GetProperty("waarde").GetDecimal() == 1331m && x.GetProperty("status").GetString() == "wet");
        Assert.Contains(rows, x => x.GetProperty("status").GetString() == "onbevestigd");
        Assert.All(rows, x => Assert.False(string.IsNullOrWhiteSpace(x.GetProperty("bron").GetString())));
    }

    [Theory]
    // 2023: the 2018 indication with its named source, unconfirmed; 2024: UWV; 2026: the Wet banenafspraak (art. 12) replaced the quotumregeling.
    [InlineData(2023, "onbevestigd", "Voion")]
    [InlineData(2024, "gepubliceerd", "UWV")]
    [InlineData(2026, "niet van toepassing", "art. 12")]
    public void Parameters_for_one_year_give_the_quota_percentage_with_its_source_or_the_status_that_explains_its_absence(int year, string status, string source)
    {
        var (exit, output, err) = CliRunner.Run("parameters", "--jaar", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        var quota = Assert.Single(rows, x => x.GetProperty("naam").GetString() == "quotumpercentage_overheid");
        Assert.Equal($"{year}-01-01", quota.GetProperty("geldigVanaf").GetString());
        Assert.Equal(status, quota.GetProperty("status").GetString());
        Assert.Contains(source, quota.GetProperty("bron").GetString());
        Assert.DoesNotMatch(@"(?i)\bseed\b", output);
        // One value per parameter, and none of another year's series.
        Assert.Equal(rows.Count, rows.Select(x => x.GetProperty("naam").GetString()).Distinct().Count());
    }

    [Theory]
    [InlineData(new[] { "parameters", "--jaar", "dit jaar" }, "Ongeldige waarde 'dit jaar' voor --jaar")]
    [InlineData(new[] { "quotum", "--jaar", "twee" }, "Ongeldige waarde 'twee' voor --jaar")]
    [InlineData(new[] { "quotum", "--verloonde-uren", "1000" }, "De optie --jaar is verplicht")]
    [InlineData(new[] { "quotum", "--jaar", "2022", "--verloonde-uren", "-5" }, "negatieve waarde -5 is niet toegestaan")]
    [InlineData(new[] { "quotum", "--jaar", "2025", "--verloonde-uren", "600000" }, "onbevestigd")]
    [InlineData(new[] { "quotum", "--jaar", "2025", "--verloonde-uren", "600000" }, "Quotumpercentage sector overheid’ heeft voor 2025 geen waarde")]
    [InlineData(new[] { "quotum", "--jaar", "2025", "--verloonde-uren", "600000" }, "--parameter quotumpercentage_overheid=2025:WAARDE")]
    [InlineData(new[] { "quotum", "--jaar", "2026", "--verloonde-uren", "600000" }, "geldt de Wet banenafspraak (2025)")]
    [InlineData(new[] { "quotum", "--jaar", "2026", "--verloonde-uren", "600000" }, "banenmonitor vergelijk werkgever --jaar 2026")]
    [InlineData(new[] { "quotum", "--jaar", "2022", "--onzin" }, "onbekend commando of argument '--onzin'")]
    [InlineData(new[] { "meting", "--jaar", "1999" }, "Geen cijfers voor 1999")]
    [InlineData(new[] { "quotum", "--jaar", "2022", "--verloonde-uren", "100", "--uren-doelgroep", "200" }, "niet groter zijn dan de totale verloonde uren")]
    public void Bad_arguments_give_a_Dutch_message_and_a_non_zero_exit_without_a_stack_trace(string[] args, string expected)
    {
        var (exit, output, err) = CliRunner.Run(args);
        Assert.NotEqual(0, exit);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("Exception", err + output);
    }

    [Fact]
    public void An_unconfirmed_value_supplied_with_a_source_is_used_and_reported()
    {
        var (exit, output, err) = CliRunner.Run("quotum", "--jaar", "2025", "--verloonde-uren", "600000", "--verloonde-uren-vorig-jaar", "600000",
            "--parameter", "quotumpercentage_overheid=2025:2.80:Brief UWV (test)", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2.80m, doc.RootElement.GetProperty("quotumpercentage").GetDecimal());
        Assert.True(doc.RootElement.GetProperty("onbevestigdeParameterGebruikt").GetBoolean());
        Assert.Contains("Brief UWV (test)", output);
    }
}

public class VergelijkCommandTests
{
    [Fact]
    public void Sroi_scenario_2023_reproduces_Defensie_508_5_plus_235_8_of_822_from_the_data()
    {
        var (exit, output, err) = CliRunner.Run("vergelijk", "sector", "--jaar", "2023", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        var d = rows.Single(x => x.GetProperty("sector").GetString() == "defensie");
        Assert.Equal(822m, d.GetProperty("doel").GetDecimal());
        Assert.Equal(508.5m, d.GetProperty("realisatie").GetDecimal());
        Assert.Equal(235.8m, d.GetProperty("sroi").GetDecimal());
        Assert.Equal(90.5m, d.GetProperty("realisatiepercentageSroiScenario").GetDecimal());
        // Every sector where the seeds give SROI jobs gets a scenario percentage equal to (realisation + SROI) / target.
        foreach (var x in rows.Where(x => x.GetProperty("sroi").ValueKind == JsonValueKind.Number))
        {
            var expected = Math.Round((x.GetProperty("realisatie").GetDecimal() + x.GetProperty("sroi").GetDecimal()) / x.GetProperty("doel").GetDecimal() * 100m, 1, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, x.GetProperty("realisatiepercentageSroiScenario").GetDecimal());
        }
        Assert.True(rows.Count(x => x.GetProperty("sroi").ValueKind == JsonValueKind.Number) >= 3);
    }

    [Fact]
    public void Employer_comparison_shows_both_regimes_with_legal_bases()
    {
        var (exit, output, err) = CliRunner.Run("vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1000000", "--uren-doelgroep", "13310",
            "--verloonde-uren-vorig-jaar", "1000000", "--werknemer-uren", "1331;2500", "--parameter", "quotumpercentage_overheid=2026:2.76:test", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal(53_500m, r.GetProperty("quotumregeling").GetProperty("teBetalen").GetDecimal());
        Assert.True(r.GetProperty("quotumregeling").GetProperty("teBetalenOpgeschort").GetBoolean());
        Assert.Equal(1331m * 1.01m + 2000m, r.GetProperty("wetBanenafspraak2025").GetProperty("teOntvangen").GetDecimal());
        Assert.Contains("BWBR0051018", r.GetProperty("wetBanenafspraak2025").GetProperty("wettelijkegrondslag").GetString());
    }
}

public class VergelijkLandelijkCommandTests
{
    [Fact]
    public void National_comparison_on_a_synthetic_year_json_and_errors()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-cli-vergelijk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (gexit, _, gerr) = CliRunner.Run("synthetisch", "--werknemers", "8000", "--werkgevers", "200", "--jaar", "2023", "--uit", dir, "--zaad", "3");
            Assert.True(gexit == 0, gerr);
            var (exit, output, err) = CliRunner.Run("vergelijk", "landelijk", "--invoer", dir, "--jaar", "2023", "--regimejaar", "2028",
                "--parameter", "wba_activeringsjaar=2026:2026:test", "--parameter", "scenario_quotumpercentage_wba=2026:2.5:test", "--format", "json");
            Assert.True(exit == 0, err);
            using var doc = JsonDocument.Parse(output);
            var r = doc.RootElement;
            Assert.Equal(2028, r.GetProperty("parameterjaarWetBanenafspraak").GetInt32());
            var total = r.GetProperty("totaal");
            var groups = r.GetProperty("groepen").EnumerateArray().ToList();
            Assert.Equal(3, groups.Count);
            foreach (var field in new[] { "quotumheffing", "banenafspraakbonus", "loonkostenvoordeel", "inclusiviteitsopslag" })
                Assert.Equal(total.GetProperty(field).GetDecimal(), groups.Sum(g => g.GetProperty(field).GetDecimal()));
            Assert.Equal(0m, groups.Single(g => g.GetProperty("groep").GetString() == "markt").GetProperty("quotumheffing").GetDecimal());
            Assert.True(total.GetProperty("banenafspraakbonus").GetDecimal() > 0);
            var m = r.GetProperty("meting");
            Assert.Equal(m.GetProperty("totaal").GetDecimal(),
                m.GetProperty("formeelMarkt").GetDecimal() + m.GetProperty("formeelOverheid").GetDecimal() + m.GetProperty("inleen").GetDecimal(), 10);

            var (texit, text, terr) = CliRunner.Run("vergelijk", "landelijk", "--invoer", dir, "--jaar", "2023");
            Assert.True(texit == 0, terr);
            Assert.Contains("Zonder splitsing (Wet banenafspraak, één landelijke meting)", text);
            Assert.Contains("activeringsjaar", text);

            var (bexit, _, berr) = CliRunner.Run("vergelijk", "landelijk", "--invoer", dir + "-bestaat-niet", "--jaar", "2023");
            Assert.Equal(2, bexit);
            Assert.Contains("bestaat niet", berr);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void National_run_per_quarter_shows_the_uwv_quarterly_figures_of_the_year_beside_it()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-cli-kwartaal-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (gexit, _, gerr) = CliRunner.Run("synthetisch", "--werknemers", "2000", "--werkgevers", "50", "--jaar", "2023", "--uit", dir, "--zaad", "7");
            Assert.True(gexit == 0, gerr);
            var (exit, output, err) = CliRunner.Run("landelijk", "--invoer", dir, "--jaar", "2023", "--uit", dir + "-uit", "--per", "kwartaal");
            Assert.True(exit == 0, err);
            var published = output[output.IndexOf("Ter vergelijking: kwartaalcijfers UWV 2023", StringComparison.Ordinal)..];
            Assert.Contains("geen officiële meting", published);
            var file = Banenmonitor.Rules.Published.PublishedData.Embedded.Quarterly;
            foreach (var q in file.OfYear(2023).Where(r => r.Quantity == Banenmonitor.Rules.Measurement.QuarterlyFigures.Increase
                                                           && r.Sector == Banenmonitor.Rules.Measurement.MeasurementSector.Total
                                                           && r.Form == Banenmonitor.Rules.Measurement.EmploymentForm.Total))
                Assert.Contains($"Kwartaal {q.Quarter}: toename {DutchFormat.Number(q.Value)}", published);
            // Without --per kwartaal the run says nothing about quarters.
            var (pexit, plain, perr) = CliRunner.Run("landelijk", "--invoer", dir, "--jaar", "2023", "--uit", dir + "-uit2");
            Assert.True(pexit == 0, perr);
            Assert.DoesNotContain("kwartaalcijfers UWV", plain);
        }
        finally
        {
            foreach (var d in new[] { dir, dir + "-uit", dir + "-uit2" }) if (Directory.Exists(d)) Directory.Delete(d, true);
        }
    }

    [Fact]
    public void National_run_with_profiel_lists_every_phase_with_wall_and_cpu_seconds_that_add_up_to_the_total()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bm-cli-profiel-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (gexit, _, gerr) = CliRunner.Run("synthetisch", "--werknemers", "4000", "--werkgevers", "100", "--jaar", "2023", "--uit", dir, "--zaad", "5");
            Assert.True(gexit == 0, gerr);
            var (exit, _, err) = CliRunner.Run("landelijk", "--invoer", dir, "--jaar", "2023", "--uit", dir + "-uit", "--profiel");
            Assert.True(exit == 0, err);
            var lines = err.Split('\n').SkipWhile(l => !l.StartsWith("Profiel (seconden per fase: klok, processortijd):", StringComparison.Ordinal)).Skip(1)
                .Where(l => l.Trim().Length > 0).ToList();
            var phases = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s+(\d+,\d\d)\s+(\d+,\d\d)\s+(.+)$")).ToList();
            Assert.All(phases, m => Assert.True(m.Success, "regel van het profiel: " + m.Value));
            var names = phases.Select(m => m.Groups[3].Value.Trim()).ToList();
            Assert.Equal("opstarten", names[0]);
            Assert.Contains("quotum per werkgever (rekenkern)", names);
            Assert.Equal("totaal", names[^1]);
            decimal Seconds(System.Text.RegularExpressions.Match m, int g) => decimal.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
            var wall = phases[..^1].Sum(m => Seconds(m, 1));
            Assert.InRange(Seconds(phases[^1], 1) - wall, -0.01m * phases.Count, 0.01m * phases.Count);
            Assert.True(Seconds(phases[^1], 2) > 0);
        }
        finally
        {
            foreach (var d in new[] { dir, dir + "-uit" }) if (Directory.Exists(d)) Directory.Delete(d, true);
        }
    }
}
