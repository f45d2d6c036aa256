using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Reviews;
using Banenmonitor.Data.Seeding;
using Banenmonitor.Web.Api;
using Banenmonitor.Web.Features.Werkagenda;
using Banenmonitor.Web.Features.Werkgevers;
using Banenmonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Banenmonitor.Web;

/// <summary>Builds the web application; used by Program and by the tests (which start it on a loopback port).</summary>
public static class BanenmonitorApp
{
    public const string AuthScheme = "Banenmonitor";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(BanenmonitorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);
        var config = builder.Configuration;
        // One database for everything: the data platform's context (SQLite by default, PostgreSQL when configured),
        // with its migrations, imports, audit trail and Identity tables.
        var settings = DatabaseSettings.From(key => config[key]);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBanenmonitorData(settings, Banenmonitor.Data.Privacy.PseudonymKey.FromEnvironment(key => config[key]));
        builder.Services.AddScoped<Banenmonitor.Data.Privacy.TargetGroupCheck>();
        builder.Services.AddDoelgroepRateLimit(config);
        builder.Services.AddSingleton(ReviewSettings.From(key => config[key]));
        builder.Services.AddScoped<ReportReview>();
        builder.Services.AddSingleton<ParameterProvider>();
        builder.Services.AddScoped<SectorFigures>();
        builder.Services.AddSingleton<SectorChecks>();
        builder.Services.AddWerkagenda();
        builder.Services.AddSingleton<Features.Sectoren.SectorEstimates>();
        builder.Services.AddScoped<Features.Rapporten.ReportWorkshop>();
        builder.Services.AddSingleton<Features.Rapporten.ReportJobs>();
        builder.Services.AddSingleton(Features.Beheer.DataImportSettings.From(config));
        builder.Services.AddSingleton<Features.Beheer.DataImports>();
        builder.Services.AddSingleton<Features.Landelijk.NationalRunJobs>();

        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BanenmonitorDbContext>()
            .AddClaimsPrincipalFactory<ScopedClaimsFactory>()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/inloggen";
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/account/geweigerd";
            o.Cookie.Name = "banenmonitor";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthScheme;
                // AddIdentity sets DefaultAuthenticateScheme to the cookie; the policy scheme must win so a Bearer token is read.
                o.DefaultAuthenticateScheme = AuthScheme;
                o.DefaultChallengeScheme = AuthScheme;
                o.DefaultForbidScheme = AuthScheme;
            })
            .AddPolicyScheme(AuthScheme, "Cookie of API-token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Ministry, p => p.RequireRole(Roles.Analyst, Roles.Administrator))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Submitting, p => p.RequireRole(Roles.SectorRepresentative, Roles.Employer))
            .AddPolicy(Policies.Employer, p => p.RequireRole(Roles.Employer))
            .AddPolicy(Policies.SroiReaders, p => p.RequireRole(Roles.Analyst, Roles.Administrator, Roles.SectorRepresentative))
            .AddPolicy(Policies.SectorRegister, p => p.RequireRole(Roles.Analyst, Roles.Administrator, Roles.SectorRepresentative))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(WerkagendaSetup.EditPolicy, p => p.RequireRole(Roles.SectorRepresentative));

        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AddPageRoute("/Landelijk/Index", "");
            // The ministry (analyst too) reads the audit trail; every other Beheer page is the administrator's (both policies apply).
            o.Conventions.AuthorizeFolder("/Beheer", Policies.Ministry);
            o.Conventions.AuthorizePage("/Beheer/Parameters", Policies.Administration);
            o.Conventions.AuthorizePage("/Beheer/Gebruikers", Policies.Administration);
            o.Conventions.AuthorizePage("/Aanleveren/Index", Policies.Submitting);
            o.Conventions.AuthorizePage("/Aanleveren/Beoordelen", Policies.Ministry);
            o.Conventions.AuthorizePage("/Rapporten/Opstellen", Policies.Ministry);
            o.Conventions.AuthorizePage("/Werkgevers/Mijn", Policies.Employer);
            o.Conventions.AuthorizePage("/Werkgevers/Doelgroep", Policies.Employer);
            o.Conventions.AuthorizePage("/Werkgevers/Plan", Policies.Employer);
            o.Conventions.AuthorizeFolder("/Sroi", Policies.SroiReaders);
            o.Conventions.AuthorizeFolder("/Scenarios", Policies.Ministry);
            o.Conventions.AuthorizePage("/Sectoren/Werkgevers", Policies.SectorRegister);
            o.Conventions.AuthorizePage("/Account/Uitloggen", Policies.SignedIn);
            o.Conventions.AuthorizeFolder("/Werkagenda", Policies.SignedIn);
            o.Conventions.AuthorizePage("/Werkagenda/Nieuw", WerkagendaSetup.EditPolicy);
            o.Conventions.AuthorizePage("/Werkagenda/Bewerken", WerkagendaSetup.EditPolicy);
        });
        builder.Services.AddAntiforgery(o => { o.Cookie.Name = "banenmonitor-af"; o.Cookie.SameSite = SameSiteMode.Strict; o.HeaderName = ApiEndpoints.AntiforgeryHeader; });
        builder.Services.AddHttpContextAccessor(); // the table tag helper numbers the tables of a response
        // A body or parameter the API cannot read throws, so ApiErrors answers it in JSON with the position.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Banenmonitor API";
            doc.Info.Description = "De cijfers van de banenafspraak als JSON (Nederlandse veldnamen). Open data: de landelijke cijfers, de sectoren, " +
                                   "de parameters en POST /api/quotum (rekent zoals de openbare quotumcalculator en bewaart niets) vragen geen inlog. " +
                                   "Werkgeverscijfers, aanleveringen en tokens vragen een cookie of API-token (Authorization: Bearer …); " +
                                   "een POST met de inlogcookie vraagt ook het anti-forgery-token in de header RequestVerificationToken. " +
                                   "Fouten zijn JSON: {\"melding\": \"…\", \"velden\": {…}}.";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        var nl = new CultureInfo("nl-NL");
        app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(nl), SupportedCultures = [nl], SupportedUICultures = [nl] });
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout", "?code={0}");
        app.UseWhen(ApiErrors.IsApi, api => api.UseApiErrors()); // under /api an exception or a bare 401/404/… is JSON, not the HTML page
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.Use(OversizeUploads.Middleware);
        app.Use(TableDownloads.Middleware);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapBanenmonitorApi();
        app.MapWerkgeversFeeds(); // the employer's deadlines as iCalendar (Features/Werkgevers/DeadlineFeed.cs)
        return app;
    }

    /// <summary>
    /// Creates or migrates the database and, when it is empty, loads the published figures and the work agendas derived
    /// from the documents; in demo mode also the demo employers and the demo accounts (listed on the login page).
    /// </summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
        await RefuseUnversionedDatabaseAsync(db);
        await db.Database.MigrateAsync();
        var seeder = new DatabaseSeeder(db, new PublishedFiguresSource(PublishedSources.Figures));
        await seeder.SeedAsync(new SeedOptions
        {
            Demo = app.Configuration.GetValue("Banenmonitor:Demo", true),
            DemoPassword = app.Configuration["Banenmonitor:DemoWachtwoord"],
        });
        await WerkagendaSetup.SeedAsync(db);
    }

    /// <summary>
    /// A SQLite file made by an early version of the web app (its own schema, created without migrations) cannot be
    /// migrated: say so instead of failing on "table already exists".
    /// </summary>
    private static async Task RefuseUnversionedDatabaseAsync(BanenmonitorDbContext db)
    {
        if (!db.Database.IsSqlite()) return;
        var connection = db.Database.GetDbConnection();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        if (!File.Exists(file) || new FileInfo(file).Length == 0) return; // a new database: nothing to refuse, and don't create the file here
        await connection.OpenAsync();
        try
        {
            await using var cmd = connection.CreateCommand();
            bool hasUsers = false, hasHistory = false;
            cmd.CommandText = "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'), " +
                              "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory')";
            await using var reader = await cmd.ExecuteReaderAsync();
            if (await reader.ReadAsync()) (hasUsers, hasHistory) = (reader.GetInt64(0) > 0, reader.GetInt64(1) > 0);
            if (hasUsers && !hasHistory)
                throw new InvalidOperationException($"De database {connection.DataSource} is gemaakt door een oudere versie van Banenmonitor zonder migraties " +
                                                    "en kan niet worden bijgewerkt. Verwijder het bestand (de gepubliceerde cijfers worden bij de start opnieuw geladen) " +
                                                    "of kies een ander bestand met --ConnectionStrings:Banenmonitor.");
        }
        finally { await connection.CloseAsync(); }
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task SecurityHeaders(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
                                  "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}

public static class Policies
{
    public const string Ministry = "ministerie";
    public const string Administration = "beheer";
    public const string Submitting = "aanleveren";
    public const string Employer = "werkgever";
    public const string SignedIn = "ingelogd";
    /// <summary>The SROI page: the analyst (and administrator) for every sector, a sector representative for its own.</summary>
    public const string SroiReaders = "sroi";
    /// <summary>A sector's employers and its register (<c>/sectoren/{code}/werkgevers</c>): its own representative and the ministry; the page checks the sector.</summary>
    public const string SectorRegister = "sectorregister";
}

/// <summary>Adds the user's scope (sector or employer) as claims.</summary>
public sealed class ScopedClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        if (ReportingLines.CodeOf(user.SectorId) is { } sector) id.AddClaim(new Claim(Scope.SectorClaim, sector));
        if (user.EmployerId is { } e) id.AddClaim(new Claim(Scope.EmployerClaim, e.ToString(CultureInfo.InvariantCulture)));
        id.AddClaim(new Claim("bm:naam", user.DisplayName ?? user.UserName ?? ""));
        return id;
    }
}

/// <summary>Dutch messages for password and account errors.</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet minstens {length} tekens lang zijn." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Het wachtwoord moet een cijfer bevatten." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Het wachtwoord moet een kleine letter bevatten." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Het wachtwoord moet een hoofdletter bevatten." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Het wachtwoord moet een leesteken of symbool bevatten." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"De gebruikersnaam '{userName}' bestaat al." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Het e-mailadres '{email}' is al in gebruik." };
}
