namespace Banenmonitor.Web.Infrastructure;

/// <summary>A public sector that reports yearly (<i>publieke sector</i>).</summary>
public sealed record PublicSector(string Code, string Name, string Group);

public static class PublicSectors
{
    /// <summary>The thirteen reporting lines of the public sectors (seeds 002, 000, 001, 003).</summary>
    public static readonly IReadOnlyList<PublicSector> All =
    [
        new("gemeenten", "Gemeenten", "overheid"),
        new("provincies", "Provincies", "overheid"),
        new("waterschappen", "Waterschappen", "overheid"),
        new("rijk", "Rijk", "overheid"),
        new("defensie", "Defensie", "overheid"),
        new("politie", "Politie", "overheid"),
        new("umc", "Universitair medische centra (umc's)", "overheid"),
        new("po", "Primair onderwijs", "onderwijs"),
        new("vo", "Voortgezet onderwijs", "onderwijs"),
        new("mbo", "Middelbaar beroepsonderwijs (mbo)", "onderwijs"),
        new("hbo", "Hoger beroepsonderwijs (hbo)", "onderwijs"),
        new("wo", "Universiteiten (wo)", "onderwijs"),
        new("onderzoeksinstellingen", "Onderzoeksinstellingen", "onderwijs"),
    ];

    public static PublicSector? Find(string? code) => All.FirstOrDefault(s => s.Code == code);
    public static string NameOf(string code) => Find(code)?.Name ?? code;
}
