using System.Text;
using Banenmonitor.Data.Import;

namespace Banenmonitor.Data.Tests;

/// <summary>The CSV reader is strict: bad quotes and invalid UTF-8 are refused at their row and column, nothing is written.</summary>
public class StrictCsvTests
{
    private const string Header = "loonheffingennummer;naam;sector;grootteklasse;uitlener\n";

    private static async Task<(ImportResult Result, string Before, string After)> Import(byte[] file)
    {
        await using var t = await TestDatabases.CreateAsync(TestDatabases.Sqlite, "strikt");
        await using var db = t.Context();
        var before = await Samples.CountsAsync(db);
        var r = await new ImportService(db, TestDatabases.Key).ImportAsync(new MemoryStream(file), "werkgevers", "werkgevers.csv", "test");
        return (r, before, await Samples.CountsAsync(db));
    }

    private static Task<(ImportResult Result, string Before, string After)> Import(string text) => Import(Encoding.UTF8.GetBytes(text));

    /// <summary>The file is refused with exactly one error, at <paramref name="row"/> and <paramref name="column"/>, and nothing is written.</summary>
    private static async Task Refused(Task<(ImportResult Result, string Before, string After)> import, int row, string column, string message)
    {
        var (r, before, after) = await import;
        Assert.False(r.Success);
        var e = Assert.Single(r.Errors);
        Assert.Equal((row, column), (e.Row, e.Column));
        Assert.Contains(message, e.Message);
        Assert.Equal(before, after);
    }

    [Fact]
    public Task A_stray_quote_inside_an_unquoted_field_is_refused_at_its_row_and_column() =>
        Refused(Import(Header + "100000001L01;Gemeente Testdorp;gemeenten;groot;geen\n100000002L01;Bakkerij \"De Korst;markt;middel;geen\n"),
            3, "naam", "een aanhalingsteken (\") midden in een waarde zonder aanhalingstekens");

    [Theory]
    [InlineData("100000001L01;\"Gemeente Testdorp;gemeenten;groot;geen\n100000002L01;Bakkerij;markt;middel;geen\n")]                // never closed: swallows the rest
    [InlineData("100000001L01;\"Gemeente Testdorp;gemeenten;groot;geen\n100000002L01;\"Bakkerij\";markt;middel;geen\n")]            // closed by the next row's quote
    [InlineData("100000001L01;\"Gemeente \"Testdorp\";gemeenten;groot;geen\n")]                                                 // quote inside not doubled
    public Task An_unclosed_quote_that_swallows_the_next_row_is_refused_at_its_row_and_column(string rows) =>
        Refused(Import(Header + rows), 2, "naam", "begint, wordt niet goed afgesloten");

    [Fact]
    public async Task Quoted_fields_with_delimiters_doubled_quotes_and_line_breaks_still_read()
    {
        var (r, _, _) = await Import(Header + "100000001L01;\"Gemeente \"\"Test\"\"; dorp\nen stad\";gemeenten;groot;geen\n");
        Assert.True(r.Success, string.Join("\n", r.Errors));
        Assert.Equal(1, r.Inserted);
    }

    [Fact]
    public async Task Invalid_UTF8_is_reported_at_the_row_and_column_where_it_is_and_not_replaced()
    {
        // Enough good rows before it that the decoder has read far past the parser when it meets the bad byte.
        var good = new StringBuilder(Header);
        for (var i = 0; i < 3000; i++) good.Append($"1{i:D8}L01;Werkgever {i};gemeenten;groot;geen\n");
        var bytes = Encoding.UTF8.GetBytes(good.ToString()).ToList();
        bytes.AddRange(Encoding.UTF8.GetBytes("100009999L01;Caf"));
        bytes.Add(0xE9); // Windows-1252 'é'
        bytes.AddRange(Encoding.UTF8.GetBytes(";markt;klein;geen\n"));
        await Refused(Import(bytes.ToArray()), 3002, "naam", "geen geldige UTF-8");
    }
}
