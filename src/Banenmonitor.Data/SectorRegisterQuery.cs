using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data;

/// <summary>
/// One employer of a sector's register in a year: its size and own target, the figures the sector collected
/// (<see cref="Register"/>, null fields = not given) and its approved employer report when it sent one (the <c>Reported…</c>
/// fields and <see cref="PermanentJobs"/> etc.).
/// </summary>
public sealed record SectorRegisterRow(string PayrollTaxNumber, string Name, SizeClass SizeClass, SizeMeasure Measure, decimal Size,
    decimal? TargetJobs, decimal? ReportedJobs, decimal? SroiJobs, decimal? PermanentJobs, decimal? TemporaryJobs, decimal? HiredInJobs,
    RegisterFigures? Register = null);

/// <summary>The realisation and contract types of an employer as its sector collected them (register columns).</summary>
public sealed record RegisterFigures(decimal? RealisedJobs, decimal? PermanentJobs, decimal? TemporaryJobs, decimal? HiredInJobs);

/// <summary>A sector's register with the reports received, and the reports of employers missing from the register.</summary>
public sealed record SectorRegisterData(string SectorCode, int Year, IReadOnlyList<SectorRegisterRow> Rows, IReadOnlyList<string> ReportsOutsideRegister)
{
    public SizeMeasure? Measure => Rows.Count == 0 ? null : Rows[0].Measure;
}

/// <summary>Reads a sector's register and reports for a year; records the method chosen for the sector total.</summary>
public static class SectorRegisterQuery
{
    public static async Task<SectorRegisterData> LoadAsync(BanenmonitorDbContext db, string sectorCode, int year, CancellationToken ct = default)
    {
        var sector = await db.Sectors.AsNoTracking().SingleOrDefaultAsync(s => s.Code == sectorCode, ct)
                     ?? throw new ArgumentException($"Onbekende sector '{sectorCode}'.");
        var register = await db.SectorRegister.AsNoTracking()
            .Where(r => r.Year == year && r.Employer!.SectorId == sector.Id)
            .Select(r => new { r.EmployerId, r.Employer!.PayrollTaxNumber, r.Employer.Name, r.Employer.SizeClass, r.Measure, r.Size, r.TargetJobs,
                r.RealisedJobs, r.PermanentJobs, r.TemporaryJobs, r.HiredInJobs })
            .ToListAsync(ct);
        var reports = await db.EmployerReports.AsNoTracking()
            .Where(r => r.Year == year && r.Employer!.SectorId == sector.Id && r.Status == ReportStatus.Approved)
            .Select(r => new { r.EmployerId, r.Employer!.PayrollTaxNumber, r.RealisedJobs, r.SroiJobs, r.PermanentJobs, r.TemporaryJobs, r.HiredInJobs })
            .ToListAsync(ct);
        var measures = register.Select(r => r.Measure).Distinct().ToList();
        if (measures.Count > 1)
            throw new InvalidOperationException($"Het register van {sectorCode} over {year} mengt omvangsmaten ({string.Join(", ", measures)}); " +
                                                "gebruik één maat (personeel, fte of uren) voor alle werkgevers van de sector.");
        var byEmployer = reports.ToDictionary(r => r.EmployerId);
        var rows = register.OrderBy(r => r.PayrollTaxNumber, StringComparer.Ordinal).Select(r =>
        {
            var rep = byEmployer.GetValueOrDefault(r.EmployerId);
            return new SectorRegisterRow(r.PayrollTaxNumber, r.Name, r.SizeClass, r.Measure, r.Size, r.TargetJobs,
                rep?.RealisedJobs, rep?.SroiJobs, rep?.PermanentJobs, rep?.TemporaryJobs, rep?.HiredInJobs,
                new RegisterFigures(r.RealisedJobs, r.PermanentJobs, r.TemporaryJobs, r.HiredInJobs));
        }).ToList();
        var inRegister = register.Select(r => r.EmployerId).ToHashSet();
        var outside = reports.Where(r => !inRegister.Contains(r.EmployerId)).Select(r => r.PayrollTaxNumber).Order(StringComparer.Ordinal).ToList();
        return new SectorRegisterData(sectorCode, year, rows, outside);
    }

    /// <summary>Stores (or replaces) the method chosen for a sector-year with its figure; audited as a user action.</summary>
    public static async Task<SectorEstimateChoice> RecordChoiceAsync(BanenmonitorDbContext db, string sectorCode, SectorEstimateChoice choice, CancellationToken ct = default)
    {
        var sector = await db.Sectors.AsNoTracking().SingleOrDefaultAsync(s => s.Code == sectorCode, ct)
                     ?? throw new ArgumentException($"Onbekende sector '{sectorCode}'.");
        choice.SectorId = sector.Id;
        var existing = await db.SectorEstimateChoices.SingleOrDefaultAsync(c => c.SectorId == sector.Id && c.Year == choice.Year, ct);
        db.Actor = AuditActor.User(choice.ChosenBy, $"schattingsmethode {sectorCode} {choice.Year}: {choice.Method}");
        if (existing is null) db.SectorEstimateChoices.Add(choice);
        else
        {
            choice.Id = existing.Id;
            db.Entry(existing).CurrentValues.SetValues(choice);
        }
        await db.SaveChangesAsync(ct);
        return existing ?? choice;
    }

    /// <summary>
    /// An analyst approves the recorded choice as the sector total (approver and time; audited). Refused — with a Dutch
    /// reason, nothing changed — when no choice is recorded, when it is already approved, or (four-eyes) when the
    /// approver chose the method.
    /// </summary>
    public static async Task<(bool Done, string Message)> ApproveChoiceAsync(BanenmonitorDbContext db, string sectorCode, int year, string by,
        bool fourEyes = true, CancellationToken ct = default)
    {
        var choice = await db.SectorEstimateChoices.SingleOrDefaultAsync(c => c.Sector!.Code == sectorCode && c.Year == year, ct);
        if (choice is null) return (false, $"Voor {sectorCode} over {year} is nog geen methode vastgelegd; er is niets goed te keuren.");
        if (choice.ApprovedAt is not null) return (false, $"Het sectortotaal van {sectorCode} over {year} is al goedgekeurd op {choice.ApprovedAt:dd-MM-yyyy}.");
        if (fourEyes && string.Equals(choice.ChosenBy, by, StringComparison.OrdinalIgnoreCase))
            return (false, "Wie de methode vastlegde, mag het sectortotaal niet zelf goedkeuren (vier ogen).");
        db.Actor = AuditActor.User(by, $"sectortotaal {sectorCode} {year} goedgekeurd: {choice.Method}");
        choice.ApprovedBy = by;
        choice.ApprovedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return (true, $"Sectortotaal van {sectorCode} over {year} goedgekeurd ({choice.Method}).");
    }

    private static IQueryable<SectorEstimateChoice> Approved(BanenmonitorDbContext db) =>
        db.SectorEstimateChoices.AsNoTracking().Include(c => c.Sector).Where(c => c.ApprovedAt != null);

    /// <summary>Every approved sector total of a year, by sector code.</summary>
    public static async Task<IReadOnlyDictionary<string, SectorEstimateChoice>> ApprovedAsync(BanenmonitorDbContext db, int year, CancellationToken ct = default) =>
        (await Approved(db).Where(c => c.Year == year).ToListAsync(ct)).ToDictionary(c => c.Sector!.Code, StringComparer.Ordinal);

    /// <summary>Every approved sector total of the years up to and including <paramref name="year"/> (at most one per sector and year).</summary>
    public static Task<List<SectorEstimateChoice>> ApprovedUntilAsync(BanenmonitorDbContext db, int year, CancellationToken ct = default) =>
        Approved(db).Where(c => c.Year <= year).OrderBy(c => c.Year).ThenBy(c => c.SectorId).ToListAsync(ct);

    public static Task<SectorEstimateChoice?> ChoiceAsync(BanenmonitorDbContext db, string sectorCode, int year, CancellationToken ct = default) =>
        db.SectorEstimateChoices.AsNoTracking().SingleOrDefaultAsync(c => c.Sector!.Code == sectorCode && c.Year == year, ct);
}
