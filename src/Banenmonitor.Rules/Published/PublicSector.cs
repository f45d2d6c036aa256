namespace Banenmonitor.Rules.Published;

/// <summary>
/// The group of a sector: the government sectors (<i>overheidssectoren</i>) or education (<i>onderwijssectoren</i>) of the
/// thirteen reporting lines, an aggregate of several lines, sheltered employment, or the market.
/// </summary>
public enum SectorGroup { Government, Education, Aggregate, ShelteredEmployment, Market }

/// <summary>
/// A sector: one of the thirteen reporting lines of the public sectors (Bestuursakkoord 2019), an aggregate used by a
/// document that reports for several lines together, sheltered employment, or the market. <see cref="Code"/> is the stable
/// code used in data files, URLs, the CLI and the platform's sector table; <see cref="Name"/> is the Dutch name as the
/// published documents and the web show it.
/// </summary>
public sealed record PublicSector(string Code, string Name, SectorGroup Group, int Order)
{
    /// <summary>Id in the platform's sector table (1–15); null for an aggregate.</summary>
    public int? Id { get; init; }

    /// <summary>The shorter Dutch name stored in the platform's sector table (the same as <see cref="Name"/> for most lines).</summary>
    public string ShortName { get => field ?? Name; init; }

    /// <summary>Sector code of the law (Regeling Wfsv art. 3.27, <see cref="LegalSectorCode"/>); null for the market and aggregates.</summary>
    public int? LegalSectorCode { get; init; }

    /// <summary>Counted with the government in the platform's sector table (every line and sheltered employment; not the market).</summary>
    public bool IsGovernment { get; init; }

    public bool IsAggregate => Group == SectorGroup.Aggregate;
    public override string ToString() => Code;
}

/// <summary>
/// A sector code of the law (Regeling Wfsv art. 3.27), as payroll records and the employers file of the national run carry
/// it. <see cref="IsGovernment"/>: the employers of this code are government employers for the quota (61–66; not 67).
/// </summary>
public sealed record LegalSectorCode(int Code, string Name, bool IsGovernment)
{
    public override string ToString() => Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The one catalogue of sectors: the thirteen reporting lines (order follows the BZK letters: government sectors first,
/// then education), the aggregates, sheltered employment and the market, and the legal sector codes 61–67.
/// The platform's sector table is seeded from <see cref="Platform"/>, the national run's sector lists from
/// <see cref="LegalCodes"/> and <see cref="Market"/>.
/// </summary>
public static class PublicSectors
{
    private static PublicSector Line(int id, string code, string name, SectorGroup group, int legal, string? shortName = null) =>
        new(code, name, group, id) { Id = id, ShortName = shortName!, LegalSectorCode = legal, IsGovernment = true };

    public static readonly PublicSector Gemeenten = Line(1, "gemeenten", "Gemeenten", SectorGroup.Government, 64);
    public static readonly PublicSector Provincies = Line(2, "provincies", "Provincies", SectorGroup.Government, 64);
    public static readonly PublicSector Waterschappen = Line(3, "waterschappen", "Waterschappen", SectorGroup.Government, 64);
    public static readonly PublicSector Rijk = Line(4, "rijk", "Rijk", SectorGroup.Government, 62);
    public static readonly PublicSector Defensie = Line(5, "defensie", "Defensie", SectorGroup.Government, 63);
    public static readonly PublicSector Politie = Line(6, "politie", "Politie", SectorGroup.Government, 62);
    public static readonly PublicSector Umc = Line(7, "umc", "Universitair medische centra (umc's)", SectorGroup.Government, 61, "Universitair medische centra");
    public static readonly PublicSector Po = Line(8, "po", "Primair onderwijs", SectorGroup.Education, 61);
    public static readonly PublicSector Vo = Line(9, "vo", "Voortgezet onderwijs", SectorGroup.Education, 61);
    public static readonly PublicSector Mbo = Line(10, "mbo", "Middelbaar beroepsonderwijs", SectorGroup.Education, 61);
    public static readonly PublicSector Hbo = Line(11, "hbo", "Hoger beroepsonderwijs", SectorGroup.Education, 61);
    public static readonly PublicSector Wo = Line(12, "wo", "Wetenschappelijk onderwijs (universiteiten)", SectorGroup.Education, 61, "Universiteiten");
    public static readonly PublicSector Onderzoeksinstellingen = Line(13, "onderzoeksinstellingen", "Onderzoeksinstellingen", SectorGroup.Education, 61);

    /// <summary>Primary and secondary education together (<i>funderend onderwijs</i>), as reported before 2022.</summary>
    public static readonly PublicSector Funderend = new("funderend", "Funderend onderwijs (po en vo samen)", SectorGroup.Aggregate, 14);
    /// <summary>All government and education sectors together (<i>de overheid</i>).</summary>
    public static readonly PublicSector Overheid = new("overheid", "Overheids- en onderwijssectoren samen", SectorGroup.Aggregate, 15);

    /// <summary>Sheltered employment (sw-bedrijven), legal sector code 67 "Werk en (re)integratie".</summary>
    public static readonly PublicSector ShelteredEmployment = new("werk-en-reintegratie", "Werk en (re)integratie (sw-bedrijven)", SectorGroup.ShelteredEmployment, 16)
        { Id = 14, LegalSectorCode = 67, IsGovernment = true };
    /// <summary>The market (<i>markt</i>): every employer outside the public sectors; also the market's code in the employers file of the national run.</summary>
    public static readonly PublicSector Market = new("markt", "Markt", SectorGroup.Market, 17) { Id = 15 };

    /// <summary>The thirteen reporting lines, in display order.</summary>
    public static readonly IReadOnlyList<PublicSector> All =
        [Gemeenten, Provincies, Waterschappen, Rijk, Defensie, Politie, Umc, Po, Vo, Mbo, Hbo, Wo, Onderzoeksinstellingen];

    /// <summary>The thirteen lines plus the aggregates a document may report on.</summary>
    public static readonly IReadOnlyList<PublicSector> AllWithAggregates = [.. All, Funderend, Overheid];

    /// <summary>The fifteen sectors of the platform's sector table (ids 1–15): the thirteen lines, sheltered employment, the market.</summary>
    public static readonly IReadOnlyList<PublicSector> Platform = [.. All, ShelteredEmployment, Market];

    /// <summary>
    /// The legal sector codes (Regeling Wfsv art. 3.27): 61 onderwijs en wetenschappen; 62 rijk, politie, rechterlijke macht;
    /// 63 defensie; 64 provincies, gemeenten, waterschappen; 65 openbare nutsbedrijven; 66 overige; 67 werk en (re)integratie.
    /// </summary>
    public static readonly IReadOnlyList<LegalSectorCode> LegalCodes =
    [
        new(61, "Onderwijs en wetenschappen", true),
        new(62, "Rijk, politie, rechterlijke macht", true),
        new(63, "Defensie", true),
        new(64, "Provincies, gemeenten, waterschappen", true),
        new(65, "Openbare nutsbedrijven", true),
        new(66, "Overige", true),
        new(67, "Werk en (re)integratie", false),
    ];

    public static PublicSector? Find(string code) =>
        AllWithAggregates.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>One of the fifteen sectors of the platform by its code (exact), or null.</summary>
    public static PublicSector? OfPlatform(string? code) => code is null ? null : Platform.FirstOrDefault(s => s.Code == code);

    /// <summary>One of the fifteen sectors of the platform by its id, or null.</summary>
    public static PublicSector? OfPlatform(int? id) => id is null ? null : Platform.FirstOrDefault(s => s.Id == id);

    public static PublicSector Parse(string code) => Find(code)
        ?? throw new FormatException($"onbekende sector '{code}' (kies uit: {string.Join(", ", AllWithAggregates.Select(s => s.Code))})");
}
