namespace Banenmonitor.Data.Model;

/// <summary>A row of a <see cref="NationalRun"/>'s measurement: target-group hours and jobs in the year's last month per sector code and form.</summary>
public sealed class NationalRunMeasurement
{
    public long Id { get; set; }
    public long NationalRunId { get; set; }
    public NationalRun? Run { get; set; }
    public required string SectorCode { get; set; }
    public required string Form { get; set; }
    public bool CountsNationally { get; set; }
    public decimal HoursLastMonth { get; set; }
    public decimal Jobs { get; set; }
    public long Persons { get; set; }
    public long Relations { get; set; }
}
