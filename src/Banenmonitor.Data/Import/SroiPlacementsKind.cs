using Banenmonitor.Data.Import.Bulk;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;
using static Banenmonitor.Data.Import.Columns;

namespace Banenmonitor.Data.Import;

/// <summary>A row of the SROI file: the contract (repeated on every placement row) and one placement.</summary>
internal sealed class SroiRow
{
    public SroiContract Contract { get; init; } = new() { Reference = "", SupplierName = "" };
    public SroiPlacement Placement { get; init; } = new() { Reference = "" };
    /// <summary>The contract fields every row of the same contract must repeat.</summary>
    public string ContractSignature => $"{Contract.ProcurerId}|{Contract.SupplierName}|{Contract.SupplierPayrollTaxNumber}|{Contract.Value}|{Contract.Obligation}";
}

internal sealed class SroiPlacementsKind : DeclaredKind<SroiRow>, IBulkKind
{
    /// <summary>
    /// Staged with the contract and the placement side by side (c_…, p_…); the contracts are upserted first (one per
    /// reference: every row of a contract repeats the same fields, checked while reading), then the placements with
    /// their contract's id.
    /// </summary>
    public BulkPlan Plan(IModel model)
    {
        var contracts = BulkTarget.Of<SroiContract>(model, nameof(SroiContract), [nameof(SroiContract.Reference)], [nameof(SroiContract.Reference)]);
        var placements = BulkTarget.Of<SroiPlacement>(model, nameof(SroiPlacement),
            [nameof(SroiPlacement.ContractId), nameof(SroiPlacement.Reference)], [nameof(SroiPlacement.ContractId), nameof(SroiPlacement.Reference)]);
        var stage = new List<StageColumn>();
        foreach (var c in contracts.Columns)
        {
            var get = BulkPlan.Getter(typeof(SroiContract).GetProperty(c.Name)!);
            stage.Add(new("c_" + c.Name, c.Type, r => get(((SroiRow)r).Contract)));
        }
        foreach (var c in placements.Columns.Where(c => c.Name != nameof(SroiPlacement.ContractId)))
        {
            var get = BulkPlan.Getter(typeof(SroiPlacement).GetProperty(c.Name)!);
            stage.Add(new("p_" + c.Name, c.Type, r => get(((SroiRow)r).Placement)));
        }
        var contractSource = "SELECT DISTINCT " + string.Join(", ", contracts.Columns.Select(c => $"\"c_{c.Name}\" AS \"{c.Name}\"")) + $" FROM {BulkPlan.StageTable}";
        var placementSource = "SELECT " + string.Join(", ", placements.Columns.Select(c => c.Name == nameof(SroiPlacement.ContractId)
            ? $"k.\"Id\" AS \"{c.Name}\"" : $"x.\"p_{c.Name}\" AS \"{c.Name}\"")) +
            $" FROM {BulkPlan.StageTable} x JOIN \"{contracts.Table}\" k ON k.\"Reference\" = x.\"c_Reference\"";
        return new(stage, ["c_Reference", "p_Reference"], [new BulkStep(contracts, contractSource, Counted: false), new BulkStep(placements, placementSource)]);
    }

    private const string PersonCount = "aantal_personen";

    public override string Name => "sroi-plaatsingen";
    public override string Description => "Social return (SROI): contracten met hun plaatsingen (een persoon of een aantal personen, met uren)";
    protected override IReadOnlyList<Column<SroiRow>> Table { get; } =
    [
        Text("contractnummer", true, "SROI-2024-001", "Kenmerk van het contract", 60, r => r.Contract.Reference),
        EmployerOf("opdrachtgever_loonheffingennummer", "123456789L01", "Loonheffingennummer van de aanbestedende werkgever", r => r.Contract.ProcurerId),
        Text("leverancier", true, "Voorbeeld Bouw B.V.", "Naam van de leverancier", 200, r => r.Contract.SupplierName),
        TaxNumber("leverancier_loonheffingennummer", false, "", "Loonheffingennummer van de leverancier (als bekend)", r => r.Contract.SupplierPayrollTaxNumber),
        Number("contractwaarde", true, "1500000", "Waarde van het contract in euro", NumberLimits.ContractEuros, r => r.Contract.Value),
        Number("verplichting", true, "75000", "Social-return-verplichting in euro", NumberLimits.ContractEuros, r => r.Contract.Obligation),
        Text("plaatsingsnummer", true, "1", "Kenmerk van de plaatsing binnen het contract", 60, r => r.Placement.Reference),
        .. Person(r => r.Placement.Pseudonym, required: false),
        Integer(PersonCount, false, "", "Aantal personen als de plaatsing niet per persoon is vastgelegd (in plaats van bsn/pseudoniem)", NumberLimits.PersonCount, r => r.Placement.PersonCount),
        Integer(Year, true, "2024", "Jaar van de plaatsing", NumberLimits.Year, r => r.Placement.Year),
        Number(Hours, true, "1200", "Uren van de plaatsing in het jaar", NumberLimits.PlacementHours, r => r.Placement.Hours),
    ];

    protected override SroiRow New() => new();

    protected override void Check(RowReader row, ImportContext ctx, SroiRow r)
    {
        var (c, p) = (r.Contract, r.Placement);
        if (row.Ok("contractwaarde", "verplichting") && c.Obligation > c.Value) row.Error("verplichting", "de verplichting is groter dan de contractwaarde");
        var hasPerson = p.Pseudonym is not null || row.Raw(Bsn) is not null || row.Raw(Pseudonym) is not null;
        if (hasPerson && row.Raw(PersonCount) is not null) row.Error(PersonCount, "vul een persoon (bsn/pseudoniem) óf een aantal personen in, niet allebei");
        else if (!hasPerson && row.Raw(PersonCount) is null) row.Error(PersonCount, "vul een persoon (bsn/pseudoniem) of een aantal personen in");
        if (row.Ok(Hours) && p.Hours > (p.PersonCount ?? 1) * NumberLimits.PersonHours.Max)
            row.Error(Hours, $"{p.Hours} uur is meer dan {(p.PersonCount ?? 1)} persoon/personen in een jaar kunnen werken");
        if (!row.HasErrors) CheckContract(ctx.SroiContractRows, r, row);
    }

    protected override string KeyOf(SroiRow r) => r.Contract.Reference + "|" + r.Placement.Reference;

    protected override async Task Write(ImportContext ctx, List<SroiRow> batch, CancellationToken ct)
    {
        var refs = batch.Select(b => b.Contract.Reference).Distinct().ToList();
        var contracts = await ctx.Db.SroiContracts.Include(c => c.Placements).Where(c => refs.Contains(c.Reference)).ToDictionaryAsync(c => c.Reference, ct);
        var added = false;
        foreach (var r in batch)
        {
            if (!contracts.TryGetValue(r.Contract.Reference, out var contract))
            {
                contract = r.Contract;
                ctx.Db.SroiContracts.Add(contract);
                contracts[contract.Reference] = contract;
                added = true;
            }
            else if (contract.Id != 0 && !ReferenceEquals(contract, r.Contract))
            {
                r.Contract.Id = contract.Id;
                ctx.Db.Entry(contract).CurrentValues.SetValues(r.Contract);
            }
        }
        // A placement's audit key and values hold its contract's id: new contracts are saved first (in the import's
        // transaction), so their placements are audited with the id the database gives, not EF Core's temporary one —
        // as on the bulk path, which upserts the contracts before the placements.
        if (added) await ctx.Db.SaveChangesAsync(ct);
        foreach (var r in batch)
        {
            var contract = contracts[r.Contract.Reference];
            var existing = contract.Placements.FirstOrDefault(p => p.Reference == r.Placement.Reference);
            if (existing is null) { r.Placement.ContractId = contract.Id; r.Placement.Contract = contract; }
            ImportKinds.Upsert(ctx, existing, r.Placement, (e, i) => { i.Id = e.Id; i.ContractId = e.ContractId; });
        }
    }

    /// <summary>Contract fields must agree on every row of the same contract.</summary>
    internal static void CheckContract(Dictionary<string, (string Signature, int Row)> seen, SroiRow r, RowReader row)
    {
        if (seen.TryGetValue(r.Contract.Reference, out var first))
        {
            if (first.Signature != r.ContractSignature)
                row.Error("contractnummer", $"de contractgegevens van {r.Contract.Reference} wijken af van die in rij {first.Row}");
        }
        else seen[r.Contract.Reference] = (r.ContractSignature, row.Row);
    }

    protected override IAsyncEnumerable<SroiRow> Stored(BanenmonitorDbContext db) =>
        db.SroiPlacements.AsNoTracking().OrderBy(p => p.Contract!.Reference).ThenBy(p => p.Reference)
            .Select(p => new SroiRow { Contract = p.Contract!, Placement = p }).AsAsyncEnumerable();
}
