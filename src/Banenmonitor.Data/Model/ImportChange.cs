using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Model;

/// <summary>
/// One change a bulk import made to a figure (inserted or changed; unchanged rows leave none), stored set-wise by the
/// import itself (one INSERT … SELECT per kind of change) instead of one <see cref="AuditEntry"/> entity per figure.
/// Who, when and why are those of its <see cref="ImportRun"/>; the audit trail (<see cref="AuditTrailRow"/>) reads both.
/// </summary>
public sealed class ImportChange
{
    public long Id { get; set; }
    public Guid ImportRunId { get; set; }
    public ImportRun? ImportRun { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>As <see cref="AuditEntry.EntityType"/>.</summary>
    public required string EntityType { get; set; }
    /// <summary>As <see cref="AuditEntry.EntityKey"/> (the figure's natural key).</summary>
    public required string EntityKey { get; set; }
    /// <summary>JSON of the values before (null for an insert), as <see cref="AuditEntry.Before"/>.</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the values after, as <see cref="AuditEntry.After"/>.</summary>
    public string? After { get; set; }
}

/// <summary>
/// The audit trail as one table (database view <c>AuditTrail</c>): every <see cref="AuditEntry"/> and every
/// <see cref="ImportChange"/> with the user, time and cause of its import run. <see cref="Source"/> tells them apart
/// (their ids are separate sequences): 0 = audit entry, 1 = import change.
/// </summary>
public sealed class AuditTrailRow
{
    public const string View = "AuditTrail";
    public int Source { get; set; }
    public long Id { get; set; }
    public DateTime Timestamp { get; set; }
    public required string UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string Cause { get; set; }
    public Guid? ImportRunId { get; set; }

    public AuditEntry ToEntry() => new()
    {
        Id = Id, Timestamp = Timestamp, UserName = UserName, Action = Action, EntityType = EntityType, EntityKey = EntityKey,
        Before = Before, After = After, Cause = Cause, ImportRunId = ImportRunId,
    };

    /// <summary>The cause an import run gives its changes (the same text the per-figure audit entries of an import carry).</summary>
    public static string ImportCause(string kind, string fileName) => $"import {kind} ({fileName})";

    /// <summary>The view's SQL (the same on SQLite and PostgreSQL), as migration BulkImportRuns creates it; a changed view needs a new constant and a new migration.</summary>
    public const string ViewSqlV1 = """
        CREATE VIEW "AuditTrail" AS
        SELECT 0 AS "Source", a."Id", a."Timestamp", a."UserName", a."Action", a."EntityType", a."EntityKey", a."Before", a."After", a."Cause", a."ImportRunId"
        FROM "AuditEntries" a
        UNION ALL
        SELECT 1, c."Id", r."StartedAt", r."UserName", c."Action", c."EntityType", c."EntityKey", c."Before", c."After",
               'import ' || r."Kind" || ' (' || r."FileName" || ')', c."ImportRunId"
        FROM "ImportChanges" c JOIN "ImportRuns" r ON r."Id" = c."ImportRunId"
        """;

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<ImportChange>(e =>
        {
            e.Property(x => x.EntityType).HasMaxLength(60);
            e.Property(x => x.EntityKey).HasMaxLength(300);
            e.HasIndex(x => new { x.EntityType, x.EntityKey });
            e.HasIndex(x => new { x.ImportRunId, x.Id }); // a run's changes newest first (AuditService.SearchAsync)
            e.HasOne(x => x.ImportRun).WithMany().HasForeignKey(x => x.ImportRunId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AuditTrailRow>(e =>
        {
            e.HasNoKey();
            e.ToView(View);
            e.Property(x => x.Timestamp).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        });
    }
}
