using System.Globalization;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Survey.SectorTotals;

namespace Banenmonitor.Reports.Sectors;

/// <summary>
/// One employer of a sector's register with the figures the estimate and the employer list need: its size class
/// (<c>klein</c>, <c>middel</c>, <c>groot</c>) and size, its own target, and its realisation (null = did not report) with the
/// contract types. <see cref="Notes"/> carries remarks made while assembling it (e.g. two sources that differ).
/// </summary>
public sealed record SectorEmployerFigures(string Id, string Name, string SizeClass, decimal Size, decimal? TargetJobs, decimal? RealisedJobs,
    decimal? PermanentJobs = null, decimal? TemporaryJobs = null, decimal? HiredInJobs = null, IReadOnlyList<string>? Notes = null);

/// <summary>
/// One employer in the sector's list: its figures, its percentage of its own target (realisation ÷ target × 100, one
/// decimal, rounded once here), its shortfall against the target, its rank (1 = highest percentage; only employers with a
/// target and a report are ranked; equal percentages share a rank), and the remarks about it.
/// </summary>
public sealed record SectorEmployerLine(int? Rank, string Id, string Name, string SizeClass, decimal Size, decimal? TargetJobs, decimal? RealisedJobs,
    decimal? PercentOfTarget, decimal? Shortfall, decimal? PermanentJobs, decimal? TemporaryJobs, decimal? HiredInJobs, string Band, IReadOnlyList<string> Notes)
{
    public bool Reported => RealisedJobs is not null;
    public bool WithoutJobs => RealisedJobs == 0m;
    /// <summary>Reported, with a target above zero, and less than half of it realised.</summary>
    public bool BelowHalf => RealisedJobs is { } r && TargetJobs is { } t && t > 0 && r < t * SectorRegisterEstimates.HalfOfTarget;
}

/// <summary>A band of the distribution of employers over their percentage of their own target, with its count.</summary>
public sealed record DistributionBand(string Label, int Employers);

/// <summary>
/// What the source documents report of a sector's employers (Kamerbrief BZK 2024 over 2023 for mbo and hbo, the
/// werkgever-specifieke doelen of the universities in the research report of De Beleidsonderzoekers 2023): how many
/// employers, how many reported, how many have no target-group jobs, how many realise less than half of their own target
/// (and their share among the employers with a target and a report), how many reached their target, and the contract types.
/// </summary>
public sealed record SectorEmployerSummary(int Employers, int Reported, int NotReported, int WithoutJobs, int WithTargetAndReport, int BelowHalf,
    decimal? BelowHalfPercent, int TargetReached, decimal? MedianPercent, decimal TargetTotal, decimal RealisedTotal, decimal PermanentTotal,
    decimal TemporaryTotal, decimal HiredInTotal)
{
    /// <summary>No target-group jobs or not known whether it has any (the mbo's "14 van de 51" counts both).</summary>
    public int WithoutJobsOrUnknown => WithoutJobs + NotReported;
}

/// <summary>
/// A sector-year built from its employers: the ranked employer list, the distribution over percentage of own target,
/// the summary the documents report, the coverage of the register, and the sector total by every method the register
/// allows (sum as lower bound; ratio and post-stratified with standard error and interval when two or more reported).
/// </summary>
public sealed record SectorRegisterOutcome(string Sector, int Year, string Measure, IReadOnlyList<SectorEmployerLine> Employers,
    IReadOnlyList<DistributionBand> Distribution, SectorEmployerSummary Summary, SectorCoverage Coverage, IReadOnlyList<SectorTotalEstimate> Estimates,
    IReadOnlyList<string> Notes)
{
    public SectorTotalEstimate? For(SectorTotalMethod m) => Estimates.FirstOrDefault(e => e.Method == m);
    public IEnumerable<SectorEmployerLine> NotReported => Employers.Where(e => !e.Reported);
    public IEnumerable<SectorEmployerLine> WithoutJobs => Employers.Where(e => e.WithoutJobs);
    public IEnumerable<SectorEmployerLine> BelowHalf => Employers.Where(e => e.BelowHalf);
    public string CoverageDutch => Coverage.DescriptionDutch(Measure);
}

/// <summary>
/// The sector total built from its employers, for the CLI (<c>sector schat</c>), the web (the sector representative's
/// page) and the report: one computation, every figure rounded once here. The estimators are
/// <see cref="SectorTotalEstimator"/>'s; this service assembles the register, ranks and classifies the employers and
/// turns a chosen method into the record that is stored (<see cref="SectorEstimateChoice"/>).
/// </summary>
public static class SectorRegisterEstimates
{
    /// <summary>Size classes in order, for merging a class with too few reporters into its neighbour.</summary>
    public static readonly string[] ClassOrder = ["klein", "middel", "groot"];

    /// <summary>
    /// "Minder dan 50% van de doelstelling": the threshold the Kamerbrief BZK 2024 over 2023 (voortgang banenafspraak
    /// overheid en onderwijs) reports the mbo schools against. A reporting threshold of the document, not a legal number.
    /// </summary>
    public const decimal HalfOfTarget = 0.5m;

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The Dutch word of a register's size measure.</summary>
    public static string MeasureDutch(SizeMeasure? m) => m switch
    {
        SizeMeasure.Staff => "personeel", SizeMeasure.Fte => "fte", SizeMeasure.PaidHours => "verloonde uren", _ => "omvang",
    };

    public static string ClassDutch(SizeClass c) => c switch { SizeClass.Small => "klein", SizeClass.Medium => "middel", _ => "groot" };

    /// <summary>The percentage of its own target an employer realised, one decimal (null without report or target).</summary>
    public static decimal? PercentOf(decimal? realised, decimal? target) =>
        realised is { } r && target is { } t && t > 0 ? Math.Round(r / t * 100m, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Computes a sector-year from its register. Throws <see cref="ArgumentException"/> with a Dutch message for an empty
    /// register, an employer twice, or a class outside <see cref="ClassOrder"/>.
    /// </summary>
    public static SectorRegisterOutcome Compute(string sector, int year, IReadOnlyList<SectorEmployerFigures> register, string measure = "omvang",
        IReadOnlyList<string>? notes = null)
    {
        var units = register.Select(e => new RegisterUnit(e.Id, e.SizeClass, (double)e.Size, (double?)e.RealisedJobs)).ToList();
        var coverage = SectorTotalEstimator.Coverage(units);
        var estimates = SectorTotalEstimator.EstimateAll(units, ClassOrder).Estimates;
        var allNotes = new List<string>(notes ?? []);
        if (coverage.EmployersReported < 2) allNotes.Add("Minder dan twee werkgevers rapporteerden: alleen de som is te geven.");

        var lines = register.Select(Line).ToList();
        var ranked = lines.Where(l => l.PercentOfTarget is not null)
            .OrderByDescending(l => l.RealisedJobs!.Value / l.TargetJobs!.Value).ThenByDescending(l => l.RealisedJobs).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var result = new List<SectorEmployerLine>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var same = i > 0 && ranked[i].RealisedJobs!.Value / ranked[i].TargetJobs!.Value == ranked[i - 1].RealisedJobs!.Value / ranked[i - 1].TargetJobs!.Value;
            result.Add(ranked[i] with { Rank = same ? result[i - 1].Rank : i + 1 });
        }
        result.AddRange(lines.Where(l => l.PercentOfTarget is null).OrderBy(l => l.Reported ? 0 : 1).ThenBy(l => l.Name, StringComparer.Ordinal));

        var distribution = Bands.Select(b => new DistributionBand(b, result.Count(l => l.Band == b))).ToList();
        return new SectorRegisterOutcome(sector, year, measure, result, distribution, Summarise(result), coverage, estimates, allNotes);
    }

    /// <summary>The bands of the distribution, in order; every employer falls in exactly one.</summary>
    public static readonly IReadOnlyList<string> Bands =
        ["geen banen", "minder dan 25 %", "25 tot 50 %", "50 tot 75 %", "75 tot 100 %", "100 % of meer", "geen doel bekend", "niet gerapporteerd"];

    private static string BandOf(decimal? realised, decimal? target)
    {
        if (realised is not { } r) return Bands[7];
        if (r == 0) return Bands[0];
        if (target is not { } t || t <= 0) return Bands[6];
        var share = r / t;
        return share < HalfOfTarget / 2 ? Bands[1] : share < HalfOfTarget ? Bands[2] : share < HalfOfTarget * 3 / 2 ? Bands[3] : share < 1 ? Bands[4] : Bands[5];
    }

    private static SectorEmployerLine Line(SectorEmployerFigures e)
    {
        var notes = new List<string>(e.Notes ?? []);
        var parts = new[] { e.PermanentJobs, e.TemporaryJobs, e.HiredInJobs };
        if (e.RealisedJobs is { } r && parts.Any(p => p is not null))
        {
            var sum = parts.Sum(p => p ?? 0m);
            if (sum > r || (parts.All(p => p is not null) && sum != r))
                notes.Add($"Vast + tijdelijk + inhuur = {N(sum, 2)} banen, de realisatie is {N(r, 2)}.");
        }
        else if (e.RealisedJobs is null && parts.Any(p => p is not null))
            notes.Add("Contractvormen opgegeven zonder realisatie: niet meegeteld.");
        decimal? shortfall = e.RealisedJobs is { } real && e.TargetJobs is { } t && real < t ? t - real : null;
        return new SectorEmployerLine(null, e.Id, e.Name, e.SizeClass, e.Size, e.TargetJobs, e.RealisedJobs, PercentOf(e.RealisedJobs, e.TargetJobs), shortfall,
            e.PermanentJobs, e.TemporaryJobs, e.HiredInJobs, BandOf(e.RealisedJobs, e.TargetJobs), notes);
    }

    private static SectorEmployerSummary Summarise(IReadOnlyList<SectorEmployerLine> lines)
    {
        var reported = lines.Where(l => l.Reported).ToList();
        var withTarget = reported.Where(l => l.TargetJobs is > 0).ToList();
        var below = withTarget.Count(l => l.BelowHalf);
        var percents = withTarget.Select(l => l.RealisedJobs!.Value / l.TargetJobs!.Value * 100m).Order().ToList();
        decimal? median = percents.Count == 0 ? null
            : Math.Round(percents.Count % 2 == 1 ? percents[percents.Count / 2] : (percents[percents.Count / 2 - 1] + percents[percents.Count / 2]) / 2, 1, MidpointRounding.AwayFromZero);
        return new SectorEmployerSummary(lines.Count, reported.Count, lines.Count - reported.Count, reported.Count(l => l.WithoutJobs), withTarget.Count, below,
            withTarget.Count == 0 ? null : Math.Round(below * 100m / withTarget.Count, 1, MidpointRounding.AwayFromZero),
            withTarget.Count(l => l.RealisedJobs >= l.TargetJobs), median,
            lines.Sum(l => l.TargetJobs ?? 0), reported.Sum(l => l.RealisedJobs!.Value),
            reported.Sum(l => l.PermanentJobs ?? 0), reported.Sum(l => l.TemporaryJobs ?? 0), reported.Sum(l => l.HiredInJobs ?? 0));
    }

    /// <summary>
    /// The register's rows as figures: the realisation and contract types the sector collected, else those of the
    /// employer's approved report; where both exist and differ, the sector's figure counts and a note says so.
    /// </summary>
    public static IReadOnlyList<SectorEmployerFigures> FromRows(IReadOnlyList<SectorRegisterRow> rows) => rows.Select(r =>
    {
        var own = r.Register;
        var notes = new List<string>();
        if (own?.RealisedJobs is { } a && r.ReportedJobs is { } b && a != b)
            notes.Add($"De werkgeversrapportage noemt {N(b, 2)} banen; de opgave aan de sector ({N(a, 2)}) telt.");
        var fromRegister = own?.RealisedJobs is not null;
        return new SectorEmployerFigures(r.PayrollTaxNumber, r.Name, ClassDutch(r.SizeClass), r.Size, r.TargetJobs,
            fromRegister ? own!.RealisedJobs : r.ReportedJobs,
            fromRegister ? own!.PermanentJobs : r.PermanentJobs, fromRegister ? own!.TemporaryJobs : r.TemporaryJobs, fromRegister ? own!.HiredInJobs : r.HiredInJobs,
            notes);
    }).ToList();

    /// <summary>
    /// A sector-year from the database (register plus approved employer reports), or null when its register is empty.
    /// Throws <see cref="InvalidOperationException"/> (Dutch) when the register mixes size measures.
    /// </summary>
    public static async Task<SectorRegisterOutcome?> LoadAsync(BanenmonitorDbContext db, string sector, int year, CancellationToken ct = default)
    {
        var data = await SectorRegisterQuery.LoadAsync(db, sector, year, ct);
        if (data.Rows.Count == 0) return null;
        var notes = new List<string>();
        if (data.ReportsOutsideRegister.Count > 0)
            notes.Add($"Rapportages van werkgevers die niet in het register staan (niet meegeteld): {string.Join(", ", data.ReportsOutsideRegister)}.");
        return Compute(sector, year, FromRows(data.Rows), MeasureDutch(data.Measure), notes);
    }

    /// <summary>The record of a chosen method with its figures (two decimals, rounded once here), for <see cref="SectorRegisterQuery.RecordChoiceAsync"/>.</summary>
    public static SectorEstimateChoice Choice(SectorRegisterOutcome o, SectorTotalMethod method, string by, string? reason, DateTime at)
    {
        var e = o.For(method) ?? throw new ArgumentException(
            $"De methode '{method.Dutch()}' is niet te berekenen: er rapporteerden {o.Coverage.EmployersReported} werkgevers, er zijn er minstens twee nodig.");
        return new SectorEstimateChoice
        {
            Year = o.Year, Method = method.Code(), Estimate = Round(e.Estimate), StandardError = e.StandardError is { } se ? Round(se) : null,
            Lower = e.Interval is { } i ? Round(i.Lower) : null, Upper = e.Interval is { } j ? Round(j.Upper) : null,
            EmployersReported = o.Coverage.EmployersReported, EmployersTotal = o.Coverage.EmployersTotal, SizeShareReported = Round(o.Coverage.SizeShare * 100),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ChosenBy = by, ChosenAt = at,
        };
    }

    /// <summary>Records the chosen method of a sector-year (replacing an earlier choice and its approval).</summary>
    public static Task<SectorEstimateChoice> RecordAsync(BanenmonitorDbContext db, SectorRegisterOutcome o, SectorTotalMethod method, string by, string? reason,
        CancellationToken ct = default) =>
        SectorRegisterQuery.RecordChoiceAsync(db, o.Sector, Choice(o, method, by, reason, DateTime.UtcNow), ct);

    /// <summary>Does a recorded choice still hold the figures the register gives now (same estimate and coverage)?</summary>
    public static bool StillCurrent(SectorEstimateChoice c, SectorRegisterOutcome o) =>
        SectorTotalMethodText.TryParse(c.Method, out var m) && o.For(m) is { } e && Round(e.Estimate) == c.Estimate &&
        c.EmployersReported == o.Coverage.EmployersReported && c.EmployersTotal == o.Coverage.EmployersTotal;

    /// <summary>The Dutch name of a stored method code.</summary>
    public static string MethodDutch(string code) => SectorTotalMethodText.TryParse(code, out var m) ? m.Dutch() : code;

    private static decimal Round(double v) => Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero);
    private static string N(decimal v, int decimals) => v.ToString("N" + decimals, Nl);
}
