using Banenmonitor.Data.Import.Bulk;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore.Metadata;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Units;
using Banenmonitor.Rules.Text;
using Microsoft.EntityFrameworkCore;
using static Banenmonitor.Data.Import.Columns;

namespace Banenmonitor.Data.Import;

/// <summary>All kinds (soorten) of import and export, by Dutch name.</summary>
public static class ImportKinds
{
    internal static readonly IReadOnlyDictionary<string, SizeClass> SizeClasses = new Dictionary<string, SizeClass>
    { ["klein"] = SizeClass.Small, ["middel"] = SizeClass.Medium, ["groot"] = SizeClass.Large };
    internal static readonly IReadOnlyDictionary<string, LenderType> LenderTypes = new Dictionary<string, LenderType>
    { ["geen"] = LenderType.None, ["uitzendbureau"] = LenderType.Agency, ["sw-bedrijf"] = LenderType.ShelteredEmployment };
    internal static readonly IReadOnlyDictionary<string, RegistrationGround> Grounds = new Dictionary<string, RegistrationGround>
    {
        ["wajong"] = RegistrationGround.Wajong, ["wsw"] = RegistrationGround.Wsw, ["wiw-id"] = RegistrationGround.WiwId,
        ["participatiewet"] = RegistrationGround.Participatiewet, ["praktijkroute"] = RegistrationGround.Praktijkroute, ["overig"] = RegistrationGround.Other,
    };
    internal static readonly IReadOnlyDictionary<string, WorkingRelation> Forms = new Dictionary<string, WorkingRelation>
    { ["dienstverband"] = WorkingRelation.Direct, ["uitzending"] = WorkingRelation.Agency, ["detachering"] = WorkingRelation.Secondment, ["payroll"] = WorkingRelation.Payroll };
    /// <summary>The statuses a file may give (rejected and superseded versions come only from the review workflow).</summary>
    internal static readonly IReadOnlyDictionary<string, ReportStatus> Statuses =
        new[] { ReportStatus.Draft, ReportStatus.Submitted, ReportStatus.Approved }.ToDictionary(s => s.Dutch());

    // After the code lists above: the kinds' columns refer to them.
    public static readonly IReadOnlyList<ImportKind> All =
    [
        new EmployersKind(), new RegistrationsKind(), new PaidHoursKind(), new HiredInKind(),
        new SroiPlacementsKind(), new SectorReportsKind(), new EmployerReportsKind(),
        new SectorRegisterKind(),
    ];

    public static ImportKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    public static string Dutch<T>(IReadOnlyDictionary<string, T> codes, T value) where T : struct =>
        codes.First(kv => EqualityComparer<T>.Default.Equals(kv.Value, value)).Key;

    /// <summary>
    /// The natural key of a report within a file: a year's approved report and its open new version (concept or
    /// ingediend) may stand side by side, not two of either.
    /// </summary>
    internal static string ReportKey<T>(T r) where T : IAuditedFigure, IReviewedReport =>
        r.AuditKey + (r.Status == ReportStatus.Approved ? "|goedgekeurd" : "|open");

    /// <summary>
    /// Upsert of a report: an approved row replaces the approved report of its year; a draft or submitted row replaces
    /// the open version (draft or submitted) of its year — never the approved one, which stays the figure until an
    /// analyst approves the new version.
    /// </summary>
    internal static void UpsertReports<T>(ImportContext ctx, List<T> batch, List<T> existing) where T : class, IAuditedFigure, IReviewedReport
    {
        static bool IsOpen(ReportStatus s) => s is ReportStatus.Draft or ReportStatus.Submitted;
        foreach (var incoming in batch)
        {
            var match = existing.FirstOrDefault(e => e.AuditKey == incoming.AuditKey &&
                (incoming.Status == ReportStatus.Approved ? e.Status == ReportStatus.Approved : IsOpen(e.Status) && IsOpen(incoming.Status)));
            Upsert(ctx, match, incoming, (e, i) =>
            {
                i.Id = e.Id;
                i.SubmittedBy = e.SubmittedBy; i.SubmittedAt = e.SubmittedAt; i.ReviewedBy = e.ReviewedBy; i.ReviewedAt = e.ReviewedAt;
                if (incoming.Status != ReportStatus.Approved) { i.SubmittedBy = null; i.SubmittedAt = null; }
            });
        }
    }

    /// <summary>Upsert: copies the incoming values onto the stored record; null = inserted, true = changed, false = equal.</summary>
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

    /// <summary>The reports a file or an export holds: approved ones and open versions (not rejected or superseded).</summary>
    internal static IQueryable<T> Current<T>(IQueryable<T> reports) where T : class, IReviewedReport =>
        reports.Where(r => r.Status == ReportStatus.Approved || r.Status == ReportStatus.Draft || r.Status == ReportStatus.Submitted);
}

internal sealed class EmployersKind : DeclaredKind<Employer>
{
    public override string Name => "werkgevers";
    public override string Description => "Werkgevers met loonheffingennummer, sector, grootteklasse, soort uitlener en gemeente";
    protected override IReadOnlyList<Column<Employer>> Table { get; } =
    [
        TaxNumber(PayrollTaxNumber, true, "123456789L01", "Loonheffingennummer: 9 cijfers, L, 2 cijfers", r => r.PayrollTaxNumber),
        Text("naam", true, "Gemeente Voorbeeld", "Naam van de werkgever", 200, r => r.Name),
        SectorOf(SectorCode, "gemeenten", "Sectorcode, bijvoorbeeld gemeenten, rijk, po, markt", r => r.SectorId),
        Code("grootteklasse", true, "groot", "klein, middel of groot", ImportKinds.SizeClasses, r => r.SizeClass),
        Code("uitlener", true, "geen", "geen, uitzendbureau of sw-bedrijf", ImportKinds.LenderTypes, r => r.LenderType),
        Municipality(MunicipalityColumn, "Assen", $"Gemeente van de werkgever, voor de meting per arbeidsmarktregio; de naam zoals in het {Rules.Regions.LabourMarketRegions.Source} " +
            $"(zonder CBS-code). Leeg: regio onbekend (ook voor een gemeente die na {Rules.Regions.LabourMarketRegions.Year} is ontstaan)", r => r.Municipality),
    ];

    protected override Employer New() => new() { PayrollTaxNumber = "", Name = "" };
    protected override string KeyOf(Employer r) => r.AuditKey;
    protected override Task Write(ImportContext ctx, List<Employer> batch, CancellationToken ct) =>
        WriteByKey(ctx, batch, ctx.Db.Employers, e => e.PayrollTaxNumber, (e, i) =>
        {
            i.Id = e.Id;
            // A file without the column (made before it existed) leaves the stored municipality as it is.
            if (!ctx.Header.ContainsKey(MunicipalityColumn)) i.Municipality = e.Municipality;
        }, ct);

    private const string MunicipalityColumn = "gemeente";
    protected override IAsyncEnumerable<Employer> Stored(BanenmonitorDbContext db) =>
        db.Employers.AsNoTracking().OrderBy(e => e.PayrollTaxNumber).AsAsyncEnumerable();
}

internal sealed class RegistrationsKind : DeclaredKind<TargetGroupRegistration>, IBulkKind
{
    public BulkPlan Plan(IModel model) => BulkPlan.Direct<TargetGroupRegistration>(BulkTarget.Of<TargetGroupRegistration>(model, nameof(TargetGroupRegistration),
        [nameof(TargetGroupRegistration.Pseudonym), nameof(TargetGroupRegistration.Ground), nameof(TargetGroupRegistration.StartDate)],
        [nameof(TargetGroupRegistration.Pseudonym), nameof(TargetGroupRegistration.Ground), nameof(TargetGroupRegistration.StartDate)]));

    public override string Name => "doelgroepregistraties";
    public override string Description => "Registraties in het doelgroepregister: persoon, grond, start- en einddatum";
    protected override IReadOnlyList<Column<TargetGroupRegistration>> Table { get; } =
    [
        .. Person(r => r.Pseudonym),
        Code("grond", true, "wajong", "wajong, wsw, wiw-id, participatiewet, praktijkroute of overig", ImportKinds.Grounds, r => r.Ground),
        Date("startdatum", true, "2016-03-01", "Datum van inschrijving (jjjj-mm-dd)", r => r.StartDate),
        Date("einddatum", false, "", "Datum van uitschrijving, leeg als de registratie loopt", r => r.EndDate),
    ];

    protected override TargetGroupRegistration New() => new() { Pseudonym = "" };

    protected override void Check(RowReader row, ImportContext ctx, TargetGroupRegistration r)
    {
        if (row.Ok("startdatum") && r.EndDate is { } e && e < r.StartDate)
            row.Error("einddatum", $"de einddatum {e:yyyy-MM-dd} ligt vóór de startdatum {r.StartDate:yyyy-MM-dd}");
    }

    protected override string KeyOf(TargetGroupRegistration r) => r.AuditKey;
    protected override Task Write(ImportContext ctx, List<TargetGroupRegistration> batch, CancellationToken ct) =>
        WriteByKey(ctx, batch, ctx.Db.TargetGroupRegistrations, e => e.Pseudonym, (e, i) => i.Id = e.Id, ct);
    protected override IAsyncEnumerable<TargetGroupRegistration> Stored(BanenmonitorDbContext db) =>
        db.TargetGroupRegistrations.AsNoTracking().OrderBy(r => r.Pseudonym).ThenBy(r => r.StartDate).ThenBy(r => r.Ground).AsAsyncEnumerable();
}

internal sealed class PaidHoursKind : DeclaredKind<PaidHoursRecord>, IBulkKind
{
    public BulkPlan Plan(IModel model) => BulkPlan.Direct<PaidHoursRecord>(BulkTarget.Of<PaidHoursRecord>(model, nameof(PaidHoursRecord),
        [nameof(PaidHoursRecord.Pseudonym), nameof(PaidHoursRecord.EmployerId), nameof(PaidHoursRecord.PeriodStart)],
        [nameof(PaidHoursRecord.EmployerId), nameof(PaidHoursRecord.Pseudonym), nameof(PaidHoursRecord.PeriodStart)]));

    public override string Name => "verloonde-uren";
    public override string Description => "Verloonde uren per werkgever, persoon en loontijdvak, met de vorm van de arbeidsrelatie";
    protected override IReadOnlyList<Column<PaidHoursRecord>> Table { get; } =
    [
        EmployerOf(PayrollTaxNumber, "123456789L01", "Loonheffingennummer van de werkgever", r => r.EmployerId),
        .. Person(r => r.Pseudonym),
        Date("periode_begin", true, "2024-01-01", "Eerste dag van het loontijdvak", r => r.PeriodStart),
        Date("periode_einde", true, "2024-01-31", "Laatste dag van het loontijdvak (hoogstens een maand)", r => r.PeriodEnd),
        Number(Hours, true, "110,92", "Verloonde uren in het tijdvak", NumberLimits.PersonHours, r => r.Hours),
        Code("vorm", true, "dienstverband", "dienstverband, uitzending, detachering of payroll", ImportKinds.Forms, r => r.Form),
    ];

    protected override PaidHoursRecord New() => new() { Pseudonym = "" };

    protected override void Check(RowReader row, ImportContext ctx, PaidHoursRecord r)
    {
        if (!row.Ok("periode_begin", "periode_einde")) return;
        var (s, e) = (r.PeriodStart, r.PeriodEnd);
        if (e < s) row.Error("periode_einde", $"het einde {e:yyyy-MM-dd} ligt vóór het begin {s:yyyy-MM-dd}");
        else if (e > s.AddMonths(1).AddDays(-1)) row.Error("periode_einde", "een loontijdvak duurt hoogstens een maand");
        else if (row.Ok(Hours))
        {
            var days = e.DayNumber - s.DayNumber + 1;
            if (r.Hours > days * 24m) row.Error(Hours, $"{r.Hours} uur is meer dan het tijdvak kan bevatten ({days} dagen × 24 = {days * 24} uur)");
        }
    }

    protected override string KeyOf(PaidHoursRecord r) => r.AuditKey;
    protected override Task Write(ImportContext ctx, List<PaidHoursRecord> batch, CancellationToken ct) =>
        WriteByKey(ctx, batch, ctx.Db.PaidHours, e => e.Pseudonym, (e, i) => i.Id = e.Id, ct);
    protected override IAsyncEnumerable<PaidHoursRecord> Stored(BanenmonitorDbContext db) =>
        db.PaidHours.AsNoTracking().OrderBy(r => r.EmployerId).ThenBy(r => r.Pseudonym).ThenBy(r => r.PeriodStart).AsAsyncEnumerable();
}

internal sealed class HiredInKind : DeclaredKind<HiredInHoursRecord>, IBulkKind
{
    private static readonly string[] NaturalKey =
        [nameof(HiredInHoursRecord.LenderId), nameof(HiredInHoursRecord.HirerId), nameof(HiredInHoursRecord.Pseudonym), nameof(HiredInHoursRecord.Year)];
    public BulkPlan Plan(IModel model) => BulkPlan.Direct<HiredInHoursRecord>(BulkTarget.Of<HiredInHoursRecord>(model, HiredInHoursRecord.AuditName, NaturalKey, NaturalKey));

    private const string Lender = "uitlener_loonheffingennummer", Hirer = "inlener_loonheffingennummer", AgreedOn = "overeengekomen_op";

    public override string Name => "inleen-toerekeningen";
    public override string Description => "Toerekening van uren van ingeleende doelgroepwerknemers van uitlener aan inlener (Besluit Wfsv art. 2.27–2.31)";
    protected override IReadOnlyList<Column<HiredInHoursRecord>> Table { get; } =
    [
        EmployerOf(Lender, "555555555L01", "Loonheffingennummer van de uitlener (uitzendbureau of sw-bedrijf)", r => r.LenderId),
        EmployerOf(Hirer, "123456789L01", "Loonheffingennummer van de inlener", r => r.HirerId),
        .. Person(r => r.Pseudonym),
        Integer(Year, true, "2024", "Kalenderjaar van de uren", NumberLimits.Year, r => r.Year),
        Number(Hours, true, "800", "Toegerekende uren in het jaar", NumberLimits.PersonHours, r => r.Hours),
        Date(AgreedOn, true, "2025-06-30", "Datum waarop uitlener en inlener het eens werden (uiterlijk 1 augustus van het volgende jaar)", r => r.AgreedOn),
    ];

    protected override HiredInHoursRecord New() => new() { Pseudonym = "" };

    protected override void Check(RowReader row, ImportContext ctx, HiredInHoursRecord r)
    {
        bool lender = row.Ok(Lender), hirer = row.Ok(Hirer);
        if (lender && ctx.LenderOf(r.LenderId) == LenderType.None) row.Error(Lender, "deze werkgever is niet als uitlener (uitzendbureau of sw-bedrijf) geregistreerd");
        if (lender && hirer && r.LenderId == r.HirerId) row.Error(Hirer, "uitlener en inlener zijn dezelfde werkgever");
        if (row.Ok(Year, AgreedOn) && r.AgreedOn > new DateOnly(r.Year + 1, 8, 1))
            row.Error(AgreedOn, $"{r.AgreedOn:yyyy-MM-dd} ligt na de uiterste datum {r.Year + 1}-08-01 voor uren over {r.Year}");
    }

    protected override string KeyOf(HiredInHoursRecord r) => r.AuditKey;
    protected override Task Write(ImportContext ctx, List<HiredInHoursRecord> batch, CancellationToken ct) =>
        WriteByKey(ctx, batch, ctx.Db.HiredInHours, e => e.Pseudonym, (e, i) => i.Id = e.Id, ct);
    protected override IAsyncEnumerable<HiredInHoursRecord> Stored(BanenmonitorDbContext db) =>
        db.HiredInHours.AsNoTracking().OrderBy(r => r.LenderId).ThenBy(r => r.HirerId).ThenBy(r => r.Pseudonym).ThenBy(r => r.Year).AsAsyncEnumerable();
}

internal sealed class SectorReportsKind : DeclaredKind<SectorReport>
{
    public override string Name => "sectorrapportages";
    public override string Description => "Jaarrapportage per publieke sector: doel, realisatie, percentages, SROI, inhuur, contractvormen, dekking en toelichting";
    protected override IReadOnlyList<Column<SectorReport>> Table { get; } =
    [
        SectorOf(SectorCode, "gemeenten", "Sectorcode (een van de 13 publieke sectoren)", r => r.SectorId),
        Integer(Year, true, "2023", "Rapportagejaar", NumberLimits.Year, r => r.Year),
        Number("doel", false, "6000", "Doel in banen (fta)", NumberLimits.Jobs, r => r.TargetJobs),
        Number("realisatie", false, "5500", "Gerealiseerde banen (fta)", NumberLimits.Jobs, r => r.RealisedJobs),
        Number("realisatiepercentage", false, "91,7", "Realisatie als percentage van het doel, zoals gerapporteerd", NumberLimits.RealisationPercentage, r => r.Percentage),
        Number("sroi_banen", false, "", "Banen via social return / inkoop", NumberLimits.Jobs, r => r.SroiJobs),
        Number("percentage_incl_sroi", false, "", "Realisatiepercentage inclusief SROI", NumberLimits.RealisationPercentage, r => r.PercentageIncludingSroi),
        Number("inhuur_banen", false, "", "Deel van de realisatie via inhuur (banen)", NumberLimits.Jobs, r => r.HiredInJobs),
        Number("aandeel_vast", false, "", "Aandeel vaste contracten (%)", NumberLimits.Share, r => r.PermanentShare),
        Number("aandeel_tijdelijk", false, "", "Aandeel tijdelijke contracten (%)", NumberLimits.Share, r => r.TemporaryShare),
        Number("dekking", false, "", "Deel van de werkgevers in de sector dat gegevens leverde (%)", NumberLimits.Share, r => r.Coverage),
        Text("algemeen_beeld", false, "", "Toelichting: algemeen beeld", 20_000, r => r.GeneralPicture),
        Text("kwaliteit_en_duurzaamheid", false, "", "Toelichting: kwaliteit en duurzaamheid van de banen", 20_000, r => r.QualityAndSustainability),
        Status("concept", "concept, ingediend of goedgekeurd (leeg: concept). Een concept vervangt nooit een goedgekeurde rapportage.", ReportStatus.Draft, r => r.Status),
        Text(Source, true, "Sectorrapportage 2023", "Bron van de cijfers", 400, r => r.Source),
    ];

    protected override SectorReport New() => new() { Source = "" };

    protected override void Check(RowReader row, ImportContext ctx, SectorReport r)
    {
        if (row.Ok(SectorCode) && !ctx.IsReportingLine(r.SectorId)) row.Error(SectorCode, "sectorrapportages zijn er alleen voor de 13 publieke sectoren");
        if (r.PermanentShare + r.TemporaryShare > 100.5m) row.Error("aandeel_tijdelijk", "aandeel vast en aandeel tijdelijk samen zijn meer dan 100%");
        if (r.HiredInJobs > r.RealisedJobs) row.Error("inhuur_banen", "het deel via inhuur is groter dan de hele realisatie");
        if (!row.HasErrors) CheckPercentages(row, r);
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

    protected override async Task Write(ImportContext ctx, List<SectorReport> batch, CancellationToken ct) =>
        ImportKinds.UpsertReports(ctx, batch, await StoredIn(batch, ctx.Db.SectorReports, e => e.SectorId, ct));

    protected override IAsyncEnumerable<SectorReport> Stored(BanenmonitorDbContext db) =>
        ImportKinds.Current(db.SectorReports.AsNoTracking()).OrderBy(r => r.SectorId).ThenBy(r => r.Year).ThenBy(r => r.Status).AsAsyncEnumerable();
}

internal sealed class EmployerReportsKind : DeclaredKind<EmployerReport>
{
    public override string Name => "werkgeversrapportages";
    public override string Description => "Eigen telling van een werkgever (bijvoorbeeld een schoolbestuur) per jaar";
    protected override IReadOnlyList<Column<EmployerReport>> Table { get; } =
    [
        EmployerOf(PayrollTaxNumber, "123456789L01", "Loonheffingennummer van de werkgever", r => r.EmployerId),
        Integer(Year, true, "2023", "Rapportagejaar", NumberLimits.Year, r => r.Year),
        Number("realisatie", false, "12,5", "Gerealiseerde banen volgens de werkgever (fta); of vul de uren in", NumberLimits.Jobs, r => r.RealisedJobs),
        Number("verloonde_uren", false, "", "Totaal verloonde uren van het jaar (voor het quotum)", NumberLimits.EmployerPaidHours, r => r.TotalPaidHours),
        Number("uren_doelgroep", false, "", "Verloonde uren van werknemers uit het doelgroepregister, inclusief toegerekende inleen", NumberLimits.EmployerPaidHours, r => r.TargetGroupHours),
        Number("verloonde_uren_vorig_jaar", false, "", "Totaal verloonde uren van het vorige jaar (voor de drempel)", NumberLimits.EmployerPaidHours, r => r.PreviousYearPaidHours),
        Number("doel", false, "", "Eigen doel in banen (fta)", NumberLimits.Jobs, r => r.TargetJobs),
        Number("sroi", false, "", "Banen bij leveranciers via social return / inkoop (fta), niet in de realisatie", NumberLimits.Jobs, r => r.SroiJobs),
        Number("vast", false, "", "Deel van de realisatie met een vast contract (fta)", NumberLimits.Jobs, r => r.PermanentJobs),
        Number("tijdelijk", false, "", "Deel van de realisatie met een tijdelijk contract (fta)", NumberLimits.Jobs, r => r.TemporaryJobs),
        Number("inhuur", false, "", "Deel van de realisatie via inhuur (fta)", NumberLimits.Jobs, r => r.HiredInJobs),
        Text("acties", false, "", "Ondernomen acties", 4000, r => r.Actions),
        Text("toelichting", false, "", "Toelichting", 4000, r => r.Note),
        Status("", "concept, ingediend of goedgekeurd (leeg: goedgekeurd; via de website altijd concept)", ReportStatus.Approved, r => r.Status),
        Text(Source, true, "Eigen telling schoolbestuur", "Bron van de telling", 400, r => r.Source),
    ];

    protected override EmployerReport New() => new() { Source = "" };

    protected override void Check(RowReader row, ImportContext ctx, EmployerReport r)
    {
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
    }

    protected override string KeyOf(EmployerReport r) => ImportKinds.ReportKey(r);

    protected override async Task Write(ImportContext ctx, List<EmployerReport> batch, CancellationToken ct) =>
        ImportKinds.UpsertReports(ctx, batch, await StoredIn(batch, ctx.Db.EmployerReports, e => e.EmployerId, ct));

    protected override IAsyncEnumerable<EmployerReport> Stored(BanenmonitorDbContext db) =>
        ImportKinds.Current(db.EmployerReports.AsNoTracking()).OrderBy(r => r.EmployerId).ThenBy(r => r.Year).ThenBy(r => r.Status).AsAsyncEnumerable();
}
