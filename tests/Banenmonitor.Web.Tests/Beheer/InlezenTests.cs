using System.Net;
using System.Text;
using System.Text.Json;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Banenmonitor.Web.Tests;

/// <summary>
/// "Gegevens inlezen" (<c>/beheer/inlezen</c>): upload → check (as <c>import --controleren</c>) → confirm → written, in
/// real Chromium with real files; a file with errors names file, row and column and writes nothing; every input a user
/// can type answers with the page; citizen numbers never reach a log line or the page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InlezenTests(AppFixture app)
{
    private const string Analyst = "analist@demo.banenmonitor.nl";

    private const string Employers = """
        loonheffingennummer;naam;sector;grootteklasse;uitlener;gemeente
        930000001L01;Gemeente Inleesdorp;gemeenten;groot;geen;Assen
        930000002L01;Bakkerij Inlees B.V.;markt;klein;geen;'s-gravenhage
        930000003L01;Schoonmaak Inlees B.V.;markt;middel;geen;

        """;

    private static string File(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("banenmonitor-inlezen-test-").FullName, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Nine-digit numbers that pass the eleven-test, from <paramref name="start"/>.</summary>
    private static IEnumerable<string> Bsns(int start)
    {
        for (var n = start; ; n++)
        {
            var s = n.ToString("D9");
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (s[i] - '0');
            sum -= s[8] - '0';
            if (sum % 11 == 0) yield return s;
        }
    }

    [Fact]
    public async Task An_analyst_uploads_employers_with_their_municipality_checks_them_and_reads_them_in()
    {
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, Analyst);
        await page.GotoAsync("/beheer/inlezen");
        Assert.Contains("250 MB", await page.InnerTextAsync("main"));
        // The template is the one banenmonitor sjabloon writes, with the municipality column.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#soort-werkgevers-uitleg a:has-text('CSV')"));
        var template = await System.IO.File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("loonheffingennummer;naam;sector;grootteklasse;uitlener;gemeente", template.TrimStart('\uFEFF'));

        // A file with errors: every error with file, row and column; nothing is stored and nothing can be confirmed.
        var bad = Employers.Replace("930000002L01;Bakkerij Inlees B.V.;markt", "930000002L01;Bakkerij Inlees B.V.;bakkerijen").Replace(";Assen", ";Atlantis");
        await page.CheckAsync("#soort-werkgevers");
        await page.SetInputFilesAsync("#bestand", File("werkgevers-fout.csv", bad));
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Uploaden en controleren')"));
        await page.WaitForSelectorAsync("#foutrapport", new() { Timeout = 60_000 });
        var errors = await page.InnerTextAsync("#foutrapport");
        Assert.Contains("werkgevers-fout.csv\t2\tgemeente", errors);
        Assert.Contains("werkgevers-fout.csv\t3\tsector", errors);
        Assert.Contains("er is niets opgeslagen", errors);
        Assert.Equal(0, await page.Locator("button:has-text('Inlezen')").CountAsync());
        await using (var db = app.Db()) Assert.False(await db.Employers.AnyAsync(e => e.PayrollTaxNumber.StartsWith("93000000")));

        // The good file: checked with its counts, nothing written yet; then confirmed and written.
        await page.CheckAsync("#soort-werkgevers");
        await page.SetInputFilesAsync("#bestand", File("werkgevers.csv", Employers));
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Uploaden en controleren')"));
        await page.WaitForSelectorAsync("#gecontroleerd", new() { Timeout = 60_000 });
        Assert.Contains("3 rijen, geen fouten. Bij inlezen worden 3 nieuw, 0 gewijzigd en 0 ongewijzigd", await page.InnerTextAsync("#gecontroleerd"));
        await using (var db = app.Db()) Assert.False(await db.Employers.AnyAsync(e => e.PayrollTaxNumber.StartsWith("93000000")));
        await page.SetViewportSizeAsync(390, 844); // the checked state on a phone: nothing wider than the screen
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await page.SetViewportSizeAsync(1280, 900);

        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Inlezen')"));
        await page.WaitForSelectorAsync("#ingelezen", new() { Timeout = 60_000 });
        var done = await page.InnerTextAsync("#ingelezen");
        Assert.Contains("3 nieuw, 0 gewijzigd, 0 ongewijzigd", done);
        Assert.Equal(1, await page.Locator("#ingelezen a[href='/landelijk']").CountAsync());
        // The national figures change after a new national run: the page links to where it is started, not to a command.
        Assert.Equal(1, await page.Locator("#ingelezen a[href='/beheer/berekenen']").CountAsync());
        Assert.DoesNotContain("banenmonitor landelijk", done);
        await using (var db = app.Db())
        {
            var stored = await db.Employers.AsNoTracking().Where(e => e.PayrollTaxNumber.StartsWith("93000000")).OrderBy(e => e.PayrollTaxNumber).ToListAsync();
            Assert.Equal(["Assen", "’s-Gravenhage", null], stored.Select(e => e.Municipality));
            var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.FileName == "werkgevers.csv" && r.Kind == "werkgevers" && r.UserName == Analyst);
            Assert.Equal(Analyst, run.UserName);
            Assert.Equal(3, run.Inserted);
        }
        // In the audit trail like a CLI import: cause "import werkgevers (werkgevers.csv)", by the analyst.
        await page.ClickAsync("#ingelezen a:has-text('audittrail')");
        var trail = await page.InnerTextAsync("main");
        Assert.Contains("import werkgevers (werkgevers.csv)", trail);
        Assert.Contains("Gemeente Inleesdorp", trail);

        // The same file again: the page says it was read in already, and the check finds every row unchanged.
        await page.GotoAsync("/beheer/inlezen");
        await page.CheckAsync("#soort-werkgevers");
        await page.SetInputFilesAsync("#bestand", File("werkgevers.csv", Employers));
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Uploaden en controleren')"));
        await page.WaitForSelectorAsync("#gecontroleerd", new() { Timeout = 60_000 });
        Assert.Contains("al ingelezen", await page.InnerTextAsync("#al-ingelezen"));
        Assert.Contains("0 nieuw, 0 gewijzigd en 3 ongewijzigd", await page.InnerTextAsync("#gecontroleerd"));
        await AppFixture.SubmitAsync(page, page.Locator("button:has-text('Annuleren')"));
        Assert.Contains("geannuleerd", await page.InnerTextAsync("main"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_input_answers_with_the_page_in_dutch()
    {
        using var client = await app.ClientAsync(Analyst);
        async Task<string> Refusal(string? kind, string? name, byte[]? content)
        {
            var res = await Upload(client, kind, name, content);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
            Assert.Contains("id=\"foutrapport\"", html);
            return html;
        }
        Assert.Contains("Kies een soort gegevens", await Refusal(null, "w.csv", Encoding.UTF8.GetBytes(Employers)));
        Assert.Contains("'sectorrapportages' is geen soort die hier kan worden ingelezen", await Refusal("sectorrapportages", "w.csv", Encoding.UTF8.GetBytes(Employers)));
        Assert.Contains("Kies een CSV- of Excelbestand", await Refusal("werkgevers", null, null));
        Assert.Contains("Het bestand is leeg", await Refusal("werkgevers", "leeg.csv", []));
        Assert.Contains("'.pdf' is geen bestandssoort", await Refusal("werkgevers", "werkgevers.pdf", Encoding.UTF8.GetBytes(Employers)));
        // Too large: the page's own message (the test app keeps the default limit of 250 MB; a 260 MB body is streamed, counted and dropped).
        var large = await Upload(client, "werkgevers", "groot.csv", null, largeBytes: 260_000_000);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Contains("groter dan 250 MB", WebUtility.HtmlDecode(await large.Content.ReadAsStringAsync()));
        // Wrong columns: the check names them.
        var html = await CheckedAsync(client, await Upload(client, "werkgevers", "kolommen.csv", Encoding.UTF8.GetBytes("loonheffingennummer;naam;plaats\n930000009L01;X;Assen\n")));
        Assert.Contains("kolommen.csv</td><td>1</td><td>plaats</td><td>onbekende kolom", html);
        Assert.Contains("kolommen.csv</td><td>1</td><td>sector</td><td>verplichte kolom ontbreekt", html);
        // A bad kind in the template link, and an upload id the server does not know.
        Assert.Contains("geen soort die hier kan worden ingelezen", WebUtility.HtmlDecode(await client.GetStringAsync("/beheer/inlezen?handler=Sjabloon&soort=onzin&formaat=csv")));
        Assert.Contains("niet meer beschikbaar", WebUtility.HtmlDecode(await client.GetStringAsync($"/beheer/inlezen?upload={Guid.NewGuid()}")));
        Assert.Contains("niet meer beschikbaar", WebUtility.HtmlDecode(await client.GetStringAsync("/beheer/inlezen?upload=onzin")));
        var xlsx = await client.GetAsync("/beheer/inlezen?handler=Sjabloon&soort=verloonde-uren&formaat=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registrations_are_read_in_with_pseudonyms_and_no_citizen_number_reaches_a_log_or_the_page()
    {
        using var client = await app.ClientAsync(Analyst);
        var numbers = Bsns(310_000_000).Take(3).ToArray();
        const string invalid = "123456789"; // fails the eleven-test
        var bad = $"bsn;grond;startdatum;einddatum\n{numbers[0]};wajong;2016-03-01;\n{invalid};wsw;2015-04-01;\n";
        var refused = await CheckedAsync(client, await Upload(client, "doelgroepregistraties", "register-fout.csv", Encoding.UTF8.GetBytes(bad)));
        Assert.Contains("register-fout.csv</td><td>3</td><td>bsn</td><td>ongeldig burgerservicenummer", refused);

        var good = $"bsn;grond;startdatum;einddatum\n{numbers[0]};wajong;2016-03-01;\n{numbers[1]};wsw;2015-04-01;\n{numbers[2]};participatiewet;2019-01-01;2023-06-30\n";
        var checkedPage = await CheckedAsync(client, await Upload(client, "doelgroepregistraties", "register.csv", Encoding.UTF8.GetBytes(good)));
        Assert.Contains("3 nieuw", checkedPage);
        var id = System.Text.RegularExpressions.Regex.Match(checkedPage, "name=\"upload\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var confirm = await client.PostAsync("/beheer/inlezen?handler=Inlezen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["upload"] = id, ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(checkedPage) }));
        var written = await CheckedAsync(client, confirm);
        Assert.Contains("id=\"ingelezen\"", written);
        await using (var db = app.Db())
        {
            var key = Banenmonitor.Data.Privacy.PseudonymKey.FromText(AppFixture.TestPseudonymKey);
            foreach (var n in numbers) Assert.True(await db.TargetGroupRegistrations.AnyAsync(r => r.Pseudonym == key.Pseudonymize(n)));
        }
        var trail = await client.GetStringAsync("/beheer/audit?soort=TargetGroupRegistration");
        foreach (var text in new[] { refused, checkedPage, written, trail }.Concat(app.Logs.Lines))
            Assert.DoesNotContain(numbers.Append(invalid), text.Contains);
    }

    [Fact]
    public async Task A_large_payroll_file_is_checked_in_the_background_and_the_page_shows_its_progress()
    {
        using var client = await app.ClientAsync(Analyst);
        const int rows = 200_000;
        var csv = new StringBuilder("loonheffingennummer;pseudoniem;periode_begin;periode_einde;uren;vorm\n", rows * 120);
        for (var i = 0; i < rows; i++)
            csv.Append("900000006L01;").Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))))
                .Append(";2024-01-01;2024-01-31;").Append(100 + i % 50).Append(",5;dienstverband\n");
        var posted = await Upload(client, "verloonde-uren", "verloning-2024.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        // The upload answers at once with a redirect; the check runs on while the page is polled.
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        var progress = new List<long>();
        string html;
        while (true)
        {
            html = WebUtility.HtmlDecode(await client.GetStringAsync(location));
            var m = System.Text.RegularExpressions.Regex.Match(html, @"— ([\d.]+) rijen gelezen");
            if (!html.Contains("data-bm-bezig")) break;
            Assert.Contains("<progress id=\"voortgangsbalk\"", html);
            if (m.Success) progress.Add(long.Parse(m.Groups[1].Value.Replace(".", "")));
            await Task.Delay(50);
        }
        Assert.Contains(progress, n => n > 0 && n < rows); // seen part way
        Assert.Contains($"Gecontroleerd: 200.000 rijen, geen fouten. Bij inlezen worden <strong>200.000 nieuw</strong>", html);
        await using (var db = app.Db()) Assert.Equal(0, await db.PaidHours.CountAsync(h => h.Employer!.PayrollTaxNumber == "900000006L01" && h.PeriodStart == new DateOnly(2024, 1, 1)));
        var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var cancel = await client.PostAsync("/beheer/inlezen?handler=Annuleren", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["upload"] = id, ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(html) }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        // A cancelled upload cannot be written any more.
        var late = await client.PostAsync("/beheer/inlezen?handler=Inlezen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["upload"] = id, ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(html) }));
        Assert.Contains("geannuleerd", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_excel_file_is_checked_like_a_csv_file()
    {
        using var client = await app.ClientAsync(Analyst);
        // The Excel template of werkgevers: its example row is a valid employer (with a municipality).
        var xlsx = await client.GetByteArrayAsync("/beheer/inlezen?handler=Sjabloon&soort=werkgevers&formaat=xlsx");
        var html = await CheckedAsync(client, await Upload(client, "werkgevers", "sjabloon.xlsx", xlsx));
        Assert.Contains("Gecontroleerd: 1 rijen, geen fouten.", html);
        // The same bytes named .csv are not a CSV file: refused at row and column, nothing stored.
        var asCsv = await CheckedAsync(client, await Upload(client, "werkgevers", "sjabloon.csv", xlsx));
        Assert.Contains("id=\"foutrapport\"", asCsv);
    }

    [Fact]
    public async Task Other_roles_get_the_sites_refusal()
    {
        foreach (var user in new[] { "werkgever@demo.banenmonitor.nl", "gemeenten@demo.banenmonitor.nl", "publiek@demo.banenmonitor.nl" })
        {
            using var client = await app.ClientAsync(user);
            var res = await client.GetAsync("/beheer/inlezen");
            Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
            Assert.Contains("/account/geweigerd", res.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Sroi_placements_are_read_in_on_the_page_the_sroi_page_links_to()
    {
        string procurer;
        await using (var db = app.Db())
            procurer = await db.Employers.Where(e => e.Sector!.Code == "gemeenten").OrderBy(e => e.Id).Select(e => e.PayrollTaxNumber).FirstAsync();
        // The SROI page sends the analyst to the import page with the kind chosen; a sector representative reads who imports.
        var page = await app.PageAsync();
        await AppFixture.LoginAsync(page, Analyst);
        await page.GotoAsync("/sroi");
        Assert.DoesNotContain("banenmonitor import", await page.InnerTextAsync("main"));
        await AppFixture.SubmitAsync(page, page.Locator("#sroi-inlezen a"));
        Assert.Contains("/beheer/inlezen?soort=sroi-plaatsingen", page.Url);
        Assert.True(await page.IsCheckedAsync("#soort-sroi-plaatsingen"));
        var rep = await app.PageAsync();
        await AppFixture.LoginAsync(rep, "gemeenten@demo.banenmonitor.nl");
        await rep.GotoAsync("/sroi");
        Assert.Equal(0, await rep.Locator("#sroi-inlezen").CountAsync());
        Assert.DoesNotContain("banenmonitor import", await rep.InnerTextAsync("main"));

        using var client = await app.ClientAsync(Analyst);
        const string header = "contractnummer;opdrachtgever_loonheffingennummer;leverancier;leverancier_loonheffingennummer;contractwaarde;verplichting;plaatsingsnummer;pseudoniem;aantal_personen;jaar;uren\n";
        // An obligation larger than the contract: refused with file, row and column, nothing written.
        var bad = header + $"SROI-INLEZEN-001;{procurer};Inlees Bouw B.V.;;100000;250000;1;;2;2024;2400\n";
        var refused = await CheckedAsync(client, await Upload(client, "sroi-plaatsingen", "sroi-fout.csv", Encoding.UTF8.GetBytes(bad)));
        Assert.Contains("sroi-fout.csv</td><td>2</td><td>verplichting</td>", refused);
        await using (var db = app.Db()) Assert.False(await db.SroiContracts.AnyAsync(c => c.Reference == "SROI-INLEZEN-001"));

        var good = header + $"SROI-INLEZEN-001;{procurer};Inlees Bouw B.V.;;1500000;75000;1;;2;2024;2400\n" +
                   $"SROI-INLEZEN-001;{procurer};Inlees Bouw B.V.;;1500000;75000;2;;1;2024;1000\n";
        var checkedPage = await CheckedAsync(client, await Upload(client, "sroi-plaatsingen", "sroi.csv", Encoding.UTF8.GetBytes(good)));
        Assert.Contains("2 rijen, geen fouten", checkedPage);
        var id = System.Text.RegularExpressions.Regex.Match(checkedPage, "name=\"upload\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var written = await CheckedAsync(client, await client.PostAsync("/beheer/inlezen?handler=Inlezen", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["upload"] = id, ["__RequestVerificationToken"] = AppFixture.AntiforgeryToken(checkedPage) })));
        Assert.Contains("id=\"ingelezen\"", written);
        Assert.Contains("href=\"/sroi\"", written);
        await using (var db = app.Db())
        {
            var placements = await db.SroiPlacements.Where(p => p.Contract!.Reference == "SROI-INLEZEN-001").OrderBy(p => p.Reference).ToListAsync();
            Assert.Equal([2400m, 1000m], placements.Select(p => p.Hours));
            Assert.Equal([2, 1], placements.Select(p => p.PersonCount));
        }
        Assert.Contains("SROI-INLEZEN-001", WebUtility.HtmlDecode(await client.GetStringAsync("/sroi?jaar=2024")));
    }

    /// <summary>Posts an upload with the page's anti-forgery token (a missing kind or file is left out of the form).</summary>
    internal static async Task<HttpResponseMessage> Upload(HttpClient client, string? kind, string? name, byte[]? content, long largeBytes = 0)
    {
        var token = AppFixture.AntiforgeryToken(await client.GetStringAsync("/beheer/inlezen"));
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (kind is not null) form.Add(new StringContent(kind), "soort");
        if (largeBytes > 0)
        {
            form.Add(new StreamContent(new ZeroStream(largeBytes)), "bestand", name!);
        }
        else if (name is not null) form.Add(new ByteArrayContent(content ?? []), "bestand", name);
        return await client.PostAsync("/beheer/inlezen?handler=Uploaden", form);
    }

    /// <summary>Follows the redirect to the upload's page and waits until its check (or write) is done; the page's HTML, decoded.</summary>
    internal static async Task<string> CheckedAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        for (var i = 0; i < 600; i++)
        {
            var html = await client.GetStringAsync(location);
            if (!html.Contains("data-bm-bezig")) return WebUtility.HtmlDecode(html);
            await Task.Delay(100);
        }
        throw new TimeoutException("De controle werd niet klaar.");
    }

    /// <summary>A stream of zero bytes of a given length, so a test can send a file larger than the limit without holding it.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => true; // so the request carries its length, as a browser's does
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
