using System.Runtime.CompilerServices;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;
using static Banenmonitor.Data.Import.Columns;

namespace Banenmonitor.Data.Import;

/// <summary>
/// The register of a sector's employers with their size per year (soort <c>sectorregister</c>): the population the
/// employer reports are measured against. One size measure per row (personeel, fte or uren); the sector and size class
/// are the employer's own (import the employers first).
/// </summary>
internal sealed class SectorRegisterKind : ImportKind<SectorRegisterEntry>
{
    internal static readonly IReadOnlyDictionary<string, SizeMeasure> Measures = new Dictionary<string, SizeMeasure>
    { ["personeel"] = SizeMeasure.Staff, ["fte"] = SizeMeasure.Fte, ["uren"] = SizeMeasure.PaidHours };

    public override string Name => "sectorregister";
    public override string Description => "Register van de werkgevers van een sector per jaar met hun omvang (personeel, fte of verloonde uren) en eigen doel";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new(PayrollTaxNumber, ColumnType.Code, true, "123456789L01", "Loonheffingennummer van de werkgever (lees eerst de werkgever in)"),
        new(Year, ColumnType.Integer, true, "2020", "Jaar", NumberLimits.Year),
        new("maat", ColumnType.Code, true, "personeel", "Omvangsmaat: personeel, fte of uren"),
        new("omvang", ColumnType.Number, true, "1250", "Omvang van de werkgever in de gekozen maat", NumberLimits.EmployerSize),
        new("doel", ColumnType.Number, false, "", "Eigen doel van de werkgever in banen (fta), als dat bekend is", NumberLimits.Jobs),
        new(Source, ColumnType.Text, true, "Personeelsregister sector", "Bron van de omvang"),
    ];

    protected override SectorRegisterEntry? ParseRow(RowReader row, ImportContext ctx)
    {
        var employer = ctx.Employer(row, PayrollTaxNumber);
        var r = new SectorRegisterEntry
        {
            EmployerId = employer?.Id ?? 0,
            Year = row.Integer(Year, true) ?? 0,
            Measure = row.Code("maat", true, Measures) ?? default,
            Size = row.Number("omvang", true) ?? 0,
            TargetJobs = row.Number("doel", false),
            Source = row.Text(Source, true, 400) ?? "",
        };
        return row.HasErrors ? null : r;
    }

    protected override string KeyOf(SectorRegisterEntry r) => r.AuditKey;

    protected override async Task Write(ImportContext ctx, List<SectorRegisterEntry> batch, CancellationToken ct)
    {
        var ids = batch.Select(b => b.EmployerId).Distinct().ToList();
        var existing = (await ctx.Db.SectorRegister.Where(e => ids.Contains(e.EmployerId)).ToListAsync(ct)).ToDictionary(e => e.AuditKey);
        foreach (var r in batch) ImportKinds.Upsert(ctx, existing.GetValueOrDefault(r.AuditKey), r, (e, i) => i.Id = e.Id);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var x in db.SectorRegister.AsNoTracking().OrderBy(r => r.EmployerId).ThenBy(r => r.Year)
            .Select(r => new { R = r, r.Employer!.PayrollTaxNumber }).AsAsyncEnumerable().WithCancellation(ct))
            yield return [x.PayrollTaxNumber, x.R.Year, ImportKinds.Dutch(Measures, x.R.Measure), x.R.Size, x.R.TargetJobs, x.R.Source];
    }
}
