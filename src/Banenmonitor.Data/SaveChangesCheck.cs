using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Banenmonitor.Data;

/// <summary>
/// A rule checked on every SaveChanges, sync or async, whatever code path makes the change: the subclass throws a Dutch
/// exception for the user when the tracked changes break it.
/// </summary>
public abstract class SaveChangesCheck : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is BanenmonitorDbContext db) Check(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is BanenmonitorDbContext db) Check(db);
        return ValueTask.FromResult(result);
    }

    protected abstract void Check(BanenmonitorDbContext db);
}
