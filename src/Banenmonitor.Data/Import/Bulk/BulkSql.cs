namespace Banenmonitor.Data.Import.Bulk;

/// <summary>
/// The SQL of a bulk import, for SQLite or PostgreSQL: the staging table, the duplicate check and the set-based upsert
/// (changes first, so they see the values before; then UPDATE … FROM and INSERT … SELECT). The audit key and the JSON
/// of the values are built in SQL in the form the audit interceptor gives them (properties in ordinal order, enums by
/// name, dates as yyyy-mm-dd).
/// </summary>
internal sealed class BulkSql(bool postgres)
{
    public bool Postgres { get; } = postgres;

    private static string Q(string name) => $"\"{name}\"";

    public string StageType(BulkType t) => t switch
    {
        BulkType.Integer or BulkType.Enum => Postgres ? "integer" : "INTEGER",
        BulkType.Date => Postgres ? "date" : "TEXT",
        BulkType.Decimal => Postgres ? "numeric" : "TEXT",
        _ => Postgres ? "text" : "TEXT",
    };

    public string CreateStage(BulkPlan plan) =>
        (Postgres ? $"CREATE TEMP TABLE {BulkPlan.StageTable} (" : $"CREATE TEMP TABLE {BulkPlan.StageTable} (")
        + "\"Row\" " + StageType(BulkType.Integer) + ", "
        + string.Join(", ", plan.Stage.Select(c => $"{Q(c.Name)} {StageType(c.Type)}"))
        + (Postgres ? ") ON COMMIT DROP" : ")");

    /// <summary>Rows whose natural key an earlier row of the file already had, with that first row.</summary>
    public string Duplicates(BulkPlan plan, int max)
    {
        var keys = string.Join(", ", plan.FileKey.Select(Q));
        var on = string.Join(" AND ", plan.FileKey.Select(k => $"d.{Q(k)} = f.{Q(k)}"));
        return $"SELECT d.\"Row\", f.\"First\" FROM {BulkPlan.StageTable} d JOIN (SELECT {keys}, MIN(\"Row\") AS \"First\" FROM {BulkPlan.StageTable} " +
               $"GROUP BY {keys} HAVING COUNT(*) > 1) f ON {on} WHERE d.\"Row\" > f.\"First\" ORDER BY d.\"Row\" LIMIT {max}";
    }

    private string KeyMatch(BulkTarget t) => string.Join(" AND ", t.Key.Select(k => $"t.{Q(k)} = s.{Q(k)}"));

    private string Differs(BulkTarget t) => "(" + string.Join(" OR ", t.Columns.Where(c => !t.Key.Contains(c.Name))
        .Select(c => Postgres ? $"t.{Q(c.Name)} IS DISTINCT FROM s.{Q(c.Name)}" : $"t.{Q(c.Name)} IS NOT s.{Q(c.Name)}")) + ")";

    private static string EnumName(string value, BulkColumn c) =>
        $"CASE {value} " + string.Join(" ", c.EnumNames.Select(e => $"WHEN {e.Value} THEN '{e.Name}'")) + " END";

    private string KeyText(string alias, BulkTarget t) => string.Join(" || '|' || ", t.AuditKey.Select(name =>
    {
        var c = t[name];
        var v = $"{alias}.{Q(name)}";
        return c.Type switch
        {
            BulkType.Integer => Postgres ? $"{v}::text" : $"CAST({v} AS TEXT)",
            BulkType.Date => Postgres ? $"to_char({v}, 'YYYY-MM-DD')" : v,
            BulkType.Enum => EnumName(v, c),
            _ => v,
        };
    }));

    private string Json(string alias, BulkTarget t)
    {
        var pairs = t.Columns.Select(c =>
        {
            var v = $"{alias}.{Q(c.Name)}";
            var value = c.Type switch
            {
                BulkType.Enum => EnumName(v, c),
                BulkType.Decimal when !Postgres => $"json({v})",
                BulkType.Date when Postgres => $"to_char({v}, 'YYYY-MM-DD')",
                _ => v,
            };
            return $"'{c.Name}', {value}";
        });
        return Postgres ? $"jsonb_build_object({string.Join(", ", pairs)})::text" : $"json_object({string.Join(", ", pairs)})";
    }

    private const string Changes = "INSERT INTO \"ImportChanges\" (\"ImportRunId\", \"Action\", \"EntityType\", \"EntityKey\", \"Before\", \"After\") ";

    /// <summary>The change rows of the stored figures whose values the file changes (before the update, to see the old values).</summary>
    public string ChangesOfUpdates(BulkStep step) =>
        Changes + $"SELECT @run, 2, '{step.Target.EntityType}', {KeyText("t", step.Target)}, {Json("t", step.Target)}, {Json("s", step.Target)} " +
        $"FROM ({step.Source}) s JOIN {Q(step.Target.Table)} t ON {KeyMatch(step.Target)} WHERE {Differs(step.Target)}";

    public string Update(BulkStep step) =>
        $"UPDATE {Q(step.Target.Table)} AS t SET " +
        string.Join(", ", step.Target.Columns.Where(c => !step.Target.Key.Contains(c.Name)).Select(c => $"{Q(c.Name)} = s.{Q(c.Name)}")) +
        $" FROM ({step.Source}) s WHERE {KeyMatch(step.Target)} AND {Differs(step.Target)}";

    private string IsNew(BulkStep step) => $"NOT EXISTS (SELECT 1 FROM {Q(step.Target.Table)} t WHERE {KeyMatch(step.Target)})";

    /// <summary>How many staged figures are new (check only: what <see cref="Insert"/> would add).</summary>
    public string CountNew(BulkStep step) => $"SELECT COUNT(*) FROM ({step.Source}) s WHERE {IsNew(step)}";

    /// <summary>How many stored figures the file changes (check only: what <see cref="Update"/> would change).</summary>
    public string CountChanged(BulkStep step) =>
        $"SELECT COUNT(*) FROM ({step.Source}) s JOIN {Q(step.Target.Table)} t ON {KeyMatch(step.Target)} WHERE {Differs(step.Target)}";

    /// <summary>The change rows of the new figures (before the insert, which would make them exist).</summary>
    public string ChangesOfInserts(BulkStep step) =>
        Changes + $"SELECT @run, 1, '{step.Target.EntityType}', {KeyText("s", step.Target)}, NULL, {Json("s", step.Target)} FROM ({step.Source}) s WHERE {IsNew(step)}";

    public string Insert(BulkStep step)
    {
        var columns = string.Join(", ", step.Target.Columns.Select(c => Q(c.Name)));
        return $"INSERT INTO {Q(step.Target.Table)} ({columns}) SELECT {string.Join(", ", step.Target.Columns.Select(c => "s." + Q(c.Name)))} FROM ({step.Source}) s WHERE {IsNew(step)}";
    }

    /// <summary>
    /// PostgreSQL: the insert of the new figures and their change rows in one statement (the inserted rows, returned,
    /// give the change rows), so the new rows are found once. The count is that of the change rows, one per new figure.
    /// </summary>
    public string InsertWithChanges(BulkStep step)
    {
        var columns = string.Join(", ", step.Target.Columns.Select(c => Q(c.Name)));
        return $"WITH s AS ({Insert(step)} RETURNING {columns}) " +
               Changes + $"SELECT @run, 1, '{step.Target.EntityType}', {KeyText("s", step.Target)}, NULL, {Json("s", step.Target)} FROM s";
    }
}
