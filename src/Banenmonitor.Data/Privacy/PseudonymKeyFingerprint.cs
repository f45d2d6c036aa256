using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Privacy;

/// <summary>
/// The fingerprint of the pseudonym key the database's pseudonyms were made with (<see cref="PseudonymKey.Fingerprint"/>),
/// recorded at the first import that pseudonymises a BSN. There is one row (Id 1): every later import must use the same
/// key, so one citizen never gets two pseudonyms. Audited, so a key rotation shows in the audit trail.
/// </summary>
public sealed class PseudonymKeyFingerprint : IAuditedFigure
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public required string Fingerprint { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public string AuditKey => "pseudoniemsleutel";
}

/// <summary>Checks a key against the fingerprint stored in the database, and records it at first use.</summary>
public sealed class PseudonymKeyCheck
{
    private readonly string? stored;
    private bool recorded;

    private PseudonymKeyCheck(string? stored) { this.stored = stored; }

    /// <summary>Reads the stored fingerprint (inside the caller's transaction).</summary>
    public static async Task<PseudonymKeyCheck> LoadAsync(BanenmonitorDbContext db, CancellationToken ct = default) =>
        new(await db.PseudonymKeyFingerprints.AsNoTracking().Where(f => f.Id == PseudonymKeyFingerprint.SingletonId)
            .Select(f => f.Fingerprint).FirstOrDefaultAsync(ct));

    /// <summary>
    /// Null when <paramref name="key"/> may pseudonymise BSNs in this database, else the Dutch reason why not (no key, or
    /// another key than the one the stored pseudonyms were made with). At first use it adds the key's fingerprint to
    /// <paramref name="db"/> (saved with the caller's next SaveChanges, in its transaction).
    /// </summary>
    public string? Refusal(PseudonymKey key, BanenmonitorDbContext db)
    {
        if (!key.IsAvailable) return PseudonymKey.MissingKeyMessage;
        if (stored is not null) return stored == key.Fingerprint ? null : OtherKeyMessage;
        if (!recorded)
        {
            db.PseudonymKeyFingerprints.Add(new PseudonymKeyFingerprint { Fingerprint = key.Fingerprint, RecordedAt = DateTime.UtcNow, RecordedBy = db.Actor.UserName });
            recorded = true;
        }
        return null;
    }

    public const string OtherKeyMessage =
        "De ingestelde pseudonimiseringssleutel (BANENMONITOR_PSEUDONIEM_SLEUTEL) is een andere dan de sleutel waarmee de " +
        "pseudoniemen in deze database zijn gemaakt: met deze sleutel zou dezelfde persoon een tweede pseudoniem krijgen. " +
        "Er is niets ingelezen. Stel de oorspronkelijke sleutel weer in, of wissel de sleutel bewust: dat zet alle " +
        "pseudoniemen in één keer om naar de nieuwe sleutel (banenmonitor sleutel wisselen, zie de documentatie).";
}
