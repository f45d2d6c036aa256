using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;
using static Banenmonitor.Data.Import.Columns;

namespace Banenmonitor.Data.Import;

/// <summary>
/// The register of a sector's employers with their size per year (soort <c>sectorregister</c>): the population the
/// employer reports are measured against, with each employer's own target and — as the sector collected them — its
/// realisation and contract types (an empty realisation = the employer did not report). One size measure per row
/// (personeel, fte or uren); the sector and size class are the employer's own (import the employers first).
/// </summary>
internal sealed class SectorRegisterKind : DeclaredKind<SectorRegisterEntry>
{
    internal static readonly IReadOnlyDictionary<string, SizeMeasure> Measures = new Dictionary<string, SizeMeasure>
    { ["personeel"] = SizeMeasure.Staff, ["fte"] = SizeMeasure.Fte, ["uren"] = SizeMeasure.PaidHours };

    public override string Name => "sectorregister";
    public override string Description => "Register van de werkgevers van een sector per jaar met hun omvang (personeel, fte of verloonde uren) en eigen doel";
    protected override IReadOnlyList<Column<SectorRegisterEntry>> Table { get; } =
    [
        EmployerOf(PayrollTaxNumber, "123456789L01", "Loonheffingennummer van de werkgever (lees eerst de werkgever in)", r => r.EmployerId),
        Integer(Year, true, "2020", "Jaar", NumberLimits.Year, r => r.Year),
        Code("maat", true, "personeel", "Omvangsmaat: personeel, fte of uren", Measures, r => r.Measure),
        Number("omvang", true, "1250", "Omvang van de werkgever in de gekozen maat", NumberLimits.EmployerSize, r => r.Size),
        Number("doel", false, "56,3", "Eigen doel van de werkgever in banen (fta), als dat bekend is", NumberLimits.Jobs, r => r.TargetJobs),
        Number("realisatie", false, "36,2", "Gerealiseerde banen (fta) volgens de opgave van de werkgever aan de sector; leeg = heeft niet gerapporteerd", NumberLimits.Jobs, r => r.RealisedJobs),
        Number("vast", false, "", "Deel van de realisatie met een vast contract (fta)", NumberLimits.Jobs, r => r.PermanentJobs),
        Number("tijdelijk", false, "", "Deel van de realisatie met een tijdelijk contract (fta)", NumberLimits.Jobs, r => r.TemporaryJobs),
        Number("inhuur", false, "", "Deel van de realisatie via inhuur (fta)", NumberLimits.Jobs, r => r.HiredInJobs),
        Text(Source, true, "Personeelsregister sector", "Bron van de omvang", 400, r => r.Source),
    ];

    protected override SectorRegisterEntry New() => new() { Source = "" };
    protected override string KeyOf(SectorRegisterEntry r) => r.AuditKey;
    protected override Task Write(ImportContext ctx, List<SectorRegisterEntry> batch, CancellationToken ct) =>
        WriteByKey(ctx, batch, ctx.Db.SectorRegister, e => e.EmployerId, (e, i) => i.Id = e.Id, ct);
    protected override IAsyncEnumerable<SectorRegisterEntry> Stored(BanenmonitorDbContext db) =>
        db.SectorRegister.AsNoTracking().OrderBy(r => r.EmployerId).ThenBy(r => r.Year).AsAsyncEnumerable();
}
