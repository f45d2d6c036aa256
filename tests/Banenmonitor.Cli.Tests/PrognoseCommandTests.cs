using System.Text.Json;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.Forecasts;

namespace Banenmonitor.Cli.Tests;

/// <summary><c>banenmonitor prognose</c> through the real entry point, on the published series of data/published.</summary>
public sealed class PrognoseCommandTests
{
    [Fact]
    public void Json_gives_per_year_forecast_interval_target_and_verdict_equal_to_the_model()
    {
        var (exit, output, err) = CliRunner.Run("prognose", "--sector", "totaal", "--tot", "2026", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var years = root.GetProperty("jaren").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(2015, 12), years.Select(y => y.GetProperty("jaar").GetInt32()));
        // the same numbers as the library computes directly
        var expected = ForecastOutcome.Make(ForecastSubjects.Resolve("totaal", PublishedData.Embedded, ParameterSet.Embedded), 2026);
        foreach (var y in expected.Years.Where(y => y.Forecast is not null))
        {
            var row = years.Single(r => r.GetProperty("jaar").GetInt32() == y.Year);
            Assert.Equal(y.Forecast, row.GetProperty("prognose").GetDecimal());
            Assert.Equal(y.Lower, row.GetProperty("ondergrens").GetDecimal());
            Assert.Equal(y.Upper, row.GetProperty("bovengrens").GetDecimal());
            Assert.Equal(y.Target!.Jobs, row.GetProperty("doel").GetDecimal());
            Assert.Equal(y.Verdict.Dutch(), row.GetProperty("oordeel").GetString());
        }
        var y2026 = years[^1];
        Assert.Equal(125000m, y2026.GetProperty("doel").GetDecimal());
        Assert.Equal(85665m, years.Single(r => r.GetProperty("jaar").GetInt32() == 2023).GetProperty("realisatie").GetDecimal());
        Assert.Equal(125000m - y2026.GetProperty("prognose").GetDecimal(), root.GetProperty("tekortBanen").GetDecimal());
        Assert.Contains(root.GetProperty("oordeel").GetString(), new[] { "voor", "op koers", "achter" });
        // both models with their backtest error; the chosen one named
        var models = root.GetProperty("modellen").EnumerateArray().ToList();
        Assert.Equal(["lineair", "gedempt"], models.Select(m => m.GetProperty("model").GetString()));
        Assert.Equal(6, models[0].GetProperty("aantalToetsen").GetInt32());
        Assert.True(models[0].GetProperty("gemiddeldeAbsoluteFout").GetDecimal() > 0);
        Assert.Equal(expected.Model.Chosen!.Kind.Code(), root.GetProperty("gekozenModel").GetString());
    }

    [Fact]
    public void Text_is_Dutch_with_Dutch_numbers_and_names_the_sources_of_the_target()
    {
        var (exit, output, err) = CliRunner.Run("prognose", "--sector", "politie", "--tot", "2026");
        Assert.True(exit == 0, err);
        var o = ForecastOutcome.Make(ForecastSubjects.Resolve("politie", PublishedData.Embedded, ParameterSet.Embedded), 2026);
        var y = o.Years[^1];
        // e.g. "2026 533 56 – 1.010 713* achter": Dutch thousands separator, the interval, the carried-forward target
        Assert.Matches($@"2026\s+{Regex(y.Forecast!.Value)}\s+{Regex(y.Lower!.Value)} – {Regex(y.Upper!.Value)}\s+713\*\s+{o.Verdict.Dutch()}", output);
        Assert.Contains($"Oordeel 2026: {o.Verdict.Dutch()}.", output);
        Assert.Contains("De doelstelling voor 2024 is 713 banen", output);
        Assert.Contains("Kamerbrief BZK", output);
        Assert.Contains("gemiddelde absolute fout", output);
        Assert.DoesNotContain("seed", output, StringComparison.OrdinalIgnoreCase);
    }

    private static string Regex(decimal v) => System.Text.RegularExpressions.Regex.Escape(Banenmonitor.Rules.Units.DutchFormat.Number(v, 0));

    [Fact]
    public void Wrong_sector_or_year_is_a_Dutch_error_without_a_stack_trace()
    {
        var (exit, _, err) = CliRunner.Run("prognose", "--sector", "bakkers");
        Assert.Equal(2, exit);
        Assert.Contains("Onbekende sector 'bakkers'", err);
        Assert.Contains("markt, overheid, totaal", err);
        (exit, _, err) = CliRunner.Run("prognose", "--sector", "totaal", "--tot", "2020");
        Assert.Equal(2, exit);
        Assert.Contains("na het laatste jaar met cijfers (2023)", err);
        (exit, _, err) = CliRunner.Run("prognose", "--sector", "markt", "--tot", "volgend jaar");
        Assert.Equal(2, exit);
        Assert.Contains("--tot", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_sector_with_one_year_says_there_is_no_forecast_and_what_the_target_needs()
    {
        var (exit, output, err) = CliRunner.Run("prognose", "--sector", "mbo", "--tot", "2026", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("geen oordeel", doc.RootElement.GetProperty("oordeel").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("gekozenModel").ValueKind);
        Assert.Contains("banen per jaar nodig", doc.RootElement.GetProperty("samenvatting").GetString());
    }
}
