using System.Text.Json;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Banenmonitor.Data.Audit;

/// <summary>Who changes figures and why: a user (or the system) and the cause (an import run or a user action).</summary>
public sealed record AuditActor(string UserName, string Cause, Guid? ImportRunId = null)
{
    public static AuditActor System { get; } = new("systeem", "systeem");
    public static AuditActor User(string userName, string action) => new(userName, "gebruiker: " + action);
}

/// <summary>
/// Records every insert, update and delete of an <see cref="IAuditedFigure"/> as an <see cref="AuditEntry"/> in the
/// same SaveChanges (hence the same transaction): who, when, values before and after, and the cause.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    public static readonly AuditInterceptor Instance = new();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void AddEntries(DbContext? context)
    {
        if (context is not BanenmonitorDbContext db) return;
        db.ChangeTracker.DetectChanges();
        var actor = db.Actor;
        var now = DateTime.UtcNow;
        var entries = new List<AuditEntry>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.Entity is not IAuditedFigure figure) continue;
            AuditAction? action = e.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Modified => AuditAction.Update,
                EntityState.Deleted => AuditAction.Delete,
                _ => null,
            };
            if (action is null) continue;
            if (action == AuditAction.Update && !e.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))) continue;
            entries.Add(new AuditEntry
            {
                Timestamp = now,
                UserName = actor.UserName,
                Action = action.Value,
                EntityType = figure.AuditType,
                EntityKey = figure.AuditKey,
                Before = action == AuditAction.Insert ? null : Values(e, original: true),
                After = action == AuditAction.Delete ? null : Values(e, original: false),
                Cause = actor.Cause,
                ImportRunId = actor.ImportRunId,
            });
        }
        if (entries.Count > 0) db.AuditEntries.AddRange(entries);
    }

    private static string Values(EntityEntry e, bool original)
    {
        var d = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            if (p.Metadata.IsPrimaryKey()) continue;
            var v = original ? p.OriginalValue : p.CurrentValue;
            d[p.Metadata.Name] = v switch
            {
                DateOnly x => x.ToString("yyyy-MM-dd"),
                Enum x => x.ToString(),
                _ => v,
            };
        }
        return JsonSerializer.Serialize(d, Json);
    }
}
