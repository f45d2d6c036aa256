using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Import;

/// <summary>
/// A column declared once: its <see cref="ColumnSpec"/> (name, type, required, example, Dutch description, bounds — the
/// template), how its cell is read onto a pending record (the parser) and which cell a stored record gives (the export).
/// </summary>
internal sealed record Column<T>(ColumnSpec Spec, Action<RowReader, ImportContext, T>? Read, Func<T, StoredNames, object?> Cell);

/// <summary>What an export writes instead of a stored id: an employer's loonheffingennummer, a sector's code.</summary>
internal sealed class StoredNames(Dictionary<int, string> employers, Dictionary<int, string> sectors)
{
    public string Employer(int id) => employers[id];
    public string Sector(int id) => sectors[id];

    public static async Task<StoredNames> LoadAsync(BanenmonitorDbContext db, CancellationToken ct) => new(
        await db.Employers.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.PayrollTaxNumber, ct),
        await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct));
}

/// <summary>
/// A kind whose columns are declared once (<see cref="Table"/>): the template, the parser and the export follow from
/// them. A kind adds only its checks across columns (<see cref="Check"/>), its stored records in export order and how
/// a batch is written.
/// </summary>
internal abstract class DeclaredKind<T> : ImportKind<T> where T : class
{
    private IReadOnlyList<ColumnSpec>? specs;

    protected abstract IReadOnlyList<Column<T>> Table { get; }
    public sealed override IReadOnlyList<ColumnSpec> Columns => specs ??= [.. Table.Select(c => c.Spec)];

    /// <summary>An empty pending record, filled by the columns.</summary>
    protected abstract T New();

    /// <summary>Checks across columns, after every column was read (<see cref="RowReader.Ok"/> tells which were read well).</summary>
    protected virtual void Check(RowReader row, ImportContext ctx, T record) { }

    /// <summary>The stored records, in export order.</summary>
    protected abstract IAsyncEnumerable<T> Stored(BanenmonitorDbContext db);

    protected sealed override T? ParseRow(RowReader row, ImportContext ctx)
    {
        var record = New();
        foreach (var c in Table) c.Read?.Invoke(row, ctx, record);
        Check(row, ctx, record);
        return row.HasErrors ? null : record;
    }

    public sealed override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var names = await StoredNames.LoadAsync(db, ct);
        await foreach (var r in Stored(db).WithCancellation(ct))
            yield return [.. Table.Select(c => c.Cell(r, names))];
    }

    /// <summary>
    /// Writes a batch by natural key (<see cref="ImportKind{T}.KeyOf"/>): loads the stored records that share the batch's
    /// <paramref name="scope"/> (e.g. its persons) and upserts every pending record onto its stored twin.
    /// </summary>
    protected async Task WriteByKey<TScope>(ImportContext ctx, List<T> batch, IQueryable<T> stored, Expression<Func<T, TScope>> scope, Action<T, T> copyId, CancellationToken ct)
    {
        var existing = (await StoredIn(batch, stored, scope, ct)).ToDictionary(KeyOf);
        foreach (var r in batch) ImportKinds.Upsert(ctx, existing.GetValueOrDefault(KeyOf(r)), r, copyId);
    }

    /// <summary>The stored records with the same <paramref name="scope"/> value as a pending record of the batch.</summary>
    protected static async Task<List<T>> StoredIn<TScope>(List<T> batch, IQueryable<T> stored, Expression<Func<T, TScope>> scope, CancellationToken ct)
    {
        var keys = new Holder<TScope>(batch.Select(scope.Compile()).Distinct().ToList());
        // keys.Values is a captured value (a query parameter), as in a lambda written by hand.
        var inKeys = Expression.Lambda<Func<T, bool>>(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TScope)],
            Expression.Field(Expression.Constant(keys), nameof(Holder<TScope>.Values)), scope.Body), scope.Parameters);
        return await stored.Where(inKeys).ToListAsync(ct);
    }

    private sealed class Holder<TScope>(List<TScope> values) { public readonly List<TScope> Values = values; }

    // Column builders: one property expression gives both the getter (export) and the setter (parser).

    protected static Column<T> Text(string name, bool required, string example, string description, int maxLength, Expression<Func<T, string?>> p) =>
        Of(new(name, ColumnType.Text, required, example, description), p, (row, _) => row.Text(name, required, maxLength));

    protected static Column<T> TaxNumber(string name, bool required, string example, string description, Expression<Func<T, string?>> p) =>
        Of(new(name, ColumnType.Code, required, example, description), p, (row, _) => row.PayrollTaxNumber(name, required));

    protected static Column<T> Integer(string name, bool required, string example, string description, NumberBounds bounds, Expression<Func<T, int>> p) =>
        Of(new(name, ColumnType.Integer, required, example, description, bounds), p, (row, _) => row.Integer(name, required) ?? 0);

    protected static Column<T> Integer(string name, bool required, string example, string description, NumberBounds bounds, Expression<Func<T, int?>> p) =>
        Of(new(name, ColumnType.Integer, required, example, description, bounds), p, (row, _) => row.Integer(name, required));

    protected static Column<T> Number(string name, bool required, string example, string description, NumberBounds bounds, Expression<Func<T, decimal>> p) =>
        Of(new(name, ColumnType.Number, required, example, description, bounds), p, (row, _) => row.Number(name, required) ?? 0);

    protected static Column<T> Number(string name, bool required, string example, string description, NumberBounds bounds, Expression<Func<T, decimal?>> p) =>
        Of(new(name, ColumnType.Number, required, example, description, bounds), p, (row, _) => row.Number(name, required));

    protected static Column<T> Date(string name, bool required, string example, string description, Expression<Func<T, DateOnly>> p) =>
        Of(new(name, ColumnType.Date, required, example, description), p, (row, _) => row.Date(name, required) ?? default);

    protected static Column<T> Date(string name, bool required, string example, string description, Expression<Func<T, DateOnly?>> p) =>
        Of(new(name, ColumnType.Date, required, example, description), p, (row, _) => row.Date(name, required));

    /// <summary>An optional municipality, checked against the division into labour-market regions and stored as written there.</summary>
    protected static Column<T> Municipality(string name, string example, string description, Expression<Func<T, string?>> p) =>
        Of(new(name, ColumnType.Text, false, example, description), p, (row, _) => row.Municipality(name));

    /// <summary>One of a fixed list of Dutch codes, exported by its code.</summary>
    protected static Column<T> Code<TCode>(string name, bool required, string example, string description, IReadOnlyDictionary<string, TCode> codes, Expression<Func<T, TCode>> p) where TCode : struct =>
        Of(new(name, ColumnType.Code, required, example, description), p, (row, _) => row.Code(name, required, codes) ?? default,
            v => ImportKinds.Dutch(codes, v));

    /// <summary>A (required) employer by its loonheffingennummer, stored by id.</summary>
    protected static Column<T> EmployerOf(string name, string example, string description, Expression<Func<T, int>> p)
    {
        var get = p.Compile();
        var set = Setter(p);
        return new(new(name, ColumnType.Code, true, example, description), (row, ctx, r) => set(r, ctx.Employer(row, name)?.Id ?? 0), (r, n) => n.Employer(get(r)));
    }

    /// <summary>A (required) sector by its code, stored by id.</summary>
    protected static Column<T> SectorOf(string name, string example, string description, Expression<Func<T, int>> p)
    {
        var get = p.Compile();
        var set = Setter(p);
        return new(new(name, ColumnType.Code, true, example, description), (row, ctx, r) => set(r, ctx.SectorId(row, name) ?? 0), (r, n) => n.Sector(get(r)));
    }

    /// <summary>The person: a BSN (stored as its keyed pseudonym, exported empty) or a pseudonym — two columns.</summary>
    protected static Column<T>[] Person(Expression<Func<T, string?>> p, bool required = true)
    {
        var get = p.Compile();
        var set = Setter(p);
        return [new(Import.Columns.BsnColumn, (row, ctx, r) => set(r, ctx.Person(row, required)), (_, _) => null),
            new(Import.Columns.PseudonymColumn, null, (r, _) => get(r))];
    }

    /// <summary>The status of a report (<see cref="ImportContext.ReportStatus"/>), exported in Dutch.</summary>
    protected static Column<T> Status(string example, string description, ReportStatus fallback, Expression<Func<T, ReportStatus>> p) =>
        Of(new("status", ColumnType.Code, false, example, description), p, (row, ctx) => ctx.ReportStatus(row, fallback), v => v.Dutch());

    private static Column<T> Of<TValue>(ColumnSpec spec, Expression<Func<T, TValue>> p, Func<RowReader, ImportContext, TValue> read, Func<TValue, object?>? cell = null)
    {
        var get = p.Compile();
        var set = Setter(p);
        return new(spec, (row, ctx, r) => set(r, read(row, ctx)), cell is null ? (r, _) => get(r) : (r, _) => cell(get(r)));
    }

    private static Action<T, TValue> Setter<TValue>(Expression<Func<T, TValue>> p)
    {
        var value = Expression.Parameter(typeof(TValue), "value");
        return Expression.Lambda<Action<T, TValue>>(Expression.Assign(p.Body, value), p.Parameters[0], value).Compile();
    }
}
