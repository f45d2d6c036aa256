using System.Text.RegularExpressions;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Published;
using static Banenmonitor.Rules.Tests.Published.PublishedData;

namespace Banenmonitor.Rules.Tests.Published;

/// <summary>
/// Every number in the sector sections of seeds 002 (over 2020), 000 (over 2021) and 001 (over 2023) and in Tabel 1
/// of seed 004 must be in the data, with a quote that contains it. The lists below were written by reading the seeds.
/// Left out on purpose: years, dates, Kamerstuk and footnote numbers, the unit definition (1 fta = 25,5 uur, a
/// parameter), ordinals ("tweede coronajaar", "een derde werkgever") and numbers that are part of a name
/// ("Op naar de 25.000 banen", "maand van de 1000 voorbeelden", "Op naar de 125.000 banen").
/// </summary>
public class DocumentNumbersTests
{
    /// <summary>(document, the number as the document writes it, its value).</summary>
    public static readonly (string Doc, string Text, decimal Value)[] SectorNumbers =
    [
        // Seed 002: Kamerbrief BZK 2021 over 2020.
        ("002", "2,35%", 2.35m), ("002", "331", 331), ("002", "341", 341), ("002", "twaalf provincies", 12),
        ("002", "twee projectleiders", 2), ("002", "vijfsporenbeleid", 5), ("002", "5.500", 5500), ("002", "5.250", 5250),
        ("002", "vijf pijlers", 5), ("002", "262", 262), ("002", "61,3%", 61.3m), ("002", "4.072", 4072), ("002", "2.663", 2663),
        ("002", "65%", 65), ("002", "59% in 2019", 59), ("002", "556", 556), ("002", "346", 346), ("002", "210", 210),
        ("002", "633", 633), ("002", "88%", 88), ("002", "twaalf medewerkers", 12), ("002", "297", 297), ("002", "413", 413),
        ("002", "663", 663), ("002", "713", 713), ("002", "408", 408), ("002", "21 van de 36", 21), ("002", "36 hbo-instellingen", 36),
        ("002", "79%", 79), ("002", "870", 870), ("002", "53%", 53), ("002", "51 banen", 51), ("002", "geen nieuwe banen", 0),
        ("002", "659", 659), ("002", "596", 596), ("002", "63 via SROI", 63),

        // Seed 000: Kamerbrief BZK 2022 over 2021.
        ("000", "5.250", 5250), ("000", "5.796", 5796), ("000", "110,4%", 110.4m), ("000", "10%", 10), ("000", "29%", 29),
        ("000", "twee knelpunten", 2), ("000", "377", 377), ("000", "355", 355), ("000", "94,2%", 94.2m), ("000", "14 FTA", 14),
        ("000", "twaalf provincies", 12), ("000", "vijf sporen", 5), ("000", "493", 493), ("000", "297 FTA", 297), ("000", "60,2%", 60.2m),
        ("000", "4.674", 4674), ("000", "3.203", 3203), ("000", "69%", 69), ("000", "65%", 65), ("000", "4.072", 4072),
        ("000", "59%", 59), ("000", "3.531", 3531), ("000", "900", 900), ("000", "694", 694), ("000", "409", 409),
        ("000", "201", 201), ("000", "610", 610), ("000", "exclusief social return: 59%", 59), ("000", "88%", 88),
        ("000", "vijftien", 15), ("000", "één dag", 1), ("000", "tien opgeleide", 10), ("000", "599", 599), ("000", "660", 660),
        ("000", "515", 515), ("000", "145", 145), ("000", "110%", 110), ("000", "297 banen eind 2019", 297), ("000", "413 banen eind 2020", 413),
        ("000", "2264", 2264), ("000", "616", 616), ("000", "672", 672), ("000", "27%", 27), ("000", "30%", 30),
        ("000", "zeven umc", 7), ("000", "drie van de zeven", 3), ("000", "niveau 2", 2), ("000", "8 regionale", 8),
        ("000", "2 leernetwerken", 2), ("000", "17 deelnemers", 17), ("000", "twee vervolgsessies", 2), ("000", "twee jaar", 2),
        ("000", "Achttien", 18), ("000", "35%", 35), ("000", "78%", 78), ("000", "953", 953), ("000", "328", 328),
        ("000", "34,4%", 34.4m), ("000", "73%", 73), ("000", "27% werkte", 27), ("000", "9 van de 16", 9), ("000", "16 hogescholen", 16),
        ("000", "Vier hogescholen", 4), ("000", "1886", 1886), ("000", "919", 919), ("000", "83 FTA", 83), ("000", "48,7%", 48.7m),
        ("000", "53,1%", 53.1m), ("000", "veertien", 14), ("000", "bijna een kwart", 25), ("000", "17 leerlingen", 17), ("000", "vijf scholen", 5),
        ("000", "vier middagen", 4), ("000", "110 FTA", 110), ("000", "55 FTA", 55), ("000", "49,8%", 49.8m), ("000", "109,61", 109.61m),
        ("000", "54,6", 54.6m), ("000", "7,9%", 7.9m), ("000", "twee van de werkgevers", 2),

        // Seed 001: Kamerbrief BZK 2024 over 2023.
        ("001", "25.000 banen", 25000), ("001", "5.637", 5637), ("001", "4.517", 4517), ("001", "80%", 80), ("001", "74%", 74),
        ("001", "822", 822), ("001", "508,5", 508.5m), ("001", "61,9%", 61.9m), ("001", "235,8", 235.8m), ("001", "90,5%", 90.5m),
        ("001", "5.250", 5250), ("001", "6.320", 6320), ("001", "120,4%", 120.4m), ("001", "6.490", 6490), ("001", "daling te zien is van 170", 170),
        ("001", "458,3", 458.3m), ("001", "395,5", 395.5m), ("001", "86,3%", 86.3m), ("001", "370,4", 370.4m), ("001", "416,4", 416.4m),
        ("001", "25,1", 25.1m), ("001", "vijf sporen", 5), ("001", "552 fta", 552), ("001", "329 fta", 329), ("001", "56,6%", 56.6m),
        ("001", "35 organisaties", 35), ("001", "33 data", 33), ("001", "329,4", 329.4m), ("001", "2,2 banen", 2.2m), ("001", "552,3", 552.3m),
        ("001", "59,6%", 59.6m), ("001", "62,4%", 62.4m), ("001", "59%", 59), ("001", "23%", 23), ("001", "18%", 18),
        ("001", "713", 713), ("001", "387", 387), ("001", "54,3%", 54.3m), ("001", "100 via inhuur", 100), ("001", "426", 426),
        ("001", "39 fta", 39), ("001", "50 medewerkers", 50), ("001", "drie jaar", 3), ("001", "2.483", 2483), ("001", "506", 506),
        ("001", "20%", 20), ("001", "7 van de 8", 7), ("001", "8 umc", 8), ("001", "42 detacheringen", 42), ("001", "15 tot en met", 15),
        ("001", "39 jaar", 39), ("001", "5.845", 5845), ("001", "1.290", 1290), ("001", "ongeveer 22%", 22), ("001", "130", 130),
        ("001", "24%", 24), ("001", "38%", 38), ("001", "46% in 2023", 46), ("001", "25%", 25), ("001", "33%", 33),
        ("001", "3.809", 3809), ("001", "840", 840), ("001", "273", 273), ("001", "29%", 29), ("001", "56%", 56),
        ("001", "65,9%", 65.9m), ("001", "46% in 2022", 46), ("001", "53,6%", 53.6m), ("001", "1.900", 1900), ("001", "700", 700),
        ("001", "37%", 37), ("001", "44%", 44), ("001", "35%", 35), ("001", "51 mbo-scholen", 51), ("001", "er 14", 14),
        ("001", "10 scholen", 10), ("001", "25 mbo-scholen", 25), ("001", "50%", 50), ("001", "drie tijdelijke", 3), ("001", "1.685", 1685),
        ("001", "498", 498), ("001", "30%", 30), ("001", "36 hogescholen", 36), ("001", "realisatie 37%", 37), ("001", "114", 114),
        ("001", "36,6%", 36.6m), ("001", "48,6%", 48.6m), ("001", "Zes hogescholen", 6), ("001", "96%", 96), ("001", "75%", 75),
        ("001", "twee hogescholen", 2), ("001", "2.514", 2514), ("001", "1.040", 1040), ("001", "41%", 41), ("001", "41,5%", 41.5m),
        ("001", "115", 115), ("001", "46%", 46), ("001", "44,9%", 44.9m), ("001", "963", 963), ("001", "113", 113),
        ("001", "49 fta", 49), ("001", "44%", 44), ("001", "52,6%", 52.6m),
    ];

    /// <summary>Seed 004: Tabel 1 and the sentences that explain it.</summary>
    public static readonly (string Text, decimal Value)[] Table1Numbers =
    [
        ("59.928", 59928), ("7.094", 7094), ("67.021", 67021), ("1.039", 1039), ("4.748", 4748), ("5.787", 5787),
        ("60.966", 60966), ("11.842", 11842), ("72.809", 72809), ("60.000", 60000), ("20.000", 20000), ("80.000", 80000),
        ("6.712", 6712), ("147.988", 147988), ("92 procent", 92), ("7.168", 7168), ("1.239", 1239), ("456", -456), ("41.993", 41993),
    ];

    public static IEnumerable<object[]> SectorCases() => SectorNumbers.Select(n => new object[] { n.Doc, n.Text, n.Value });

    [Theory]
    [MemberData(nameof(SectorCases))]
    public void Every_sector_number_of_the_seeds_is_in_the_data_with_a_quote_containing_it(string doc, string text, decimal value)
    {
        var needle = Normalize(text);
        var hits = SectorData.Figures.Where(f => f.Document == doc && Math.Abs(f.Value) == value && Normalize(f.Quote).Contains(needle)).ToList();
        Assert.True(hits.Count > 0, $"Document {doc}: '{text}' ({value}) ontbreekt in data/published/sectoren.csv of het citaat bevat het niet.");
    }

    [Fact]
    public void Every_number_of_Tabel_1_of_seed_004_is_in_the_national_data_with_its_source()
    {
        var missing = Table1Numbers.Where(n => !National.Rows.Any(r => r.Value == n.Value && Normalize(r.Source).Contains(Normalize(n.Text)) && r.Source.StartsWith("Kamerstuk 34 352, nr. 255", StringComparison.Ordinal)))
            .Select(n => n.Text).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(ParameterNames.BaselineJobs, 2013, "75.179", 75179)]
    [InlineData(ParameterNames.BaselineHiredInJobs, 2013, "36.206", 36206)]
    [InlineData(ParameterNames.BaselineGovernmentShareHiredIn, 2013, "24,0", 24.0)]
    [InlineData(ParameterNames.GovernmentShareHiredIn, 2021, "32 procent", 32)]
    [InlineData(ParameterNames.GovernmentShareHiredIn, 2020, "33,7", 33.7)]
    public void The_measurement_inputs_of_seed_004_are_parameters_quoting_it(string name, int year, string text, decimal value)
    {
        var p = ParameterSet.Embedded.Get(name, year);
        Assert.Equal(value, p.Required);
        Assert.Contains("Kamerstuk 34 352, nr. 255", p.Source); // document 004, cited by its number
        Assert.Contains(Normalize(text), Normalize(p.Source));
    }

    /// <summary>Each quote (and each part after "in de tekst:") occurs in the seed itself, so no source is invented.</summary>
    [Fact]
    public void Every_quote_of_a_seed_figure_occurs_in_that_seed()
    {
        var seeds = new[] { "000", "001", "002" }.ToDictionary(d => d, d => Normalize(DocumentText(d)));
        var bad = new List<string>();
        foreach (var f in SectorData.Figures.Where(f => seeds.ContainsKey(f.Document)))
        {
            foreach (var part in Regex.Split(f.Quote, @"[;.] [Ii]n de tekst: "))
            {
                var q = Normalize(part.Trim().Trim('\''));
                if (!seeds[f.Document].Contains(q)) bad.Add($"regel {f.Line} ({f.Document}): {part}");
            }
        }
        Assert.Empty(bad);
    }

    [Fact]
    public void The_national_sources_quoting_seed_004_occur_in_it()
    {
        var seed = Normalize(DocumentText("004"));
        var bad = National.Rows.Where(r => r.Source.StartsWith("Kamerstuk 34 352, nr. 255", StringComparison.Ordinal)) // document 004
            .SelectMany(r => Regex.Matches(r.Source, "'([^']+)'").Select(m => m.Groups[1].Value))
            .Where(q => !seed.Contains(Normalize(q))).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void The_figure_list_covers_all_thirteen_sectors_that_the_2023_letter_reports_on()
    {
        var sectors2023 = SectorData.Figures.Where(f => f.Document == "001" && f.Year == 2023 && f.Quantity == Quantities.Target).Select(f => f.Sector).Distinct().ToList();
        Assert.Equal(PublicSectors.All.Count, sectors2023.Count(s => !s.IsAggregate));
    }
}
