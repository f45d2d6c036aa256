namespace Banenmonitor.Data.Model;

/// <summary>
/// The fixed list of sectors: the 13 public reporting lines of the Bestuursakkoord 2019 (codes as in data/published),
/// the sheltered-employment sector (legal code 67 "Werk en (re)integratie") and the market.
/// Legal sector codes (Regeling Wfsv 3.27): 61 onderwijs en wetenschappen; 62 rijk, politie, rechterlijke macht;
/// 63 defensie; 64 provincies, gemeenten, waterschappen; 65 openbare nutsbedrijven; 66 overige; 67 werk en (re)integratie.
/// </summary>
public static class SectorCatalog
{
    public const string Market = "markt";
    public const string ShelteredEmployment = "werk-en-reintegratie";

    public static readonly IReadOnlyList<Sector> All =
    [
        new() { Id = 1, Code = "gemeenten", Name = "Gemeenten", LegalSectorCode = 64, IsGovernment = true },
        new() { Id = 2, Code = "provincies", Name = "Provincies", LegalSectorCode = 64, IsGovernment = true },
        new() { Id = 3, Code = "waterschappen", Name = "Waterschappen", LegalSectorCode = 64, IsGovernment = true },
        new() { Id = 4, Code = "rijk", Name = "Rijk", LegalSectorCode = 62, IsGovernment = true },
        new() { Id = 5, Code = "defensie", Name = "Defensie", LegalSectorCode = 63, IsGovernment = true },
        new() { Id = 6, Code = "politie", Name = "Politie", LegalSectorCode = 62, IsGovernment = true },
        new() { Id = 7, Code = "umc", Name = "Universitair medische centra", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 8, Code = "po", Name = "Primair onderwijs", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 9, Code = "vo", Name = "Voortgezet onderwijs", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 10, Code = "mbo", Name = "Middelbaar beroepsonderwijs", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 11, Code = "hbo", Name = "Hoger beroepsonderwijs", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 12, Code = "wo", Name = "Universiteiten", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 13, Code = "onderzoeksinstellingen", Name = "Onderzoeksinstellingen", LegalSectorCode = 61, IsGovernment = true },
        new() { Id = 14, Code = ShelteredEmployment, Name = "Werk en (re)integratie (sw-bedrijven)", LegalSectorCode = 67, IsGovernment = true },
        new() { Id = 15, Code = Market, Name = "Markt", LegalSectorCode = null, IsGovernment = false },
    ];

    /// <summary>The 13 public reporting lines (without sheltered employment and market).</summary>
    public static IEnumerable<Sector> ReportingLines => All.Where(s => s.Id <= 13);
}
