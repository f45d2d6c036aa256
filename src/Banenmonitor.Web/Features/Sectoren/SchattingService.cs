using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Published;
using Banenmonitor.Survey.SectorTotals;
using Banenmonitor.Web.Infrastructure;

namespace Banenmonitor.Web.Features.Sectoren;

/// <summary>
/// Sector totals as far as the published figures allow (coverage, ratio estimate from the reported share of staff) and
/// the check of the government sectors against the national measurement. Loaded once from the embedded copies of
/// data/published.
/// </summary>
public sealed class SectorEstimates
{
    public PublishedSectorFigures Published => PublishedSources.Figures;
    public NationalFigures National => PublishedSources.National;

    /// <summary>The view of one sector-year, or null when nothing is published for it.</summary>
    public SectorTotalView? For(string code, int year)
    {
        if (Rules.Published.PublicSectors.Find(code) is not { } s) return null;
        var f = Published.Get(s, year);
        return f.Realised is null ? null : SectorTotalView.From(PublishedSectorTotal.From(f));
    }

    /// <summary>Every year of a sector with a published realisation.</summary>
    public IReadOnlyList<SectorTotalView> History(string code) =>
        Rules.Published.PublicSectors.Find(code) is { } s
            ? Published.History(s).Where(f => f.Realised is not null).Select(f => SectorTotalView.From(PublishedSectorTotal.From(f))).ToList()
            : [];

    public NationalComparison? Government(int year) => NationalComparison.Compare(Published, National, year);
}
