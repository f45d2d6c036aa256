using System.Net;
using System.Text.RegularExpressions;
using Banenmonitor.Web;
using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Data.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Microsoft.Extensions.Logging;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Web.Tests;

/// <summary>The real application on Kestrel on a random loopback port, with a real SQLite file, and a real Chromium.</summary>
public sealed partial class AppFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("banenmonitor-web-").FullName;
    public WebApplication App { get; private set; } = null!;
    /// <summary>The pseudonymisation key of the test application (configuration, as in production; never a real key).</summary>
    public const string TestPseudonymKey = "web-test-sleutel-alleen-voor-de-tests";
    /// <summary>Every log line of the test application (Debug and up).</summary>
    public CapturedLogs Logs { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public string ConnectionString => $"Data Source={Path.Combine(_dir, "banenmonitor.db")}";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        App = BanenmonitorApp.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Banenmonitor", ConnectionString, "--Banenmonitor:Demo", "true",
            "--Logging:LogLevel:Default", "Warning", "--Banenmonitor:PseudoniemSleutel", TestPseudonymKey],
            b =>
            {
                b.Logging.AddProvider(Logs);
                b.Logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
            });
        await BanenmonitorApp.PrepareAsync(App);
        await App.StartAsync();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A fresh page in its own context: JavaScript on (axe-core needs it), Dutch locale.</summary>
    public async Task<IPage> PageAsync()
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = BaseUrl, JavaScriptEnabled = true, Locale = "nl-NL" });
        return await context.NewPageAsync();
    }

    /// <summary>System Chromium, launched once and shared (never downloads a browser).</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null) return _browser;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BANENMONITOR_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return _browser;
    }

    public BanenmonitorDbContext Db() => BanenmonitorDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString));

    /// <summary>An HTTP client without redirects, logged in as <paramref name="user"/> (or anonymous when null).</summary>
    public async Task<HttpClient> ClientAsync(string? user, string? password = null)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        if (user is null) return client;
        password ??= DatabaseSeeder.DemoAccounts.Single(a => a.UserName == user).Password;
        var page = await client.GetStringAsync("/account/inloggen");
        var token = AntiforgeryToken(page);
        var res = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = user, ["Wachtwoord"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (res.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Inloggen als {user} mislukt: {(int)res.StatusCode}");
        return client;
    }

    /// <summary>
    /// A sector representative account of a test's own (<paramref name="userName"/>, created once), so tests that lock
    /// out or change demo accounts do not interfere; returns its user name.
    /// </summary>
    public async Task<string> SectorRepresentativeAsync(string userName, string sector, string password)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var u = new AppUser { UserName = userName, Email = userName, DisplayName = $"Test {sector}", SectorId = PublicSectors.OfPlatform(sector)!.Id!.Value, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(u, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(u, Roles.SectorRepresentative)).Succeeded);
        }
        return userName;
    }

    /// <summary>Logs a browser page in through the login form, as a demo account or with <paramref name="password"/>.</summary>
    public static async Task LoginAsync(IPage page, string user, string? password = null)
    {
        await page.GotoAsync("/account/inloggen");
        await page.FillAsync("#gebruikersnaam", user);
        await page.FillAsync("#wachtwoord", password ?? DatabaseSeeder.DemoAccounts.Single(a => a.UserName == user).Password);
        await page.ClickAsync("form.bm-formulier button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/inloggen"));
    }

    /// <summary>Clicks a submit button and waits until the resulting page (after any redirect) has loaded.</summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.__bmOudePagina = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__bmOudePagina === undefined && document.readyState === 'complete'");
    }

    public static string AntiforgeryToken(string html) => TokenRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
