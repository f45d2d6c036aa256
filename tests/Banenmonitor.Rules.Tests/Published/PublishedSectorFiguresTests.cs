using Banenmonitor.Rules.Published;
using static Banenmonitor.Rules.Tests.Published.PublishedData;

namespace Banenmonitor.Rules.Tests.Published;

public class PublishedSectorFiguresTests
{
    private const string Docs = "document,titel,kenmerk,verslagjaar,status,bestand\nX,Testbrief,,2023,letter,\n";
    private const string Header = "document,jaar,sector,grootheid,kenmerk,waarde,eenheid,benadering,sectie,citaat,toelichting\n";

    [Fact]
    public void Year_view_lists_all_thirteen_sectors_with_the_report_of_that_year_first()
    {
        var year = SectorData.ForYear(2023);
        Assert.Equal(PublicSectors.All.Select(s => s.Code), year.Select(y => y.Sector.Code));
        var ws = year.Single(y => y.Sector == PublicSectors.Waterschappen);
        Assert.Equal(552m, ws.Target!.Value);          // the table, not the text (552,3)
        Assert.Equal("tabel", ws.Target.Qualifier);
        Assert.Equal(56.6m, ws.Percentage!.Value);
        Assert.Equal("33 van 35 organisaties", ws.Coverage);
        Assert.Equal(3, ws.All(Quantities.Target).Count() + ws.All(Quantities.Realised).Count() - 1);
        var hbo = year.Single(y => y.Sector == PublicSectors.Hbo);
        Assert.Equal(114m, hbo.Sroi!.Value);
        Assert.Equal(36.6m, hbo.PercentageIncludingSroi!.Value);
        Assert.Contains("36,6%", hbo.PercentageIncludingSroi.Quote);
        var umc = year.Single(y => y.Sector == PublicSectors.Umc);
        Assert.Equal("7 van 8 organisaties", umc.Coverage);
    }

    [Fact]
    public void History_of_a_sector_comes_in_year_order_from_every_document()
    {
        var rijk = SectorData.History(PublicSectors.Rijk);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024], rijk.Select(r => r.Year));
        Assert.Equal(5144m, rijk.Single(r => r.Year == 2022).Target!.Value);
        Assert.Equal(74m, rijk.Single(r => r.Year == 2022).Percentage!.Value);
        // 2020 in both 002 (the report over 2020) and 000: the 2020 report is primary, both stay available.
        var y2020 = rijk.Single(r => r.Year == 2020);
        Assert.Equal("002", y2020.Percentage!.Document);
        Assert.Equal(["000", "002"], y2020.All(Quantities.Percentage).Select(f => f.Document).Order());
        var hbo2020 = SectorData.Get(PublicSectors.Hbo, 2020);
        Assert.Equal("21 van 36 organisaties, 79% van het personeel", hbo2020.Coverage);
    }

    [Fact]
    public void Published_values_keep_their_precision_and_approximations_widen_the_range()
    {
        var mbo = SectorData.Get(PublicSectors.Mbo, 2023);
        Assert.True(mbo.Target!.Approximate);
        Assert.Equal(-2, mbo.Target.Precision);                 // "+/- 1.900": to the hundred
        Assert.Equal(new Units.ValueInterval(1850m, 1950m), mbo.Target.Range);
        var rijk = SectorData.Get(PublicSectors.Rijk, 2021);
        Assert.Equal(0, rijk.Percentage!.Precision);            // "69%"
        Assert.Equal(1, SectorData.Get(PublicSectors.Defensie, 2023).Realised!.Precision); // "508,5"
    }

    [Fact]
    public void Totals_over_sectors_name_the_sectors_left_out()
    {
        var t2023 = SectorData.Totals(2023);
        Assert.Equal(13, t2023.Included.Count);                          // the 2023 letter gives all thirteen
        // 5.637 + 822 + 5.250 + 458,3 + 552 + 713 + 2.483 + 5.845 + 3.809 + 1.900 + 1.685 + 2.514 + 113 (tables)
        Assert.Equal(31781.3m, t2023.Target);
        Assert.Equal(17380.0m, t2023.Realised);
        var t2021 = SectorData.Totals(2021);
        Assert.Contains(PublicSectors.Mbo, t2021.Missing);                // mbo gave only a percentage
        Assert.Contains(PublicSectors.Po, t2021.Missing);
        Assert.Equal(68.5m, Math.Round(SectorData.Get(PublicSectors.Rijk, 2021).ComputedPercentage!.Value, 1));
        Assert.Equal(53.1m, Math.Round(SectorData.Get(PublicSectors.Wo, 2021).ComputedPercentageIncludingSroi!.Value, 1));
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_line_and_column_and_nothing_is_read()
    {
        var csv = Header +
                  "X,2023,rijk,doel,,5637,fta,nee,tabel,\"Doel 5.637 fta\",\n" +
                  "X,2023,ministeries,doel,,1,fta,nee,tabel,\"q\",\n" +
                  "X,2023,rijk,realisatie,,4.517,5,nee,tabel,\"q\",\n" +
                  "Y,2023,rijk,realisatie,,4517,fta,nee,tabel,\"q\",\n" +
                  "X,2023,rijk,doel,,5637,fta,nee,tabel,\"dubbel\",\n";
        var e = Assert.Throws<FormatException>(() => PublishedSectorFigures.Parse(Docs, "documenten.csv", csv, "sectoren.csv"));
        Assert.Contains("sectoren.csv, regel 3, kolom sector: onbekende sector 'ministeries'", e.Message);
        Assert.Contains("sectoren.csv, regel 4, kolom eenheid", e.Message);
        Assert.Contains("sectoren.csv, regel 5, kolom document: onbekend document 'Y'", e.Message);
        Assert.Contains("sectoren.csv, regel 6, dubbele regel", e.Message);
    }

    [Fact]
    public void A_difference_needs_its_comparison_year()
    {
        var csv = Header + "X,2023,gemeenten,verschil,,-170,fta,nee,s,\"q\",\n";
        var e = Assert.Throws<FormatException>(() => PublishedSectorFigures.Parse(Docs, "d.csv", csv, "s.csv"));
        Assert.Contains("s.csv, regel 2, kolom kenmerk: verplicht 'tov:JAAR'", e.Message);
    }

    [Fact]
    public void A_typed_sector_report_becomes_figures_that_join_the_published_ones()
    {
        var report = new SectorReport("gebruiker-1", PublicSectors.Provincies, 2024, Target: 470m, Realised: 400.5m, Percentage: 85.2m);
        var doc = new PublishedDocument("gebruiker-1", "Sectorrapportage 2024 (ingevoerd)", "", 2024, Parameters.ParameterStatus.Unconfirmed);
        var data = SectorData.With(report.ToFigures(), doc);
        var p = data.Get(PublicSectors.Provincies, 2024);
        Assert.Equal(400.5m, p.Realised!.Value);
        Assert.Equal(1, p.Realised.Precision);
        Assert.Equal(2024, data.ReportYearOf("gebruiker-1"));
        Assert.Contains(data.History(PublicSectors.Provincies), h => h.Year == 2024);
    }
}
