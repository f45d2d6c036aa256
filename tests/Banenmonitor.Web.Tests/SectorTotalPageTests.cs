using System.Net;
using Banenmonitor.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Banenmonitor.Web.Tests;

/// <summary>The real app on a loopback port with a real SQLite file: the sector pages show coverage and the estimate.</summary>
public sealed class SectorTotalPageTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("banenmonitor-schatting-").FullName;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = BanenmonitorApp.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Banenmonitor", $"Data Source={Path.Combine(_dir, "bm.db")}",
            "--Banenmonitor:Demo", "true", "--Logging:LogLevel:Default", "Warning"]);
        await BanenmonitorApp.PrepareAsync(_app);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    private static string Text(string html) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "\\s+", " "));

    [Fact]
    public async Task Hbo_page_shows_coverage_published_sum_and_ratio_estimate_with_its_assumption()
    {
        var html = Text(await _client.GetStringAsync("/sectoren/hbo"));
        Assert.Contains("Sectortotaal 2020", html);
        Assert.Contains("21 van 36 organisaties, 79% van het personeel", html);
        Assert.Contains("408 banen — ondergrens: niet alle werkgevers rapporteerden", html);
        // 408 / 0.79 = 516.46…: the ratio estimate beside the published sum
        Assert.Contains("Schatting (ratioschatting naar omvang)", html);
        Assert.Contains("516 banen", html);
        Assert.Contains("geen interval: cijfers per werkgever ontbreken", html);
        Assert.Contains("Aanname: de niet-rapporterende werkgevers hebben gemiddeld evenveel banen per eenheid omvang", html);
        Assert.Contains("Zonder cijfers per werkgever is geen standaardfout te berekenen", html);
    }

    [Fact]
    public async Task Estimate_page_explains_the_computation_and_checks_against_the_national_measurement()
    {
        var html = Text(await _client.GetStringAsync("/sectoren/hbo/schatting/2020"));
        Assert.Contains("totaal = 408,0 gerapporteerde banen ÷ 79,0% van de omvang (21 van 36 werkgevers) = 516,5", html);
        var y2021 = Text(await _client.GetStringAsync("/sectoren/gemeenten/schatting/2021"));
        Assert.Contains("Controle met de landelijke meting 2021", y2021);
        Assert.Contains("11.842", y2021);
        Assert.Contains("Verschil (landelijk − som sectoren)", y2021);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sectoren/hbo/schatting/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sectoren/bestaatniet/schatting/2020")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
