using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Banenmonitor.Data.Computations;

/// <summary>
/// Stores and reads the runs of the national engine on the stored data (<see cref="NationalRun"/>). The mapping from the
/// engine's result is done by the edge that runs the engine (the CLI), since Data does not know the engine.
/// </summary>
public static class NationalRuns
{
    /// <summary>Every parameter value in force in the year, with its source, and their fingerprint (SHA-256).</summary>
    public static (IReadOnlyList<BronView> Values, string Json, string Fingerprint) ParametersOfYear(ParameterSet p, int year)
    {
        var values = new List<BronView>();
        foreach (var d in p.Definitions.OrderBy(d => d.Name, StringComparer.Ordinal))
            if (p.TryGet(d.Name, year, out var v) && v is not null) values.Add(v.ToView());
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            values.Select(b => $"{b.Parameter}|{b.GeldigVanaf}|{b.Waarde?.ToString(CultureInfo.InvariantCulture)}|{b.Status}|{b.Bron}")))));
        return (values, JsonSerializer.Serialize(values, ComputationRecords.Json), fingerprint);
    }

    /// <summary>Whole microseconds: what PostgreSQL keeps.</summary>
    public static DateTime Now(TimeProvider? clock = null)
    {
        var t = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>
    /// Stores a run with its employers and measurement rows in one transaction. The run and its small tables go through EF
    /// Core; the employers' outcomes (one row per employer: hundreds of thousands nationally) through one prepared INSERT
    /// whose parameters EF Core's own type mappings make, so the stored values are those EF Core would store.
    /// </summary>
    public static async Task StoreAsync(BanenmonitorDbContext db, NationalRun run, CancellationToken ct = default)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var employers = run.Employers;
        run.Employers = [];
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.NationalRuns.Add(run);
            await db.SaveChangesAsync(ct);
            foreach (var e in employers) e.NationalRunId = run.Id;
            await InsertAsync(db, tx.GetDbTransaction(), employers, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            // The run is handed back with its employers but no longer tracked: a later SaveChanges of the same context
            // must not take the employers (inserted above, untracked) for new rows.
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is NationalRun or NationalRunMeasurement or NationalRunQuarter or NationalRunRegion).ToList())
                entry.State = EntityState.Detached;
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            run.Employers = employers;
        }
    }

    /// <summary>Inserts rows of an entity without tracking them: one prepared statement, the columns and conversions from the EF Core model.</summary>
    private static async Task InsertAsync<T>(BanenmonitorDbContext db, DbTransaction tx, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsPrimaryKey()).ToList();
        await using var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        var mappings = columns.Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping())).ToList();
        cmd.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(p => "\"" + p.GetColumnName(table) + "\""))}) " +
                          $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var first = true;
        foreach (var row in rows)
        {
            for (var i = 0; i < mappings.Count; i++)
            {
                // EF Core's parameter for the value (its conversion, e.g. decimals as text in SQLite); the prepared
                // command keeps its first parameters and takes the values.
                var (property, mapping) = mappings[i];
                var p = mapping.CreateParameter(cmd, "p" + i, property.GetGetter().GetClrValue(row), property.IsNullable);
                if (first) cmd.Parameters.Add(p);
                else cmd.Parameters[i].Value = p.Value;
            }
            if (first) await cmd.PrepareAsync(ct);
            first = false;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The latest run (of the year, or of any year), without its employers; null when there is none.</summary>
    public static Task<NationalRun?> LatestAsync(BanenmonitorDbContext db, int? year = null, CancellationToken ct = default) =>
        db.NationalRuns.AsNoTracking().Where(r => year == null || r.Year == year)
            .OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.Id)
            .Include(r => r.Measurement).Include(r => r.Quarters).Include(r => r.Regions).AsSplitQuery().FirstOrDefaultAsync(ct);

    /// <summary>
    /// The run the national page shows for a year: the latest made with the parameter values in force now
    /// (<paramref name="parametersFingerprint"/>, from <see cref="ParametersOfYear"/>), else the latest of the year; and a
    /// later run made with other values (a scenario with supplied values, or before a value changed), which must not pass
    /// for the official figure but is named beside it. Both null when the year has no run.
    /// </summary>
    public static async Task<(NationalRun? Shown, NationalRun? NewerOther)> ForParametersAsync(BanenmonitorDbContext db, int year,
        string parametersFingerprint, CancellationToken ct = default)
    {
        var latest = await LatestAsync(db, year, ct);
        if (latest is null || latest.ParametersFingerprint == parametersFingerprint) return (latest, null);
        var matching = await db.NationalRuns.AsNoTracking().Where(r => r.Year == year && r.ParametersFingerprint == parametersFingerprint)
            .OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.Id)
            .Include(r => r.Measurement).Include(r => r.Quarters).Include(r => r.Regions).AsSplitQuery().FirstOrDefaultAsync(ct);
        return matching is null ? (latest, null) : (matching, latest);
    }

    /// <summary>
    /// The parameter values in which a run differs from the values in force now (by name; a value missing on either
    /// side counts as different). Null when the run's stored list cannot be read.
    /// </summary>
    public static IReadOnlyList<(string Parameter, decimal? InRun, decimal? Now)>? ParameterDifferences(NationalRun run, IReadOnlyList<BronView> now)
    {
        List<BronView>? stored;
        try { stored = JsonSerializer.Deserialize<List<BronView>>(run.Parameters, ComputationRecords.Json); }
        catch (JsonException) { return null; }
        if (stored is null || stored.Count == 0) return null;
        var inRun = stored.GroupBy(b => b.Parameter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Waarde, StringComparer.Ordinal);
        var current = now.GroupBy(b => b.Parameter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Waarde, StringComparer.Ordinal);
        return inRun.Keys.Union(current.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (k, inRun.GetValueOrDefault(k), current.GetValueOrDefault(k)))
            .Where(d => d.Item2 != d.Item3).ToList();
    }

    /// <summary>The employers' outcomes of a run, by payroll tax number.</summary>
    public static async Task<Dictionary<string, NationalRunEmployer>> EmployersAsync(BanenmonitorDbContext db, long runId, CancellationToken ct = default) =>
        await db.NationalRunEmployers.AsNoTracking().Include(e => e.Employer).Where(e => e.NationalRunId == runId)
            .ToDictionaryAsync(e => e.Employer!.PayrollTaxNumber, StringComparer.Ordinal, ct);
}
