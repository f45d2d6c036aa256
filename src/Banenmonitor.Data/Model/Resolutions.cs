using Banenmonitor.Rules.Published;

namespace Banenmonitor.Data.Model;

/// <summary>
/// An analyst's resolution of a substantive finding of <c>controle</c> (<i>oplossing van een bevinding</i>): which value
/// stands (published, recomputed, or corrected with its own source) and why, who and when. Never changed or deleted
/// (<see cref="Resolutions.ImmutableRecordGuard"/>); a later resolution of the same finding supersedes it through
/// <see cref="SupersedesId"/>. The finding is found again by <see cref="Year"/> and <see cref="FindingKey"/>
/// (<see cref="Rules.Published.FindingKey"/>); the other finding fields are a copy of what the analyst saw.
/// </summary>
public sealed class FindingResolution : IAuditedFigure
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string FindingKey { get; set; }
    public required string Sector { get; set; }
    public required string Kind { get; set; }
    public required string Figure { get; set; }
    public required string Document { get; set; }
    public decimal PublishedValue { get; set; }
    public decimal ComputedValue { get; set; }
    public ResolutionChoice Choice { get; set; }
    /// <summary>The value that stands.</summary>
    public decimal Value { get; set; }
    /// <summary>The source of a corrected value (required then), optional otherwise.</summary>
    public string? Source { get; set; }
    public required string Reason { get; set; }
    public required string ResolvedBy { get; set; }
    public DateTime ResolvedAt { get; set; }
    /// <summary>The resolution this one replaces; each resolution is superseded at most once (unique index).</summary>
    public int? SupersedesId { get; set; }

    public string AuditKey => $"oplossing:{Year}:{FindingKey}";
}

/// <summary>
/// A published version of the yearly progress report (<i>gepubliceerde versie</i>): immutable, with the SHA-256 of each
/// file, the data and parameter versions it was built from, who published it and when. A later version of the same
/// year supersedes it (<see cref="SupersedesId"/>) and never deletes it. The files are in <see cref="PublishedReportFile"/>.
/// </summary>
public sealed class PublishedReport : IAuditedFigure
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>1, 2, … per year.</summary>
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string PdfSha256 { get; set; }
    public required string XlsxSha256 { get; set; }
    public required string HtmlSha256 { get; set; }
    /// <summary>SHA-256 of the figures the report was built from (published documents, national measurement, approved sector reports).</summary>
    public required string DataVersion { get; set; }
    /// <summary>SHA-256 of the parameter values in force when it was built.</summary>
    public required string ParameterVersion { get; set; }
    /// <summary>The resolutions the report's annex lists (ids, comma-separated).</summary>
    public required string ResolutionIds { get; set; }
    public required string PublishedBy { get; set; }
    public DateTime PublishedAt { get; set; }
    public int? SupersedesId { get; set; }
    public List<PublishedReportFile> Files { get; set; } = [];

    public string AuditKey => $"rapport:{Year}:v{Version}";
}

/// <summary>One file (pdf, xlsx, html) of a published report version, with its SHA-256; never changed or deleted.</summary>
public sealed class PublishedReportFile
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public PublishedReport? Report { get; set; }
    /// <summary><c>pdf</c>, <c>xlsx</c> or <c>html</c>.</summary>
    public required string Format { get; set; }
    public required byte[] Content { get; set; }
    public required string Sha256 { get; set; }
}
