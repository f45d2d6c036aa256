using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Microsoft.EntityFrameworkCore;
using P = Banenmonitor.Rules.Parameters.ParameterNames;

namespace Banenmonitor.Data.Computations;

/// <summary>A stored computation and whether this request found it already stored (same inputs and parameters).</summary>
public sealed record StoredComputation(ComputationRecord Record, bool Reused, IReadOnlyList<BronView> Parameters);

/// <summary>
/// Stores computations as <see cref="ComputationRecord"/>s: the inputs' fingerprint, the parameter values used with their
/// sources, the software version and the time. Asking again with unchanged inputs and parameters returns the stored
/// record (its outcome as stored); a change in either adds a new record and keeps the old.
/// </summary>
public static class ComputationRecords
{
    /// <summary>The JSON of stored outcomes and parameters: Dutch field names in camelCase, as the CLI and API write them.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The version of the rules core that computed (informational version of the assembly).</summary>
    public static string SoftwareVersion { get; } =
        typeof(QuotaCalculator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(QuotaCalculator).Assembly.GetName().Version?.ToString() ?? "onbekend";

    /// <summary>
    /// The parameter values the quota of the year used: those in its trace and every value the rules core may read for
    /// the year (so a change in any of them makes a new record), each with its source.
    /// </summary>
    public static IReadOnlyList<ParameterValue> QuotaParameters(ParameterSet p, QuotaResult result)
    {
        var names = QuotaYears.Needed.Concat([P.AttributionDeadlineMonth, P.AttributionDeadlineDay, P.LevySuspended]);
        var values = new List<ParameterValue>(result.Trace.ParametersUsed);
        foreach (var n in names)
            if (p.TryGet(n, result.Year, out var v) && v is not null) values.Add(v);
        return values.DistinctBy(v => (v.Name, v.ValidFrom)).OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.ValidFrom).ToList();
    }

    /// <summary>
    /// The stored record of this quota outcome (same inputs fingerprint and parameters), or null when it was never stored.
    /// Writes nothing: what a GET may ask.
    /// </summary>
    public static async Task<StoredComputation?> FindQuotaAsync(BanenmonitorDbContext db, ParameterSet p, StoredQuotaOutcome outcome, CancellationToken ct = default)
    {
        var (used, parametersFingerprint) = Fingerprint(p, outcome);
        return await Find(db, outcome.Employer.Id, outcome.Year, outcome.InputsFingerprint, parametersFingerprint, ct) is { } r ? new(r, true, used) : null;
    }

    private static (List<BronView> Used, string ParametersFingerprint) Fingerprint(ParameterSet p, StoredQuotaOutcome outcome)
    {
        var used = QuotaParameters(p, outcome.Result).Select(v => v.ToView()).ToList();
        return (used, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            used.Select(b => $"{b.Parameter}|{b.GeldigVanaf}|{b.Waarde?.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{b.Status}|{b.Bron}"))))));
    }

    /// <summary>Returns the stored record of this quota outcome, or stores a new one.</summary>
    public static async Task<StoredComputation> RecordQuotaAsync(BanenmonitorDbContext db, ParameterSet p, StoredQuotaOutcome outcome,
        string user, TimeProvider? clock = null, CancellationToken ct = default)
    {
        var (used, parametersFingerprint) = Fingerprint(p, outcome);
        var (employerId, year, inputs) = (outcome.Employer.Id, outcome.Year, outcome.InputsFingerprint);
        var existing = await Find(db, employerId, year, inputs, parametersFingerprint, ct);
        if (existing is not null) return new(existing, true, used);
        var record = new ComputationRecord
        {
            Kind = ComputationRecord.QuotaKind,
            EmployerId = employerId,
            Year = year,
            InputsFingerprint = inputs,
            ParametersFingerprint = parametersFingerprint,
            Parameters = JsonSerializer.Serialize(used, Json),
            SoftwareVersion = SoftwareVersion,
            // Whole microseconds: what PostgreSQL keeps, so the record returned now equals the one read back later.
            ComputedAt = TruncateToMicroseconds((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime),
            ComputedBy = user,
            Incomplete = outcome.Incomplete,
            Outcome = JsonSerializer.Serialize(outcome.View, Json),
        };
        db.ComputationRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return new(record, false, used);
        }
        catch (DbUpdateException)
        {
            // Someone stored the same computation at the same moment: theirs is the record.
            db.Entry(record).State = EntityState.Detached;
            return new(await Find(db, employerId, year, inputs, parametersFingerprint, ct) ?? throw new InvalidOperationException("Berekening niet opgeslagen."), true, used);
        }
    }

    /// <summary>Every stored quota computation of an employer and year, oldest first.</summary>
    public static Task<List<ComputationRecord>> QuotaHistoryAsync(BanenmonitorDbContext db, int employerId, int year, CancellationToken ct = default) =>
        db.ComputationRecords.AsNoTracking()
            .Where(r => r.Kind == ComputationRecord.QuotaKind && r.EmployerId == employerId && r.Year == year)
            .OrderBy(r => r.Id).ToListAsync(ct);

    private static DateTime TruncateToMicroseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    private static Task<ComputationRecord?> Find(BanenmonitorDbContext db, int employerId, int year, string inputs, string parameters, CancellationToken ct) =>
        db.ComputationRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == ComputationRecord.QuotaKind && r.EmployerId == employerId && r.Year == year
            && r.InputsFingerprint == inputs && r.ParametersFingerprint == parameters, ct);
}
