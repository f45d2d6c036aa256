using Banenmonitor.Data.Model;
using Banenmonitor.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Import;

/// <summary>State shared by the rows of one import: the database (inside the import's transaction), lookups and counters.</summary>
public sealed class ImportContext(BanenmonitorDbContext db, PseudonymKey key, ImportOptions? options = null) : IDisposable
{
    public BanenmonitorDbContext Db { get; } = db;
    public PseudonymKey Key { get; } = key;
    /// <summary>Reports are stored as drafts (web submissions); a row asking for another status is an error.</summary>
    public bool DraftsOnly { get; } = options?.DraftsOnly ?? false;

    /// <summary>The report status of a row: the <c>status</c> column (or <paramref name="fallback"/>), or — when only drafts are allowed — concept.</summary>
    public ReportStatus ReportStatus(RowReader row, ReportStatus fallback)
    {
        var status = row.Code("status", false, ImportKinds.Statuses);
        if (!DraftsOnly) return status ?? fallback;
        if (status is { } s && s != Model.ReportStatus.Draft)
            row.Error("status", $"hier levert u een concept aan; '{s.Dutch()}' kan niet (laat de kolom leeg of vul concept in). Na indienen beoordeelt een analist de rapportage.");
        return Model.ReportStatus.Draft;
    }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    /// <summary>Set when a BSN was met without a usable key (none, or another than the database's): the import is refused as a whole.</summary>
    public bool MissingKey { get; set; }
    /// <summary>Why the key cannot be used (see <see cref="PseudonymKeyCheck"/>), once <see cref="MissingKey"/> is set.</summary>
    public string KeyRefusal { get; private set; } = PseudonymKey.MissingKeyMessage;
    private PseudonymKeyCheck? keyCheck;
    /// <summary>SROI contract fields per contract number, with the first row they appeared on.</summary>
    internal Dictionary<string, (string Signature, int Row)> SroiContractRows { get; } = new(StringComparer.Ordinal);

    private Dictionary<string, int>? sectors;
    private Dictionary<string, (int Id, LenderType Lender)>? employers;
    private Dictionary<int, LenderType>? lenders;

    public async Task LoadLookupsAsync(CancellationToken ct)
    {
        sectors = await Db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        employers = (await Db.Employers.AsNoTracking().Select(e => new { e.PayrollTaxNumber, e.Id, e.LenderType }).ToListAsync(ct))
            .ToDictionary(e => e.PayrollTaxNumber, e => (e.Id, e.LenderType));
        keyCheck = await PseudonymKeyCheck.LoadAsync(Db, ct);
    }

    public int? SectorId(RowReader row, string column)
    {
        var code = row.Raw(column);
        if (code is null) { row.Error(column, "verplichte waarde ontbreekt"); return null; }
        if (sectors!.TryGetValue(code, out var id)) return id;
        row.Error(column, $"onbekende sector '{RowReader.Short(code)}'; kies uit: {string.Join(", ", sectors.Keys.Order())}");
        return null;
    }

    /// <summary>Whether a sector (by the id <see cref="SectorId"/> gave) is one of the 13 public reporting lines of the catalogue.</summary>
    public bool IsReportingLine(int sectorId) =>
        sectors!.FirstOrDefault(s => s.Value == sectorId).Key is { } code && Rules.Published.PublicSectors.Find(code) is { IsAggregate: false };

    /// <summary>Whether an employer (by the id <see cref="Employer"/> gave) lends out workers, and how.</summary>
    public LenderType LenderOf(int employerId) => (lenders ??= employers!.Values.ToDictionary(e => e.Id, e => e.Lender))[employerId];

    public (int Id, LenderType Lender)? Employer(RowReader row, string column, bool required = true)
    {
        var number = row.PayrollTaxNumber(column, required);
        if (number is null) return null;
        if (employers!.TryGetValue(number, out var e)) return e;
        row.Error(column, $"onbekende werkgever {number}; lees eerst de werkgever in (soort werkgevers)");
        return null;
    }

    /// <summary>The person of a row: a BSN (eleven-test, replaced by its keyed pseudonym) or a pseudonym; exactly one.</summary>
    public string? Person(RowReader row, bool required = true)
    {
        var bsn = row.Raw(Columns.Bsn);
        var pseudonym = row.Raw(Columns.Pseudonym);
        if (bsn is not null && pseudonym is not null) { row.Error(Columns.Bsn, "vul bsn óf pseudoniem in, niet allebei"); return null; }
        if (bsn is not null)
        {
            if (!Bsn.TryNumber(bsn, out var number)) { row.Error(Columns.Bsn, "ongeldig burgerservicenummer (voldoet niet aan de elfproef)"); return null; }
            if (keyCheck!.Refusal(Key, Db) is { } refusal) { MissingKey = true; KeyRefusal = refusal; row.Error(Columns.Bsn, refusal); return null; }
            return (pseudonyms ??= Key.Batch()).Pseudonymize(number);
        }
        if (pseudonym is not null)
        {
            var p = pseudonym.ToLowerInvariant();
            if (!PseudonymKey.IsPseudonym(p)) { row.Error(Columns.Pseudonym, "een pseudoniem bestaat uit 64 hexadecimale tekens (zoals de export het levert)"); return null; }
            return p;
        }
        if (required) row.Error(Columns.Bsn, "vul bsn of pseudoniem in");
        return null;
    }

    /// <summary>The columns of the file's header (any capitals), once it is read.</summary>
    public IReadOnlyDictionary<string, int> Header { get; internal set; } = new Dictionary<string, int>();

    /// <summary>One HMAC instance and the recent pseudonyms for the BSNs of this import.</summary>
    private PseudonymBatch? pseudonyms;

    public void Dispose() => pseudonyms?.Dispose();

    public void Count(bool? changed)
    {
        if (changed is null) Inserted++;
        else if (changed.Value) Updated++;
        else Unchanged++;
    }
}

/// <summary>Column names shared by several kinds.</summary>
public static class Columns
{
    public const string Bsn = "bsn";
    public const string Pseudonym = "pseudoniem";
    public const string PayrollTaxNumber = "loonheffingennummer";
    public const string SectorCode = "sector";
    public const string Year = "jaar";
    public const string Hours = "uren";
    public const string Source = "bron";

    public static ColumnSpec BsnColumn => new(Bsn, ColumnType.Text, false, "111222333",
        "Burgerservicenummer (elfproef); wordt bij het inlezen vervangen door een pseudoniem en nooit opgeslagen. Vul bsn óf pseudoniem in.");
    public static ColumnSpec PseudonymColumn => new(Pseudonym, ColumnType.Code, false, "",
        "Pseudoniem (64 tekens) zoals een export het levert; in plaats van bsn.");
}

/// <summary>
/// One kind of import/export (soort): its Dutch name, columns, how a row becomes a record, how records are written
/// (upsert on the natural key, so re-importing the same file changes nothing) and how records are exported.
/// </summary>
public abstract class ImportKind
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract IReadOnlyList<ColumnSpec> Columns { get; }
    /// <summary>Whether rows can hold a person (bsn/pseudoniem columns).</summary>
    public bool HasPerson => Columns.Any(c => c.Name == Import.Columns.Bsn);

    /// <summary>Parses a row into a pending record, or null when the row has errors (they are recorded on <paramref name="row"/>).</summary>
    public abstract object? Parse(RowReader row, ImportContext ctx);

    /// <summary>The natural key of a pending record, to detect duplicates within a file.</summary>
    public abstract string Key(object record);

    /// <summary>Writes a batch (inside the import transaction): insert new, update changed, leave equal ones.</summary>
    public abstract Task WriteAsync(ImportContext ctx, IReadOnlyList<object> batch, CancellationToken ct);

    /// <summary>Cells of every stored record, in column order (persons by pseudonym, never BSN).</summary>
    public abstract IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, CancellationToken ct);
}

/// <summary>Typed base class.</summary>
public abstract class ImportKind<T> : ImportKind where T : class
{
    public sealed override object? Parse(RowReader row, ImportContext ctx) => ParseRow(row, ctx);
    public sealed override string Key(object record) => KeyOf((T)record);
    public sealed override Task WriteAsync(ImportContext ctx, IReadOnlyList<object> batch, CancellationToken ct) =>
        Write(ctx, batch.Cast<T>().ToList(), ct);

    protected abstract T? ParseRow(RowReader row, ImportContext ctx);
    protected abstract string KeyOf(T record);
    protected abstract Task Write(ImportContext ctx, List<T> batch, CancellationToken ct);
}
