using System.Data.Common;
using System.Globalization;
using SQLitePCL;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Banenmonitor.Data.Import.Bulk;

/// <summary>
/// The write side of a bulk import, inside the import's one transaction: parsed records go into a staging table
/// (SQLite: a prepared multi-row INSERT per batch; PostgreSQL: binary COPY), then one duplicate check and the set-based
/// upsert with its change rows (<see cref="BulkSql"/>). Nothing is held per row in memory.
/// </summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    protected readonly DbConnection Connection;
    protected readonly DbTransaction Transaction;
    protected readonly BulkPlan Plan;
    protected readonly BulkSql Sql;

    protected BulkWriter(DbConnection connection, DbTransaction transaction, BulkPlan plan, bool postgres)
    {
        Connection = connection;
        Transaction = transaction;
        Plan = plan;
        Sql = new BulkSql(postgres);
    }

    /// <summary>Stopwatch per phase (stage, duplicate check, upsert) for the profile of a run.</summary>
    public Dictionary<string, TimeSpan> Phases { get; } = [];

    /// <summary>
    /// Before the import's transaction (SQLite refuses it inside one): the staging table and the sorts of the duplicate
    /// check go to a temporary file, not to memory (the connection's default, <see cref="SqliteTuning"/>), so memory
    /// stays flat in the file size. The connection stays open until <see cref="CloseAsync"/>.
    /// </summary>
    public static async Task PrepareConnectionAsync(BanenmonitorDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await using var cmd = sqlite.CreateCommand();
            cmd.CommandText = "PRAGMA temp_store = FILE";
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Ends what <see cref="PrepareConnectionAsync"/> began.</summary>
    public static Task CloseAsync(BanenmonitorDbContext db) => db.Database.CloseConnectionAsync();

    public static async Task<BulkWriter> StartAsync(BanenmonitorDbContext db, IDbContextTransaction tx, BulkPlan plan, int batchSize, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        BulkWriter w = connection is NpgsqlConnection npg
            ? new PostgresBulkWriter(npg, tx.GetDbTransaction(), plan)
            : new SqliteBulkWriter((SqliteConnection)connection, tx.GetDbTransaction(), plan, batchSize);
        if (!w.Sql.Postgres)
            // A stage left by an earlier import on a pooled connection goes first.
            await w.ExecuteAsync($"DROP TABLE IF EXISTS temp.{BulkPlan.StageTable}", ct);
        await w.ExecuteAsync(w.Sql.CreateStage(plan), ct);
        await w.BeginAsync(ct);
        return w;
    }

    protected virtual Task BeginAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Adds a valid record (row number as the spreadsheet shows it).</summary>
    public abstract ValueTask AddAsync(int row, object record, CancellationToken ct);

    /// <summary>Ends staging (the file was valid so far); then the rows that repeat an earlier row's natural key.</summary>
    public async Task<List<ImportError>> FinishStagingAsync(int maxErrors, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await CompleteStagingAsync(ct);
        Phases["staging afronden"] = clock.Elapsed;
        clock.Restart();
        var errors = new List<ImportError>();
        await using (var cmd = Command(Sql.Duplicates(Plan, maxErrors)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                errors.Add(new ImportError(reader.GetInt32(0), null, $"dubbele sleutel: dezelfde gegevens staan ook in rij {reader.GetInt32(1)}"));
        Phases["dubbele sleutels"] = clock.Elapsed;
        return errors;
    }

    protected abstract Task CompleteStagingAsync(CancellationToken ct);

    /// <summary>Upserts every step; returns the counts of the counted step (inserted, updated).</summary>
    public async Task<(long Inserted, long Updated, long Staged)> UpsertAsync(Guid run, CancellationToken ct)
    {
        long inserted = 0, updated = 0;
        foreach (var step in Plan.Steps)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ExecuteAsync(Sql.ChangesOfUpdates(step), ct, run);
            Phases[$"{step.Target.Table}: wijzigingen vastleggen"] = clock.Elapsed; clock.Restart();
            var u = await ExecuteAsync(Sql.Update(step), ct);
            Phases[$"{step.Target.Table}: bijwerken"] = clock.Elapsed; clock.Restart();
            int i;
            if (Sql.Postgres)
            {
                i = await ExecuteAsync(Sql.InsertWithChanges(step), ct, run);
                Phases[$"{step.Target.Table}: toevoegen en vastleggen"] = clock.Elapsed;
            }
            else
            {
                await ExecuteAsync(Sql.ChangesOfInserts(step), ct, run);
                Phases[$"{step.Target.Table}: nieuwe vastleggen"] = clock.Elapsed; clock.Restart();
                i = await ExecuteAsync(Sql.Insert(step), ct);
                Phases[$"{step.Target.Table}: toevoegen"] = clock.Elapsed;
            }
            if (step.Counted) (inserted, updated) = (i, u);
        }
        await using var count = Command($"SELECT COUNT(*) FROM {BulkPlan.StageTable}");
        var staged = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        return (inserted, updated, staged);
    }

    /// <summary>
    /// What <see cref="UpsertAsync"/> would count, without writing: the staged rows of the counted step that are new and
    /// those that differ from the stored figure (the same key match and comparison as the upsert), and all staged rows.
    /// A step before the counted one (the SROI contracts, whose ids the placements take) is upserted without change rows,
    /// inside the import's transaction, which the caller rolls back.
    /// </summary>
    public async Task<(long Inserted, long Updated, long Staged)> CountAsync(CancellationToken ct)
    {
        var step = Plan.Steps.Single(s => s.Counted);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var before in Plan.Steps.TakeWhile(s => s != step))
        {
            await ExecuteAsync(Sql.Update(before), ct);
            await ExecuteAsync(Sql.Insert(before), ct);
        }
        var inserted = await ScalarAsync(Sql.CountNew(step), ct);
        var updated = await ScalarAsync(Sql.CountChanged(step), ct);
        var staged = await ScalarAsync($"SELECT COUNT(*) FROM {BulkPlan.StageTable}", ct);
        Phases[$"{step.Target.Table}: vergelijken"] = clock.Elapsed;
        return (inserted, updated, staged);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    protected DbCommand Command(string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = Transaction;
        cmd.CommandTimeout = 0;
        return cmd;
    }

    protected async Task<int> ExecuteAsync(string sql, CancellationToken ct, Guid? run = null)
    {
        await using var cmd = Command(sql);
        if (run is { } id)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "run";
            // As EF Core stores a Guid: uuid on PostgreSQL, upper-case text on SQLite.
            p.Value = Sql.Postgres ? id : id.ToString().ToUpperInvariant();
            cmd.Parameters.Add(p);
        }
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops the staging table before commit (PostgreSQL drops it at commit itself).</summary>
    public async Task DropStageAsync(CancellationToken ct)
    {
        if (!Sql.Postgres) await ExecuteAsync($"DROP TABLE temp.{BulkPlan.StageTable}", ct);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// SQLite: the staging table is a temporary table on disk (temp_store = FILE during the import, so memory stays flat),
/// filled by one prepared INSERT of <c>batch</c> rows, reused; the last partial batch row by row. The statements are
/// prepared and bound through SQLitePCL (the layer under Microsoft.Data.Sqlite) by position: binding thousands of
/// parameters by name costs a search per parameter through all names of the statement. Values are bound as
/// Microsoft.Data.Sqlite binds them for EF Core (dates yyyy-MM-dd and decimals as invariant text, enums as integers).
/// </summary>
internal sealed class SqliteBulkWriter(SqliteConnection connection, DbTransaction transaction, BulkPlan plan, int batchSize)
    : BulkWriter(connection, transaction, plan, postgres: false)
{
    private readonly int batch = Math.Clamp(batchSize, 1, 32766 / (plan.Stage.Count + 1));
    private sqlite3_stmt? many, one;
    private readonly List<(int Row, object Record)> pending = [];

    private sqlite3_stmt Prepare(int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", Plan.Stage.Count + 1)) + ")";
        var sql = $"INSERT INTO {BulkPlan.StageTable} VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var stmt));
        return stmt;
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    public override ValueTask AddAsync(int row, object record, CancellationToken ct)
    {
        pending.Add((row, record));
        if (pending.Count < batch) return ValueTask.CompletedTask;
        ct.ThrowIfCancellationRequested();
        Execute(many ??= Prepare(batch), 0, batch);
        pending.Clear();
        return ValueTask.CompletedTask;
    }

    private void Execute(sqlite3_stmt stmt, int from, int count)
    {
        var i = 1;
        for (var r = from; r < from + count; r++)
        {
            var (row, record) = pending[r];
            Check(raw.sqlite3_bind_int64(stmt, i++, row));
            foreach (var c in Plan.Stage) Check(Bind(stmt, i++, c.Get(record)));
        }
        var rc = raw.sqlite3_step(stmt);
        raw.sqlite3_reset(stmt);
        Check(rc);
    }

    private static int Bind(sqlite3_stmt stmt, int i, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(stmt, i),
        Enum e => raw.sqlite3_bind_int64(stmt, i, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        int n => raw.sqlite3_bind_int64(stmt, i, n),
        long n => raw.sqlite3_bind_int64(stmt, i, n),
        string t => raw.sqlite3_bind_text(stmt, i, t),
        DateOnly d => raw.sqlite3_bind_text(stmt, i, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        decimal m => raw.sqlite3_bind_text(stmt, i, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"Bulk staging of {value.GetType().Name} values"),
    };

    protected override Task CompleteStagingAsync(CancellationToken ct)
    {
        for (var r = 0; r < pending.Count; r++) Execute(one ??= Prepare(1), r, 1);
        pending.Clear();
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        many?.Dispose();
        one?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>PostgreSQL: the staging table is a temporary table (dropped at the end of the transaction), filled by one binary COPY.</summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection, DbTransaction transaction, BulkPlan plan)
    : BulkWriter(connection, transaction, plan, postgres: true)
{
    private NpgsqlBinaryImporter? copy;

    protected override async Task BeginAsync(CancellationToken ct) =>
        copy = await connection.BeginBinaryImportAsync(
            $"COPY {BulkPlan.StageTable} (\"Row\", {string.Join(", ", Plan.Stage.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);

    /// <summary>
    /// Writes the row into the COPY buffer synchronously: Npgsql sends a full buffer as it fills, and an awaited call
    /// per field costs more than the field itself.
    /// </summary>
    public override ValueTask AddAsync(int row, object record, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        copy!.StartRow();
        copy.Write(row, NpgsqlDbType.Integer);
        foreach (var c in Plan.Stage)
        {
            var v = c.Get(record);
            if (v is null) { copy.WriteNull(); continue; }
            switch (c.Type)
            {
                case BulkType.Integer: copy.Write(Convert.ToInt32(v), NpgsqlDbType.Integer); break;
                case BulkType.Enum: copy.Write(Convert.ToInt32(v), NpgsqlDbType.Integer); break;
                case BulkType.Date: copy.Write((DateOnly)v, NpgsqlDbType.Date); break;
                case BulkType.Decimal: copy.Write((decimal)v, NpgsqlDbType.Numeric); break;
                default: copy.Write((string)v, NpgsqlDbType.Text); break;
            }
        }
        return ValueTask.CompletedTask;
    }

    protected override async Task CompleteStagingAsync(CancellationToken ct)
    {
        await copy!.CompleteAsync(ct);
        await copy.DisposeAsync();
        copy = null;
        // A temporary table is never analysed by autovacuum: without statistics the planner would guess its size.
        await ExecuteAsync($"ANALYZE {BulkPlan.StageTable}", ct);
    }

    public override async ValueTask DisposeAsync()
    {
        // Disposing an unfinished COPY cancels it (the import found errors or was stopped); the transaction rolls back.
        if (copy is not null) await copy.DisposeAsync();
    }
}
