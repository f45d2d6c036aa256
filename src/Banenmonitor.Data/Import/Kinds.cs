using System.Runtime.CompilerServices;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;
using static Banenmonitor.Data.Import.Columns;

namespace Banenmonitor.Data.Import;

/// <summary>All kinds (soorten) of import and export, by Dutch name.</summary>
public static class ImportKinds
{
    public static readonly IReadOnlyList<ImportKind> All =
    [
        new EmployersKind(), new RegistrationsKind(), new PaidHoursKind(), new HiredInKind(),
        new SroiPlacementsKind(), new SectorReportsKind(), new EmployerReportsKind(),
        new SectorRegisterKind(),
    ];

    public static ImportKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    internal static readonly IReadOnlyDictionary<string, SizeClass> SizeClasses = new Dictionary<string, SizeClass>
    { ["klein"] = SizeClass.Small, ["middel"] = SizeClass.Medium, ["groot"] = SizeClass.Large };
    internal static readonly IReadOnlyDictionary<string, LenderType> LenderTypes = new Dictionary<string, LenderType>
    { ["geen"] = LenderType.None, ["uitzendbureau"] = LenderType.Agency, ["sw-bedrijf"] = LenderType.ShelteredEmployment };
    internal static readonly IReadOnlyDictionary<string, RegistrationGround> Grounds = new Dictionary<string, RegistrationGround>
    {
        ["wajong"] = RegistrationGround.Wajong, ["wsw"] = RegistrationGround.Wsw, ["wiw-id"] = RegistrationGround.WiwId,
        ["participatiewet"] = RegistrationGround.Participatiewet, ["praktijkroute"] = RegistrationGround.Praktijkroute, ["overig"] = RegistrationGround.Other,
    };
    internal static readonly IReadOnlyDictionary<string, EmploymentForm> Forms = new Dictionary<string, EmploymentForm>
    { ["dienstverband"] = EmploymentForm.Direct, ["uitzending"] = EmploymentForm.Agency, ["detachering"] = EmploymentForm.Secondment, ["payroll"] = EmploymentForm.Payroll };
    /// <summary>The statuses a file may give (rejected and superseded versions come only from the review workflow).</summary>
    internal static readonly IReadOnlyDictionary<string, ReportStatus> Statuses =
        new[] { ReportStatus.Draft, ReportStatus.Submitted, ReportStatus.Approved }.ToDictionary(s => s.Dutch());

    public static string Dutch<T>(IReadOnlyDictionary<string, T> codes, T value) where T : struct =>
        codes.First(kv => EqualityComparer<T>.Default.Equals(kv.Value, value)).Key;


    /// <summary>Upsert: copies the incoming values onto the stored record; null = inserted, true = changed, false = equal.</summary>
    /// <summary>
    /// Upsert of a report: an approved row replaces the approved report of its year; a draft or submitted row replaces
    /// the open version (draft or submitted) of its year — never the approved one, which stays the figure until an
    /// analyst approves the new version.
    /// </summary>
    /// <summary>A file may hold a year's approved report and its open new version, not two of either.</summary>
    internal static string ReportKey<T>(T r) where T : IAuditedFigure, IReviewedReport =>
        r.AuditKey + (r.Status == ReportStatus.Approved ? "|goedgekeurd" : "|open");

    internal static bool? UpsertReport<T>(ImportContext ctx, IEnumerable<T> existing, T incoming) where T : class, IAuditedFigure, IReviewedReport
    {
        static bool IsOpen(ReportStatus s) => s is ReportStatus.Draft or ReportStatus.Submitted;
        var match = existing.FirstOrDefault(e => e.AuditKey == incoming.AuditKey &&
            (incoming.Status == ReportStatus.Approved ? e.Status == ReportStatus.Approved : IsOpen(e.Status) && IsOpen(incoming.Status)));
        return Upsert(ctx, match, incoming, (e, i) =>
        {
            i.Id = e.Id;
            i.SubmittedBy = e.SubmittedBy; i.SubmittedAt = e.SubmittedAt; i.ReviewedBy = e.ReviewedBy; i.ReviewedAt = e.ReviewedAt;
            if (incoming.Status != ReportStatus.Approved) { i.SubmittedBy = null; i.SubmittedAt = null; }
        });
    }

    internal static bool? Upsert<T>(ImportContext ctx, T? existing, T incoming, Action<T, T> copyKey) where T : class
    {
        if (existing is null) { ctx.Db.Add(incoming); ctx.Count(null); return null; }
        copyKey(existing, incoming);
        var entry = ctx.Db.Entry(existing);
        entry.CurrentValues.SetValues(incoming);
        var changed = entry.Properties.Any(p => p.IsModified);
        ctx.Count(changed);
        return changed;
    }
}

internal sealed class EmployersKind : ImportKind<Employer>
{
    public override string Name => "werkgevers";
    public override string Description => "Werkgevers met loonheffingennummer, sector, grootteklasse en soort uitlener";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new(PayrollTaxNumber, ColumnType.Code, true, "123456789L01", "Loonheffingennummer: 9 cijfers, L, 2 cijfers"),
        new("naam", ColumnType.Text, true, "Gemeente Voorbeeld", "Naam van de werkgever"),
        new(SectorCode, ColumnType.Code, true, "gemeenten", "Sectorcode, bijvoorbeeld gemeenten, rijk, po, markt"),
        new("grootteklasse", ColumnType.Code, true, "groot", "klein, middel of groot"),
        new("uitlener", ColumnType.Code, true, "geen", "geen, uitzendbureau of sw-bedrijf"),
    ];

    protected override Employer? ParseRow(RowReader row, ImportContext ctx)
    {
        var number = row.PayrollTaxNumber(PayrollTaxNumber, true);
        var name = row.Text("naam", true, 200);
        var sector = ctx.SectorId(row, SectorCode);
        var size = row.Code("grootteklasse", true, ImportKinds.SizeClasses);
        var lender = row.Code("uitlener", true, ImportKinds.LenderTypes);
        if (row.HasErrors) return null;
        return new Employer { PayrollTaxNumber = number!, Name = name!, SectorId = sector!.Value, SizeClass = size!.Value, LenderType = lender!.Value };
    }

    protected override string KeyOf(Employer r) => r.PayrollTaxNumber;

    protected override async Task Write(ImportContext ctx, List<Employer> batch, CancellationToken ct)
    {
        var keys = batch.Select(b => b.PayrollTaxNumber).ToList();
        var existing = await ctx.Db.Employers.Where(e => keys.Contains(e.PayrollTaxNumber)).ToDictionaryAsync(e => e.PayrollTaxNumber, ct);
        foreach (var r in batch) ImportKinds.Upsert(ctx, existing.GetValueOrDefault(r.PayrollTaxNumber), r, (e, i) => i.Id = e.Id);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in db.Employers.AsNoTracking().OrderBy(e => e.PayrollTaxNumber)
            .Select(e => new { e.PayrollTaxNumber, e.Name, e.Sector!.Code, e.SizeClass, e.LenderType }).AsAsyncEnumerable().WithCancellation(ct))
            yield return [e.PayrollTaxNumber, e.Name, e.Code, ImportKinds.Dutch(ImportKinds.SizeClasses, e.SizeClass), ImportKinds.Dutch(ImportKinds.LenderTypes, e.LenderType)];
    }
}

internal sealed class RegistrationsKind : ImportKind<TargetGroupRegistration>
{
    public override string Name => "doelgroepregistraties";
    public override string Description => "Registraties in het doelgroepregister: persoon, grond, start- en einddatum";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        BsnColumn, PseudonymColumn,
        new("grond", ColumnType.Code, true, "wajong", "wajong, wsw, wiw-id, participatiewet, praktijkroute of overig"),
        new("startdatum", ColumnType.Date, true, "2016-03-01", "Datum van inschrijving (jjjj-mm-dd)"),
        new("einddatum", ColumnType.Date, false, "", "Datum van uitschrijving, leeg als de registratie loopt"),
    ];

    protected override TargetGroupRegistration? ParseRow(RowReader row, ImportContext ctx)
    {
        var person = ctx.Person(row);
        var ground = row.Code("grond", true, ImportKinds.Grounds);
        var start = row.Date("startdatum", true);
        var end = row.Date("einddatum", false);
        if (start is { } s && end is { } e && e < s) row.Error("einddatum", $"de einddatum {e:yyyy-MM-dd} ligt vóór de startdatum {s:yyyy-MM-dd}");
        if (row.HasErrors) return null;
        return new TargetGroupRegistration { Pseudonym = person!, Ground = ground!.Value, StartDate = start!.Value, EndDate = end };
    }

    protected override string KeyOf(TargetGroupRegistration r) => r.AuditKey;

    protected override async Task Write(ImportContext ctx, List<TargetGroupRegistration> batch, CancellationToken ct)
    {
        var keys = batch.Select(b => b.Pseudonym).Distinct().ToList();
        var existing = (await ctx.Db.TargetGroupRegistrations.Where(e => keys.Contains(e.Pseudonym)).ToListAsync(ct)).ToDictionary(e => e.AuditKey);
        foreach (var r in batch) ImportKinds.Upsert(ctx, existing.GetValueOrDefault(r.AuditKey), r, (e, i) => i.Id = e.Id);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in db.TargetGroupRegistrations.AsNoTracking().OrderBy(r => r.Pseudonym).ThenBy(r => r.StartDate).ThenBy(r => r.Ground).AsAsyncEnumerable().WithCancellation(ct))
            yield return [null, r.Pseudonym, ImportKinds.Dutch(ImportKinds.Grounds, r.Ground), r.StartDate, r.EndDate];
    }
}

internal sealed class PaidHoursKind : ImportKind<PaidHoursRecord>
{
    public override string Name => "verloonde-uren";
    public override string Description => "Verloonde uren per werkgever, persoon en loontijdvak, met de vorm van de arbeidsrelatie";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new(PayrollTaxNumber, ColumnType.Code, true, "123456789L01", "Loonheffingennummer van de werkgever"),
        BsnColumn, PseudonymColumn,
        new("periode_begin", ColumnType.Date, true, "2024-01-01", "Eerste dag van het loontijdvak"),
        new("periode_einde", ColumnType.Date, true, "2024-01-31", "Laatste dag van het loontijdvak (hoogstens een maand)"),
        new(Hours, ColumnType.Number, true, "110,92", "Verloonde uren in het tijdvak", NumberLimits.PersonHours),
        new("vorm", ColumnType.Code, true, "dienstverband", "dienstverband, uitzending, detachering of payroll"),
    ];

    protected override PaidHoursRecord? ParseRow(RowReader row, ImportContext ctx)
    {
        var employer = ctx.Employer(row, PayrollTaxNumber);
        var person = ctx.Person(row);
        var start = row.Date("periode_begin", true);
        var end = row.Date("periode_einde", true);
        var hours = row.Number(Hours, true);
        var form = row.Code("vorm", true, ImportKinds.Forms);
        if (start is { } s && end is { } e)
        {
            if (e < s) row.Error("periode_einde", $"het einde {e:yyyy-MM-dd} ligt vóór het begin {s:yyyy-MM-dd}");
            else if (e > s.AddMonths(1).AddDays(-1)) row.Error("periode_einde", "een loontijdvak duurt hoogstens een maand");
            else if (hours is { } h)
            {
                var days = e.DayNumber - s.DayNumber + 1;
                if (h > days * 24m) row.Error(Hours, $"{h} uur is meer dan het tijdvak kan bevatten ({days} dagen × 24 = {days * 24} uur)");
            }
        }
        if (row.HasErrors) return null;
        return new PaidHoursRecord { EmployerId = employer!.Value.Id, Pseudonym = person!, PeriodStart = start!.Value, PeriodEnd = end!.Value, Hours = hours!.Value, Form = form!.Value };
    }

    protected override string KeyOf(PaidHoursRecord r) => r.AuditKey;

    protected override async Task Write(ImportContext ctx, List<PaidHoursRecord> batch, CancellationToken ct)
    {
        var keys = batch.Select(b => b.Pseudonym).Distinct().ToList();
        var existing = (await ctx.Db.PaidHours.Where(e => keys.Contains(e.Pseudonym)).ToListAsync(ct)).ToDictionary(e => e.AuditKey);
        foreach (var r in batch) ImportKinds.Upsert(ctx, existing.GetValueOrDefault(r.AuditKey), r, (e, i) => i.Id = e.Id);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in db.PaidHours.AsNoTracking().OrderBy(r => r.EmployerId).ThenBy(r => r.Pseudonym).ThenBy(r => r.PeriodStart)
            .Select(r => new { r.Employer!.PayrollTaxNumber, r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, r.Form }).AsAsyncEnumerable().WithCancellation(ct))
            yield return [r.PayrollTaxNumber, null, r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, ImportKinds.Dutch(ImportKinds.Forms, r.Form)];
    }
}

internal sealed class HiredInKind : ImportKind<HiredInAttribution>
{
    public override string Name => "inleen-toerekeningen";
    public override string Description => "Toerekening van uren van ingeleende doelgroepwerknemers van uitlener aan inlener (Besluit Wfsv art. 2.27–2.31)";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("uitlener_loonheffingennummer", ColumnType.Code, true, "555555555L01", "Loonheffingennummer van de uitlener (uitzendbureau of sw-bedrijf)"),
        new("inlener_loonheffingennummer", ColumnType.Code, true, "123456789L01", "Loonheffingennummer van de inlener"),
        BsnColumn, PseudonymColumn,
        new(Year, ColumnType.Integer, true, "2024", "Kalenderjaar van de uren", NumberLimits.Year),
        new(Hours, ColumnType.Number, true, "800", "Toegerekende uren in het jaar", NumberLimits.PersonHours),
        new("overeengekomen_op", ColumnType.Date, true, "2025-06-30", "Datum waarop uitlener en inlener het eens werden (uiterlijk 1 augustus van het volgende jaar)"),
    ];

    protected override HiredInAttribution? ParseRow(RowReader row, ImportContext ctx)
    {
        var lender = ctx.Employer(row, "uitlener_loonheffingennummer");
        var hirer = ctx.Employer(row, "inlener_loonheffingennummer");
        var person = ctx.Person(row);
        var year = row.Integer(Year, true);
        var hours = row.Number(Hours, true);
        var agreed = row.Date("overeengekomen_op", true);
        if (lender is { } l && l.Lender == LenderType.None) row.Error("uitlener_loonheffingennummer", "deze werkgever is niet als uitlener (uitzendbureau of sw-bedrijf) geregistreerd");
        if (lender is { } l2 && hirer is { } h2 && l2.Id == h2.Id) row.Error("inlener_loonheffingennummer", "uitlener en inlener zijn dezelfde werkgever");
        if (year is { } y && agreed is { } a && a > new DateOnly(y + 1, 8, 1))
            row.Error("overeengekomen_op", $"{a:yyyy-MM-dd} ligt na de uiterste datum {y + 1}-08-01 voor uren over {y}");
        if (row.HasErrors) return null;
        return new HiredInAttribution { LenderId = lender!.Value.Id, HirerId = hirer!.Value.Id, Pseudonym = person!, Year = year!.Value, Hours = hours!.Value, AgreedOn = agreed!.Value };
    }

    protected override string KeyOf(HiredInAttribution r) => r.AuditKey;

    protected override async Task Write(ImportContext ctx, List<HiredInAttribution> batch, CancellationToken ct)
    {
        var keys = batch.Select(b => b.Pseudonym).Distinct().ToList();
        var existing = (await ctx.Db.HiredInAttributions.Where(e => keys.Contains(e.Pseudonym)).ToListAsync(ct)).ToDictionary(e => e.AuditKey);
        foreach (var r in batch) ImportKinds.Upsert(ctx, existing.GetValueOrDefault(r.AuditKey), r, (e, i) => i.Id = e.Id);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in db.HiredInAttributions.AsNoTracking().OrderBy(r => r.LenderId).ThenBy(r => r.HirerId).ThenBy(r => r.Pseudonym).ThenBy(r => r.Year)
            .Select(r => new { L = r.Lender!.PayrollTaxNumber, H = r.Hirer!.PayrollTaxNumber, r.Pseudonym, r.Year, r.Hours, r.AgreedOn }).AsAsyncEnumerable().WithCancellation(ct))
            yield return [r.L, r.H, null, r.Pseudonym, r.Year, r.Hours, r.AgreedOn];
    }
}

/// <summary>A row of the SROI file: the contract (repeated on every placement row) and one placement.</summary>
internal sealed record SroiRow(SroiContract Contract, SroiPlacement Placement, string ContractSignature);

internal sealed class SroiPlacementsKind : ImportKind<SroiRow>
{
    public override string Name => "sroi-plaatsingen";
    public override string Description => "Social return (SROI): contracten met hun plaatsingen (een persoon of een aantal personen, met uren)";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("contractnummer", ColumnType.Text, true, "SROI-2024-001", "Kenmerk van het contract"),
        new("opdrachtgever_loonheffingennummer", ColumnType.Code, true, "123456789L01", "Loonheffingennummer van de aanbestedende werkgever"),
        new("leverancier", ColumnType.Text, true, "Voorbeeld Bouw B.V.", "Naam van de leverancier"),
        new("leverancier_loonheffingennummer", ColumnType.Code, false, "", "Loonheffingennummer van de leverancier (als bekend)"),
        new("contractwaarde", ColumnType.Number, true, "1500000", "Waarde van het contract in euro", NumberLimits.ContractEuros),
        new("verplichting", ColumnType.Number, true, "75000", "Social-return-verplichting in euro", NumberLimits.ContractEuros),
        new("plaatsingsnummer", ColumnType.Text, true, "1", "Kenmerk van de plaatsing binnen het contract"),
        BsnColumn, PseudonymColumn,
        new("aantal_personen", ColumnType.Integer, false, "", "Aantal personen als de plaatsing niet per persoon is vastgelegd (in plaats van bsn/pseudoniem)", NumberLimits.PersonCount),
        new(Year, ColumnType.Integer, true, "2024", "Jaar van de plaatsing", NumberLimits.Year),
        new(Hours, ColumnType.Number, true, "1200", "Uren van de plaatsing in het jaar", NumberLimits.PlacementHours),
    ];

    protected override SroiRow? ParseRow(RowReader row, ImportContext ctx)
    {
        var reference = row.Text("contractnummer", true, 60);
        var procurer = ctx.Employer(row, "opdrachtgever_loonheffingennummer");
        var supplier = row.Text("leverancier", true, 200);
        var supplierNumber = row.PayrollTaxNumber("leverancier_loonheffingennummer", false);
        var value = row.Number("contractwaarde", true);
        var obligation = row.Number("verplichting", true);
        var placement = row.Text("plaatsingsnummer", true, 60);
        var count = row.Integer("aantal_personen", false);
        var person = ctx.Person(row, required: false);
        var year = row.Integer(Year, true);
        var hours = row.Number(Hours, true);
        if (value is { } v && obligation is { } o && o > v) row.Error("verplichting", "de verplichting is groter dan de contractwaarde");
        var hasPerson = person is not null || row.Raw(Bsn) is not null || row.Raw(Pseudonym) is not null;
        if (hasPerson && row.Raw("aantal_personen") is not null) row.Error("aantal_personen", "vul een persoon (bsn/pseudoniem) óf een aantal personen in, niet allebei");
        else if (!hasPerson && row.Raw("aantal_personen") is null) row.Error("aantal_personen", "vul een persoon (bsn/pseudoniem) of een aantal personen in");
        if (hours is { } h && h > (count ?? 1) * NumberLimits.PersonHours.Max)
            row.Error(Hours, $"{h} uur is meer dan {(count ?? 1)} persoon/personen in een jaar kunnen werken");
        if (row.HasErrors) return null;
        var contract = new SroiContract { Reference = reference!, ProcurerId = procurer!.Value.Id, SupplierName = supplier!, SupplierPayrollTaxNumber = supplierNumber, Value = value!.Value, Obligation = obligation!.Value };
        var p = new SroiPlacement { Reference = placement!, Pseudonym = person, PersonCount = count, Year = year!.Value, Hours = hours!.Value };
        var result = new SroiRow(contract, p, $"{contract.ProcurerId}|{contract.SupplierName}|{contract.SupplierPayrollTaxNumber}|{contract.Value}|{contract.Obligation}");
        CheckContract(ctx.SroiContractRows, result, row);
        return row.HasErrors ? null : result;
    }

    protected override string KeyOf(SroiRow r) => r.Contract.Reference + "|" + r.Placement.Reference;

    protected override async Task Write(ImportContext ctx, List<SroiRow> batch, CancellationToken ct)
    {
        var refs = batch.Select(b => b.Contract.Reference).Distinct().ToList();
        var contracts = await ctx.Db.SroiContracts.Include(c => c.Placements).Where(c => refs.Contains(c.Reference)).ToDictionaryAsync(c => c.Reference, ct);
        foreach (var r in batch)
        {
            if (!contracts.TryGetValue(r.Contract.Reference, out var contract))
            {
                contract = r.Contract;
                ctx.Db.SroiContracts.Add(contract);
                contracts[contract.Reference] = contract;
            }
            else if (contract.Id != 0 && !ReferenceEquals(contract, r.Contract))
            {
                r.Contract.Id = contract.Id;
                ctx.Db.Entry(contract).CurrentValues.SetValues(r.Contract);
            }
            var existing = contract.Placements.FirstOrDefault(p => p.Reference == r.Placement.Reference);
            if (existing is null)
            {
                contract.Placements.Add(r.Placement);
                ctx.Count(null);
            }
            else
            {
                r.Placement.Id = existing.Id;
                r.Placement.ContractId = existing.ContractId;
                var entry = ctx.Db.Entry(existing);
                entry.CurrentValues.SetValues(r.Placement);
                ctx.Count(entry.Properties.Any(p => p.IsModified));
            }
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

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in db.SroiPlacements.AsNoTracking().OrderBy(p => p.Contract!.Reference).ThenBy(p => p.Reference)
            .Select(p => new { C = p.Contract!, P = p.Contract!.Procurer!.PayrollTaxNumber, p.Reference, p.Pseudonym, p.PersonCount, p.Year, p.Hours }).AsAsyncEnumerable().WithCancellation(ct))
            yield return [r.C.Reference, r.P, r.C.SupplierName, r.C.SupplierPayrollTaxNumber, r.C.Value, r.C.Obligation, r.Reference, null, r.Pseudonym, r.PersonCount, r.Year, r.Hours];
    }
}

internal sealed class SectorReportsKind : ImportKind<SectorReport>
{
    public override string Name => "sectorrapportages";
    public override string Description => "Jaarrapportage per publieke sector: doel, realisatie, percentages, SROI, inhuur, contractvormen, dekking en toelichting";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new(SectorCode, ColumnType.Code, true, "gemeenten", "Sectorcode (een van de 13 publieke sectoren)"),
        new(Year, ColumnType.Integer, true, "2023", "Rapportagejaar", NumberLimits.Year),
        new("doel", ColumnType.Number, false, "6000", "Doel in banen (fta)", NumberLimits.Jobs),
        new("realisatie", ColumnType.Number, false, "5500", "Gerealiseerde banen (fta)", NumberLimits.Jobs),
        new("realisatiepercentage", ColumnType.Number, false, "91,7", "Realisatie als percentage van het doel, zoals gerapporteerd", NumberLimits.RealisationPercentage),
        new("sroi_banen", ColumnType.Number, false, "", "Banen via social return / inkoop", NumberLimits.Jobs),
        new("percentage_incl_sroi", ColumnType.Number, false, "", "Realisatiepercentage inclusief SROI", NumberLimits.RealisationPercentage),
        new("inhuur_banen", ColumnType.Number, false, "", "Deel van de realisatie via inhuur (banen)", NumberLimits.Jobs),
        new("aandeel_vast", ColumnType.Number, false, "", "Aandeel vaste contracten (%)", NumberLimits.Share),
        new("aandeel_tijdelijk", ColumnType.Number, false, "", "Aandeel tijdelijke contracten (%)", NumberLimits.Share),
        new("dekking", ColumnType.Number, false, "", "Deel van de werkgevers in de sector dat gegevens leverde (%)", NumberLimits.Share),
        new("algemeen_beeld", ColumnType.Text, false, "", "Toelichting: algemeen beeld"),
        new("kwaliteit_en_duurzaamheid", ColumnType.Text, false, "", "Toelichting: kwaliteit en duurzaamheid van de banen"),
        new("status", ColumnType.Code, false, "concept", "concept, ingediend of goedgekeurd (leeg: concept). Een concept vervangt nooit een goedgekeurde rapportage."),
        new(Source, ColumnType.Text, true, "Sectorrapportage 2023", "Bron van de cijfers"),
    ];

    protected override SectorReport? ParseRow(RowReader row, ImportContext ctx)
    {
        var sector = ctx.SectorId(row, SectorCode);
        if (sector is > 13) row.Error(SectorCode, "sectorrapportages zijn er alleen voor de 13 publieke sectoren");
        var r = new SectorReport
        {
            SectorId = sector ?? 0,
            Year = row.Integer(Year, true) ?? 0,
            TargetJobs = row.Number("doel", false),
            RealisedJobs = row.Number("realisatie", false),
            Percentage = row.Number("realisatiepercentage", false),
            SroiJobs = row.Number("sroi_banen", false),
            PercentageIncludingSroi = row.Number("percentage_incl_sroi", false),
            HiredInJobs = row.Number("inhuur_banen", false),
            PermanentShare = row.Number("aandeel_vast", false),
            TemporaryShare = row.Number("aandeel_tijdelijk", false),
            Coverage = row.Number("dekking", false),
            GeneralPicture = row.Text("algemeen_beeld", false, 20_000),
            QualityAndSustainability = row.Text("kwaliteit_en_duurzaamheid", false, 20_000),
            Status = ctx.ReportStatus(row, ReportStatus.Draft),
            Source = row.Text(Source, true, 400) ?? "",
        };
        if (r.PermanentShare + r.TemporaryShare > 100.5m) row.Error("aandeel_tijdelijk", "aandeel vast en aandeel tijdelijk samen zijn meer dan 100%");
        if (r.HiredInJobs > r.RealisedJobs) row.Error("inhuur_banen", "het deel via inhuur is groter dan de hele realisatie");
        if (!row.HasErrors) CheckPercentages(row, r);
        return row.HasErrors ? null : r;
    }

    /// <summary>
    /// The reported percentages should follow from doel and realisatie (and SROI) up to the rounding of the reported
    /// number (its own decimals). Sources sometimes contradict themselves; that is reported as a warning, not copied silently.
    /// </summary>
    private static void CheckPercentages(RowReader row, SectorReport r)
    {
        if (r.TargetJobs is not { } target || target <= 0 || r.RealisedJobs is not { } realised) return;
        var result = SectorRealisation.Compute(new Jobs(target), new Jobs(realised), r.SroiJobs is { } s ? new Jobs(s) : null);
        Compare(row, "realisatiepercentage", r.Percentage, result.Percentage.Points, "realisatie ÷ doel × 100");
        Compare(row, "percentage_incl_sroi", r.PercentageIncludingSroi, result.PercentageIncludingSroi?.Points, "(realisatie + SROI) ÷ doel × 100");
    }

    private static void Compare(RowReader row, string column, decimal? reported, decimal? computed, string formula)
    {
        if (reported is not { } p || computed is not { } c) return;
        var halfStep = 0.5m / (decimal)Math.Pow(10, p.Scale);
        if (Math.Abs(c - p) <= halfStep) return;
        row.Warn(column, $"het gerapporteerde percentage {DutchFormat.Number(p, p.Scale)}% volgt niet uit {formula} = {DutchFormat.Number(c, 2)}%; gecontroleerd tot op de afronding van het gerapporteerde getal");
    }

    protected override string KeyOf(SectorReport r) => ImportKinds.ReportKey(r);

    protected override async Task Write(ImportContext ctx, List<SectorReport> batch, CancellationToken ct)
    {
        var sectors = batch.Select(b => b.SectorId).Distinct().ToList();
        var existing = await ctx.Db.SectorReports.Where(e => sectors.Contains(e.SectorId)).ToListAsync(ct);
        foreach (var r in batch) ImportKinds.UpsertReport(ctx, existing, r);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var x in db.SectorReports.AsNoTracking().Where(r => r.Status == ReportStatus.Approved || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Submitted).OrderBy(r => r.SectorId).ThenBy(r => r.Year).ThenBy(r => r.Status).Select(r => new { R = r, r.Sector!.Code }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var r = x.R;
            yield return [x.Code, r.Year, r.TargetJobs, r.RealisedJobs, r.Percentage, r.SroiJobs, r.PercentageIncludingSroi, r.HiredInJobs,
                r.PermanentShare, r.TemporaryShare, r.Coverage, r.GeneralPicture, r.QualityAndSustainability, r.Status.Dutch(), r.Source];
        }
    }
}

internal sealed class EmployerReportsKind : ImportKind<EmployerReport>
{
    public override string Name => "werkgeversrapportages";
    public override string Description => "Eigen telling van een werkgever (bijvoorbeeld een schoolbestuur) per jaar";
    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new(PayrollTaxNumber, ColumnType.Code, true, "123456789L01", "Loonheffingennummer van de werkgever"),
        new(Year, ColumnType.Integer, true, "2023", "Rapportagejaar", NumberLimits.Year),
        new("realisatie", ColumnType.Number, false, "12,5", "Gerealiseerde banen volgens de werkgever (fta); of vul de uren in", NumberLimits.Jobs),
        new("verloonde_uren", ColumnType.Number, false, "", "Totaal verloonde uren van het jaar (voor het quotum)", NumberLimits.EmployerPaidHours),
        new("uren_doelgroep", ColumnType.Number, false, "", "Verloonde uren van werknemers uit het doelgroepregister, inclusief toegerekende inleen", NumberLimits.EmployerPaidHours),
        new("verloonde_uren_vorig_jaar", ColumnType.Number, false, "", "Totaal verloonde uren van het vorige jaar (voor de drempel)", NumberLimits.EmployerPaidHours),
        new("doel", ColumnType.Number, false, "", "Eigen doel in banen (fta)", NumberLimits.Jobs),
        new("sroi", ColumnType.Number, false, "", "Banen bij leveranciers via social return / inkoop (fta), niet in de realisatie", NumberLimits.Jobs),
        new("vast", ColumnType.Number, false, "", "Deel van de realisatie met een vast contract (fta)", NumberLimits.Jobs),
        new("tijdelijk", ColumnType.Number, false, "", "Deel van de realisatie met een tijdelijk contract (fta)", NumberLimits.Jobs),
        new("inhuur", ColumnType.Number, false, "", "Deel van de realisatie via inhuur (fta)", NumberLimits.Jobs),
        new("acties", ColumnType.Text, false, "", "Ondernomen acties"),
        new("toelichting", ColumnType.Text, false, "", "Toelichting"),
        new("status", ColumnType.Code, false, "", "concept, ingediend of goedgekeurd (leeg: goedgekeurd; via de website altijd concept)"),
        new(Source, ColumnType.Text, true, "Eigen telling schoolbestuur", "Bron van de telling"),
    ];

    protected override EmployerReport? ParseRow(RowReader row, ImportContext ctx)
    {
        var employer = ctx.Employer(row, PayrollTaxNumber);
        var r = new EmployerReport
        {
            EmployerId = employer?.Id ?? 0,
            Year = row.Integer(Year, true) ?? 0,
            RealisedJobs = row.Number("realisatie", false),
            TotalPaidHours = row.Number("verloonde_uren", false),
            TargetGroupHours = row.Number("uren_doelgroep", false),
            PreviousYearPaidHours = row.Number("verloonde_uren_vorig_jaar", false),
            Status = ctx.ReportStatus(row, ReportStatus.Approved),
            TargetJobs = row.Number("doel", false),
            SroiJobs = row.Number("sroi", false),
            PermanentJobs = row.Number("vast", false),
            TemporaryJobs = row.Number("tijdelijk", false),
            HiredInJobs = row.Number("inhuur", false),
            Actions = row.Text("acties", false, 4000),
            Note = row.Text("toelichting", false, 4000),
            Source = row.Text(Source, true, 400) ?? "",
        };
        if (!row.HasErrors && r.RealisedJobs is null && r.TargetGroupHours is null)
            row.Error("realisatie", "vul de realisatie (banen) of de uren in (verloonde_uren en uren_doelgroep)");
        if (!row.HasErrors && (r.TotalPaidHours is null) != (r.TargetGroupHours is null))
            row.Error(r.TotalPaidHours is null ? "verloonde_uren" : "uren_doelgroep", "vul verloonde_uren en uren_doelgroep allebei in: het quotum heeft beide nodig");
        if (!row.HasErrors && r.TargetGroupHours > r.TotalPaidHours)
            row.Error("uren_doelgroep", $"de uren van de doelgroep ({r.TargetGroupHours}) zijn meer dan alle verloonde uren ({r.TotalPaidHours})");
        if (!row.HasErrors && r.PermanentJobs + r.TemporaryJobs > r.RealisedJobs)
            row.Error("vast", $"vast ({r.PermanentJobs}) plus tijdelijk ({r.TemporaryJobs}) is meer dan de realisatie ({r.RealisedJobs})");
        if (!row.HasErrors && r.HiredInJobs > r.RealisedJobs)
            row.Error("inhuur", $"inhuur ({r.HiredInJobs}) is meer dan de realisatie ({r.RealisedJobs})");
        return row.HasErrors ? null : r;
    }

    protected override string KeyOf(EmployerReport r) => ImportKinds.ReportKey(r);

    protected override async Task Write(ImportContext ctx, List<EmployerReport> batch, CancellationToken ct)
    {
        var ids = batch.Select(b => b.EmployerId).Distinct().ToList();
        var existing = await ctx.Db.EmployerReports.Where(e => ids.Contains(e.EmployerId)).ToListAsync(ct);
        foreach (var r in batch) ImportKinds.UpsertReport(ctx, existing, r);
    }

    public override async IAsyncEnumerable<object?[]> ExportAsync(BanenmonitorDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var x in db.EmployerReports.AsNoTracking().Where(r => r.Status == ReportStatus.Approved || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Submitted).OrderBy(r => r.EmployerId).ThenBy(r => r.Year).ThenBy(r => r.Status).Select(r => new { R = r, r.Employer!.PayrollTaxNumber }).AsAsyncEnumerable().WithCancellation(ct))
            yield return [x.PayrollTaxNumber, x.R.Year, x.R.RealisedJobs, x.R.TotalPaidHours, x.R.TargetGroupHours, x.R.PreviousYearPaidHours,
                x.R.TargetJobs, x.R.SroiJobs, x.R.PermanentJobs, x.R.TemporaryJobs, x.R.HiredInJobs, x.R.Actions, x.R.Note,
                x.R.Status.Dutch(), x.R.Source];
    }
}
