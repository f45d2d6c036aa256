namespace Banenmonitor.Data.Model;

/// <summary>
/// A run of the national engine on the stored data (<c>banenmonitor landelijk --database</c>): the year, the fingerprint
/// of the inputs read (payroll, register, attributions, employers), the parameter values used with their sources and
/// their fingerprint, the software version and the time; the national table (quota totals and the measurement) and,
/// in <see cref="Employers"/> and <see cref="Measurement"/>, every employer's outcome and the measurement's rows.
/// Runs are never changed; the web shows the latest of a year.
/// </summary>
public sealed class NationalRun
{
    public long Id { get; set; }
    /// <summary>The run id shown to users (a GUID, "N" format).</summary>
    public required string RunId { get; set; }
    public int Year { get; set; }
    public required string InputsFingerprint { get; set; }
    public required string ParametersFingerprint { get; set; }
    /// <summary>The parameter values used, with their sources (JSON list, Dutch field names).</summary>
    public required string Parameters { get; set; }
    public required string SoftwareVersion { get; set; }
    public DateTime ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
    public long PayrollRows { get; set; }
    public long Registrations { get; set; }
    public long AttributionRows { get; set; }

    // Quota totals (each employer computed by the rules core).
    public long EmployerCount { get; set; }
    public long GovernmentEmployers { get; set; }
    public long LiableEmployers { get; set; }
    public long EmployersWithShortfall { get; set; }
    public decimal RequiredJobs { get; set; }
    public decimal RealisedJobs { get; set; }
    public decimal Shortfall { get; set; }
    public decimal Levy { get; set; }

    // The national measurement: target-group jobs at the end of the year.
    public decimal FormalMarketJobs { get; set; }
    public decimal FormalGovernmentJobs { get; set; }
    public decimal HiredInJobs { get; set; }
    /// <summary>Government share of hired-in jobs (percent) when the year's key is known.</summary>
    public decimal? GovernmentShareHiredIn { get; set; }
    public decimal TotalJobs { get; set; }
    /// <summary>Market and government jobs (formal plus their share of hired-in) when the year's key is known.</summary>
    public decimal? MarketJobs { get; set; }
    public decimal? GovernmentJobs { get; set; }
    /// <summary>The baseline (<i>nulmeting</i>, end of 2012) the increase is measured from, and the increase.</summary>
    public decimal BaselineJobs { get; set; }
    public decimal IncreaseJobs { get; set; }
    public long PersonsWorking { get; set; }
    /// <summary>The run's Dutch summary as the CLI prints it.</summary>
    public required string Summary { get; set; }

    public List<NationalRunEmployer> Employers { get; set; } = [];
    public List<NationalRunMeasurement> Measurement { get; set; } = [];

    /// <summary>The division into labour-market regions used for <see cref="Regions"/> (document and year), null for a run without them.</summary>
    public string? RegionSource { get; set; }
    /// <summary>Employers whose municipality is empty or not in that division (their jobs are under region 0, "onbekend").</summary>
    public long EmployersWithoutRegion { get; set; }
    public List<NationalRunQuarter> Quarters { get; set; } = [];
    public List<NationalRunRegion> Regions { get; set; } = [];
}
