using Banenmonitor.Rules.Measurement;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;

namespace Banenmonitor.Rules.Tests;

/// <summary>Seed 004 (Kamerstuk 34 352 nr. 255), Tabel 1: results end 2021 against the baseline.</summary>
public class NationalMeasurementTests
{
    private static readonly NationalMeasurementResult R = Compute();

    private static NationalMeasurementResult Compute()
    {
        var figures = NationalFigures.Parse(File.ReadAllText(RepoFile("data/published/landelijke_meting.csv")), "landelijke_meting.csv");
        var input = figures.InputFor(2021) ?? throw new InvalidOperationException("geen invoer 2021");
        return new NationalMeasurement(ParameterSet.Embedded).Compute(input, figures.PublishedCells(2021));
    }

    internal static string RepoFile(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, relative))) return Path.Combine(d.FullName, relative);
        throw new FileNotFoundException(relative);
    }

    [Theory]
    // sector, form, published value in Tabel 1
    [InlineData(MeasurementSector.Market, EmploymentForm.Formal, 59928)]
    [InlineData(MeasurementSector.Government, EmploymentForm.Formal, 7094)]
    [InlineData(MeasurementSector.Total, EmploymentForm.Formal, 67021)]
    [InlineData(MeasurementSector.Market, EmploymentForm.HiredIn, 1039)]
    [InlineData(MeasurementSector.Government, EmploymentForm.HiredIn, 4748)]
    [InlineData(MeasurementSector.Total, EmploymentForm.HiredIn, 5787)]
    [InlineData(MeasurementSector.Market, EmploymentForm.Total, 60966)]
    [InlineData(MeasurementSector.Government, EmploymentForm.Total, 11842)]
    [InlineData(MeasurementSector.Total, EmploymentForm.Total, 72809)]
    public void Every_cell_of_Tabel_1_is_reproduced_exactly_or_within_rounding_with_a_reason(MeasurementSector s, EmploymentForm f, int published)
    {
        var cell = R.Cell(s, f);
        Assert.NotNull(cell.Published);
        Assert.Equal(published, cell.Published!.Value);
        Assert.True(Math.Abs(cell.Computed - published) <= 1m, $"{s}/{f}: {cell.Computed} vs {published}");
        Assert.NotEqual(CellAgreement.Substantive, cell.Agreement);
        if (cell.Agreement == CellAgreement.Rounding) Assert.Contains("afronding", cell.Explanation);
    }

    [Fact]
    public void Hired_in_jobs_follow_from_36206_at_76_24_and_41993_at_68_32()
    {
        Assert.Equal(41_993m * 0.68m - 36_206m * 0.76m, R.Cell(MeasurementSector.Market, EmploymentForm.HiredIn).Computed);
        Assert.Equal(41_993m * 0.32m - 36_206m * 0.24m, R.Cell(MeasurementSector.Government, EmploymentForm.HiredIn).Computed);
    }

    [Fact]
    public void The_letters_own_rounding_differences_are_shown_not_copied()
    {
        // Footnote 2 of Tabel 1: sums may differ through rounding. Market total: 59,928 + 1,038.68 = 60,966.68 → 60,967; published 60,966.
        var market = R.Cell(MeasurementSector.Market, EmploymentForm.Total);
        Assert.Equal(60_967m, market.Rounded);
        Assert.Equal(CellAgreement.Rounding, market.Agreement);
        var formal = R.Cell(MeasurementSector.Total, EmploymentForm.Formal);
        Assert.Equal(67_022m, formal.Rounded);
        Assert.Equal(CellAgreement.Rounding, formal.Agreement);
    }

    [Fact]
    public void Targets_and_total_jobs_including_the_baseline()
    {
        Assert.Equal(60_000m, R.TargetMarket.Value);
        Assert.Equal(20_000m, R.TargetGovernment.Value);
        Assert.Equal(147_988m, LegalRounding.Half(R.TotalJobs.Value, 0));
    }

    [Fact]
    public void A_published_cell_that_rounding_cannot_explain_is_substantive()
    {
        var input = new NationalMeasurementInput(2021, new Jobs(59_928), new Jobs(7_094), new Jobs(41_993));
        var wrong = new[] { new PublishedCell(MeasurementSector.Government, EmploymentForm.Total, 11_942m, "test") };
        var r = new NationalMeasurement(ParameterSet.Embedded).Compute(input, wrong);
        Assert.Equal(CellAgreement.Substantive, r.Cell(MeasurementSector.Government, EmploymentForm.Total).Agreement);
    }

    [Fact]
    public void National_figures_file_errors_name_the_line_and_column()
    {
        const string text = "jaar,sector,vorm,grootheid,waarde,status,bron\n2021,markt,formeel,toename,abc,letter,x\n2021,zee,formeel,toename,1,letter,x\n";
        var e = Assert.Throws<FormatException>(() => NationalFigures.Parse(text, "f.csv"));
        Assert.Contains("f.csv, regel 2, kolom waarde", e.Message);
        Assert.Contains("f.csv, regel 3", e.Message);
        Assert.Contains("onbekende sector 'zee'", e.Message);
    }
}
