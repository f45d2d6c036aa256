namespace Banenmonitor.Rules.Published;

/// <summary>Whether a reporting line belongs to the government sectors (<i>overheidssectoren</i>) or education (<i>onderwijssectoren</i>).</summary>
public enum SectorGroup { Government, Education, Aggregate }

/// <summary>
/// One of the thirteen reporting lines of the public sectors (Bestuursakkoord 2019), or an aggregate used by a document
/// that reports for several lines together. <see cref="Code"/> is the stable code used in data files, URLs and the CLI;
/// <see cref="Name"/> is the Dutch display name.
/// </summary>
public sealed record PublicSector(string Code, string Name, SectorGroup Group, int Order)
{
    public bool IsAggregate => Group == SectorGroup.Aggregate;
    public override string ToString() => Code;
}

/// <summary>The catalogue of sector codes. Order follows the BZK letters: government sectors first, then education.</summary>
public static class PublicSectors
{
    public static readonly PublicSector Gemeenten = new("gemeenten", "Gemeenten", SectorGroup.Government, 1);
    public static readonly PublicSector Provincies = new("provincies", "Provincies", SectorGroup.Government, 2);
    public static readonly PublicSector Waterschappen = new("waterschappen", "Waterschappen", SectorGroup.Government, 3);
    public static readonly PublicSector Rijk = new("rijk", "Rijk", SectorGroup.Government, 4);
    public static readonly PublicSector Defensie = new("defensie", "Defensie", SectorGroup.Government, 5);
    public static readonly PublicSector Politie = new("politie", "Politie", SectorGroup.Government, 6);
    public static readonly PublicSector Umc = new("umc", "Universitair medische centra (umc's)", SectorGroup.Government, 7);
    public static readonly PublicSector Po = new("po", "Primair onderwijs", SectorGroup.Education, 8);
    public static readonly PublicSector Vo = new("vo", "Voortgezet onderwijs", SectorGroup.Education, 9);
    public static readonly PublicSector Mbo = new("mbo", "Middelbaar beroepsonderwijs", SectorGroup.Education, 10);
    public static readonly PublicSector Hbo = new("hbo", "Hoger beroepsonderwijs", SectorGroup.Education, 11);
    public static readonly PublicSector Wo = new("wo", "Wetenschappelijk onderwijs (universiteiten)", SectorGroup.Education, 12);
    public static readonly PublicSector Onderzoeksinstellingen = new("onderzoeksinstellingen", "Onderzoeksinstellingen", SectorGroup.Education, 13);

    /// <summary>Primary and secondary education together (<i>funderend onderwijs</i>), as reported before 2022.</summary>
    public static readonly PublicSector Funderend = new("funderend", "Funderend onderwijs (po en vo samen)", SectorGroup.Aggregate, 14);
    /// <summary>All government and education sectors together (<i>de overheid</i>).</summary>
    public static readonly PublicSector Overheid = new("overheid", "Overheids- en onderwijssectoren samen", SectorGroup.Aggregate, 15);

    /// <summary>The thirteen reporting lines, in display order.</summary>
    public static readonly IReadOnlyList<PublicSector> All =
        [Gemeenten, Provincies, Waterschappen, Rijk, Defensie, Politie, Umc, Po, Vo, Mbo, Hbo, Wo, Onderzoeksinstellingen];

    /// <summary>The thirteen lines plus the aggregates a document may report on.</summary>
    public static readonly IReadOnlyList<PublicSector> AllWithAggregates = [.. All, Funderend, Overheid];

    public static PublicSector? Find(string code) =>
        AllWithAggregates.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public static PublicSector Parse(string code) => Find(code)
        ?? throw new FormatException($"onbekende sector '{code}' (kies uit: {string.Join(", ", AllWithAggregates.Select(s => s.Code))})");
}
