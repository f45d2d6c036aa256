using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Aanleveren;

public sealed record AanleveringJson(int Id, string Soort, string Onderwerp, int Jaar, string Status, string? IngediendDoor);

/// <summary><c>/api/aanleveringen</c>: drafts and submitted reports, the review queue of the ministry.</summary>
public static class AanleverenApi
{
    public static void MapAanleverenApi(this ApiGroups api) =>
        api.SignedIn.MapGet("/aanleveringen", async (BanenmonitorDbContext db, CancellationToken ct) =>
        {
            var s = await db.SectorReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Draft).ToListAsync(ct);
            var w = await db.EmployerReports.AsNoTracking().Include(r => r.Employer).Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Draft).ToListAsync(ct);
            return s.Select(r => new AanleveringJson(r.Id, "sector", ReportingLines.CodeOf(r.SectorId) ?? "", r.Year, r.Status.Dutch(), r.SubmittedBy))
                .Concat(w.Select(r => new AanleveringJson(r.Id, "werkgever", r.Employer!.PayrollTaxNumber, r.Year, r.Status.Dutch(), r.SubmittedBy))).ToList();
        }).RequireAuthorization(Policies.Ministry).WithName("aanleveringen").WithSummary("Concepten en ingediende aanleveringen (ministerie)");
}
