using Banenmonitor.Data.Audit;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data;

/// <summary>One employer of a sector's register in a year, with its report when it sent one.</summary>
public sealed record SectorRegisterRow(string PayrollTaxNumber, string Name, SizeClass SizeClass, SizeMeasure Measure, decimal Size,
    decimal? TargetJobs, decimal? ReportedJobs, decimal? SroiJobs, decimal? PermanentJobs, decimal? TemporaryJobs, decimal? HiredInJobs);

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
            .Select(r => new { r.EmployerId, r.Employer!.PayrollTaxNumber, r.Employer.Name, r.Employer.SizeClass, r.Measure, r.Size, r.TargetJobs })
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
                rep?.RealisedJobs, rep?.SroiJobs, rep?.PermanentJobs, rep?.TemporaryJobs, rep?.HiredInJobs);
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

    public static Task<SectorEstimateChoice?> ChoiceAsync(BanenmonitorDbContext db, string sectorCode, int year, CancellationToken ct = default) =>
        db.SectorEstimateChoices.AsNoTracking().SingleOrDefaultAsync(c => c.Sector!.Code == sectorCode && c.Year == year, ct);
}
