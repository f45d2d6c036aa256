using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Banenmonitor.Web.Tests;

/// <summary>Open data: the public figures through the API without login, and every table of a page as CSV and XLSX.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenDataTests(AppFixture app)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task The_read_api_gives_the_public_figures_without_login_and_keeps_employer_data_protected()
    {
        using var anonymous = await app.ClientAsync(null);
        var res = await anonymous.GetAsync("/api/landelijk");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/json", res.Content.Headers.ContentType?.MediaType);
        var years = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(years.EnumerateArray(), y => y.GetProperty("jaar").GetInt32() == 2021);

        var sectors = JsonDocument.Parse(await anonymous.GetStringAsync("/api/sectoren?jaar=2021")).RootElement;
        var gemeenten = sectors.GetProperty("sectoren").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "gemeenten");
        Assert.Equal(5796m, gemeenten.GetProperty("realisatie").GetDecimal()); // as /sectoren?jaar=2021 shows
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/sectoren/gemeenten")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/landelijk/2021")).StatusCode);

        var employer = await anonymous.GetAsync("/api/werkgevers/1");
        Assert.Equal(HttpStatusCode.Unauthorized, employer.StatusCode);
        Assert.Equal("application/json", employer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Niet ingelogd", JsonDocument.Parse(await employer.Content.ReadAsStringAsync()).RootElement.GetProperty("melding").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/aanleveringen")).StatusCode);
    }

    [Theory]
    [InlineData("/sectoren?jaar=2021", "gemeenten", 5796)]
    [InlineData("/landelijk?jaar=2021", "2021", 72809)]
    public async Task A_table_downloads_as_csv_and_xlsx_with_the_cells_of_the_page(string address, string rowLabel, int number)
    {
        using var client = await app.ClientAsync(null);
        var html = await client.GetStringAsync(address);
        var doc = new HtmlParser().ParseDocument(html);
        var table = doc.QuerySelectorAll("table[data-bm-tabel]").First(t => t.QuerySelectorAll("tbody tr").Any(r => r.TextContent.Contains(rowLabel, StringComparison.OrdinalIgnoreCase)));
        var box = table.Closest(".bm-tabel")!;
        var csvLink = box.QuerySelector("a[href*='export=csv']")!.GetAttribute("href")!;
        var xlsxLink = box.QuerySelector("a[href*='export=xlsx']")!.GetAttribute("href")!;

        var csvResponse = await client.GetAsync(csvLink);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", csvResponse.Content.Headers.ContentDisposition?.ToString());
        var csv = Csv(await csvResponse.Content.ReadAsByteArrayAsync());

        var xlsxResponse = await client.GetAsync(xlsxLink);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        var xlsx = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: false)
            .Select(r => ((IDictionary<string, object?>)r).Values.ToList()).ToList();

        // Same shape, same cells: a number cell in the workbook is the CSV's Dutch number.
        Assert.Equal(csv.Count, xlsx.Count);
        var bodyRows = table.QuerySelectorAll("tbody tr").Count(r => r.Closest("table") == table);
        Assert.Equal(bodyRows + 1, csv.Count);
        var numbers = 0;
        for (var r = 0; r < csv.Count; r++)
        {
            Assert.Equal(csv[r].Count, xlsx[r].Count);
            for (var c = 0; c < csv[r].Count; c++)
            {
                var cell = xlsx[r][c];
                if (cell is double or decimal or int or long)
                {
                    numbers++;
                    Assert.Equal(decimal.Parse(csv[r][c], NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Nl),
                        Convert.ToDecimal(cell, CultureInfo.InvariantCulture));
                }
                else Assert.Equal(csv[r][c], cell?.ToString() ?? "");
            }
        }
        Assert.True(numbers > 0, "geen getalcellen in het Excelbestand");

        // The row of the page, as on the page: its label and its number (a real number cell in XLSX).
        var row = csv.FindIndex(r => r[0].Contains(rowLabel, StringComparison.OrdinalIgnoreCase));
        Assert.True(row > 0, $"rij '{rowLabel}' ontbreekt");
        Assert.Contains(number.ToString("#,##0", Nl), csv[row]);
        Assert.Contains(xlsx[row], v => v is double d && d == number);
    }

    [Fact]
    public async Task A_download_of_a_protected_page_is_as_protected_as_the_page()
    {
        using var anonymous = await app.ClientAsync(null);
        var res = await anonymous.GetAsync("/werkgevers/mijn?export=csv&tabel=1");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("/account/inloggen", res.Headers.Location!.ToString());

        using var employer = await app.ClientAsync("werkgever@demo.banenmonitor.nl");
        var own = await employer.GetAsync("/werkgevers/mijn?export=csv&tabel=1");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/csv", own.Content.Headers.ContentType?.MediaType);
        var missing = await employer.GetAsync("/werkgevers/mijn?export=csv&tabel=99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static List<List<string>> Csv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(Nl) { Delimiter = ";", HasHeaderRecord = false });
        var rows = new List<List<string>>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToList());
        return rows;
    }
}
