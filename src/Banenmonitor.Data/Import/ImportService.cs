using System.Diagnostics;
using System.Security.Cryptography;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Privacy;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Import;

/// <summary>Progress of a running import.</summary>
public readonly record struct ImportProgress(long RowsRead, long RowsWritten, long BytesRead, long BytesTotal)
{
    /// <summary>Set once the file is read and the bulk path stores its rows (the set-based upsert), in Dutch.</summary>
    public string? Phase { get; init; }
}

/// <summary>Outcome of an import. On failure nothing was written and <see cref="Errors"/> lists every problem found.</summary>
public sealed record ImportResult(
    string Kind, string FileName, bool Success, long Rows, long Inserted, long Updated, long Unchanged,
    IReadOnlyList<ImportError> Errors, long MoreErrors, Guid? ImportRunId, TimeSpan Duration)
{
    /// <summary>Remarks that did not stop the import (e.g. a reported percentage that does not follow from doel and realisatie).</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];

    /// <summary>The file was only checked (<see cref="ImportOptions.CheckOnly"/>): nothing was written.</summary>
    public bool CheckedOnly { get; init; }

    /// <summary>Time per phase of a bulk import (reading and staging, duplicate check, upsert per table), for profiles.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Dutch summary line.</summary>
    public string Summary => (Success, CheckedOnly) switch
    {
        (true, true) => $"{FileName}: {Rows} rijen gecontroleerd, geen fouten gevonden ({Inserted} nieuw, {Updated} gewijzigd, {Unchanged} ongewijzigd bij inlezen); er is niets opgeslagen (alleen controleren).",
        (true, false) => $"{FileName}: {Rows} rijen ingelezen ({Inserted} nieuw, {Updated} gewijzigd, {Unchanged} ongewijzigd).",
        _ => $"{FileName}: niet ingelezen, {Errors.Count + MoreErrors} fout(en) gevonden; er is niets opgeslagen.",
    };
}

/// <summary>Options of an import run.</summary>
public sealed record ImportOptions
{
    /// <summary>Rows written per SaveChanges (all inside one transaction).</summary>
    public int BatchSize { get; init; } = 2000;
    /// <summary>Errors kept in the report; the rest are only counted.</summary>
    public int MaxErrors { get; init; } = 10_000;
    /// <summary>Rows between progress reports.</summary>
    public int ProgressInterval { get; init; } = 10_000;
    /// <summary>Sector and employer reports are stored as drafts (concept), whatever the file says (web submissions).</summary>
    public bool DraftsOnly { get; init; }
    /// <summary>
    /// The file is a web form turned into one row: each cell is a form field on its own, read in Dutch notation
    /// (<see cref="NumberConvention.Field"/>) — there is no file whose other cells could settle the decimal mark.
    /// </summary>
    public bool FormFields { get; init; }
    /// <summary>
    /// An extra check per parsed record, e.g. the scope of the user who uploads (only the own sector or employer):
    /// returns the column and a Dutch message when the row may not be stored, else null.
    /// </summary>
    public Func<object, (string? Column, string Message)?>? RowCheck { get; init; }
    /// <summary>
    /// Write the big kinds (paid hours, registrations, hired-in attributions, SROI placements) through the Entity
    /// Framework path (one tracked entity and one audit entry per figure) instead of the bulk path. For comparisons only.
    /// </summary>
    public bool EntityFramework { get; init; }
    /// <summary>
    /// Read and check the file, write nothing (banenmonitor import --controleren): every error as on import, and the
    /// counts of new, changed and unchanged figures an import would give (the bulk kinds stage their rows and compare
    /// them set-wise with the stored ones; the other kinds compare in memory), all in a transaction that is rolled back.
    /// </summary>
    public bool CheckOnly { get; init; }
}

/// <summary>
/// Imports CSV and XLSX files of one kind (see <see cref="ImportKinds"/>). Every file is one transaction: all rows or
/// none. Rows are streamed and written in batches; validation continues after the first error so the report names
/// every bad row and column. Records are matched on their natural key, so re-importing a file changes nothing.
/// The big kinds (<see cref="Bulk.IBulkKind"/>) take the bulk path: rows go into a staging table (prepared batched
/// INSERTs on SQLite, binary COPY on PostgreSQL) and are upserted set-wise, their changes stored set-wise as
/// <see cref="ImportChange"/> rows of the run; the other kinds are written through EF Core with an audit entry per figure.
/// </summary>
public sealed class ImportService(BanenmonitorDbContext db, PseudonymKey key)
{
    public Task<ImportResult> ImportFileAsync(string kind, string path, string userName, IProgress<ImportProgress>? progress = null, ImportOptions? options = null, CancellationToken ct = default)
    {
        var stream = File.OpenRead(path);
        return ImportAndDispose(stream, kind, Path.GetFileName(path), userName, progress, options, ct);
    }

    private async Task<ImportResult> ImportAndDispose(Stream s, string kind, string name, string user, IProgress<ImportProgress>? p, ImportOptions? o, CancellationToken ct)
    {
        await using (s) return await ImportAsync(s, kind, name, user, p, o, ct);
    }

    /// <summary>Imports a file from a stream. The format follows from the file name (.csv/.xlsx), else from the content.</summary>
    public async Task<ImportResult> ImportAsync(Stream input, string kind, string fileName, string userName,
        IProgress<ImportProgress>? progress = null, ImportOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ImportOptions();
        var clock = Stopwatch.StartNew();
        var def = ImportKinds.Find(kind) ?? throw new ArgumentException($"Onbekende soort '{kind}': kies uit {ImportKinds.Names}.");
        ImportResult Fail(ImportError error, long rows = 0) =>
            new(def.Name, fileName, false, rows, 0, 0, 0, [error], 0, null, clock.Elapsed);

        Stream stream = input;
        string? tempFile = null;
        try
        {
            if (!input.CanSeek)
            {
                tempFile = Path.GetTempFileName();
                stream = new FileStream(tempFile, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                await input.CopyToAsync(stream, ct);
                stream.Position = 0;
            }
            var start = stream.Position;
            if (stream.Length - start == 0) return Fail(new ImportError(null, null, "het bestand is leeg"));
            var format = FileFormats.FromName(fileName) ?? await SniffAsync(stream, start, ct);
            // One pass: the file's fingerprint is hashed from the bytes the parser reads, and its decimal mark is learnt
            // from the cells as they are reached. Only when a cell whose reading depends on the mark was read under
            // another mark than the whole file turns out to use (or refused for its mark) is nothing written and the
            // file read again, with the mark of the whole file (NumberConvention.Settled).
            var numbers = options.FormFields ? NumberConvention.Field : new NumberConvention();
            var phases = new Dictionary<string, TimeSpan>();
            var result = await RunAsync(def, stream, format, numbers, fileName, userName, progress, options, clock, phases, ct);
            if (result is not null) return result;
            stream.Position = start;
            return (await RunAsync(def, stream, format, numbers.Decided(), fileName, userName, progress, options, clock, phases, ct))!;
        }
        finally
        {
            if (tempFile is not null) await stream.DisposeAsync();
        }
    }

    private static async Task<FileFormat> SniffAsync(Stream s, long start, CancellationToken ct)
    {
        var buf = new byte[4];
        var n = await s.ReadAtLeastAsync(buf, 4, throwOnEndOfStream: false, ct);
        s.Position = start;
        return n == 4 && buf[0] == 'P' && buf[1] == 'K' && buf[2] == 3 && buf[3] == 4 ? FileFormat.Xlsx : FileFormat.Csv;
    }

    /// <summary>
    /// One pass over the file: read, check, stage or write, all in one transaction. Null when the decimal mark learnt
    /// while reading turned out not to be settled (<see cref="NumberConvention.Settled"/>): then nothing was written
    /// and the caller reads the file again with the mark of the whole file.
    /// </summary>
    private async Task<ImportResult?> RunAsync(ImportKind def, Stream stream, FileFormat format, NumberConvention numbers, string fileName, string userName,
        IProgress<ImportProgress>? progress, ImportOptions options, Stopwatch clock, Dictionary<string, TimeSpan> phases, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        long moreErrors = 0;
        using var ctx = new ImportContext(db, key, options);
        using var fingerprint = new FingerprintStream(stream);
        if (format == FileFormat.Xlsx)
        {
            // A workbook is a zip archive that its reader reads out of order: fingerprint its bytes first.
            var start = stream.Position;
            fingerprint.Finish();
            stream.Position = start;
        }
        var run = new ImportRun { Id = Guid.NewGuid(), Kind = def.Name, FileName = fileName, FileHash = "", UserName = userName, StartedAt = DateTime.UtcNow };
        var previousActor = db.Actor;
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.Actor = new AuditActor(userName, $"import {def.Name} ({fileName})", run.Id);
        var previousSavepoints = db.Database.AutoSavepointsEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.AutoSavepointsEnabled = false;
        db.ChangeTracker.Clear();
        Bulk.BulkWriter? bulk = null;
        var bulkKind = def as Bulk.IBulkKind;
        if (options.EntityFramework) bulkKind = null;
        if (bulkKind is not null) await Bulk.BulkWriter.PrepareConnectionAsync(db, ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ctx.LoadLookupsAsync(ct);
            var staging = Stopwatch.StartNew();
            if (bulkKind is not null)
                bulk = await Bulk.BulkWriter.StartAsync(db, tx, bulkKind.Plan(db.Model), options.BatchSize, ct);

            var rowErrors = new List<ImportError>();
            var warnings = new List<ImportError>();
            long rows = 0, written = 0;
            var seen = new Dictionary<UInt128, int>();
            using var keyHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var batch = new List<object>(options.BatchSize);
            Dictionary<string, int>? header = null;
            var reader = default(RowReader);

            void AddError(ImportError e)
            {
                if (errors.Count < options.MaxErrors) errors.Add(e); else moreErrors++;
            }

            async Task FlushAsync()
            {
                if (batch.Count == 0) return;
                await def.WriteAsync(ctx, batch, ct);
                if (options.CheckOnly)
                {
                    // The kind counted new, changed and unchanged figures on its tracked entities: forget them, save nothing.
                    db.ChangeTracker.Clear();
                    batch.Clear();
                    return;
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                written += batch.Count;
                batch.Clear();
            }

            try
            {
                foreach (var raw in TabularReader.Read(format == FileFormat.Csv ? fingerprint : stream, format))
                {
                    ct.ThrowIfCancellationRequested();
                    if (header is null)
                    {
                        header = ReadHeader(def, raw, AddError);
                        if (header is null) break;
                        reader = new RowReader(header, def.Columns, numbers, rowErrors, warnings);
                        ctx.Header = header;
                        continue;
                    }
                    if (raw.Cells.All(string.IsNullOrWhiteSpace)) continue;
                    rows++;
                    reader!.Reset(raw);
                    if (raw.Cells.Length > header.Count && raw.Cells.Skip(header.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
                        reader.Error(null, $"de rij heeft {raw.Cells.Length} velden, de kop {header.Count} kolommen");
                    else if (raw.Cells.Length < header.Count && format == FileFormat.Csv)
                        reader.Error(header.First(h => h.Value == raw.Cells.Length).Key, $"de rij houdt op na {raw.Cells.Length} van de {header.Count} kolommen");
                    object? record = null;
                    if (!reader.HasErrors) record = def.Parse(reader, ctx);
                    if (record is not null && options.RowCheck?.Invoke(record) is { } refused)
                    {
                        reader.Error(refused.Column, refused.Message);
                        record = null;
                    }
                    if (record is not null && bulk is null)
                    {
                        // The bulk path finds repeated keys in its staging table, after reading (no key per row in memory).
                        var k = KeyHash(keyHash, def.Key(record));
                        if (seen.TryGetValue(k, out var firstRow))
                        {
                            reader.Error(null, $"dubbele sleutel: dezelfde gegevens staan ook in rij {firstRow}");
                            record = null;
                        }
                        else seen[k] = raw.Number;
                    }
                    foreach (var e in rowErrors) AddError(e);
                    rowErrors.Clear();
                    if (ctx.MissingKey)
                    {
                        errors.Clear();
                        moreErrors = 0;
                        AddError(new ImportError(raw.Number, Columns.Bsn, ctx.KeyRefusal));
                        break;
                    }
                    // The bulk path stages every valid row, also after an error, so its duplicate check can name
                    // every repeated key; the transaction is rolled back when there are errors.
                    if (record is not null && bulk is not null) { await bulk.AddAsync(raw.Number, record, ct); written++; }
                    else if (errors.Count == 0 && record is not null)
                    {
                        batch.Add(record);
                        if (batch.Count >= options.BatchSize) await FlushAsync();
                    }
                    if (rows % options.ProgressInterval == 0) progress?.Report(new(rows, written, stream.Position, stream.Length));
                }
                if (header is null && errors.Count == 0) AddError(new ImportError(1, null, "de kopregel met kolomnamen ontbreekt"));
            }
            catch (TabularFormatException e)
            {
                var column = e.Column is not { } ci ? null
                    : header?.FirstOrDefault(h => h.Value == ci).Key ?? $"{ci + 1}e kolom";
                AddError(new ImportError(e.Row, column, e.Message));
            }

            if (!numbers.Settled && !ctx.MissingKey)
            {
                if (bulk is not null) { await bulk.DisposeAsync(); bulk = null; }
                await tx.RollbackAsync(CancellationToken.None);
                phases["eerste lezing (decimaalteken pas aan het eind van het bestand bekend; opnieuw gelezen)"] = staging.Elapsed;
                return null;
            }
            if (bulk is not null && rows > 0 && !ctx.MissingKey && header is not null)
            {
                phases["lezen, controleren en in de staging zetten"] = staging.Elapsed;
                var duplicates = await bulk.FinishStagingAsync(options.MaxErrors, ct);
                if (duplicates.Count > 0)
                {
                    // In row order with the other errors, as the report of the entity path gives them.
                    errors.AddRange(duplicates);
                    errors.Sort((a, b) => (a.Row ?? 0).CompareTo(b.Row ?? 0));
                    if (errors.Count > options.MaxErrors) { moreErrors += errors.Count - options.MaxErrors; errors.RemoveRange(options.MaxErrors, errors.Count - options.MaxErrors); }
                }
            }
            if (errors.Count > 0 || moreErrors > 0)
            {
                if (bulk is not null) { await bulk.DisposeAsync(); bulk = null; }
                await tx.RollbackAsync(CancellationToken.None);
                return new ImportResult(def.Name, fileName, false, rows, 0, 0, 0, errors, moreErrors, null, clock.Elapsed) { Warnings = warnings.Take(options.MaxErrors).ToList() };
            }
            if (rows == 0)
            {
                if (bulk is not null) { await bulk.DisposeAsync(); bulk = null; }
                await tx.RollbackAsync(CancellationToken.None);
                return new ImportResult(def.Name, fileName, false, 0, 0, 0, 0, [new ImportError(null, null, "het bestand bevat geen gegevensrijen (alleen een kopregel)")], 0, null, clock.Elapsed);
            }
            if (options.CheckOnly)
            {
                if (bulk is not null)
                {
                    progress?.Report(new(rows, written, stream.Length, stream.Length) { Phase = "alle rijen gelezen en gecontroleerd; vergelijken met de opgeslagen gegevens" });
                    var (inserted, updated, staged) = await bulk.CountAsync(ct);
                    (ctx.Inserted, ctx.Updated, ctx.Unchanged) = (inserted, updated, staged - inserted - updated);
                }
                else await FlushAsync();
                phases["lezen en controleren"] = staging.Elapsed;
                await tx.RollbackAsync(CancellationToken.None);
                progress?.Report(new(rows, written, stream.Length, stream.Length));
                return new ImportResult(def.Name, fileName, true, rows, ctx.Inserted, ctx.Updated, ctx.Unchanged, [], 0, null, clock.Elapsed)
                    { Warnings = warnings.Take(options.MaxErrors).ToList(), CheckedOnly = true, Phases = phases };
            }
            run.FileHash = fingerprint.Finish();
            if (bulk is not null)
            {
                // The run first (its changes refer to it, and a key fingerprint recorded at first use is saved with it).
                progress?.Report(new(rows, written, stream.Length, stream.Length) { Phase = "alle rijen gelezen en gecontroleerd; opslaan in de database" });
                db.ImportRuns.Add(run);
                await db.SaveChangesAsync(ct);
                var (inserted, updated, staged) = await bulk.UpsertAsync(run.Id, ct);
                foreach (var (k, v) in bulk.Phases) phases[k] = v;
                await bulk.DropStageAsync(ct);
                (ctx.Inserted, ctx.Updated, ctx.Unchanged) = (inserted, updated, staged - inserted - updated);
            }
            else await FlushAsync();
            run.Rows = rows;
            run.Inserted = ctx.Inserted;
            run.Updated = ctx.Updated;
            run.Unchanged = ctx.Unchanged;
            run.FinishedAt = DateTime.UtcNow;
            if (bulk is null) db.ImportRuns.Add(run);
            else db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            progress?.Report(new(rows, written, stream.Length, stream.Length));
            return new ImportResult(def.Name, fileName, true, rows, ctx.Inserted, ctx.Updated, ctx.Unchanged, [], 0, run.Id, clock.Elapsed)
                { Warnings = warnings.Take(options.MaxErrors).ToList(), Phases = phases };
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            return new ImportResult(def.Name, fileName, false, 0, 0, 0, 0,
                [new ImportError(null, null, "de database weigerde de gegevens; er is niets opgeslagen (" + (e.InnerException?.Message ?? e.Message) + ")")], 0, null, clock.Elapsed);
        }
        finally
        {
            if (bulk is not null) await bulk.DisposeAsync();
            if (bulkKind is not null) await Bulk.BulkWriter.CloseAsync(db);
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
            db.Database.AutoSavepointsEnabled = previousSavepoints;
            db.Actor = previousActor;
        }
    }

    private static Dictionary<string, int>? ReadHeader(ImportKind def, RawRow raw, Action<ImportError> error)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        for (var i = 0; i < raw.Cells.Length; i++)
        {
            var name = (raw.Cells[i] ?? "").Trim().TrimStart('\uFEFF');
            if (name.Length == 0) continue;
            if (!def.Columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                error(new ImportError(raw.Number, RowReader.Short(name), $"onbekende kolom; verwacht voor {def.Name}: {string.Join(", ", def.Columns.Select(c => c.Name))}"));
                ok = false;
            }
            else if (!index.TryAdd(name, i))
            {
                error(new ImportError(raw.Number, name, "de kolom komt twee keer voor"));
                ok = false;
            }
        }
        foreach (var c in def.Columns.Where(c => c.Required && !index.ContainsKey(c.Name)))
        {
            error(new ImportError(raw.Number, c.Name, "verplichte kolom ontbreekt in de kopregel"));
            ok = false;
        }
        return ok ? index : null;
    }

    /// <summary>The first 128 bits of the SHA-256 of a natural key (one hash instance per import: no set-up per row).</summary>
    private static UInt128 KeyHash(IncrementalHash sha, string key)
    {
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(key.Length);
        var bytes = max <= 512 ? stackalloc byte[max] : new byte[max];
        sha.AppendData(bytes[..System.Text.Encoding.UTF8.GetBytes(key, bytes)]);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return new UInt128(BitConverter.ToUInt64(hash[..8]), BitConverter.ToUInt64(hash[8..16]));
    }
}
