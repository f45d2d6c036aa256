using System.Globalization;
using System.Security.Claims;
using Banenmonitor.Data.Model;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>Scope checks shared by pages and API: who may see or change which sector and employer.</summary>
public static class Scope
{
    public const string SectorClaim = "bm:sector";
    public const string EmployerClaim = "bm:werkgever";

    public static string? Sector(this ClaimsPrincipal u) => u.FindFirstValue(SectorClaim);
    public static int? EmployerId(this ClaimsPrincipal u) =>
        int.TryParse(u.FindFirstValue(EmployerClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsMinistry(this ClaimsPrincipal u) => u.IsInRole(Roles.Analyst) || u.IsInRole(Roles.Administrator);

    /// <summary>May the user submit a report for this sector? Only its own representative.</summary>
    public static bool MaySubmitForSector(this ClaimsPrincipal u, string sector) =>
        u.IsInRole(Roles.SectorRepresentative) && u.Sector() == sector;

    /// <summary>May the user see this employer's figures? The employer itself and the ministry.</summary>
    public static bool MaySeeEmployer(this ClaimsPrincipal u, int employerId) =>
        u.IsMinistry() || (u.IsInRole(Roles.Employer) && u.EmployerId() == employerId);
}
