using System.Text.Json;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;
using Banenmonitor.Survey.Forecasts;
using Microsoft.Data.Sqlite;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// <c>banenmonitor prognose</c> with a database: the work agendas' expected jobs beside the statistical forecast, as the web
/// page <c>/prognose</c> shows them — per year the expectation and whether it falls outside the interval — in text and JSON.
/// </summary>
public sealed class PrognoseWorkAgendaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("banenmonitor-prognose-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public void Json_and_text_show_where_the_work_agendas_disagree_with_the_forecast()
    {
        var file = Path.Combine(_dir, "bm.db");
        var o = ForecastOutcome.Make(ForecastSubjects.Resolve("politie", PublishedData.Embedded, ParameterSet.Embedded), 2026);
        var last = o.Subject.History.MaxBy(h => h.Year)!;
        var upper2025 = o.Years.Single(y => y.Year == 2025).Upper!.Value;
        // a signed agenda 2024–2025 whose action expects far more than the interval allows, and a concept one (left out by default)
        var jobs = (upper2025 - last.Jobs) * 2 + 200;
        var created = CliRunner.Run("prognose", "--sector", "politie", "--database", file); // creates and migrates the database
        Assert.True(created.Exit == 0, created.Err);
        Assert.Contains("Er zijn geen werkagenda-acties met een prognose van banen", created.Out);
        using (var db = BanenmonitorDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}")))
        {
            foreach (var (status, title, n) in new[] { (WorkAgendaStatus.Vastgesteld, "Banen bij de basisteams", jobs), (WorkAgendaStatus.Concept, "Concept: stageplaatsen", 1000m) })
                db.Add(new WorkAgenda
                {
                    SectorId = PublicSectors.Politie.Id!.Value, Title = $"Werkagenda politie 2024-2025 ({status})", PeriodStart = new(2024, 1, 1), PeriodEnd = new(2025, 12, 31),
                    Status = status, CreatedBy = "test", CreatedAt = DateTime.UtcNow,
                    Actions = [new WorkAgendaAction { Title = title, Owner = "Politie", Type = ActionType.IntermediariesAndAgencies, ForecastJobs = n }],
                });
            db.SaveChanges();
        }

        var (exit, output, err) = CliRunner.Run("prognose", "--sector", "politie", "--tot", "2026", "--database", file, "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("politie", doc.RootElement.GetProperty("sector").GetString()); // the forecast itself as before
        var w = doc.RootElement.GetProperty("werkagendas");
        Assert.Equal(JsonValueKind.Null, w.GetProperty("uitleg").ValueKind);
        Assert.Equal("Banen bij de basisteams", w.GetProperty("acties").EnumerateArray().Single().GetProperty("actie").GetString());
        var years = w.GetProperty("jaren").EnumerateArray().ToDictionary(y => y.GetProperty("jaar").GetInt32());
        // half of the jobs in 2024, all of them by 2025 (evenly over the action's years); 2026 adds nothing
        Assert.Equal(Math.Round(last.Jobs + jobs / 2, 0, MidpointRounding.AwayFromZero), years[2024].GetProperty("verwachtingWerkagendas").GetDecimal());
        Assert.Equal(Math.Round(last.Jobs + jobs, 0, MidpointRounding.AwayFromZero), years[2025].GetProperty("verwachtingWerkagendas").GetDecimal());
        Assert.Equal(o.Years.Single(y => y.Year == 2025).Forecast, years[2025].GetProperty("prognose").GetDecimal());
        Assert.True(years[2025].GetProperty("oneens").GetBoolean());
        Assert.Contains("meer dan de bovengrens", years[2025].GetProperty("vergelijking").GetString());
        Assert.True(w.GetProperty("aantalOneens").GetInt32() >= 1);

        var text = CliRunner.Run("prognose", "--sector", "politie", "--tot", "2026", "--database", file);
        Assert.True(text.Exit == 0, text.Err);
        Assert.Contains("Werkagenda's naast de prognose:", text.Out);
        Assert.Contains(DutchFormat.Number(Math.Round(last.Jobs + jobs, 0, MidpointRounding.AwayFromZero), 0), text.Out);
        Assert.Contains("(oneens)", text.Out);
        Assert.DoesNotContain("stageplaatsen", text.Out);
        // with --concepten the concept agenda counts too
        var withConcepts = CliRunner.Run("prognose", "--sector", "politie", "--tot", "2026", "--database", file, "--concepten");
        Assert.Contains("stageplaatsen", withConcepts.Out);

        // the market has no work agendas: the JSON says so instead of a comparison
        using var market = JsonDocument.Parse(CliRunner.Run("prognose", "--sector", "markt", "--database", file, "--format", "json").Out);
        Assert.Contains("alleen voor de overheidssectoren", market.RootElement.GetProperty("werkagendas").GetProperty("uitleg").GetString());
    }
}
