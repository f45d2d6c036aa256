using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Every endpoint × every role against the table below. Endpoints are enumerated from the endpoint data source, so a
/// new endpoint without a table entry fails this test.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(AppFixture app)
{
    private const string Anonymous = "anoniem";
    private static readonly Dictionary<string, string?> Actors = new()
    {
        [Anonymous] = null,
        ["publiek"] = "publiek@demo.banenmonitor.nl",
        ["werkgever"] = "werkgever@demo.banenmonitor.nl",
        ["sectorvertegenwoordiger"] = "gemeenten@demo.banenmonitor.nl",
        ["analist"] = "analist@demo.banenmonitor.nl",
        ["beheerder"] = "beheerder@demo.banenmonitor.nl",
    };

    private static readonly string[] All = [.. Actors.Keys];
    private static readonly string[] SignedIn = [.. Actors.Keys.Where(a => a != Anonymous)];
    private static readonly string[] Ministry = ["analist", "beheerder"];
    private static readonly string[] Admin = ["beheerder"];
    private static readonly string[] Submitters = ["werkgever", "sectorvertegenwoordiger"];

    /// <summary>The authorisation table: method + route pattern → who is allowed. Everyone else must be denied.</summary>
    private static readonly Dictionary<string, string[]> Table = new()
    {
        ["GET "] = All,
        ["GET landelijk"] = All,
        ["GET sectoren"] = All,
        ["GET sectoren/{code}"] = All,
        ["GET sectoren/{code}/schatting/{jaar:int}"] = All,
        // A sector's employers and register: its own representative (gemeenten@demo for the sample) and the ministry.
        ["GET sectoren/{code}/werkgevers"] = ["sectorvertegenwoordiger", "analist", "beheerder"],
        ["GET api/sectoren/{code}/schatting/{jaar:int}"] = All, // open data, like the page
        ["GET werkgevers/quotum"] = All,
        ["GET vergelijken"] = All,
        ["GET prognose"] = All, // forecasts of the published series; work-agenda concepts only for the own sector and the ministry
        ["GET vergelijken/sectoren"] = All,
        ["GET enquete"] = All, // open to researchers without an account; nothing is stored
        ["GET enquete/aanbesteding"] = All,
        ["GET rapporten"] = All, // the published reports are public
        ["GET rapporten/opstellen"] = Ministry, // the report builder: analysts (and the administrator)
        ["GET werkgevers/mijn"] = ["werkgever"],
        ["GET werkgevers/doelgroep"] = ["werkgever"], // the target-group check: the employer's HR only
        ["GET werkgevers/plan"] = ["werkgever"], // the multi-year plan and the levy decision: the employer's HR only
        ["GET werkgevers/plan/termijnen.ics"] = ["werkgever"], // the deadlines of the plan years as iCalendar
        ["GET werkgevers/{id:int}/termijnen.ics"] = ["werkgever", "analist", "beheerder"], // an employer's deadlines: itself and the ministry
        // What-ifs: analysts (and the administrator). A saved scenario opens for its author and, when shared, for the others;
        // the sample is the shared demo scenario (ScenarioTests: not shared → not found for another analyst).
        ["GET scenarios"] = Ministry,
        ["GET scenarios/{id}"] = Ministry,
        ["GET api/scenarios/{id}"] = Ministry, // the same comparison as JSON (as `scenario bereken --id … --format json`)
        ["GET sroi"] = ["sectorvertegenwoordiger", "analist", "beheerder"], // SROI placements: the sector and the ministry
        ["GET aanleveren"] = Submitters,
        ["GET aanleveren/beoordelen"] = Ministry,
        ["GET beheer/parameters"] = Admin,
        ["GET beheer/gebruikers"] = Admin,
        ["GET beheer/audit"] = Ministry, // the analyst reads the audit trail of what it reviews
        ["GET beheer/inlezen"] = Ministry, // reading in employers, payroll, registrations and attributions: the ministry (analyst and administrator)
        ["GET beheer/berekenen"] = Ministry, // starting the national run on the stored payroll (as landelijk --database): the ministry
        ["GET account/inloggen"] = All,
        ["GET account/uitloggen"] = SignedIn,
        ["GET account/geweigerd"] = All,
        ["GET fout"] = All,
        ["GET api/landelijk"] = All,
        ["GET api/landelijk/{jaar:int}"] = All,
        ["GET api/sectoren"] = All,
        ["GET api/sectoren/{code}"] = All,
        ["GET api/parameters"] = All,
        ["POST api/quotum"] = All,
        // Employer 1 belongs to werkgever@demo; werkgever2@demo (employer 2) is checked in the scope test.
        ["GET api/werkgevers/{id:int}"] = ["werkgever", "analist", "beheerder"],
        ["POST api/werkgevers/{id:int}/berekeningen"] = ["werkgever", "analist", "beheerder"], // recording: an explicit POST, never a GET
        ["GET api/aanleveringen"] = Ministry,
        ["POST api/tokens"] = SignedIn,
        ["GET openapi/{documentName}.json"] = All,
        // Work agendas: agenda 1 is the gemeenten concept (seed); concepts only for the own sector and the ministry.
        ["GET werkagenda"] = SignedIn,
        ["GET werkagenda/{id:int}"] = ["sectorvertegenwoordiger", "analist", "beheerder"],
        ["GET werkagenda/{id:int}/document"] = ["sectorvertegenwoordiger", "analist", "beheerder"],
        // A Razor page is one endpoint for GET and POST (handlers); the same policy guards both. Cross-sector edits: WerkagendaTests.
        ["GET werkagenda/nieuw"] = ["sectorvertegenwoordiger"],
        ["GET werkagenda/{id:int}/bewerken"] = ["sectorvertegenwoordiger"],
    };

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["{code}"] = "gemeenten", ["{jaar:int}"] = "2021", ["{id:int}"] = "1", ["{documentName}"] = "v1", ["{id}"] = Banenmonitor.Data.Scenarios.ScenarioStore.DemoId,
    };

    private IReadOnlyList<string> Endpoints()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (e.RoutePattern.RawText ?? "").Trim('/');
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var m in methods) keys.Add($"{m} {pattern}");
        }
        return keys.ToList();
    }

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_table()
    {
        var missing = Endpoints().Where(e => !Table.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "Eindpunten zonder regel in de autorisatietabel: " + string.Join(", ", missing));
        var stale = Table.Keys.Where(k => !Endpoints().Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Regels zonder eindpunt: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_endpoint_allows_and_denies_each_role_as_the_table_says()
    {
        var failures = new List<string>();
        foreach (var (actor, user) in Actors)
        {
            using var client = await app.ClientAsync(user);
            foreach (var key in Endpoints())
            {
                var method = key[..key.IndexOf(' ')];
                var path = "/" + key[(key.IndexOf(' ') + 1)..];
                foreach (var (k, v) in Samples) path = path.Replace(k, v);
                using var req = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST") req.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var res = await client.SendAsync(req);
                var location = res.Headers.Location?.ToString() ?? "";
                var denied = res.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                             || (res.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/inloggen") || location.Contains("/account/geweigerd")));
                var expectedAllowed = Table.TryGetValue(key, out var allowed) && allowed.Contains(actor);
                if ((int)res.StatusCode >= 500 && key != "GET fout") failures.Add($"{actor} {key}: serverfout {(int)res.StatusCode}");
                else if (expectedAllowed == denied) failures.Add($"{actor} {key}: verwacht {(expectedAllowed ? "toegestaan" : "geweigerd")}, kreeg {(int)res.StatusCode} {location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_employer_cannot_see_another_employer_and_a_token_works_like_the_cookie()
    {
        using var other = await app.ClientAsync("werkgever2@demo.banenmonitor.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/werkgevers/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/werkgevers/2")).StatusCode);

        // An API token acts with the scope of its owner, without a cookie.
        using var mint = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        mint.Headers.Add("RequestVerificationToken", AppFixture.AntiforgeryToken(await other.GetStringAsync("/"))); // a cookie call needs it
        var tokenJson = await (await other.SendAsync(mint)).Content.ReadAsStringAsync();
        var token = System.Text.Json.JsonDocument.Parse(tokenJson).RootElement.GetProperty("token").GetString();
        using var bare = await app.ClientAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/api/werkgevers/2")).StatusCode);
        bare.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bare.GetAsync("/api/werkgevers/2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bare.GetAsync("/api/werkgevers/1")).StatusCode);
        bare.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bm_onjuist");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/api/werkgevers/2")).StatusCode);
    }

    [Fact]
    public async Task Pages_send_security_headers_and_lockout_blocks_after_five_failures()
    {
        using var client = await app.ClientAsync(null);
        var res = await client.GetAsync("/");
        Assert.Contains("default-src 'self'", res.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", res.Headers.GetValues("X-Frame-Options").Single());

        // A form post without the anti-forgery token is refused.
        var noToken = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["Gebruikersnaam"] = "x@y.nl", ["Wachtwoord"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        const string user = "rijk@demo.banenmonitor.nl";
        for (var i = 0; i < 5; i++)
        {
            var page = await client.GetStringAsync("/account/inloggen");
            await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["Gebruikersnaam"] = user, ["Wachtwoord"] = "fout-wachtwoord", ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(page) }));
        }
        var last = await client.GetStringAsync("/account/inloggen");
        var locked = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Gebruikersnaam"] = user, ["Wachtwoord"] = "Demo-Sector-2024!", ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(last) }));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // stays on the login page, not redirected
        Assert.Contains("geblokkeerd", await locked.Content.ReadAsStringAsync());
    }
}
