using System.Security.Claims;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.WorkAgendas;
using Banenmonitor.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Features.Werkagenda;

/// <summary>
/// Wires the work agenda feature: the Data project's <see cref="BanenmonitorDbContext"/> (with its migrations) and
/// <see cref="WorkAgendaService"/>. Until the web app itself moves onto that context, its database is configured with
/// <c>ConnectionStrings:BanenmonitorGegevens</c> (and <c>Banenmonitor:Database:Provider</c> for PostgreSQL); without it,
/// a SQLite file next to the web database (<c>…-gegevens.db</c>).
/// </summary>
public static class WerkagendaSetup
{
    public const string EditPolicy = "werkagenda-bewerken";

    public static IServiceCollection AddWerkagenda(this IServiceCollection services, IConfiguration config)
    {
        var settings = Settings(config);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
            services.AddDbContext<BanenmonitorDbContext, SqliteBanenmonitorDbContext>(o => o.UseSqlite(settings.ConnectionString));
        else
            services.AddDbContext<BanenmonitorDbContext, PostgresBanenmonitorDbContext>(o => o.UseNpgsql(settings.ConnectionString));
        services.AddScoped(sp => new WorkAgendaService(sp.GetRequiredService<BanenmonitorDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<WerkagendaQuery>();
        services.AddSingleton(new Banenmonitor.Reports.Rendering.PdfReportRenderer());
        return services;
    }

    public static DatabaseSettings Settings(IConfiguration config)
    {
        if (config.GetConnectionString("BanenmonitorGegevens") is { Length: > 0 } cs)
            return DatabaseSettings.Create(config["Banenmonitor:Database:Provider"], cs);
        var web = new SqliteConnectionStringBuilder(config.GetConnectionString("Banenmonitor") ?? "Data Source=banenmonitor.db");
        var file = web.DataSource;
        var dataFile = Path.Combine(Path.GetDirectoryName(file) ?? "", Path.GetFileNameWithoutExtension(file) + "-gegevens.db");
        return new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = dataFile }.ToString());
    }

    /// <summary>Migrates the data database and loads the seed-derived agendas when there are none.</summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
        await db.Database.MigrateAsync();
        await WorkAgendaSeed.SeedAsync(db);
    }

    public static string SectorCode(this WorkAgenda a) => a.Sector?.Code ?? SectorCatalog.All.First(s => s.Id == a.SectorId).Code;

    /// <summary>Only the sector's own representative edits its agendas.</summary>
    public static bool MayEdit(this ClaimsPrincipal user, WorkAgenda agenda) => user.MaySubmitForSector(agenda.SectorCode());

    /// <summary>
    /// Signed (vastgesteld or evaluated) agendas are readable by every signed-in user; a concept only by the sector's
    /// own representative and the ministry.
    /// </summary>
    public static bool MayRead(this ClaimsPrincipal user, WorkAgenda agenda) =>
        agenda.Status != WorkAgendaStatus.Concept || user.IsMinistry() || user.MayEdit(agenda);

    public static int? SectorId(this ClaimsPrincipal user) =>
        user.Sector() is { } code ? SectorCatalog.All.FirstOrDefault(s => s.Code == code)?.Id : null;
}
