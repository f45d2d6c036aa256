using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Banenmonitor.Data.Import.Bulk;

/// <summary>How a value is stored (the same mapping EF Core uses on each provider).</summary>
internal enum BulkType { Integer, Text, Date, Decimal, Enum }

/// <summary>A column of a target table: name, storage type, and for an enum the names the audit trail gives its values.</summary>
internal sealed record BulkColumn(string Name, BulkType Type, IReadOnlyList<(int Value, string Name)> EnumNames);

/// <summary>
/// A figure table a bulk import writes: its columns (all but the generated id — the same set the audit interceptor puts
/// in an audit entry's JSON), the natural key it is matched on (a unique index) and the parts of its audit key
/// (<see cref="Model.IAuditedFigure.AuditKey"/>), both in column names. Built from the EF model, so names and types follow it.
/// </summary>
internal sealed record BulkTarget(string Table, string EntityType, IReadOnlyList<BulkColumn> Columns, IReadOnlyList<string> Key, IReadOnlyList<string> AuditKey)
{
    public BulkColumn this[string name] => Columns.First(c => c.Name == name);

    public static BulkTarget Of<T>(IModel model, string entityType, string[] key, string[] auditKey)
    {
        var e = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = e.GetProperties().Where(p => !p.IsPrimaryKey())
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new BulkColumn(p.GetColumnName(), TypeOf(p.ClrType), EnumNames(p.ClrType)))
            .ToList();
        return new(e.GetTableName()!, entityType, columns, key, auditKey);
    }

    internal static BulkType TypeOf(Type clr)
    {
        var t = Nullable.GetUnderlyingType(clr) ?? clr;
        if (t.IsEnum) return BulkType.Enum;
        if (t == typeof(int) || t == typeof(long)) return BulkType.Integer;
        if (t == typeof(string)) return BulkType.Text;
        if (t == typeof(DateOnly)) return BulkType.Date;
        if (t == typeof(decimal)) return BulkType.Decimal;
        throw new NotSupportedException($"Bulk import of {clr.Name} columns");
    }

    private static IReadOnlyList<(int, string)> EnumNames(Type clr) =>
        (Nullable.GetUnderlyingType(clr) ?? clr) is { IsEnum: true } t
            ? Enum.GetValues(t).Cast<object>().Select(v => (Convert.ToInt32(v), v.ToString()!)).ToList()
            : [];
}

/// <summary>A column of the staging table: its name, type and how a parsed record gives its value.</summary>
internal sealed record StageColumn(string Name, BulkType Type, Func<object, object?> Get);

/// <summary>
/// One upsert of a bulk import: the rows of <see cref="Source"/> (a SELECT over the staging table <c>s</c> whose
/// column names are the target's) upserted onto <see cref="Target"/> by its natural key. <see cref="Counted"/>: whether
/// its rows are the ones the import result counts (the SROI placements, not their contracts).
/// </summary>
internal sealed record BulkStep(BulkTarget Target, string Source, bool Counted = true);

/// <summary>
/// How a kind is imported in bulk: the staging table's columns, the columns that make a row's natural key within the
/// file (duplicates are refused) and the upserts, in order.
/// </summary>
internal sealed record BulkPlan(IReadOnlyList<StageColumn> Stage, IReadOnlyList<string> FileKey, IReadOnlyList<BulkStep> Steps)
{
    public const string StageTable = "bulk_stage";

    /// <summary>The plan of a kind that writes one table whose record is the parsed record: staged as it is stored.</summary>
    public static BulkPlan Direct<T>(BulkTarget target)
    {
        var stage = target.Columns.Select(c => new StageColumn(c.Name, c.Type, Getter(typeof(T).GetProperty(c.Name)!))).ToList();
        var source = $"SELECT {string.Join(", ", target.Columns.Select(c => $"\"{c.Name}\""))} FROM {StageTable}";
        return new(stage, target.Key, [new BulkStep(target, source)]);
    }

    /// <summary>A compiled getter of a property (the staging writer calls it for every row).</summary>
    internal static Func<object, object?> Getter(PropertyInfo p)
    {
        var r = Expression.Parameter(typeof(object), "r");
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(Expression.Convert(r, p.DeclaringType!), p), typeof(object)), r).Compile();
    }

    /// <summary>A compiled getter of a nested property path (e.g. <c>Contract.Reference</c>).</summary>
    internal static Func<object, object?> Getter<TRecord>(System.Linq.Expressions.Expression<Func<TRecord, object?>> path) where TRecord : class
    {
        var f = path.Compile();
        return r => f((TRecord)r);
    }
}

/// <summary>A kind that has a bulk path (the big kinds: paid hours, registrations, hired-in attributions, SROI placements).</summary>
internal interface IBulkKind
{
    BulkPlan Plan(IModel model);
}
