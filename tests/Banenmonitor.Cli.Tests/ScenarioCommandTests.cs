using System.Text.Json;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace Banenmonitor.Cli.Tests;

/// <summary><c>banenmonitor scenario</c> through the real entry point: Dutch output and field names, the workbook, saving and listing.</summary>
public sealed class ScenarioCommandTests
{
    private static readonly string[] Key40 = ["--naam", "Sleutel 40", "--jaar", "2021", "--parameter", "verdeelsleutel_overheid=2021:40:meer detachering bij de overheid"];

    private static JsonElement Figure(JsonElement root, string section, string key) =>
        root.GetProperty("secties").EnumerateArray().Single(s => s.GetProperty("sleutel").GetString() == section)
            .GetProperty("cijfers").EnumerateArray().Single(c => c.GetProperty("sleutel").GetString() == key);

    [Fact]
    public void Json_has_Dutch_fields_both_sides_and_the_scenario_as_source_in_the_explanation()
    {
        var (exit, output, err) = CliRunner.Run(["scenario", "bereken", .. Key40, "--format", "json"]);
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("Sleutel 40", root.GetProperty("naam").GetString());
        // Without a database: the built-in parameters, and it says so.
        Assert.Equal("ingebouwde parameters (geen door een beheerder opgegeven waarden)", root.GetProperty("parametersVandaag").GetString());
        var gov = Figure(root, "landelijk", "overheid/inleen");
        // 41.993 × 40 % − 36.206 × 24 % = 16.797,2 − 8.689,44 = 8.107,76; today 41.993 × 32 % − 8.689,44 = 4.748,32.
        Assert.Equal(8_107.76m, gov.GetProperty("scenario").GetDecimal());
        Assert.Equal(4_748.32m, gov.GetProperty("vandaag").GetDecimal());
        Assert.Equal("+3.359", gov.GetProperty("verschilTekst").GetString());
        Assert.True(gov.GetProperty("veranderd").GetBoolean());
        var section = root.GetProperty("secties").EnumerateArray().First();
        var steps = section.GetProperty("uitleg").GetProperty(gov.GetProperty("uitlegScenario").GetString()!);
        Assert.Contains(steps.EnumerateArray().SelectMany(s => s.GetProperty("bronnen").EnumerateArray()),
            b => b.GetProperty("bron").GetString() == "Scenario 'Sleutel 40': meer detachering bij de overheid" && b.GetProperty("waarde").GetDecimal() == 40m);
        var levy = root.GetProperty("secties").EnumerateArray().Single(s => s.GetProperty("sleutel").GetString() == "heffing");
        Assert.Contains("Geen landelijke berekening over 2021", levy.GetProperty("opmerkingen")[0].GetString());
    }

    [Fact]
    public void Growth_stands_beside_the_statistical_forecast_of_prognose()
    {
        var (exit, output, err) = CliRunner.Run("scenario", "bereken", "--naam", "Groei", "--jaar", "2023", "--groei", "overheid=1.000:2025", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var subject = Banenmonitor.Survey.Forecasts.ForecastSubjects.Resolve("overheid", Banenmonitor.Rules.Published.PublishedData.Embedded, Banenmonitor.Rules.Parameters.ParameterSet.Embedded);
        var forecast = Banenmonitor.Survey.Forecasts.ForecastOutcome.Make(subject, Banenmonitor.Survey.Forecasts.ForecastOutcome.DefaultUntil(subject));
        var row = Figure(doc.RootElement, "groei", "overheid/2025/banen");
        Assert.Equal(forecast.Years.Single(y => y.Year == 2025).Forecast, row.GetProperty("vandaag").GetDecimal());
        // 11.634 eind 2023 + 2 × 1.000.
        Assert.Equal(13_634m, row.GetProperty("scenario").GetDecimal());
    }

    [Fact]
    public void Text_is_Dutch_with_Dutch_numbers_and_marks_what_moves()
    {
        var (exit, output, err) = CliRunner.Run(["scenario", "bereken", .. Key40, "--groei", "overheid=1.000:2025", "--uitleg"]);
        Assert.True(exit == 0, err);
        Assert.Matches(@"\* Overheid, inleenverbanden\s+4\.748\s+8\.108\s+\+3\.359", output);
        Assert.Matches(@"  Markt, formele dienstverbanden\s+59\.928\s+59\.928\s+0", output);
        Assert.Contains("Overheid (landelijk): 1.000 extra banen per jaar tot en met 2025", output);
        Assert.Contains("Kamerstuk 34 352, nr. 255", output);
        Assert.Contains("Uitleg (scenario)", output);
        Assert.DoesNotContain("seed", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_workbook_holds_the_comparison_rounded_as_shown_and_the_scenario_values()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (exit, output, err) = CliRunner.Run(["scenario", "bereken", .. Key40, "--xlsx", path]);
            Assert.True(exit == 0, err);
            Assert.Contains("Excel-bestand geschreven", output);
            var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Vergelijking").Cast<IDictionary<string, object>>().ToList();
            var gov = rows.Single(r => (string)r["Cijfer"] == "Overheid, inleenverbanden");
            Assert.Equal(8108d, Convert.ToDouble(gov["Scenario"]));
            Assert.Equal(4748d, Convert.ToDouble(gov["Vandaag"]));
            Assert.Equal("ja", gov["Veranderd"]);
            var values = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Scenariowaarden").Cast<IDictionary<string, object>>().Single();
            Assert.Equal("verdeelsleutel_overheid", values["Parameter"]);
            Assert.Equal("Scenario 'Sleutel 40': meer detachering bij de overheid", values["Bron"]);
            Assert.NotEmpty(MiniExcel.Query(path, useHeaderRow: true, sheetName: "Uitleg"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_saved_scenario_is_listed_and_computed_by_id()
    {
        var db = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.db");
        try
        {
            var (exit, output, err) = CliRunner.Run(["scenario", "bewaar", .. Key40, "--gedeeld", "--database", db, "--format", "json"]);
            Assert.True(exit == 0, err);
            using var saved = JsonDocument.Parse(output);
            var id = saved.RootElement.GetProperty("id").GetString()!;
            Assert.Equal($"/scenarios/{id}", saved.RootElement.GetProperty("link").GetString());
            Assert.True(saved.RootElement.GetProperty("gedeeld").GetBoolean());
            (exit, output, err) = CliRunner.Run("scenario", "lijst", "--database", db);
            Assert.True(exit == 0, err);
            Assert.Contains(id, output);
            Assert.Contains("Sleutel 40", output);
            (exit, output, err) = CliRunner.Run("scenario", "bereken", "--id", id, "--database", db, "--format", "json");
            Assert.True(exit == 0, err);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(8_107.76m, Figure(doc.RootElement, "landelijk", "overheid/inleen").GetProperty("scenario").GetDecimal());
            (exit, _, err) = CliRunner.Run("scenario", "bereken", "--id", "bestaatniet", "--database", db);
            Assert.Equal(2, exit);
            Assert.Contains("Scenario 'bestaatniet' bestaat niet of is niet gedeeld", err);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(db);
        }
    }

    [Theory]
    [InlineData("verdeelsleutel_overheid=2021:veertig:x", "Ongeldige waarde 'veertig'")]
    [InlineData("verdeelsleutel_overheid=2021-03-01:40:x", "1 januari")]
    [InlineData("onbekend=2021:40:x", "Onbekende parameter 'onbekend'")]
    public void Bad_values_give_a_Dutch_error_and_exit_code_2(string spec, string message)
    {
        var (exit, output, err) = CliRunner.Run("scenario", "bereken", "--naam", "x", "--jaar", "2021", "--parameter", spec);
        Assert.Equal(2, exit);
        Assert.Contains(message, err);
        Assert.Equal("", output);
        (exit, _, err) = CliRunner.Run("scenario", "bereken", "--jaar", "2021");
        Assert.Equal(2, exit);
        Assert.Contains("--naam", err);
    }
}
