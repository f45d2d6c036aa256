using Banenmonitor.Analytics;
using Banenmonitor.Data;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Export;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Reports.National;

/// <summary>
/// The national engine on the database (<c>landelijk --database</c>): the stored payroll, register, attributions and
/// employers are exported to the engine's input files in a temporary folder (<see cref="NationalInputExport"/>, the same
/// export the stored-quota tests use), the <see cref="NationalEngine"/> runs on them, and its run is written back as a
/// <see cref="NationalRun"/> with every employer's outcome, the measurement, and the measurement per quarter and per
/// labour-market region (the employer's municipality through <see cref="LabourMarketRegions"/>). The temporary folder is removed.
/// </summary>
public static class NationalDatabaseRun
{
    public sealed record Outcome(NationalRun Run, NationalRunResult Result, NationalSummary Summary, NationalInputFiles Files);

    public static async Task<Outcome> RunAsync(BanenmonitorDbContext db, ParameterSet parameters, int year, string user,
        Action<string>? step = null, string? memoryLimit = null, string? keepInputAsParquet = null, CancellationToken ct = default)
    {
        var dir = Path.Combine(Path.GetTempPath(), "banenmonitor-landelijk-" + Guid.NewGuid().ToString("N"));
        try
        {
            step?.Invoke("gegevens uit de database uitvoeren");
            var files = await NationalInputExport.ExportAsync(db, dir, year, step, ct);
            if (keepInputAsParquet is not null) ParquetInput.Convert(dir, keepInputAsParquet);
            var result = new NationalEngine(parameters).Run(new NationalRunOptions(dir, year, MemoryLimit: memoryLimit, KeepEmployers: true, QuartersAndRegions: true), step);
            step?.Invoke("uitkomsten in de database schrijven");
            var summary = NationalSummary.Build(parameters, result);
            var run = ToRun(db, parameters, files, result, summary, user);
            var ids = await db.Employers.AsNoTracking().ToDictionaryAsync(e => e.PayrollTaxNumber, e => e.Id, StringComparer.Ordinal, ct);
            run.Employers = result.Employers!.Select(e => new NationalRunEmployer
            {
                EmployerId = ids[e.Input.PayrollTaxNumber],
                SectorCode = e.Input.SectorCode,
                TotalPaidHours = e.Input.TotalPaidHours,
                AgencyStaffHours = e.Input.AgencyStaffHours,
                TargetGroupHours = e.Input.TargetGroupHours,
                TotalPaidHoursPreviousYear = e.Input.TotalPaidHoursPreviousYear,
                Attributions = e.Input.Attributions.Count,
                A = e.A,
                RequiredJobs = e.RequiredJobs,
                RealisedJobs = e.RealisedJobs,
                Shortfall = e.Shortfall,
                Levy = e.Levy,
                Exempt = e.Exempt,
            }).ToList();
            step?.Invoke("uitkomsten opslaan");
            await NationalRuns.StoreAsync(db, run, ct);
            step?.Invoke("klaar");
            return new Outcome(run, result, summary, files);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    private static NationalRun ToRun(BanenmonitorDbContext db, ParameterSet parameters, NationalInputFiles files, NationalRunResult r,
        NationalSummary s, string user)
    {
        var (_, json, fingerprint) = NationalRuns.ParametersOfYear(parameters, r.Year);
        var perMonth = parameters.Get(ParameterNames.HoursPerJobPerMonth, r.Year).Required;
        var q = r.Quota;
        var m = MeasurementComparison.Of(parameters, r.Year, r.Measurement.Where(x => NationalEngine.CountsNationally(x.SectorCode, x.Form)), 0m);
        var d = r.QuartersAndRegions!;
        return new NationalRun
        {
            RunId = Guid.NewGuid().ToString("N"),
            Year = r.Year,
            InputsFingerprint = files.InputsFingerprint,
            ParametersFingerprint = fingerprint,
            Parameters = json,
            SoftwareVersion = ComputationRecords.SoftwareVersion,
            ComputedAt = NationalRuns.Now(),
            ComputedBy = user,
            PayrollRows = r.PayrollRows,
            Registrations = files.Registrations,
            AttributionRows = files.Attributions,
            EmployerCount = q.Employers,
            GovernmentEmployers = q.Government,
            LiableEmployers = q.Liable,
            EmployersWithShortfall = q.WithShortfall,
            RequiredJobs = q.RequiredJobs,
            RealisedJobs = q.RealisedJobs,
            Shortfall = q.Shortfall,
            Levy = q.Levy,
            FormalMarketJobs = s.FormalMarket,
            FormalGovernmentJobs = s.FormalGovernment,
            HiredInJobs = s.HiredIn,
            GovernmentShareHiredIn = s.GovernmentShareHiredIn,
            TotalJobs = s.Jobs,
            MarketJobs = m.Market,
            GovernmentJobs = m.Government,
            BaselineJobs = m.BaselineJobs.Required,
            IncreaseJobs = m.Increase,
            PersonsWorking = s.Persons,
            Summary = s.Text + QuarterRegionReport.Text(parameters, r.Year, d),
            RegionSource = $"{d.RegionSource} ({d.RegionYear})",
            EmployersWithoutRegion = d.EmployersWithoutRegion,
            Quarters = d.National.Select(q => new NationalRunQuarter
            {
                Quarter = q.Quarter,
                HoursEndOfQuarter = q.HoursEndOfQuarter,
                Jobs = Math.Round(q.HoursEndOfQuarter / perMonth, 4),
                Persons = q.Persons,
                HoursInQuarter = q.HoursInQuarter,
            }).ToList(),
            Regions = d.Regional.Select(q => new NationalRunRegion
            {
                Quarter = q.Quarter,
                RegionNumber = q.Region!.Number,
                RegionName = q.Region.Name,
                HoursEndOfQuarter = q.HoursEndOfQuarter,
                Jobs = Math.Round(q.HoursEndOfQuarter / perMonth, 4),
                Persons = q.Persons,
                HoursInQuarter = q.HoursInQuarter,
            }).ToList(),
            Measurement = r.Measurement.Select(m => new NationalRunMeasurement
            {
                SectorCode = m.SectorCode,
                Form = m.Form,
                CountsNationally = NationalEngine.CountsNationally(m.SectorCode, m.Form),
                HoursLastMonth = m.HoursLastMonth,
                Jobs = Math.Round(m.HoursLastMonth / perMonth, 4),
                Persons = m.Persons,
                Relations = m.Relations,
            }).ToList(),
        };
    }
}
