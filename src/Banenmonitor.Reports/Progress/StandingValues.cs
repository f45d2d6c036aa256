using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Published;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Reports.Progress;

/// <summary>
/// The figures as they stand after the analysts' resolutions: a figure a resolution settles carries the value that
/// resolution says stands (the published one, the recomputed one, or a corrected value with its own source) and a
/// <see cref="ResolvedMark"/>; everything computed from it uses that value. Checks whose published value is not a figure's
/// value (a direction, a comparison year, shares adding up to 100%) mark their figures as resolved without changing them.
/// The consistency check itself always runs on the figures as published.
/// </summary>
public sealed class StandingValues
{
    private static readonly string[] MarkOnly = ["richting", "vergelijkingsjaar", "aandelen"];

    private readonly Dictionary<string, (ResolvedMark Mark, string? Source)> _sector;
    private readonly Dictionary<string, (ResolvedMark Mark, string? Source)> _national;

    private StandingValues(PublishedSectorFigures sectors, NationalFigures national,
        Dictionary<string, (ResolvedMark, string?)> sectorMarks, Dictionary<string, (ResolvedMark, string?)> nationalMarks)
    {
        (Sectors, National, _sector, _national) = (sectors, national, sectorMarks, nationalMarks);
    }

    public PublishedSectorFigures Sectors { get; }
    public NationalFigures National { get; }

    /// <summary>The standing figures for the resolved findings, numbered as in the annex (the order of <paramref name="resolved"/>, from 1).</summary>
    public static StandingValues Of(IReadOnlyList<Finding> resolved, PublishedSectorFigures sectors, NationalFigures national)
    {
        var sectorValues = new Dictionary<PublishedFigure, decimal>();
        var nationalValues = new Dictionary<NationalFigure, decimal>();
        var sectorMarks = new Dictionary<string, (ResolvedMark, string?)>(StringComparer.Ordinal);
        var nationalMarks = new Dictionary<string, (ResolvedMark, string?)>(StringComparer.Ordinal);
        for (var i = 0; i < resolved.Count; i++)
        {
            var (check, resolution) = (resolved[i].Check, resolved[i].Resolution!);
            var number = i + 1;
            var change = !MarkOnly.Contains(check.Kind);
            if (check.Sector == ConsistencyChecker.National)
            {
                foreach (var row in national.Rows.Where(r => r.Year == check.Year && r.Source == check.Source))
                {
                    var unit = row.Quantity == NationalFigures.ShareOfIncrease ? "%" : "banen";
                    var decimals = ValueInterval.DecimalsOf(row.Value);
                    nationalMarks[NationalKey(row)] = (new ResolvedMark(number, resolution.Choice.Phrase(), row.Value, decimals, unit), resolution.Source);
                    if (change && row.Value == check.Published) nationalValues[row] = Standing(check, resolution, unit == "%" ? Math.Max(1, decimals) : 0);
                }
                continue;
            }
            foreach (var quoted in check.Source.Split(" | "))
            foreach (var f in sectors.Figures.Where(f => f.Sector.Code == check.Sector && f.Citation == quoted))
            {
                sectorMarks[SectorKey(f)] = (new ResolvedMark(number, resolution.Choice.Phrase(), f.Value, Math.Max(0, f.Decimals), f.Unit), resolution.Source);
                if (!change || !(check.Kind == "versies" || f.Value == check.Published)) continue;
                var decimals = check.Kind is "versies" or "aantal_organisaties" ? ValueInterval.DecimalsOf(check.Computed)
                    : f.IsPercentageUnit ? Math.Max(1, f.Decimals) : Math.Max(0, f.Decimals);
                sectorValues[f] = Standing(check, resolution, decimals);
            }
        }
        return new StandingValues(
            sectorValues.Count == 0 ? sectors
                : new PublishedSectorFigures(sectors.Documents, sectors.Figures.Select(f => sectorValues.TryGetValue(f, out var v) ? f with { Value = v } : f).ToList()),
            nationalValues.Count == 0 ? national
                : new NationalFigures(national.Rows.Select(r => nationalValues.TryGetValue(r, out var v) ? r with { Value = v } : r).ToList()),
            sectorMarks, nationalMarks);
    }

    /// <summary>The value that stands: as published, as recomputed (at the figure's precision), or the corrected value as entered.</summary>
    private static decimal Standing(ConsistencyCheck check, Resolution resolution, int decimals) => resolution.Choice switch
    {
        ResolutionChoice.Published => check.Published,
        ResolutionChoice.Recomputed => LegalRounding.Half(check.Computed, decimals),
        _ => resolution.Value,
    };

    private static string SectorKey(PublishedFigure f) => $"{f.Year}\u0001{f.Sector.Code}\u0001{f.Citation}";
    private static string NationalKey(NationalFigure f) => $"{f.Year}\u0001{f.Source}";

    /// <summary>The resolution that settles this sector figure, and the source of a corrected value.</summary>
    public (ResolvedMark Mark, string? Source)? Of(PublishedFigure f) => _sector.TryGetValue(SectorKey(f), out var m) ? m : null;

    /// <summary>The resolution that settles this national figure, and the source of a corrected value.</summary>
    public (ResolvedMark Mark, string? Source)? Of(NationalFigure f) => _national.TryGetValue(NationalKey(f), out var m) ? m : null;
}
