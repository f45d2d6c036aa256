using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Sectors;
using Banenmonitor.Rules.Sroi;
using Banenmonitor.Rules.Units;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Sroi;

/// <summary>A contract's job equivalents with the names the pages show.</summary>
public sealed record SroiContractRow(string Reference, string ProcurerPayrollTaxNumber, string ProcurerName, string SectorCode,
    string SectorName, string SupplierName, decimal ContractValue, int Placements, SroiContractJobs Result);

/// <summary>SROI job equivalents of one contracting public employer in a year.</summary>
public sealed record SroiEmployerRow(string PayrollTaxNumber, string Name, string SectorCode, int Contracts, decimal Hours, Jobs Jobs);

/// <summary>
/// A sector's SROI job equivalents from placements, and — where the sector has an approved report with target and
/// realisation — its "incl. SROI" figure computed from them (<see cref="Realisation"/>), beside the typed SROI total.
/// </summary>
public sealed record SroiSectorRow(string Code, string Name, int Contracts, decimal Hours, Jobs Jobs, decimal? ReportedSroiJobs,
    SectorRealisationResult? Realisation);

public sealed record SroiYear(int Year, IReadOnlyList<SroiContractRow> Contracts, IReadOnlyList<SroiEmployerRow> Employers, IReadOnlyList<SroiSectorRow> Sectors);

/// <summary>
/// The roll-up of stored SROI placements: per contract (through <see cref="SroiConversion"/>), per contracting public
/// employer and per sector. Computed from stored data on every call; nothing is written.
/// </summary>
public static class SroiRollup
{
    public static async Task<SroiYear> ComputeAsync(BanenmonitorDbContext db, ParameterSet parameters, int year, string? sectorCode = null, CancellationToken ct = default)
    {
        var conversion = new SroiConversion(parameters);
        var query = db.SroiPlacements.AsNoTracking().Where(p => p.Year == year);
        if (sectorCode is not null) query = query.Where(p => p.Contract!.Procurer!.Sector!.Code == sectorCode);
        var rows = await query
            .Select(p => new
            {
                p.Reference, p.Hours, p.PersonCount,
                Contract = p.Contract!.Reference, p.Contract.SupplierName, p.Contract.Value, p.Contract.Obligation,
                Tax = p.Contract.Procurer!.PayrollTaxNumber, Procurer = p.Contract.Procurer.Name,
                SectorCode = p.Contract.Procurer.Sector!.Code, SectorName = p.Contract.Procurer.Sector.Name,
            })
            .ToListAsync(ct);
        var contracts = rows.GroupBy(r => r.Contract, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var f = g.First();
                var result = conversion.Convert(g.Key, year,
                    g.Select(p => new SroiPlacementHours(p.Reference, p.Hours, p.PersonCount ?? 1)).ToList(),
                    new SroiObligation(f.Obligation, SroiObligationUnit.Euros));
                return new SroiContractRow(g.Key, f.Tax, f.Procurer, f.SectorCode, f.SectorName, f.SupplierName, f.Value, g.Count(), result);
            }).ToList();
        var employers = contracts.GroupBy(c => c.ProcurerPayrollTaxNumber).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SroiEmployerRow(g.Key, g.First().ProcurerName, g.First().SectorCode, g.Count(),
                g.Sum(c => c.Result.Hours), new Jobs(g.Sum(c => c.Result.Jobs.Value)))).ToList();

        var codes = contracts.Select(c => c.SectorCode).Distinct().ToList();
        var reports = await db.SectorReports.AsNoTracking()
            .Where(r => r.Year == year && r.Status == ReportStatus.Approved && codes.Contains(r.Sector!.Code))
            .Select(r => new { r.Sector!.Code, r.TargetJobs, r.RealisedJobs, r.SroiJobs }).ToListAsync(ct);
        var sectors = contracts.GroupBy(c => c.SectorCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var jobs = new Jobs(g.Sum(c => c.Result.Jobs.Value));
            var report = reports.FirstOrDefault(r => r.Code == g.Key);
            SectorRealisationResult? realisation = report is { TargetJobs: > 0, RealisedJobs: >= 0 }
                ? SectorRealisation.Compute(new Jobs(report.TargetJobs.Value), new Jobs(report.RealisedJobs.Value), jobs)
                : null;
            return new SroiSectorRow(g.Key, g.First().SectorName, g.Count(), g.Sum(c => c.Result.Hours), jobs, report?.SroiJobs, realisation);
        }).ToList();
        return new SroiYear(year, contracts, employers, sectors);
    }
}
