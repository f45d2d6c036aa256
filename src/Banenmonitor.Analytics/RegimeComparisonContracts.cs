using Banenmonitor.Rules.Regimes;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Analytics;

// What a national regime comparison takes and gives: its options, each employer's outcome under both regimes, and the totals.

/// <summary>Options of a national regime comparison.</summary>
/// <param name="RegimeYear">Year whose Wet banenafspraak parameters apply; default the regime's first year for earlier data.</param>
/// <param name="KeepEmployers">Also return every employer's outcome as .NET objects (<see cref="NationalComparisonResult.Employers"/>);
/// the outcomes are written to the output file either way.</param>
public sealed record NationalComparisonOptions(string InputDir, int Year, int? RegimeYear = null, string? OutputDir = null,
    string? ExplainEmployer = null, string? MemoryLimit = null, int? Threads = null, bool KeepEmployers = false);

/// <summary>Both regimes for one employer: the numbers of the rules core's two <see cref="RegimeOutcome"/>s (traces dropped).</summary>
public sealed record EmployerRegimeOutcome(
    string PayrollTaxNumber,
    string SectorCode,
    string Group,
    bool QuotaComputable,
    bool QuotaSubject,
    decimal Shortfall,
    decimal Levy,
    bool WbaComputable,
    bool WbaSubject,
    bool SurchargeNotComputed,
    decimal Surcharge,
    decimal Bonus,
    decimal WageCostAdvantage,
    string? NotComputableReason)
{
    /// <summary>The reason in the employer file: why a regime is not computable, else why the surcharge is not computed, else none.</summary>
    public static string? Reason(RegimeFigures quota, RegimeFigures wba) =>
        !quota.Computable ? quota.NotComputableReason : !wba.Computable ? wba.NotComputableReason : wba.Incomplete;
}

/// <summary>Totals of both regimes over a group of employers (or the whole country).</summary>
public sealed record RegimeTotals(
    string Group,
    long Employers,
    long QuotaSubject,
    long QuotaWithShortfall,
    decimal QuotaShortfallJobs,
    decimal Levy,
    long QuotaNotComputable,
    long WbaSubject,
    long SurchargeNotComputed,
    long SurchargePayers,
    decimal Surcharge,
    long BonusReceivers,
    decimal Bonus,
    long WageCostAdvantageReceivers,
    decimal WageCostAdvantage,
    long WbaNotComputable)
{
    public decimal WbaReceivable => Bonus + WageCostAdvantage;

    /// <summary>The totals of a group without employers.</summary>
    public static RegimeTotals None(string group) => new(group, 0, 0, 0, 0m, 0m, 0, 0, 0, 0, 0m, 0, 0m, 0, 0m, 0);
}

/// <summary>Everything a national regime comparison produced (<see cref="Employers"/> only on request).</summary>
public sealed record NationalComparisonResult(
    int Year,
    int RegimeYear,
    long PayrollRows,
    IReadOnlyList<EmployerRegimeOutcome>? Employers,
    IReadOnlyList<RegimeTotals> Groups,
    RegimeTotals Total,
    MeasurementComparison Measurement,
    bool PremiumBaseGiven,
    EmployerComparison? Explanation,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, TimeSpan> Timings);
