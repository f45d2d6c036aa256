using System.Globalization;
using System.Text.Json;
using Banenmonitor.Data.Computations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Scenarios;

/// <summary>A changed parameter value as stored (Dutch field names).</summary>
public sealed record ScenarioWaardeJson(string Parameter, string GeldigVanaf, decimal Waarde, string Reden);
/// <summary>A sector's growth as stored: <c>eenheid</c> is <c>banen</c> or <c>procent</c>.</summary>
public sealed record ScenarioGroeiJson(string Sector, decimal PerJaar, string Eenheid, int TotJaar);
public sealed record ScenarioDoelJson(string Sector, int Jaar, decimal Banen);
/// <summary>The definition of a scenario as stored in <see cref="StoredScenario.Definition"/>.</summary>
public sealed record ScenarioDefinitieJson(IReadOnlyList<ScenarioWaardeJson> Waarden, IReadOnlyList<ScenarioGroeiJson> Groei,
    IReadOnlyList<ScenarioDoelJson> Doelen, bool SroiTelt);

/// <summary>
/// Saves, lists and opens scenarios, and reads the stored employers' outcomes the levy totals are computed from. A user
/// sees their own scenarios and the shared ones; only the author shares or unshares. Nothing here writes anything but
/// the <see cref="StoredScenario"/> row: parameters, overrides and stored runs are only read.
/// </summary>
public static class ScenarioStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static string ToJson(Scenario s) => JsonSerializer.Serialize(new ScenarioDefinitieJson(
        s.Overrides.Select(o => new ScenarioWaardeJson(o.Parameter, o.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Value, o.Reason)).ToList(),
        s.GrowthOrEmpty.Select(g => new ScenarioGroeiJson(g.Sector, g.PerYear, g.Unit == GrowthUnit.Jobs ? "banen" : "procent", g.UntilYear)).ToList(),
        s.TargetsOrEmpty.Select(t => new ScenarioDoelJson(t.Sector, t.Year, t.Jobs)).ToList(),
        s.CountSroi), Json);

    public static Scenario FromJson(string name, string json)
    {
        var d = JsonSerializer.Deserialize<ScenarioDefinitieJson>(json, Json) ?? throw new FormatException("Lege scenariodefinitie.");
        return new Scenario(name,
            d.Waarden.Select(w => new ScenarioOverride(w.Parameter, DateOnly.ParseExact(w.GeldigVanaf, "yyyy-MM-dd", CultureInfo.InvariantCulture), w.Waarde, w.Reden)).ToList(),
            d.Groei.Select(g => new SectorGrowth(g.Sector, g.PerJaar, g.Eenheid == "procent" ? GrowthUnit.Percent : GrowthUnit.Jobs, g.TotJaar)).ToList(),
            d.Doelen.Select(t => new ScenarioTarget(t.Sector, t.Jaar, t.Banen)).ToList(),
            d.SroiTelt);
    }

    /// <summary>The link id of the demo scenario (demo data only; a real scenario gets a random id).</summary>
    public const string DemoId = "demoverdeelsleutel40";

    /// <summary>The shared demo scenario: the distribution key of 2021 at 40 % instead of the published 32 %.</summary>
    public static StoredScenario Demo(string author) => new()
    {
        PublicId = DemoId,
        Name = "Demo: verdeelsleutel 40%",
        Year = 2021,
        Author = author,
        CreatedAt = NationalRuns.Now(),
        Shared = true,
        Definition = ToJson(new Scenario("Demo: verdeelsleutel 40%",
            [new ScenarioOverride(ParameterNames.GovernmentShareHiredIn, new DateOnly(2021, 1, 1), 40m, "demo: wat als 40% van de inleenbanen bij de overheid hoort")])),
    };

    public static Scenario ToScenario(this StoredScenario s) => FromJson(s.Name, s.Definition);

    /// <summary>Saves a scenario after checking it applies to today's parameters (a value the set refuses is refused here too).</summary>
    public static async Task<StoredScenario> SaveAsync(BanenmonitorDbContext db, Scenario scenario, int year, string author, bool shared,
        ParameterSet today, CancellationToken ct = default)
    {
        var name = scenario.Name.Trim();
        if (name.Length is 0 or > 200) throw new FormatException("Geef het scenario een naam van 1 tot 200 tekens.");
        if (year is < 2013 or > 2100) throw new FormatException($"Ongeldig jaar {year}.");
        scenario.Apply(today);
        var row = new StoredScenario
        {
            PublicId = Guid.NewGuid().ToString("N"),
            Name = name,
            Year = year,
            Author = author,
            CreatedAt = NationalRuns.Now(),
            Shared = shared,
            Definition = ToJson(scenario with { Name = name }),
        };
        db.Scenarios.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The scenarios <paramref name="user"/> may open: their own and the shared ones, newest first.</summary>
    public static Task<List<StoredScenario>> VisibleAsync(BanenmonitorDbContext db, string user, CancellationToken ct = default) =>
        db.Scenarios.AsNoTracking().Where(s => s.Author == user || s.Shared)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(ct);

    /// <summary>A scenario by its link id when <paramref name="user"/> may open it (author, or shared); null otherwise.</summary>
    public static Task<StoredScenario?> FindAsync(BanenmonitorDbContext db, string publicId, string user, CancellationToken ct = default) =>
        db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.PublicId == publicId && (s.Author == user || s.Shared), ct);

    /// <summary>Shares or unshares; only the author may. False when the scenario is not the user's.</summary>
    public static async Task<bool> SetSharedAsync(BanenmonitorDbContext db, string publicId, string user, bool shared, CancellationToken ct = default)
    {
        var row = await db.Scenarios.FirstOrDefaultAsync(s => s.PublicId == publicId && s.Author == user, ct);
        if (row is null) return false;
        row.Shared = shared;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static readonly HashSet<string> GovernmentCodes =
        [.. PublicSectors.LegalCodes.Where(c => c.IsGovernment).Select(c => c.ToString())];

    /// <summary>
    /// The employers' outcomes of the national run of <paramref name="year"/> that the national page shows (the latest run
    /// made with today's parameter values, else the latest of the year); null when the year has no run. The run stores its
    /// employers' aggregated inputs but of the hired-in attributions only their number: for every government employer with
    /// attributions the full input is read from the stored data by <see cref="StoredQuota.InputsAsync"/> (the same mapping
    /// as one employer's stored quota), in batches of <paramref name="batchSize"/> employers — a few queries per batch,
    /// none per employer, and only one batch's payroll in memory.
    /// </summary>
    public static async Task<ScenarioLevyInput?> LevyInputAsync(BanenmonitorDbContext db, ParameterSet today, int year, CancellationToken ct = default,
        int batchSize = 200)
    {
        var (_, _, fingerprint) = NationalRuns.ParametersOfYear(today, year);
        var (run, _) = await NationalRuns.ForParametersAsync(db, year, fingerprint, ct);
        if (run is null) return null;
        var rows = await db.NationalRunEmployers.AsNoTracking().Where(e => e.NationalRunId == run.Id).OrderBy(e => e.Id)
            .Select(e => new { e.EmployerId, e.SectorCode, e.TotalPaidHours, e.AgencyStaffHours, e.TargetGroupHours, e.TotalPaidHoursPreviousYear, e.Attributions, e.Shortfall, e.Levy })
            .ToListAsync(ct);
        var withAttributions = rows.Where(e => e.Attributions > 0 && GovernmentCodes.Contains(e.SectorCode)).Select(e => e.EmployerId).ToList();
        var inputs = new Dictionary<int, Rules.Quota.QuotaInput>(withAttributions.Count);
        await StoredQuota.InputsAsync(db, today, withAttributions, year, batch =>
        {
            foreach (var (id, input) in batch) inputs[id] = input;
        }, batchSize, ct);
        var outcomes = rows.Select(e => new StoredEmployerOutcome(GovernmentCodes.Contains(e.SectorCode), e.TotalPaidHours, e.AgencyStaffHours, e.TargetGroupHours,
            e.TotalPaidHoursPreviousYear, e.Attributions, e.Shortfall, e.Levy,
            e.Attributions > 0 ? inputs.GetValueOrDefault(e.EmployerId) : null)).ToList();
        return new ScenarioLevyInput(run.Year, run.RunId, run.ComputedAt, outcomes);
    }
}
