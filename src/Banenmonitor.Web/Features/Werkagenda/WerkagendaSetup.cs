using System.Security.Claims;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>
/// Wires the work agenda feature onto the platform's <see cref="BanenmonitorDbContext"/>: <see cref="WorkAgendaService"/>,
/// the page queries and the PDF renderer. The agendas derived from the documents are seeded with the rest of the database.
/// </summary>
public static class WerkagendaSetup
{
    public const string EditPolicy = "werkagenda-bewerken";

    public static IServiceCollection AddWerkagenda(this IServiceCollection services)
    {
        services.AddScoped(sp => new WorkAgendaService(sp.GetRequiredService<BanenmonitorDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<WerkagendaQuery>();
        services.AddSingleton(new Banenmonitor.Reports.Rendering.PdfReportRenderer());
        return services;
    }

    /// <summary>Loads the seed-derived agendas when there are none (also into a database that existed before agendas did).</summary>
    public static Task SeedAsync(BanenmonitorDbContext db, CancellationToken ct = default) => WorkAgendaSeed.SeedAsync(db, ct: ct);

    public static string SectorCode(this WorkAgenda a) => a.Sector?.Code ?? PublicSectors.OfPlatform(a.SectorId)!.Code;

    /// <summary>Only the sector's own representative edits its agendas.</summary>
    public static bool MayEdit(this ClaimsPrincipal user, WorkAgenda agenda) => user.MaySubmitForSector(agenda.SectorCode());

    /// <summary>
    /// Signed (vastgesteld or evaluated) agendas are readable by every signed-in user; a concept only by the sector's
    /// own representative and the ministry.
    /// </summary>
    public static bool MayRead(this ClaimsPrincipal user, WorkAgenda agenda) =>
        agenda.Status != WorkAgendaStatus.Concept || user.IsMinistry() || user.MayEdit(agenda);

    public static int? SectorId(this ClaimsPrincipal user) =>
        user.Sector() is { } code ? PublicSectors.OfPlatform(code)?.Id : null;
}
