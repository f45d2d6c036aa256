using Banenmonitor.Rules.Published;

namespace Banenmonitor.Data.Seeding;

/// <summary>
/// The published sector figures of data/published (parsed by <see cref="PublishedSectorFigures"/>) as seed rows:
/// one row per reporting line and year with its primary doel, realisatie, percentages and SROI; source = the document.
/// The figures come from <see cref="PublishedData"/> (a data/published folder or the embedded copy).
/// </summary>
public sealed class PublishedFiguresSource(PublishedSectorFigures figures) : IPublishedSectorFigures
{
    public IEnumerable<PublishedSectorFigure> Load()
    {
        foreach (var year in figures.Years)
            foreach (var s in figures.ForYear(year))
            {
                if (s.IsEmpty || (s.Target is null && s.Realised is null && s.Percentage is null)) continue;
                var doc = (s.Realised ?? s.Target ?? s.Percentage)!.Document;
                // SROI jobs as published, or what the realisation including SROI adds to the realisation.
                var sroi = s.Sroi?.Value ?? (s.RealisedIncludingSroi is { } incl && s.Realised is { } r ? incl.Value - r.Value : null);
                var d = figures.Document(doc);
                var source = d is null ? $"document {doc}" : $"{d.Title} ({d.Reference})";
                yield return new PublishedSectorFigure(s.Sector.Code, year, s.Target?.Value, s.Realised?.Value, s.Percentage?.Value,
                    sroi, s.PercentageIncludingSroi?.Value, source.Length > 400 ? source[..400] : source);
            }
    }
}
