using Banenmonitor.Rules.Measurement;

namespace Banenmonitor.Rules.Published;

/// <summary>
/// The published figures of the repository's <c>data/published</c>: the copy embedded in this assembly at build time
/// (<see cref="Embedded"/>), or the files of a folder (<see cref="FromFolder"/>, <see cref="TryFind"/>). The one place
/// that finds and reads these files; the sector figures and the national measurement are parsed once per instance.
/// </summary>
public sealed class PublishedData
{
    public const string DocumentsFile = "documenten.csv";
    public const string SectorsFile = "sectoren.csv";
    public const string NationalFile = "landelijke_meting.csv";
    public const string QuarterlyFile = "kwartaalrapportages.csv";

    private const string ResourcePrefix = "Banenmonitor.Rules.published.";
    private readonly Func<string, string?> tryRead;
    private readonly Lazy<PublishedSectorFigures> sectorFigures;
    private readonly Lazy<NationalFigures> national;
    private readonly Lazy<QuarterlyFigures> quarterly;

    private PublishedData(string? folder, Func<string, string?> tryRead)
    {
        Folder = folder;
        this.tryRead = tryRead;
        sectorFigures = new(() => PublishedSectorFigures.Parse(Read(DocumentsFile), DocumentsFile, Read(SectorsFile), SectorsFile));
        national = new(() => NationalFigures.Parse(Read(NationalFile), NationalFile));
        quarterly = new(() => QuarterlyFigures.Parse(Read(QuarterlyFile), QuarterlyFile));
    }

    /// <summary>The copy compiled into this assembly (the top-level CSV files of <c>data/published</c>).</summary>
    public static PublishedData Embedded { get; } = new(null, name =>
    {
        using var s = typeof(PublishedData).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (s is null) return null;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    });

    /// <summary>The files of a folder (a <c>data/published</c> or a copy of it).</summary>
    public static PublishedData FromFolder(string folder) => new(folder, name =>
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    });

    /// <summary>Looks for <c>data/published</c> upwards from the working directory and from the binary's folder; null when absent.</summary>
    public static PublishedData? TryFind()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "published");
                if (File.Exists(Path.Combine(candidate, SectorsFile))) return FromFolder(candidate);
            }
        return null;
    }

    /// <summary>The folder the files are read from; null for the embedded copy.</summary>
    public string? Folder { get; }

    /// <summary>The path of a file or subfolder of <see cref="Folder"/> (e.g. <c>enquete_003</c>).</summary>
    public string PathOf(string name) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("De ingebouwde gepubliceerde cijfers hebben geen map."), name);

    /// <summary>The text of a file, or null when it is absent.</summary>
    public string? TryRead(string name) => tryRead(name);

    /// <summary>The text of a file; a missing file throws <see cref="FileNotFoundException"/> (folder) or <see cref="InvalidOperationException"/> (embedded).</summary>
    public string Read(string name) => tryRead(name) ?? (Folder is null
        ? throw new InvalidOperationException($"Ingebouwd bestand {name} ontbreekt.")
        : throw new FileNotFoundException($"Invoerbestand '{PathOf(name)}' bestaat niet.", PathOf(name)));

    /// <summary>The published sector figures (<c>documenten.csv</c> and <c>sectoren.csv</c>); a faulty file throws <see cref="FormatException"/> naming file, line and column.</summary>
    public PublishedSectorFigures SectorFigures => sectorFigures.Value;

    /// <summary>The national measurement (<c>landelijke_meting.csv</c>).</summary>
    public NationalFigures National => national.Value;

    /// <summary>The national figures of the UWV quarterly reports (<c>kwartaalrapportages.csv</c>).</summary>
    public QuarterlyFigures Quarterly => quarterly.Value;
}
