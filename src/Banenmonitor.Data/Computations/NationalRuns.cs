using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Stores a run with its employers and measurement rows in one transaction.</summary>
    public static async Task StoreAsync(BanenmonitorDbContext db, NationalRun run, CancellationToken ct = default)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.NationalRuns.Add(run);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The latest run (of the year, or of any year), without its employers; null when there is none.</summary>
    public static Task<NationalRun?> LatestAsync(BanenmonitorDbContext db, int? year = null, CancellationToken ct = default) =>
        db.NationalRuns.AsNoTracking().Where(r => year == null || r.Year == year)
            .OrderByDescending(r => r.ComputedAt).ThenByDescending(r => r.Id)
            .Include(r => r.Measurement).AsSplitQuery().FirstOrDefaultAsync(ct);

    /// <summary>The employers' outcomes of a run, by payroll tax number.</summary>
    public static async Task<Dictionary<string, NationalRunEmployer>> EmployersAsync(BanenmonitorDbContext db, long runId, CancellationToken ct = default) =>
        await db.NationalRunEmployers.AsNoTracking().Include(e => e.Employer).Where(e => e.NationalRunId == runId)
            .ToDictionaryAsync(e => e.Employer!.PayrollTaxNumber, StringComparer.Ordinal, ct);
}
