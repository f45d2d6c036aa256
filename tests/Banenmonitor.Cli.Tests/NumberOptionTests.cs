using System.Text.Json;

namespace Banenmonitor.Cli.Tests;

/// <summary>Number options are read as Dutch users type them (600.000 = 600000), through the same reader as forms and uploads.</summary>
public class NumberOptionTests
{
    private static JsonElement Json(params string[] args)
    {
        var (exit, output, err) = CliRunner.Run(args);
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Thousands_points_in_options_are_thousands()
    {
        var dutch = Json("quotum", "--jaar", "2022", "--verloonde-uren", "600.000", "--uren-doelgroep", "15.000", "--verloonde-uren-vorig-jaar", "600.000", "--format", "json");
        Assert.Equal(600_000m, dutch.GetProperty("verloondeUren").GetDecimal());
        Assert.Equal(0.8m, dutch.GetProperty("quotumtekort").GetDecimal());
        Assert.Equal(4000m, dutch.GetProperty("quotumheffing").GetDecimal());

        var comma = Json("vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1.000.000", "--uren-doelgroep", "13.310",
            "--verloonde-uren-vorig-jaar", "1000000", "--werknemer-uren", "1.331;2.500", "--parameter", "quotumpercentage_overheid=2026:2.76:test", "--format", "json");
        var plain = Json("vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1000000", "--uren-doelgroep", "13310",
            "--verloonde-uren-vorig-jaar", "1000000", "--werknemer-uren", "1331;2500", "--parameter", "quotumpercentage_overheid=2026:2.76:test", "--format", "json");
        Assert.Equal(plain.ToString(), comma.ToString());
        Assert.Equal(53_500m, comma.GetProperty("quotumregeling").GetProperty("teBetalen").GetDecimal());
    }

    [Theory]
    [InlineData("--verloonde-uren", "5.25", "Ongeldige waarde '5.25' voor --verloonde-uren: '5.25' kan 5,25 of 525 betekenen; gebruik een komma voor decimalen")]
    [InlineData("--verloonde-uren", "100000000000000000000000000", "is groter dan het maximum 10.000.000.000")]
    [InlineData("--verloonde-uren", "99999999999999999999999999999999999999", "is groter dan het maximum")]
    [InlineData("--uren-doelgroep", "12,345", "heeft meer dan 2 decimalen")]
    public void A_number_option_that_is_ambiguous_or_beyond_any_employer_is_refused(string option, string value, string expected)
    {
        var args = new List<string> { "quotum", "--jaar", "2022", "--verloonde-uren", "600000" };
        var i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value; else args.AddRange([option, value]);
        var (exit, output, err) = CliRunner.Run([.. args]);
        Assert.Equal(2, exit);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("Exception", err + output);
    }

    [Fact]
    public void A_werknemer_list_with_a_point_decimal_is_refused_with_both_readings()
    {
        var (exit, _, err) = CliRunner.Run("vergelijk", "werkgever", "--jaar", "2026", "--verloonde-uren", "1000000", "--werknemer-uren", "1331;25.5");
        Assert.Equal(2, exit);
        Assert.Contains("'25.5' (positie 2) in --werknemer-uren: '25.5' kan 25,5 of 255 betekenen", err);
    }
}

/// <summary>The import command reads upload cells through the same reader: 608.400 paid hours are 608400.</summary>
public class NumberImportCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("banenmonitor-cli-getallen").FullName;
    private string Db => Path.Combine(dir, "cli.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Dutch_thousands_in_an_imported_file_are_stored_as_thousands_and_an_ambiguous_file_is_refused()
    {
        var employers = File("werkgevers.csv", "loonheffingennummer;naam;sector;grootteklasse;uitlener\n100000004L01;Scholen;po;middel;geen\n");
        Assert.Equal(0, CliRunner.Run("import", "werkgevers", employers, "--database", Db).Exit);
        var ambiguous = File("rapportage-punt.csv", "loonheffingennummer;jaar;verloonde_uren;uren_doelgroep;bron\n100000004L01;2023;608.400;12.5;Eigen telling\n");
        var (exit, _, err) = CliRunner.Run("import", "werkgeversrapportages", ambiguous, "--database", Db);
        Assert.NotEqual(0, exit);
        Assert.Contains("rij 2, kolom 'verloonde_uren': '608.400' kan 608400 of 608,4 betekenen; dit bestand gebruikt de punt als decimaalteken", err);

        var dutch = File("rapportage.csv", "loonheffingennummer;jaar;verloonde_uren;uren_doelgroep;bron\n100000004L01;2023;608.400;5.250;Eigen telling\n");
        (exit, _, err) = CliRunner.Run("import", "werkgeversrapportages", dutch, "--database", Db);
        Assert.True(exit == 0, err);
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT TotalPaidHours, TargetGroupHours FROM EmployerReports";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(608_400m, r.GetDecimal(0));
        Assert.Equal(5250m, r.GetDecimal(1));
        Assert.False(r.Read());
    }
}
