namespace Banenmonitor.Data.Model;

/// <summary>
/// A row of a <see cref="NationalRun"/>'s measurement per quarter (national): target-group hours that count nationally
/// in the quarter's last month (end of quarter) and their jobs, the persons working then, and the hours over the quarter.
/// </summary>
public sealed class NationalRunQuarter
{
    public long Id { get; set; }
    public long NationalRunId { get; set; }
    public NationalRun? Run { get; set; }
    public int Quarter { get; set; }
    public decimal HoursEndOfQuarter { get; set; }
    public decimal Jobs { get; set; }
    public long Persons { get; set; }
    public decimal HoursInQuarter { get; set; }
}

/// <summary>
/// A row of a <see cref="NationalRun"/>'s measurement per quarter and labour-market region (<i>arbeidsmarktregio</i>, by
/// the employer's municipality; number 0 "onbekend" when the municipality is empty or not in the published division).
/// </summary>
public sealed class NationalRunRegion
{
    public long Id { get; set; }
    public long NationalRunId { get; set; }
    public NationalRun? Run { get; set; }
    public int Quarter { get; set; }
    public int RegionNumber { get; set; }
    public required string RegionName { get; set; }
    public decimal HoursEndOfQuarter { get; set; }
    public decimal Jobs { get; set; }
    public long Persons { get; set; }
    public decimal HoursInQuarter { get; set; }
}
