using System.Security.Claims;
using Banenmonitor.Data;
using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>Sets who changes figures and why on the platform's context, so its audit trail records the user and the action.</summary>
public static class AuditActions
{
    public static void Acting(this BanenmonitorDbContext db, ClaimsPrincipal user, string action) =>
        db.Actor = AuditActor.User(user.Identity?.Name ?? "onbekend", action);

    /// <summary>Records a change that is not a figure (a user account, an API token) in the same audit trail.</summary>
    public static void Record(this BanenmonitorDbContext db, ClaimsPrincipal user, string entityType, string key, string action, object after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Timestamp = DateTime.UtcNow, UserName = user.Identity?.Name ?? "onbekend", Action = AuditAction.Insert, EntityType = entityType,
            EntityKey = key, After = System.Text.Json.JsonSerializer.Serialize(after), Cause = "gebruiker: " + action,
        });
}
