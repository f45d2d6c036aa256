using Banenmonitor.Rules.Published;

namespace Banenmonitor.Data.Seeding;

/// <summary>
/// The published sector figures of data/published (parsed by <see cref="PublishedSectorFigures"/>) as seed rows:
/// one row per reporting line and year with its primary doel, realisatie, percentages and SROI; source = the document.
/// </summary>
public sealed class PublishedFiguresSource(PublishedSectorFigures figures) : IPublishedSectorFigures
{
    /// <summary>Reads data/published/documenten.csv and sectoren.csv from a folder.</summary>
    public static PublishedFiguresSource FromFolder(string folder)
    {
        var docs = Path.Combine(folder, "documenten.csv");
        var figs = Path.Combine(folder, "sectoren.csv");
        return new(PublishedSectorFigures.Parse(File.ReadAllText(docs), Path.GetFileName(docs), File.ReadAllText(figs), Path.GetFileName(figs)));
    }

    /// <summary>Looks for data/published upwards from the working directory and the binary's folder; null when absent.</summary>
    public static PublishedFiguresSource? TryFind()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "published");
                if (File.Exists(Path.Combine(candidate, "sectoren.csv"))) return FromFolder(candidate);
            }
        return null;
    }

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
