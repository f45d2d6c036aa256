using Banenmonitor.Rules.Published;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>The thirteen public reporting lines as the web shows them (the rules core's <see cref="PublicSectors"/>).</summary>
public static class ReportingLines
{
    public static IReadOnlyList<PublicSector> All => PublicSectors.All;

    /// <summary>One of the thirteen lines (not an aggregate), or null.</summary>
    public static PublicSector? Find(string? code) =>
        code is null ? null : PublicSectors.All.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>The platform's sector id of a reporting line (same codes as data/published).</summary>
    public static int? IdOf(string? code) =>
        code is null ? null : PublicSectors.All.FirstOrDefault(s => s.Code == code)?.Id;

    public static string? CodeOf(int? sectorId) =>
        PublicSectors.OfPlatform(sectorId)?.Code;
}
