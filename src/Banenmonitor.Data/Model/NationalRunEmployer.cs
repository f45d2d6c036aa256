namespace Banenmonitor.Data.Model;

/// <summary>One employer's quota outcome in a <see cref="NationalRun"/>: the aggregated inputs and the rules core's outcome.</summary>
public sealed class NationalRunEmployer
{
    public long Id { get; set; }
    public long NationalRunId { get; set; }
    public NationalRun? Run { get; set; }
    public int EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public required string SectorCode { get; set; }
    public decimal TotalPaidHours { get; set; }
    public decimal AgencyStaffHours { get; set; }
    public decimal TargetGroupHours { get; set; }
    public decimal? TotalPaidHoursPreviousYear { get; set; }
    public int Attributions { get; set; }
    /// <summary>A: the paid hours the quota uses.</summary>
    public decimal A { get; set; }
    public decimal? RequiredJobs { get; set; }
    public decimal RealisedJobs { get; set; }
    public decimal Shortfall { get; set; }
    public decimal Levy { get; set; }
    public bool Exempt { get; set; }
}
