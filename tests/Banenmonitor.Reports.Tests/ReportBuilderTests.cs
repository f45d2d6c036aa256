using Banenmonitor.Reports.Progress;
using Banenmonitor.Rules.Published;

namespace Banenmonitor.Reports.Tests;

/// <summary>
/// The report model against the source documents: expected numbers are read from the seed letters (000 over 2021,
/// 001 over 2023, 002 over 2020, 004 Tabel 1), not from the code.
/// </summary>
public class ReportBuilderTests
{
    private static readonly ReportSources Sources = ReportSources.Embedded();
    private static ReportBuilder Builder => new(Sources);

    private static SectorSection Section(ProgressReport r, PublicSector s) => r.Sectors.Single(x => x.Sector == s);
    private static ReportValue Row(SectorSection s, string label) => s.Realisation.Single(r => r.Label == label).Value!;

    [Fact]
    public void Report_2023_is_refused_while_the_sources_contradict_each_other_and_the_message_lists_them()
    {
        var e = Assert.Throws<ReportRefusedException>(() => Builder.Build(2023));
        Assert.NotEmpty(e.Mismatches);
        Assert.All(e.Mismatches, m => Assert.Equal(CheckOutcome.Substantive, m.Outcome));
        // Seed 001: water boards table 56,6% while 329 / 552 = 59,6%.
        Assert.Contains("Waterschappen", e.Message);
        Assert.Contains("56,6", e.Message);
        Assert.Contains("59,6", e.Message);
        // The advice depends on where the user is: the command line gets its options, the website its own form, never a CLI option.
        Assert.DoesNotContain("--concept", e.Message);
        Assert.Contains("--concept", ReportRefusedException.CommandLineAdvice);
        Assert.DoesNotContain("banenmonitor", ReportRefusedException.WebsiteAdvice);
        Assert.DoesNotContain("--", ReportRefusedException.WebsiteAdvice);
        Assert.Equal(e.Mismatches.Count, e.Message.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_sector_without_contradictions_builds_a_final_report_and_a_contradicted_one_does_not()
    {
        var r = Builder.Build(2023, PublicSectors.Gemeenten);
        Assert.False(r.IsConcept);
        Assert.Empty(r.Contradictions);
        Assert.Single(r.Sectors);
        Assert.Throws<ReportRefusedException>(() => Builder.Build(2023, PublicSectors.Waterschappen));
    }

    [Fact]
    public void Concept_2023_follows_the_letter_order_and_form_of_seed_001()
    {
        var r = Builder.Build(2023, concept: true);
        Assert.True(r.IsConcept);
        // Seed 001: Rijksoverheid, Defensie, Gemeenten, Provincies, Waterschappen, Politie, umc's, then education.
        Assert.Equal(["rijk", "defensie", "gemeenten", "provincies", "waterschappen", "politie", "umc", "po", "vo", "mbo", "hbo", "wo", "onderzoeksinstellingen"],
            r.Sectors.Select(s => s.Sector.Code));
        var gem = Section(r, PublicSectors.Gemeenten);
        Assert.Equal(5250m, Row(gem, "Doel").Value);
        Assert.Equal("5.250 fta", Row(gem, "Doel").Text);
        Assert.Equal(6320m, Row(gem, "Realisatie").Value);
        Assert.Equal("120,4%", Row(gem, "Realisatiepercentage").Text);
        // "Zorgelijk is dat het vorig jaar nog 6.490 banen waren en er dus een daling te zien is van 170 banen."
        Assert.Equal(6490m, gem.Comparison.Single(c => c.Label == "Realisatie 2022").Value!.Value);
        Assert.Equal(-170m, gem.Comparison.Single(c => c.Label.StartsWith("Verschil in realisatie t.o.v. 2022 (berekend)")).Value!.Value);

        var def = Section(r, PublicSectors.Defensie);
        Assert.Equal("822 fta", Row(def, "Doel").Text);
        Assert.Equal("508,5 fta", Row(def, "Realisatie").Text);
        Assert.Equal("61,9%", Row(def, "Realisatiepercentage").Text);
        Assert.Equal("235,8 fta", Row(def, "Banen via SROI/inkoop").Text);
        Assert.Equal("90,5%", Row(def, "Realisatiepercentage inclusief SROI").Text);
        var incl = Row(def, "Realisatie inclusief SROI");
        Assert.True(incl.Computed);
        Assert.Equal(508.5m + 235.8m, incl.Value);

        // Coverage: "Van de 35 organisaties hebben 33 data aangeleverd".
        Assert.Equal("33 van 35 organisaties", Section(r, PublicSectors.Waterschappen).CoverageText);
        Assert.Equal("ca. 1.290 fta", Row(Section(r, PublicSectors.Po), "Realisatie").Text);
    }

    [Fact]
    public void Concept_marks_the_contradicted_cell_with_the_computed_value_and_lists_the_contradiction()
    {
        var r = Builder.Build(2023, concept: true);
        var pct = Row(Section(r, PublicSectors.Waterschappen), "Realisatiepercentage");
        Assert.Equal(56.6m, pct.Value);
        var flag = Assert.IsType<ContradictionFlag>(pct.Flag);
        Assert.Equal(59.6m, flag.Other);
        var listed = r.Contradictions.Single(c => c.Number == flag.Number);
        Assert.Equal("Waterschappen", listed.Sector);
        Assert.Equal(56.6m, listed.Published);
        // hbo: (498 + 114) / 1.685 = 36,3% against the published 36,6%.
        var hbo = Row(Section(r, PublicSectors.Hbo), "Realisatiepercentage inclusief SROI");
        Assert.Equal(36.3m, hbo.Flag!.Other);
        // Uncontradicted figures carry no flag.
        Assert.Null(Row(Section(r, PublicSectors.Gemeenten), "Realisatiepercentage").Flag);
        Assert.Equal(Builder.BlockingContradictions(2023).Count, r.Contradictions.Count);
    }

    [Fact]
    public void Every_figure_has_a_source_that_exists_in_the_source_list()
    {
        foreach (var year in new[] { 2020, 2021, 2023 })
        {
            var r = Builder.Build(year, concept: true);
            var numbers = r.Sources.Select(s => s.Number).ToHashSet();
            Assert.Equal(Enumerable.Range(1, r.Sources.Count), r.Sources.Select(s => s.Number));
            var values = r.Sectors.SelectMany(s => s.Realisation.Concat(s.Composition).Concat(s.Comparison).Concat(s.Coverage)).Select(x => x.Value)
                .Concat(r.National?.Table.SelectMany(t => t.Cells) ?? []).Concat(r.National?.Facts.Select(f => f.Value) ?? [])
                .Where(v => v is not null).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.True(v!.Sources.Count > 0 && v.Sources.All(numbers.Contains), $"{year}: {v.Text} zonder geldige bron"));
            Assert.All(r.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Quote)));
        }
    }

    [Fact]
    public void National_2021_has_table_1_of_seed_004()
    {
        var r = Builder.Build(2021, concept: true);
        var n = r.National!;
        Assert.True(n.ByForm);
        decimal?[] Cells(string label) => n.Table.Single(t => t.Label == label).Cells.Select(c => c?.Value).ToArray();
        Assert.Equal([59928m, 7094m, 67021m], Cells("Formele dienstverbanden"));
        Assert.Equal([1039m, 4748m, 5787m], Cells("Inleenverbanden"));
        Assert.Equal([60966m, 11842m, 72809m], Cells("Totaal"));
        Assert.Equal([60000m, 20000m, 80000m], Cells("Doelstelling"));
        Assert.Equal([966m, -8158m, -7191m], Cells("Verschil met doelstelling"));
        Assert.Contains(n.Facts, f => f.Value!.Value == 147988m);
        Assert.Contains("<svg", n.TargetPathChart);
    }

    [Fact]
    public void Report_2021_follows_seed_000_and_2020_follows_seed_002()
    {
        var r21 = Builder.Build(2021, concept: true);
        Assert.Equal(["gemeenten", "provincies", "waterschappen", "rijk"], r21.Sectors.Take(4).Select(s => s.Sector.Code));
        var gem = Section(r21, PublicSectors.Gemeenten);
        Assert.Equal("5.796 fta", Row(gem, "Realisatie").Text);
        Assert.Equal("110,4%", Row(gem, "Realisatiepercentage").Text);
        Assert.Equal("94,2%", Row(Section(r21, PublicSectors.Provincies), "Realisatiepercentage").Text);

        var r20 = Builder.Build(2020, concept: true);
        Assert.Equal("provincies", r20.Sectors[0].Sector.Code);
        var rijk = Section(r20, PublicSectors.Rijk);
        Assert.Equal([4072m, 2663m, 65m], new[] { "Doel", "Realisatie", "Realisatiepercentage" }.Select(l => Row(rijk, l).Value));
        // Defensie 2020: "88%" counts the 210 SROI jobs (556 / 633), so it is a contradiction of the realisation 346 / 633.
        var def = Row(Section(r20, PublicSectors.Defensie), "Realisatiepercentage");
        Assert.Equal(88m, def.Value);
        Assert.NotNull(def.Flag);
        Assert.Contains(r20.Sectors, s => !s.HasFigures);
    }

    [Fact]
    public void Sector_report_holds_only_that_sector_with_its_trend()
    {
        var r = Builder.Build(2023, PublicSectors.Hbo, concept: true);
        Assert.Equal(PublicSectors.Hbo, Assert.Single(r.Sectors).Sector);
        Assert.Null(r.National);
        Assert.All(r.Contradictions, c => Assert.Equal(PublicSectors.Hbo.Name, c.Sector));
        Assert.Contains("<svg", r.Sectors[0].TrendChart);
    }

    [Fact]
    public void The_report_cites_each_document_by_its_title_and_number_and_never_by_seed()
    {
        // National figures of 2021 come from Kamerstuk 34 352, nr. 255; the register of 2023 from BZK's letter of 2024.
        var r2021 = Builder.Build(2021, concept: true);
        Assert.Contains(r2021.Sources, s => s.Document == "004" && s.DocumentTitle.EndsWith("[Kamerstuk 34 352, nr. 255]", StringComparison.Ordinal));
        var r2023 = Builder.Build(2023, concept: true);
        Assert.Contains(r2023.Sources, s => s.Document == "001" && s.Section == "Doelgroepregister (UWV)" && s.DocumentTitle.Contains("voortgang van de banenafspraak"));
        foreach (var s in r2021.Sources.Concat(r2023.Sources))
            Assert.DoesNotMatch(@"(?i)\bseeds?\b", $"{s.DocumentTitle} {s.Section} {s.Quote} {s.Note}");
    }

    [Fact]
    public void Register_figures_are_parsed_with_file_and_line_in_errors()
    {
        var e = Assert.Throws<FormatException>(() => TargetGroupRegisterFigures.Parse(
            "jaar,grootheid,waarde,eenheid,status,bron\n2023,personen,veel,personen,letter,x\n", "doelgroepregister.csv"));
        Assert.Contains("doelgroepregister.csv, regel 2, kolom waarde", e.Message);
        Assert.Equal(265445m, Sources.Register.Find(2023, TargetGroupRegisterFigures.Persons)!.Value);
    }
}
