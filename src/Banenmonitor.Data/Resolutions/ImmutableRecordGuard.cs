using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Banenmonitor.Data.Resolutions;

/// <summary>A resolution or a published report was to be changed or deleted; the message is Dutch and meant for the user.</summary>
public sealed class ImmutableRecordException(string message) : InvalidOperationException(message);

/// <summary>
/// Enforces, on every SaveChanges and whatever code path makes the change, that resolutions of findings and published
/// report versions (and their files) are only ever added: never changed, never deleted. A new resolution or version
/// supersedes the previous one instead.
/// </summary>
public sealed class ImmutableRecordGuard : SaveChangesCheck
{
    public static readonly ImmutableRecordGuard Instance = new();

    protected override void Check(BanenmonitorDbContext db)
    {
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Modified or EntityState.Deleted)) continue;
            var what = e.Entity switch
            {
                FindingResolution => "Een oplossing van een bevinding",
                PublishedReport => "Een gepubliceerd rapport",
                PublishedReportFile => "Een bestand van een gepubliceerd rapport",
                _ => null,
            };
            if (what is null) continue;
            throw new ImmutableRecordException(e.State == EntityState.Deleted
                ? $"{what} wordt nooit verwijderd; leg een nieuwe vast die de vorige vervangt."
                : $"{what} wordt nooit gewijzigd; leg een nieuwe vast die de vorige vervangt.");
        }
    }
}
