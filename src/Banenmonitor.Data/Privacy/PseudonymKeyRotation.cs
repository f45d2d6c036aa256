using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Privacy;

/// <summary>Outcome of a key rotation: done (with counts), or the Dutch reasons why nothing was changed.</summary>
public sealed record KeyRotationResult(bool Done, IReadOnlyList<string> Errors, int Persons = 0, long Rows = 0);

/// <summary>
/// Changes the pseudonym key of a database (sleutel wisselen). A pseudonym is a keyed hash of the BSN and cannot be
/// turned back, so rotation needs the BSNs again: from a file of BSNs (column <c>bsn</c>, CSV or XLSX) every pseudonym
/// under the old key is recomputed under the new key, in every table that holds pseudonyms, and the stored fingerprint
/// becomes the new key's — all in one transaction. Refused (nothing changed) when the old key is not the database's,
/// when a BSN in the file is invalid, or when a pseudonym in the database belongs to none of the BSNs in the file
/// (it would stay under the old key and the same person would get two pseudonyms).
/// </summary>
public static class PseudonymKeyRotation
{
    public static async Task<KeyRotationResult> RotateAsync(BanenmonitorDbContext db, PseudonymKey oldKey, PseudonymKey newKey,
        Stream bsnFile, FileFormat format, string fileName, string user, CancellationToken ct = default)
    {
        if (!oldKey.IsAvailable || !newKey.IsAvailable) return Refused("Geef de oude én de nieuwe pseudonimiseringssleutel.");
        if (oldKey.Fingerprint == newKey.Fingerprint) return Refused("De nieuwe sleutel is dezelfde als de oude; er is niets gewisseld.");
        var stored = await db.PseudonymKeyFingerprints.FirstOrDefaultAsync(f => f.Id == PseudonymKeyFingerprint.SingletonId, ct);
        if (stored is not null && stored.Fingerprint != oldKey.Fingerprint)
            return Refused("De opgegeven oude sleutel is niet de sleutel waarmee de pseudoniemen in deze database zijn gemaakt; er is niets gewisseld.");

        var (map, errors) = ReadBsns(bsnFile, format, fileName, oldKey, newKey);
        if (errors.Count > 0) return new(false, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inDatabase = (await db.TargetGroupRegistrations.Select(r => r.Pseudonym)
                .Concat(db.PaidHours.Select(r => r.Pseudonym))
                .Concat(db.HiredInHours.Select(r => r.Pseudonym))
                .Concat(db.SroiPlacements.Where(r => r.Pseudonym != null).Select(r => r.Pseudonym!))
                .Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var unknown = inDatabase.Count(p => !map.ContainsKey(p));
        if (unknown > 0)
            return Refused($"{unknown} pseudoniem(en) in de database horen bij geen van de BSN's in {fileName}. Zonder hun BSN kan hun " +
                           "pseudoniem niet worden omgezet; neem alle BSN's op (bijvoorbeeld uit het doelgroepregister en de loonaangifte). Er is niets gewisseld.");
        long rows = 0;
        var persons = 0;
        foreach (var (from, to) in map.Where(kv => inDatabase.Contains(kv.Key)))
        {
            persons++;
            rows += await db.TargetGroupRegistrations.Where(r => r.Pseudonym == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, to), ct);
            rows += await db.PaidHours.Where(r => r.Pseudonym == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, to), ct);
            rows += await db.HiredInHours.Where(r => r.Pseudonym == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, to), ct);
            rows += await db.SroiPlacements.Where(r => r.Pseudonym == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, to), ct);
        }
        var now = DateTime.UtcNow;
        if (stored is null) db.PseudonymKeyFingerprints.Add(new PseudonymKeyFingerprint { Fingerprint = newKey.Fingerprint, RecordedAt = now, RecordedBy = user });
        else { stored.Fingerprint = newKey.Fingerprint; stored.RecordedAt = now; stored.RecordedBy = user; }
        var previous = db.Actor;
        db.Actor = AuditActor.User(user, $"pseudonimiseringssleutel gewisseld: {persons} personen, {rows} rijen omgezet ({fileName})");
        try { await db.SaveChangesAsync(ct); }
        finally { db.Actor = previous; }
        await tx.CommitAsync(ct);
        return new(true, [], persons, rows);
    }

    private static KeyRotationResult Refused(string message) => new(false, [message]);

    /// <summary>Old pseudonym → new pseudonym for every BSN of the file; Dutch errors with row and column.</summary>
    private static (Dictionary<string, string> Map, List<string> Errors) ReadBsns(Stream file, FileFormat format, string fileName, PseudonymKey oldKey, PseudonymKey newKey)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        int? column = null;
        try
        {
            foreach (var row in TabularReader.Read(file, format))
            {
                if (column is null)
                {
                    var i = Array.FindIndex(row.Cells, c => string.Equals(c?.Trim().TrimStart('\uFEFF'), Columns.Bsn, StringComparison.OrdinalIgnoreCase));
                    if (i < 0) { errors.Add($"{fileName}, regel {row.Number}: de kolom '{Columns.Bsn}' ontbreekt in de kopregel."); break; }
                    column = i;
                    continue;
                }
                var bsn = column < row.Cells.Length ? row.Cells[column.Value]?.Trim() : null;
                if (string.IsNullOrEmpty(bsn)) continue;
                if (!Bsn.IsValid(bsn)) { errors.Add($"{fileName}, regel {row.Number}, kolom {Columns.Bsn}: ongeldig burgerservicenummer (voldoet niet aan de elfproef)."); continue; }
                map.TryAdd(oldKey.Pseudonymize(bsn), newKey.Pseudonymize(bsn));
            }
        }
        catch (TabularFormatException e) { errors.Add($"{fileName}{(e.Row is { } r ? $", regel {r}" : "")}: {e.Message}"); }
        if (column is not null && map.Count == 0 && errors.Count == 0) errors.Add($"{fileName}: het bestand bevat geen BSN's.");
        if (column is null && errors.Count == 0) errors.Add($"{fileName}: het bestand is leeg.");
        return (map, errors);
    }
}
