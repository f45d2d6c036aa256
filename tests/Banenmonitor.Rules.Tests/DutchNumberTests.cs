using Banenmonitor.Rules.Text;

namespace Banenmonitor.Rules.Tests;

public class DutchNumberTests
{
    private static readonly NumberBounds Any = new(-1_000_000_000m, 1_000_000_000m, 4, "test");

    [Theory]
    [InlineData("5.250", 5250)]
    [InlineData("608.400", 608400)]
    [InlineData("6.612", 6612)]
    [InlineData("1.234.567,5", 1234567.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("5250", 5250)]
    [InlineData("  42 ", 42)]
    [InlineData("0,25", 0.25)]
    [InlineData("-12,5", -12.5)]
    [InlineData("\u22123", -3)]
    public void A_form_field_reads_Dutch_notation(string text, double expected)
    {
        var r = DutchNumber.ReadField(text, Any);
        Assert.True(r.Ok, r.Error);
        Assert.Equal((decimal)expected, r.Value);
    }

    [Theory]
    [InlineData("5.25", "'5.25' kan 5,25 of 525 betekenen; gebruik een komma voor decimalen")]
    [InlineData("12.5", "'12.5' kan 12,5 of 125 betekenen")]
    [InlineData("1,234.5", "kan 1234,5 of 1,2345 betekenen")]
    [InlineData("1.23.4", "'1.23.4' is geen getal")]
    [InlineData("5,", "is geen getal")]
    [InlineData("1e5", "zonder e-notatie")]
    [InlineData("tien", "'tien' is geen getal")]
    [InlineData("", "'' is geen getal")]
    public void A_form_field_refuses_what_is_not_Dutch_notation(string text, string message)
    {
        var r = DutchNumber.ReadField(text, Any);
        Assert.False(r.Ok);
        Assert.Contains(message, r.Error);
    }

    [Fact]
    public void Bounds_refuse_negative_too_large_and_too_many_decimals_with_the_reason()
    {
        Assert.Contains("negatieve waarde -5 is niet toegestaan", DutchNumber.ReadField("-5", NumberLimits.EmployerPaidHours).Error);
        var huge = DutchNumber.ReadField("100000000000000000000000000", NumberLimits.EmployerPaidHours);
        Assert.Equal("100000000000000000000000000 is groter dan het maximum 10.000.000.000: " + NumberLimits.EmployerPaidHours.MaxReason, huge.Error);
        // Beyond decimal itself: refused the same way, never an exception.
        Assert.Contains("groter dan het maximum", DutchNumber.ReadField(new string('9', 60), NumberLimits.Jobs).Error);
        Assert.Contains("groter dan het maximum", DutchNumber.ReadSpreadsheet(1e300, NumberLimits.Jobs).Error);
        Assert.Contains("groter dan het maximum", DutchNumber.ReadSpreadsheet(double.PositiveInfinity, NumberLimits.Jobs).Error);
        Assert.Equal("12,345 heeft meer dan 2 decimalen", DutchNumber.ReadField("12,345", NumberLimits.Jobs).Error);
        Assert.Equal("2024,5 is geen geheel getal", DutchNumber.ReadField("2024,5", NumberLimits.Year).Error);
        Assert.Equal("2101 is groter dan het maximum 2100: " + NumberLimits.Year.MaxReason, DutchNumber.ReadField("2101", NumberLimits.Year).Error);
    }

    [Fact]
    public void A_spreadsheet_number_is_the_value_the_sheet_shows()
    {
        Assert.Equal(110.92m, DutchNumber.ReadSpreadsheet(110.92000000000002, NumberLimits.PersonHours).Value);
        Assert.Equal(0.3m, DutchNumber.ReadSpreadsheet(0.1 + 0.2, NumberLimits.Jobs).Value);
        Assert.Equal(608400m, DutchNumber.ReadSpreadsheet(608400d, NumberLimits.EmployerPaidHours).Value);
    }

    private static NumberConvention File(params string[] cells)
    {
        var c = new NumberConvention();
        for (var i = 0; i < cells.Length; i++) c.Observe(cells[i], $"rij {i + 2}, kolom 'x'");
        return c;
    }

    [Fact]
    public void A_file_without_a_decimal_mark_of_its_own_is_Dutch()
    {
        var f = File("5.250", "7", "608.400");
        Assert.Equal(DecimalMark.Comma, f.Mark);
        Assert.Equal(5250m, f.Read("5.250", Any).Value);
        Assert.Contains("'5.25' kan 5,25 of 525 betekenen; dit bestand gebruikt de komma als decimaalteken", File("5.250", "5.25", "12,5", "1,5").Read("5.25", Any).Error);
    }

    [Fact]
    public void A_decimal_point_file_reads_points_and_refuses_what_could_be_thousands()
    {
        var f = File("12.5", "7.25", "5.250");
        Assert.Equal(DecimalMark.Point, f.Mark);
        Assert.Equal(12.5m, f.Read("12.5", Any).Value);
        Assert.Equal(5250m, f.Read("5250", Any).Value);
        var e = f.Read("5.250", Any).Error;
        Assert.Equal("'5.250' kan 5250 of 5,25 betekenen; dit bestand gebruikt de punt als decimaalteken (bijvoorbeeld rij 2, kolom 'x': '12.5'); " +
                     "schrijf duizendtallen zonder scheidingsteken of gebruik in het hele bestand de komma als decimaalteken", e);
        Assert.Contains("'12,5' kan 12,5 of 125 betekenen", f.Read("12,5", Any).Error);
    }

    [Fact]
    public void A_file_using_both_marks_equally_refuses_every_non_plain_cell()
    {
        var f = File("12.5", "12,5");
        Assert.Null(f.Mark);
        Assert.Contains("even vaak", f.Read("12.5", Any).Error);
        Assert.Contains("even vaak", f.Read("5.250", Any).Error);
        Assert.Equal(7m, f.Read("7", Any).Value);
    }

    /// <summary>Observes and reads one cell, as the import does row by row in its one pass.</summary>
    private static NumberResult Pass(NumberConvention c, string text, int row)
    {
        var r = DutchNumber.Readings(text);
        c.Observe(text, r, row, "uren");
        return c.Read(r, Any);
    }

    [Fact]
    public void One_pass_is_settled_only_when_every_mark_dependent_cell_was_read_under_the_mark_of_the_whole_file()
    {
        // Evidence first (Dutch): every later cell is read under the file's mark.
        var dutch = new NumberConvention();
        Assert.Equal(12.5m, Pass(dutch, "12,5", 2).Value);
        Assert.Equal(5250m, Pass(dutch, "5.250", 3).Value);
        Assert.Equal(80m, Pass(dutch, "80", 4).Value);
        Assert.True(dutch.Settled);

        // Plain digits never depend on the mark.
        var plain = new NumberConvention();
        Assert.Equal(80m, Pass(plain, "80", 2).Value);
        Assert.Equal(12.5m, Pass(plain, "12.5", 3).Value);
        Assert.True(plain.Settled);

        // 5.250 before any evidence is read as 5250 under the default comma; the rest of the file uses the decimal point.
        var late = new NumberConvention();
        Assert.Equal(5250m, Pass(late, "5.250", 2).Value);
        Assert.Equal(12.5m, Pass(late, "12.5", 3).Value);
        Assert.Equal(7.25m, Pass(late, "7.25", 4).Value);
        Assert.False(late.Settled);
        // The second pass reads with the mark of the whole file: 5.250 is refused, naming the cell that shows the mark.
        var whole = late.Decided();
        Assert.Equal(DecimalMark.Point, whole.Mark);
        Assert.Contains("'5.250' kan 5250 of 5,25 betekenen; dit bestand gebruikt de punt als decimaalteken (bijvoorbeeld rij 3, kolom 'uren': '12.5')",
            Pass(whole, "5.250", 2).Error);
        Assert.Equal(12.5m, Pass(whole, "12.5", 3).Value);
        // It observes no more cells: its mark stays that of the whole file.
        Assert.False(whole.Observing);
        for (var i = 0; i < 5; i++) Pass(whole, "1,5", 10 + i);
        Assert.Equal(DecimalMark.Point, whole.Mark);
        Assert.True(whole.Settled);

        // A cell refused for its mark is settled only by the second pass (its message names the file's example cell).
        var refused = new NumberConvention();
        Pass(refused, "12,5", 2);
        Assert.Contains("even vaak", Pass(refused, "5.25", 3).Error);
        Pass(refused, "1,5", 4);
        Assert.False(refused.Settled);
        Assert.Contains("'5.25' kan 5,25 of 525 betekenen; dit bestand gebruikt de komma als decimaalteken (bijvoorbeeld rij 2, kolom 'uren': '12,5')",
            Pass(refused.Decided(), "5.25", 3).Error);
    }

    [Theory]
    [InlineData("0", 0), InlineData("007", 7), InlineData("123456789012345678", 123456789012345678)]
    public void Plain_digits_read_the_same_both_ways(string text, long value)
    {
        var r = DutchNumber.Readings(text);
        Assert.Equal((value, value, false), (r.Comma!.Value, r.Point!.Value, r.Ambiguous));
        Assert.Null(r.OnlyMark);
    }
}
