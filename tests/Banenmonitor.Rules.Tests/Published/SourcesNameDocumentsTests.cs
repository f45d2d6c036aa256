using System.Text.RegularExpressions;
using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using static Banenmonitor.Rules.Tests.Published.PublishedData;

namespace Banenmonitor.Rules.Tests.Published;

/// <summary>
/// What users read as a source names a document by its title and number, never the project's internal file names
/// ("seed 003"); and every year users ask about has a value or a status that says why it has none.
/// </summary>
public partial class SourcesNameDocumentsTests
{
    [GeneratedRegex(@"\bseeds?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeedWord();

    /// <summary>The published-figure files whose every field a user may read (sources, quotes, titles, statuses).</summary>
    public static TheoryData<string> PublishedFiles() =>
        new("data/published/documenten.csv", "data/published/landelijke_meting.csv", "data/published/doelgroepregister.csv",
            "data/published/sectoren.csv", "data/published/werkagendas.csv", "data/published/kwartaalrapportages.csv");

    [Fact]
    public void No_parameter_cites_a_seed()
    {
        var bad = ParameterSet.Embedded.AllValues.Where(v => SeedWord().IsMatch(v.Source) || SeedWord().IsMatch(v.Status.Code()) || SeedWord().IsMatch(v.Status.Dutch()))
            .Select(v => $"{v.Origin}: {v.Source}").ToList();
        Assert.Empty(bad);
        Assert.DoesNotContain(Enum.GetValues<ParameterStatus>(), s => s.Code() == "seed");
    }

    [Theory]
    [MemberData(nameof(PublishedFiles))]
    public void No_published_figure_cites_a_seed(string file)
    {
        // Every field of every data row (comment lines start with '#': the file's own notes for maintainers).
        var bad = Csv.Read(new StringReader(File.ReadAllText(RepoFile(file))))
            .SelectMany(r => r.Fields.Where(f => SeedWord().IsMatch(f) && !f.StartsWith("seeds/", StringComparison.Ordinal))
                .Select(f => $"{file}:{r.Line}: {f}"))
            .ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void The_seed_word_test_finds_what_it_must_and_only_that()
    {
        Assert.Matches(SeedWord(), "Seed 003 voetnoot 20");
        Assert.Matches(SeedWord(), "seeds 003, 004");
        Assert.DoesNotMatch(SeedWord(), "Kamerstuk 34 352, nr. 255");
        Assert.DoesNotMatch(SeedWord(), "seeding bij eerste start"); // a word, not a substring
    }

    /// <summary>Each year users ask about: a value, or a status that explains its absence, with a source either way.</summary>
    [Fact]
    public void Every_year_2015_to_2026_of_every_per_year_parameter_has_a_value_or_a_status_explaining_its_absence()
    {
        var p = ParameterSet.Embedded;
        var missing = new List<string>();
        foreach (var d in p.Definitions.Where(d => d.PerYear))
            for (var year = 2015; year <= 2026; year++)
            {
                var v = p.History(d.Name).SingleOrDefault(x => x.ValidFrom.Year == year);
                if (v is null) missing.Add($"{d.Name} {year}: geen regel");
                else if (v.Value is null && !v.Status.AllowsEmptyValue()) missing.Add($"{d.Name} {year}: lege waarde met status {v.Status.Code()}");
                else if (string.IsNullOrWhiteSpace(v.Source)) missing.Add($"{d.Name} {year}: geen bron");
            }
        Assert.Empty(missing);
    }

    /// <summary>
    /// The same for every parameter, also those with one value for many years (what <c>parameters --jaar</c> lists): in every
    /// year 2015–2026 a value in force, or an empty one whose status says why (unconfirmed, not applicable), never nothing.
    /// </summary>
    [Fact]
    public void Every_parameter_has_in_every_year_2015_to_2026_a_value_or_a_status_explaining_its_absence()
    {
        var p = ParameterSet.Embedded;
        var missing = new List<string>();
        foreach (var d in p.Definitions)
            for (var year = 2015; year <= 2026; year++)
            {
                var v = p.History(d.Name).LastOrDefault(x => x.ValidFrom <= new DateOnly(year, 1, 1));
                if (v is null || (d.PerYear && v.ValidFrom.Year != year)) missing.Add($"{d.Name} {year}: niets");
                else if (v.Value is null && !v.Status.AllowsEmptyValue()) missing.Add($"{d.Name} {year}: leeg met status {v.Status.Code()}");
            }
        Assert.Empty(missing);
    }

    [Fact]
    public void National_and_register_sources_are_attributed_to_the_document_whose_number_they_begin_with()
    {
        var docs = SectorData.Documents;
        Assert.Equal("004", PublishedSectorFigures.DocumentCited(docs, "Kamerstuk 34 352, nr. 255, Tabel 1: totale toename 72.809"));
        Assert.Equal("001", PublishedSectorFigures.DocumentCited(docs, "Kamerbrief BZK 2024 over 2023, Doelgroep: '...'"));
        Assert.Null(PublishedSectorFigures.DocumentCited(docs, "Kamerstuk 34 352, nr. 320 (resultaten banenafspraak 2023)"));
        // Every national figure that is not derived and names a catalogued document is checked under that document.
        var report = new ConsistencyChecker(ParameterSet.Embedded).Check(SectorData, National);
        var table2021 = report.Checks.Where(c => c.Sector == ConsistencyChecker.National && c.Year == 2021 && c.Kind == "landelijke_tabel").ToList();
        Assert.NotEmpty(table2021);
        Assert.All(table2021, c => Assert.Equal("004", c.Document));
    }

    [Fact]
    public void Every_catalogued_document_has_a_title_and_a_reference_and_no_code_for_a_status()
    {
        Assert.All(SectorData.Documents, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.Reference));
            Assert.NotEqual(ParameterStatus.Unconfirmed, d.Status);
        });
        Assert.Equal(ParameterStatus.Report, SectorData.Document("003")!.Status);
        Assert.Equal("Kamerstuk 34 352, nr. 255", SectorData.Document("004")!.Reference);
    }
}
