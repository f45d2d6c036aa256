using System.Globalization;
using System.Text;
using System.Text.Json;
using Banenmonitor.Rules.Units;
using Microsoft.Playwright;
using static Banenmonitor.Web.Tests.Axe;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// /enquete (a survey estimate from two uploaded files, in a real Chromium) and /enquete/aanbesteding (the procurement
/// and SROI estimate of the research report). The expected values are R's (survey package) from the Survey tests' fixtures.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EnqueteTests(AppFixture app)
{
    private static string Fixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var c = Path.Combine(dir.FullName, "tests", "Banenmonitor.Survey.Tests", "Fixtures");
            if (Directory.Exists(c)) return c;
        }
        throw new DirectoryNotFoundException("tests/Banenmonitor.Survey.Tests/Fixtures");
    }

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
    private static FilePayload Fixture(string name) => new() { Name = name, MimeType = "text/csv", Buffer = File.ReadAllBytes(Path.Combine(Fixtures(), name)) };

    /// <summary>R's estimate and SE for a case of verwacht.csv (overall, no domain).</summary>
    private static (double Estimate, double Se, double Lower) R(string caseName, string estimator)
    {
        var line = File.ReadAllLines(Path.Combine(Fixtures(), "verwacht.csv"))
            .Single(l => l.StartsWith($"\"{caseName}\",\"{estimator}\"") && l.Contains(",\"\",")).Split(',');
        double V(int i) => double.Parse(line[i].Trim('"'), CultureInfo.InvariantCulture);
        return (V(4), V(5), V(7));
    }

    private const string MeasureWidth = "() => Math.max(document.documentElement.scrollWidth, window.innerWidth)";

    [Fact]
    public async Task Upload_with_post_strata_shows_Rs_estimate_keeps_the_form_and_downloads_the_result()
    {
        var page = await app.PageAsync();
        await page.GotoAsync("/enquete");
        Assert.Equal("page", await page.GetAttributeAsync("a[href='/enquete']", "aria-current")); // in the menu
        // the page's example files are the R fixtures, so what a visitor tries is what R computed
        foreach (var (site, fixture) in new[] { ("voorbeeld-populatie.csv", "populatie_cel.csv"), ("voorbeeld-respons.csv", "respondenten.csv") })
        {
            var sample = await page.APIRequest.GetAsync("/enquete/" + site);
            Assert.Equal(200, sample.Status);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Fixtures(), fixture)), await sample.BodyAsync());
        }
        await page.SetInputFilesAsync("#populatie", Fixture("populatie_cel.csv"));
        await page.SetInputFilesAsync("#respons", Fixture("respondenten.csv"));
        await page.SelectOptionAsync("#schatter", "gemiddelde");
        await page.FillAsync("#teller", "noemer");
        await page.FillAsync("#strata", "stratum");
        await page.FillAsync("#poststrata", "cel");
        await page.FillAsync("#fpcKolom", "N");
        await page.FillAsync("#domein", "regio");
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));

        // stratified with fpc, post-stratified on another variable: R's svymean after postStratify(~cel)
        var r = R("gestratificeerd_fpc_poststratificatie_cel", "gemiddelde");
        var table = await page.InnerTextAsync("#schatting");
        Assert.Contains(DutchFormat.Fixed((decimal)r.Estimate, 4), table);
        Assert.Contains(DutchFormat.Fixed((decimal)r.Se, 4), table);
        Assert.Contains(DutchFormat.Fixed((decimal)r.Lower, 4), table);
        Assert.Equal(4, await page.Locator("#weegcellen tbody tr").CountAsync());
        Assert.Equal(3, await page.Locator("#deelgroepen tbody tr").CountAsync());
        Assert.Contains("poststratificatie", await page.InnerTextAsync("#uitkomst"));
        // the form keeps what was entered, the files included (by name)
        Assert.Equal("noemer", await page.InputValueAsync("#teller"));
        Assert.Equal("cel", await page.InputValueAsync("#poststrata"));
        Assert.Equal("gemiddelde", await page.InputValueAsync("#schatter"));
        Assert.Contains("respondenten.csv", await page.InnerTextAsync("#respons-gekozen"));
        await AssertAccessibleAsync(page);

        // another estimator without choosing the files again: the page sent them back with the form
        await page.SelectOptionAsync("#schatter", "ratio");
        await page.FillAsync("#teller", "teller");
        await page.FillAsync("#noemer", "noemer");
        await page.FillAsync("#strata", "");
        await page.FillAsync("#fpcKolom", "");
        await page.FillAsync("#gewicht", "gewicht");
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        var ratio = R("poststratificatie", "ratio");
        Assert.Contains(DutchFormat.Fixed((decimal)(ratio.Estimate * 100), 2) + "%", await page.InnerTextAsync("#schatting"));
        Assert.Contains(DutchFormat.Fixed((decimal)(ratio.Se * 100), 2) + "%", await page.InnerTextAsync("#schatting"));

        // download: the same estimate with all its decimals (CSV, Dutch) and as a real number in XLSX
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:has-text('Schatting (CSV)')"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("standaardfout", csv);
        Assert.Contains(((decimal)ratio.Se).ToString("0.#########", DutchFormat.Culture)[..10], csv);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:has-text('Weegcellen (XLSX)')"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await xlsx.PathAsync());
        Assert.True(bytes.Length > 100 && bytes[0] == 'P' && bytes[1] == 'K');
    }

    [Fact]
    public async Task Result_fits_a_390_pixel_phone()
    {
        var browser = await app.BrowserAsync();
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "nl-NL", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/enquete");
        await page.SetInputFilesAsync("#populatie", Fixture("populatie_cel.csv"));
        await page.SetInputFilesAsync("#respons", Fixture("respondenten.csv"));
        await page.FillAsync("#teller", "teller");
        await page.FillAsync("#noemer", "noemer");
        await page.FillAsync("#poststrata", "cel");
        await page.FillAsync("#domein", "regio");
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        Assert.Equal(4, await page.Locator("#weegcellen tbody tr").CountAsync());
        Assert.True(await page.EvaluateAsync<int>(MeasureWidth) <= 390);
        await page.GotoAsync("/enquete/aanbesteding");
        Assert.True(await page.EvaluateAsync<int>(MeasureWidth) <= 390);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_file_gives_a_Dutch_error_with_file_row_and_column_and_keeps_the_form()
    {
        var page = await app.PageAsync();
        await page.GotoAsync("/enquete");
        await page.SetInputFilesAsync("#populatie", Csv("populatie.csv", "stratum;aantal\nA;10\nB;20\n"));
        await page.SetInputFilesAsync("#respons", Csv("resp.csv", "stratum;y;x\nA;1;2\nA;twee;3\nB;1;4\nB;2;2\n"));
        await page.FillAsync("#teller", "y");
        await page.FillAsync("#noemer", "x");
        await page.FillAsync("#strata", "stratum");
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        var error = await page.InnerTextAsync("#fouten");
        Assert.Contains("niets berekend", error);
        Assert.Contains("resp.csv, rij 3, kolom 'y': 'twee' is geen getal.", error);
        Assert.Equal(0, await page.Locator("#uitkomst").CountAsync());
        Assert.Equal("y", await page.InputValueAsync("#teller"));
        Assert.Equal("stratum", await page.InputValueAsync("#strata"));
        await AssertAccessibleAsync(page);

        // a number that can mean two things in a decimal-point file is refused, not guessed
        await page.SetInputFilesAsync("#respons", Csv("punt.csv", "stratum,y,x\nA,1.5,2\nA,5.250,3\nB,1,4\nB,2,2\n"));
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        Assert.Contains("punt.csv, rij 3, kolom 'y': '5.250' kan 5250 of 5,25 betekenen", await page.InnerTextAsync("#fouten"));

        // a stratum of the responses that the population lacks: named with its row
        await page.SetInputFilesAsync("#respons", Csv("resp2.csv", "stratum;y;x\nA;1;2\nA;2;3\nC;1;4\nC;2;2\n"));
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        Assert.Contains("resp2.csv, rij 4", await page.InnerTextAsync("#fouten"));
        Assert.Contains("'C' komt niet voor in populatie.csv", await page.InnerTextAsync("#fouten"));

        // not a spreadsheet at all
        await page.SetInputFilesAsync("#respons", new FilePayload { Name = "kapot.xlsx", MimeType = "application/octet-stream", Buffer = [0x50, 0x4B, 3, 4, 0, 0, 1, 2] });
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        Assert.Contains("kapot.xlsx", await page.InnerTextAsync("#fouten"));
    }

    [Fact]
    public async Task An_xlsx_response_file_is_read_with_its_number_cells()
    {
        // a real XLSX written by MiniExcel (the site's own sheet writer) with the fixture's respondents
        var resp = File.ReadAllLines(Path.Combine(Fixtures(), "respondenten.csv"));
        var header = resp[0].Split(';').Select(h => h.Trim('"')).ToArray();
        var rows = resp.Skip(1).Select(l =>
        {
            var cells = l.Split(';');
            IDictionary<string, object?> d = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++)
                d[header[i]] = decimal.TryParse(cells[i], NumberStyles.Number, DutchFormat.Culture, out var v) ? v : cells[i].Trim('"');
            return d;
        }).ToList();
        using var ms = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(ms, rows);
        var page = await app.PageAsync();
        await page.GotoAsync("/enquete");
        await page.SetInputFilesAsync("#populatie", Fixture("populatie_cel.csv"));
        await page.SetInputFilesAsync("#respons", new FilePayload { Name = "respondenten.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = ms.ToArray() });
        await page.SelectOptionAsync("#schatter", "totaal");
        await page.FillAsync("#teller", "teller");
        await page.FillAsync("#gewicht", "gewicht");
        await page.FillAsync("#poststrata", "cel");
        await AppFixture.SubmitAsync(page, page.Locator("#schatten"));
        var r = R("poststratificatie", "totaal");
        Assert.Contains(DutchFormat.Fixed((decimal)r.Estimate, 1), await page.InnerTextAsync("#schatting"));
        Assert.Contains(DutchFormat.Fixed((decimal)r.Se, 1), await page.InnerTextAsync("#schatting"));
    }

    [Fact]
    public async Task Procurement_page_shows_the_chain_its_contradiction_and_the_national_figures()
    {
        var page = await app.PageAsync();
        var response = await page.GotoAsync("/enquete/aanbesteding");
        Assert.Equal(200, response!.Status);
        var text = await page.InnerTextAsync("main");
        Assert.Contains("Kamerstuk 34 352, nr. 279", text);              // the report by its title and number
        Assert.Contains("De implementatie van de Wet banenafspraak bij de overheid", text);
        Assert.DoesNotContain("seed", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("14.723 tot 17.178 banen", await page.InnerTextAsync("#gedrukt"));
        var contradiction = await page.InnerTextAsync("#tegenstrijdigheid");
        Assert.Contains("34.694", contradiction);
        Assert.Equal(1, await page.Locator("#keten .bm-label--fout").CountAsync());
        // the government's jobs without and with the estimate: 11.842 at the end of 2021 (Kamerstuk 34 352, nr. 255)
        var national = await page.InnerTextAsync("#landelijk-2021");
        Assert.Contains("11.842", national);
        Assert.Contains(DutchFormat.Number(11842 + 14723, 0), national);
        Assert.Contains("20.000", national);
        Assert.Equal(21, await page.Locator("#gewichten tbody tr").CountAsync());
        // a GET page: its tables download like every other table
        Assert.True(await page.Locator(".bm-tabel__download").CountAsync() >= 3);
        await AssertAccessibleAsync(page);
    }
}
