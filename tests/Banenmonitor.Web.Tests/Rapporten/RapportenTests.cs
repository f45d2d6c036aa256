using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// Issue 21 in the browser, on its own app (own SQLite file) so its resolutions and publications touch no other test:
/// an analyst resolves the 2023 findings one by one, builds the final report, publishes it; the public downloads the PDF
/// from /rapporten and its annex lists the resolutions; a second publication supersedes the first and both stay
/// downloadable with their hashes.
/// </summary>
public sealed partial class RapportenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Analyst = "analist@demo.banenmonitor.nl";
    private const string Builder = "/rapporten/opstellen?jaar=2023";

    [Fact]
    public async Task An_analyst_resolves_the_2023_findings_builds_and_publishes_the_final_report_and_the_public_downloads_it()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, Analyst);
        await page.GotoAsync(Builder);
        var findings = page.Locator("article.bm-bevinding");
        var count = await findings.CountAsync();
        Assert.True(count >= 5, $"verwacht de inhoudelijke bevindingen over 2023, gevonden {count}");
        Assert.Contains("geblokkeerd", await page.Locator("#status").InnerTextAsync());
        Assert.Equal(0, await page.Locator("button:has-text('Definitief rapport publiceren')").CountAsync());
        Assert.Contains("waterschappen:percentage:realisatiepercentage-tabel", await page.ContentAsync());

        // Publishing is refused on the server too while a finding is open (not only hidden).
        using (var analyst = await app.ClientAsync(Analyst))
        {
            var html = await analyst.GetStringAsync(Builder);
            var res = await analyst.PostAsync("/rapporten/opstellen?handler=Publiceren", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["jaar"] = "2023", ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(html),
            }));
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.Contains("Publiceren kan pas als elke inhoudelijke bevinding", await res.Content.ReadAsStringAsync());
        }

        // A corrected value without a source is refused with a Dutch message, and nothing is stored.
        var first = page.Locator("article.bm-bevinding").First;
        await first.Locator("input[value=gecorrigeerd]").CheckAsync();
        await first.Locator("input[name=Getal]").FillAsync("59,6");
        await first.Locator("textarea[name=Reden]").FillAsync("Zonder bron");
        await AppFixture.SubmitAsync(page, first.Locator("button[type=submit]"));
        Assert.Contains("vraagt de bron", await page.Locator("#fouten").InnerTextAsync());
        await using (var db = app.Db()) Assert.Equal(0, await db.FindingResolutions.CountAsync());

        // One by one: the first open finding each time.
        var reasons = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await page.GotoAsync(Builder);
            var open = page.Locator("article.bm-bevinding:has(.bm-label--fout)").First;
            var reason = $"Reden {i + 1}: de tabel van het document is leidend volgens de bronhouder";
            reasons.Add(reason);
            if (i == 0)
            {
                await open.Locator("input[value=gecorrigeerd]").CheckAsync();
                await open.Locator("input[name=Getal]").FillAsync("59,6");
                await open.Locator("input[name=Bron]").FillAsync("Erratum bij de Kamerbrief, tabel 2");
            }
            else await open.Locator(i % 2 == 0 ? "input[value=herberekend]" : "input[value=gepubliceerd]").CheckAsync();
            await open.Locator("textarea[name=Reden]").FillAsync(reason);
            await AppFixture.SubmitAsync(page, open.Locator("button[type=submit]"));
            Assert.Contains("Bevinding opgelost", await page.Locator(".bm-melding--succes").InnerTextAsync());
            Assert.Equal(count - i - 1, await page.Locator("article.bm-bevinding:has(.bm-label--fout)").CountAsync());
        }
        Assert.Contains("klaar voor een definitief rapport", await page.Locator("#status").InnerTextAsync());

        // The sector page shows the waterschappen finding as resolved.
        await page.GotoAsync("/sectoren/waterschappen");
        Assert.Contains("opgelost", await page.Locator("main").InnerTextAsync());

        // Build the final report (background job with progress), then download its PDF as the analyst.
        await page.GotoAsync(Builder);
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Definitief rapport maken')"));
        await FinishedAsync(page);
        var built = await page.Context.APIRequest.GetAsync(await page.Locator("#klaar a:has-text('PDF')").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, built.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await built.BodyAsync())[..4]));

        // Publish version 1.
        await page.GotoAsync(Builder);
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Definitief rapport publiceren')"));
        await FinishedAsync(page);
        Assert.Contains("versie 1", await page.Locator("#klaar").InnerTextAsync());

        // The home page links to /rapporten; the public downloads the PDF, its hash matches, its annex lists every resolution.
        using var anonymous = await app.ClientAsync(null);
        Assert.Contains("href=\"/rapporten\"", await anonymous.GetStringAsync("/"));
        var v1 = await DownloadAsync(anonymous, 1);
        var text1 = PdfText(v1.Pdf);
        Assert.Contains("Bijlage: opgeloste tegenstrijdigheden", text1);
        foreach (var r in reasons) Assert.Contains(r, Flat(text1));
        Assert.Contains("Erratum bij de Kamerbrief, tabel 2", Flat(text1));
        Assert.DoesNotContain("CONCEPT", text1);
        // The water boards' percentage shows the value that stands (59,6%), marked as resolved with the published 56,6% beside it.
        Assert.Matches(@"59,6% \(opgelost: geldt [a-z ]+waarde; gepubliceerd 56,6%; O\d\)", Flat(text1));
        // The annex explains every computed figure: formula, inputs with sources, rounding.
        Assert.Contains("Bijlage: uitleg van de berekende cijfers", text1);
        Assert.Contains("Formule: realisatie ÷ doel × 100", Flat(text1));
        Assert.Matches(@"U1\. ", text1);
        Assert.Contains("afgerond op 1 decimaal (half van nul af)", Flat(text1));
        // The work-agenda section: per sector the PDCA phase, the score and forecast against realised.
        Assert.Contains("Werkagenda per sector, stand bij 2023", Flat(text1));
        Assert.Contains("Plan: afgeleid uit de brondocumenten", Flat(text1));
        Assert.Contains("Score van de werkagenda per sector", Flat(text1));

        // Resolve one finding again (a new resolution supersedes the old one; the old row is kept) and publish version 2.
        await page.GotoAsync(Builder);
        var again = page.Locator("article.bm-bevinding").First;
        await again.Locator("summary").ClickAsync();
        await again.Locator("input[value=herberekend]").CheckAsync();
        await again.Locator("textarea[name=Reden]").FillAsync("Herzien: de herberekening uit de eigen cijfers van het document geldt");
        await AppFixture.SubmitAsync(page, again.Locator("button[type=submit]"));
        Assert.Contains("vervangen door", await page.Locator("main").InnerTextAsync());
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Definitief rapport publiceren')"));
        await FinishedAsync(page);
        Assert.Contains("versie 2", await page.Locator("#klaar").InnerTextAsync());

        var list = await anonymous.GetStringAsync("/rapporten");
        // The sector page links to the current report its figures appeared in (version 2 now).
        Assert.Contains("2023 (versie 2, PDF)", await anonymous.GetStringAsync("/sectoren/waterschappen"));
        // So does the national page of that year.
        Assert.Contains("2023 (versie 2, PDF)", await anonymous.GetStringAsync("/landelijk?jaar=2023"));
        Assert.Contains("vervangen door versie 2", list);
        var v2 = await DownloadAsync(anonymous, 2);
        var again1 = await DownloadAsync(anonymous, 1);
        Assert.Equal(v1.Hash, again1.Hash); // the first version is unchanged and still downloadable
        Assert.NotEqual(v1.Hash, v2.Hash);
        var text2 = Flat(PdfText(v2.Pdf));
        Assert.Contains("Herzien: de herberekening uit de eigen cijfers van het document geldt", text2);
        Assert.DoesNotContain(reasons[0], text2);
        await using (var db = app.Db())
        {
            Assert.Equal(2, await db.PublishedReports.CountAsync(r => r.Year == 2023));
            Assert.Equal(count + 1, await db.FindingResolutions.CountAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PublishedReport) && a.UserName == Analyst));
            Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(FindingResolution) && a.UserName == Analyst) == count + 1);
        }
    }

    [Fact]
    public async Task A_build_the_server_no_longer_knows_is_reported_as_lost_not_silently_dropped()
    {
        using var analyst = await app.ClientAsync(Analyst);
        var html = await analyst.GetStringAsync($"/rapporten/opstellen?jaar=2023&taak={Guid.NewGuid()}");
        Assert.Contains("Opbouw niet meer beschikbaar", html);
        Assert.Contains("opnieuw gestart", html);
        Assert.Contains("href=\"/rapporten\"", html);
    }

    /// <summary>Downloads the PDF and XLSX of a version from the public list; asserts each file's SHA-256 is the one the page shows.</summary>
    private static async Task<(string Pdf, string Hash)> DownloadAsync(HttpClient client, int version)
    {
        var html = await client.GetStringAsync("/rapporten");
        var row = RowRegex().Matches(html).Select(m => m.Value).Single(r => Regex.IsMatch(r, $@"<td>2023</td>\s*<td>{version}</td>"));
        var files = new Dictionary<string, string>();
        foreach (var format in new[] { "pdf", "xlsx" })
        {
            var href = Regex.Match(row, $"href=\"(/rapporten\\?handler=download(?:&amp;|&)id=\\d+(?:&amp;|&)formaat={format})\"").Groups[1].Value.Replace("&amp;", "&");
            Assert.StartsWith("/rapporten?handler=download&id=", href);
            var shown = Regex.Match(row, $"<code data-hash=\"{format}\">([0-9a-f]{{64}})</code>").Groups[1].Value;
            var res = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var bytes = await res.Content.ReadAsByteArrayAsync();
            Assert.Equal(format == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal(shown, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var path = Path.Combine(Path.GetTempPath(), $"bm-rapport-{Guid.NewGuid():N}.{format}");
            await File.WriteAllBytesAsync(path, bytes);
            files[format] = path;
            files[format + "-hash"] = shown;
        }
        return (files["pdf"], files["pdf-hash"]);
    }

    /// <summary>Waits until the background build is done (the page reloads itself while it runs) and asserts it succeeded.</summary>
    private static async Task FinishedAsync(IPage page)
    {
        await page.Locator("#klaar, #voortgang [role=alert]").First.WaitForAsync(new() { Timeout = 180_000 });
        Assert.True(await page.Locator("#klaar").CountAsync() == 1, await page.Locator("#voortgang").InnerTextAsync());
    }

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    private static string PdfText(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }

    [GeneratedRegex(@"<tr data-versie=""\d+"">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}
