namespace Banenmonitor.Analytics;

/// <summary>The payroll's file format as the pass read it.</summary>
public enum PayrollFormat
{
    /// <summary>Parquet read as stored: read twice (totals, then the rows of registered persons), with row-group statistics.</summary>
    Parquet,
    /// <summary>CSV (or Parquet with converted columns): read once, every row joined to the register.</summary>
    Csv,
}

/// <summary>
/// What the payroll pass learnt of its input, so no later step rediscovers it: the <see cref="Format"/>, whether the
/// Parquet statistics proved that no value is missing or negative (<see cref="StatisticsProven"/>: only the period order
/// is then checked per row), whether the statistics gave the <see cref="Rows"/> of the year (every row group within the
/// year) instead of counting them, and whether the target-group hours are kept per month (<see cref="Months"/>, for the
/// measurement per quarter).
/// </summary>
public sealed record PayrollPass(PayrollFormat Format, bool StatisticsProven, bool RowsFromStatistics, long Rows, bool Months);

/// <summary>The prepared employer table: its size, what the payroll pass learnt, and the attributions per employer position.</summary>
internal sealed record PreparedEmployers(int Count, PayrollPass Pass, Dictionary<int, List<Rules.Quota.HiredInAttribution>> Attributions);
