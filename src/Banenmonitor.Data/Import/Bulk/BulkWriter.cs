using System.Data.Common;
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
            await ExecuteAsync(Sql.ChangesOfInserts(step), ct, run);
            Phases[$"{step.Target.Table}: nieuwe vastleggen"] = clock.Elapsed; clock.Restart();
            var i = await ExecuteAsync(Sql.Insert(step), ct);
            Phases[$"{step.Target.Table}: toevoegen"] = clock.Elapsed;
            if (step.Counted) (inserted, updated) = (i, u);
        }
        await using var count = Command($"SELECT COUNT(*) FROM {BulkPlan.StageTable}");
        var staged = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        return (inserted, updated, staged);
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
/// filled by one prepared INSERT of <c>batch</c> rows, reused; the last partial batch row by row.
/// </summary>
internal sealed class SqliteBulkWriter(SqliteConnection connection, DbTransaction transaction, BulkPlan plan, int batchSize)
    : BulkWriter(connection, transaction, plan, postgres: false)
{
    private readonly int batch = Math.Clamp(batchSize, 1, 32766 / (plan.Stage.Count + 1));
    private SqliteCommand? many, one;
    private SqliteParameter[] manyParams = [], oneParams = [];
    private readonly List<(int Row, object Record)> pending = [];

    private SqliteCommand Prepare(int rows, out SqliteParameter[] parameters)
    {
        var width = Plan.Stage.Count + 1;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"@p{r * width + c}")) + ")");
        var cmd = (SqliteCommand)Command($"INSERT INTO {BulkPlan.StageTable} VALUES {string.Join(", ", values)}");
        parameters = new SqliteParameter[rows * width];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = cmd.Parameters.Add(new SqliteParameter($"@p{i}", null));
        cmd.Prepare();
        return cmd;
    }

    public override async ValueTask AddAsync(int row, object record, CancellationToken ct)
    {
        pending.Add((row, record));
        if (pending.Count < batch) return;
        many ??= Prepare(batch, out manyParams);
        Bind(manyParams, 0);
        await many.ExecuteNonQueryAsync(ct);
        pending.Clear();
    }

    private void Bind(SqliteParameter[] parameters, int offset)
    {
        var i = 0;
        for (var r = offset; r < pending.Count && i < parameters.Length; r++)
        {
            var (row, record) = pending[r];
            parameters[i++].Value = row;
            foreach (var c in Plan.Stage) parameters[i++].Value = Value(c, record);
        }
    }

    /// <summary>As Microsoft.Data.Sqlite stores it for EF Core: dates as yyyy-MM-dd, decimals as invariant text, enums as integers.</summary>
    private static object Value(StageColumn c, object record) => c.Get(record) switch
    {
        null => DBNull.Value,
        Enum e => Convert.ToInt32(e),
        var v => v,
    };

    protected override async Task CompleteStagingAsync(CancellationToken ct)
    {
        for (var r = 0; r < pending.Count; r++)
        {
            one ??= Prepare(1, out oneParams);
            Bind(oneParams, r);
            await one.ExecuteNonQueryAsync(ct);
        }
        pending.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        if (many is not null) await many.DisposeAsync();
        if (one is not null) await one.DisposeAsync();
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

    public override async ValueTask AddAsync(int row, object record, CancellationToken ct)
    {
        await copy!.StartRowAsync(ct);
        await copy.WriteAsync(row, NpgsqlDbType.Integer, ct);
        foreach (var c in Plan.Stage)
        {
            var v = c.Get(record);
            if (v is null) { await copy.WriteNullAsync(ct); continue; }
            switch (c.Type)
            {
                case BulkType.Integer: await copy.WriteAsync(Convert.ToInt32(v), NpgsqlDbType.Integer, ct); break;
                case BulkType.Enum: await copy.WriteAsync(Convert.ToInt32(v), NpgsqlDbType.Integer, ct); break;
                case BulkType.Date: await copy.WriteAsync((DateOnly)v, NpgsqlDbType.Date, ct); break;
                case BulkType.Decimal: await copy.WriteAsync((decimal)v, NpgsqlDbType.Numeric, ct); break;
                default: await copy.WriteAsync((string)v, NpgsqlDbType.Text, ct); break;
            }
        }
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
