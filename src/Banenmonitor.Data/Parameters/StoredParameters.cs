using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Parameters;

/// <summary>
/// The parameters in force with a database: the built-in files (<see cref="ParameterSet.Embedded"/>) plus the values an
/// administrator stored with their source (<see cref="ParameterOverride"/>, page <c>/beheer/parameters</c>), and how many
/// of those there are, so that a result can say which set it used.
/// </summary>
public sealed record ParametersInForce(ParameterSet Set, int Overrides)
{
    /// <summary>The built-in parameters only (no database, or none stored).</summary>
    public static ParametersInForce BuiltIn { get; } = new(ParameterSet.Embedded, 0);

    /// <summary>In Dutch, for a result: <c>ingebouwde parameters</c> or <c>ingebouwde parameters plus 2 … uit de database</c>.</summary>
    public string Description => Overrides == 0
        ? "ingebouwde parameters (geen door een beheerder opgegeven waarden)"
        : $"ingebouwde parameters plus {Overrides} door een beheerder opgegeven {(Overrides == 1 ? "waarde" : "waarden")} uit de database";
}

/// <summary>
/// The one loader of the stored parameter values, for the web (<c>ParameterProvider</c>) and the CLI (commands given a
/// database): the overrides in the order they were stored, each applied with <see cref="ParameterSet.WithOverride(ParameterValue)"/>.
/// </summary>
public static class StoredParameters
{
    /// <summary><paramref name="set"/> with the stored values applied in order (a later value for the same date replaces an earlier one).</summary>
    public static ParameterSet Apply(ParameterSet set, IEnumerable<ParameterOverride> overrides)
    {
        foreach (var o in overrides)
        {
            ParameterStatusText.TryParse(o.Status, out var status);
            set = set.WithOverride(new ParameterValue(o.Name, o.ValidFrom, o.Value, status, o.Source,
                set.Definition(o.Name).Unit, $"opgegeven door {o.CreatedBy} op {o.CreatedAt:yyyy-MM-dd}"));
        }
        return set;
    }

    private static IQueryable<ParameterOverride> Ordered(BanenmonitorDbContext db) => db.ParameterOverrides.AsNoTracking().OrderBy(o => o.Id);

    /// <summary>The built-in parameters plus the database's stored values.</summary>
    public static ParametersInForce Load(BanenmonitorDbContext db)
    {
        var overrides = Ordered(db).ToList();
        return new ParametersInForce(Apply(ParameterSet.Embedded, overrides), overrides.Count);
    }

    /// <inheritdoc cref="Load"/>
    public static async Task<ParametersInForce> LoadAsync(BanenmonitorDbContext db, CancellationToken ct = default)
    {
        var overrides = await Ordered(db).ToListAsync(ct);
        return new ParametersInForce(Apply(ParameterSet.Embedded, overrides), overrides.Count);
    }
}
