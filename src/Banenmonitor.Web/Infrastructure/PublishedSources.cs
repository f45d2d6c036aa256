using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>The published figures of data/published as the web application shows them: the copy embedded at build time (<see cref="PublishedData.Embedded"/>).</summary>
public static class PublishedSources
{
    public static PublishedSectorFigures Figures => PublishedData.Embedded.SectorFigures;
    public static NationalFigures National => PublishedData.Embedded.National;
    /// <summary>The UWV quarterly figures (<c>kwartaalrapportages.csv</c>): indicative, not the official measurement.</summary>
    public static QuarterlyFigures Quarterly => PublishedData.Embedded.Quarterly;
}

/// <summary>
/// Consistency flags for the sector pages, from the rules core's <see cref="ConsistencyChecker"/> (the same checks as
/// <c>banenmonitor controle</c>): for the published documents, and for a figure entered in this application treated
/// as a document of its own (its reported percentage recomputed from its own doel and realisatie).
/// </summary>
public sealed class SectorChecks(ParameterProvider parameters)
{
    private (ParameterSet Set, ConsistencyReport Report)? _published;
    private readonly Lock _lock = new();

    /// <summary>Every check of the published documents (cached per parameter set in force).</summary>
    public ConsistencyReport Published
    {
        get
        {
            var set = parameters.Current;
            lock (_lock)
            {
                if (_published is { } p && ReferenceEquals(p.Set, set)) return p.Report;
                var report = new ConsistencyChecker(set).Check(PublishedSources.Figures);
                _published = (set, report);
                return report;
            }
        }
    }

    /// <summary>The mismatches (rounding or substantive) for one sector and year.</summary>
    public IReadOnlyList<ConsistencyCheck> For(SectorFigure figure)
    {
        if (figure.FromDocuments) return Published.Filter(figure.Year, figure.SectorCode).Mismatches;
        return Entered(figure).Mismatches;
    }

    /// <summary>A figure entered here, checked exactly like a document: its own numbers against its own percentages.</summary>
    public ConsistencyReport Entered(SectorFigure f)
    {
        if (ReportingLines.Find(f.SectorCode) is not { } sector) return new([]);
        var doc = $"rapportage-{f.ReportId}";
        decimal? N(decimal? v) => v is { } x ? Normalise(x) : null;
        var figures = PublishedFigure.Entered(doc, f.Year, sector, "aanlevering", f.Source,
            (Quantities.Target, N(f.Target), "fta"), (Quantities.Realised, N(f.Realised), "fta"), (Quantities.Sroi, N(f.Sroi), "fta"),
            (Quantities.Percentage, N(f.PublishedPercentage), "%"), (Quantities.PercentageIncludingSroi, N(f.PublishedPercentageInclSroi), "%")).ToList();
        var documents = new[] { new PublishedDocument(doc, $"Rapportage {f.ReportId} ({f.Source})", doc, f.Year + 1, ParameterStatus.Published) };
        return new ConsistencyChecker(parameters.Current).Check(new PublishedSectorFigures(documents, figures));
    }

    /// <summary>Database values come back with their scale padded (69.00); the written decimals are those without trailing zeros.</summary>
    private static decimal Normalise(decimal v) => v / 1.0000000000000000000000000000m;
}
