namespace Banenmonitor.Data.Model;

/// <summary>The size measure of a sector register (<i>omvangsmaat</i>): one measure for all employers of a sector-year.</summary>
public enum SizeMeasure
{
    /// <summary>Number of staff (personeel, persons).</summary>
    Staff = 1,
    /// <summary>Full-time equivalents (fte).</summary>
    Fte = 2,
    /// <summary>Paid hours in the year (verloonde uren).</summary>
    PaidHours = 3,
}

/// <summary>
/// One employer in its sector's register for a year (<i>sectorregister</i>): its size (staff, fte or paid hours) and its
/// own target where known. The register is the population from which the employer reports are a (non-random) part;
/// with it the coverage and the estimate of the sector total can be computed. The sector and size class are the
/// employer's (<see cref="Employer.SectorId"/>, <see cref="Employer.SizeClass"/>).
/// </summary>
public sealed class SectorRegisterEntry : IAuditedFigure
{
    public int Id { get; set; }
    public int EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public int Year { get; set; }
    public SizeMeasure Measure { get; set; }
    /// <summary>Size in <see cref="Measure"/> units.</summary>
    public decimal Size { get; set; }
    /// <summary>The employer's own target in jobs (fta), when known.</summary>
    public decimal? TargetJobs { get; set; }
    /// <summary>
    /// The employer's realisation in jobs as the sector collected it (null = the employer did not report to its sector;
    /// then its approved employer report counts, if any).
    /// </summary>
    public decimal? RealisedJobs { get; set; }
    /// <summary>Part of <see cref="RealisedJobs"/> on permanent contracts (vast), in jobs.</summary>
    public decimal? PermanentJobs { get; set; }
    /// <summary>Part of <see cref="RealisedJobs"/> on temporary contracts (tijdelijk), in jobs.</summary>
    public decimal? TemporaryJobs { get; set; }
    /// <summary>Part of <see cref="RealisedJobs"/> through hired-in labour (inhuur), in jobs.</summary>
    public decimal? HiredInJobs { get; set; }
    public required string Source { get; set; }
    public string AuditKey => $"{EmployerId}|{Year}";
}

/// <summary>
/// The method a sector's representative chose for the sector total of a year (<i>gekozen schattingsmethode</i>), with
/// the figure it gave when chosen. Stored and audited: the published total says how it was made and by whom.
/// <see cref="Method"/> is the Dutch code: som, ratio or poststratificatie.
/// </summary>
public sealed class SectorEstimateChoice : IAuditedFigure
{
    public int Id { get; set; }
    public int SectorId { get; set; }
    public Sector? Sector { get; set; }
    public int Year { get; set; }
    public required string Method { get; set; }
    public decimal Estimate { get; set; }
    public decimal? StandardError { get; set; }
    public decimal? Lower { get; set; }
    public decimal? Upper { get; set; }
    public int EmployersReported { get; set; }
    public int EmployersTotal { get; set; }
    /// <summary>Reported share of the size measure, percent points.</summary>
    public decimal SizeShareReported { get; set; }
    /// <summary>Why this method (the representative's words).</summary>
    public string? Reason { get; set; }
    public required string ChosenBy { get; set; }
    public DateTime ChosenAt { get; set; }
    /// <summary>The analyst who approved this figure as the sector total (null = not approved); a new choice clears it.</summary>
    public string? ApprovedBy { get; set; }
    /// <summary>When it was approved (UTC).</summary>
    public DateTime? ApprovedAt { get; set; }
    public bool Approved => ApprovedAt is not null;
    public string AuditKey => $"{SectorId}|{Year}";
}
