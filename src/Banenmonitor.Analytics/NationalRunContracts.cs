using Banenmonitor.Rules.Regions;
using Banenmonitor.Rules.Quota;

namespace Banenmonitor.Analytics;

// What a national run takes and gives: its options, the per-employer inputs and outcomes, the measurement and the totals.

/// <summary>
/// Per-employer inputs of the quota, aggregated from the payroll records (reusable by other computations, e.g. the
/// regimes side by side): total paid hours, agency staff hours, target-group hours under the register's period rule,
/// previous-year A, sector and lender type, and the hired-in attributions (hirer side first, then lender side).
/// </summary>
public sealed record EmployerAggregate(
    string PayrollTaxNumber,
    string SectorCode,
    string LenderType,
    decimal TotalPaidHours,
    decimal AgencyStaffHours,
    decimal TargetGroupHours,
    decimal? TotalPaidHoursPreviousYear,
    IReadOnlyList<HiredInAttribution> Attributions)
{
    /// <summary>Government employers are those in sector codes 61–66 (Regeling Wfsv art. 3.27); 67 and market are not.</summary>
    public bool IsGovernment => NationalEngine.IsGovernmentSector(SectorCode);

    /// <summary>The rules core's input for this employer.</summary>
    public QuotaInput ToQuotaInput(int year) =>
        QuotaInput.OfAggregates(year, TotalPaidHours, AgencyStaffHours, TargetGroupHours, TotalPaidHoursPreviousYear, Attributions, IsGovernment);
}

/// <summary>Quota outcome of one employer (the fields of <see cref="QuotaResult"/> without the trace).</summary>
public sealed record EmployerQuota(
    EmployerAggregate Input,
    decimal A,
    decimal? RequiredJobs,
    decimal RealisedJobs,
    decimal Shortfall,
    decimal Levy,
    bool Exempt);

/// <summary>Target-group jobs at the end of the year for one sector code and form.</summary>
public sealed record MeasurementRow(string SectorCode, string Form, decimal HoursLastMonth, long Persons, long Relations);

/// <summary>
/// Options of a national run. <paramref name="KeepEmployers"/>: also return every employer's inputs and outcome as .NET
/// objects (<see cref="NationalRunResult.Employers"/>); the outcomes are written to the output file either way.
/// </summary>
/// <paramref name="QuartersAndRegions"/>: also the measurement per quarter and labour-market region
/// (<see cref="NationalRunResult.QuartersAndRegions"/>, written as <c>landelijke_meting_per_kwartaal.csv</c> and
/// <c>landelijke_meting_per_regio.csv</c>); the year's outputs are the same either way.
public sealed record NationalRunOptions(string InputDir, int Year, string? OutputDir = null, string? ExplainEmployer = null,
    string? MemoryLimit = null, int? Threads = null, bool Csv = false, bool KeepEmployers = false, bool QuartersAndRegions = false);

/// <summary>One of the largest levies.</summary>
public sealed record LevyRow(string PayrollTaxNumber, string SectorCode, decimal Shortfall, decimal Levy);

/// <summary>
/// Totals of the employers' quota outcomes (each outcome computed by the rules core): all employers, government
/// employers, those above the threshold (not exempt), with a shortfall, and the sums over the latter.
/// </summary>
public sealed record QuotaOverview(
    long Employers,
    long Government,
    long Liable,
    long WithShortfall,
    decimal RequiredJobs,
    decimal RealisedJobs,
    decimal Shortfall,
    decimal Levy,
    IReadOnlyList<LevyRow> LargestLevies);

/// <summary>Everything a national run produced.</summary>
public sealed record NationalRunResult(
    int Year,
    long PayrollRows,
    QuotaOverview Quota,
    IReadOnlyList<EmployerQuota>? Employers,
    IReadOnlyList<MeasurementRow> Measurement,
    long PersonsWorking,
    QuotaResult? Explanation,
    IReadOnlyDictionary<string, TimeSpan> Timings)
{
    /// <summary>What the payroll pass learnt of its input (format, statistics proven, rows).</summary>
    public PayrollPass? Payroll { get; init; }

    /// <summary>The measurement per quarter and labour-market region, when asked for (<see cref="NationalRunOptions.QuartersAndRegions"/>).</summary>
    public QuartersAndRegions? QuartersAndRegions { get; init; }
}

/// <summary>
/// One row of the measurement per quarter: the target-group hours that count nationally in the quarter's last month
/// (the end of the quarter; the fourth quarter's is the year's measurement) and over the whole quarter, and the persons
/// working at the end of the quarter. <see cref="Region"/> null: the national total of the quarter.
/// </summary>
public sealed record QuarterRegionRow(int Quarter, LabourMarketRegion? Region, decimal HoursEndOfQuarter, long Persons, decimal HoursInQuarter);

/// <summary>
/// The measurement per quarter (national rows) and per quarter and labour-market region, with the division's source
/// and year and the number of employers whose municipality is empty or not in it (their jobs are under "onbekend").
/// </summary>
public sealed record QuartersAndRegions(IReadOnlyList<QuarterRegionRow> Rows, long EmployersWithoutRegion, string RegionSource, int RegionYear)
{
    public IEnumerable<QuarterRegionRow> National => Rows.Where(r => r.Region is null);
    public IEnumerable<QuarterRegionRow> Regional => Rows.Where(r => r.Region is not null);
}
