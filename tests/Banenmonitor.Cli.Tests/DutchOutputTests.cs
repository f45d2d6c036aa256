using System.Text.RegularExpressions;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// Issue 21: numbers the CLI prints for people are Dutch (a thousands point, a decimal comma), and <c>controle</c> and
/// <c>rapport</c> read resolutions only from a database that is named (<c>--database</c> or BANENMONITOR_DATABASE), never
/// from a <c>banenmonitor.db</c> that happens to be in the working folder.
/// </summary>
public class DutchOutputTests
{
    [Fact]
    public void The_procurement_survey_prints_its_counts_and_shares_in_Dutch()
    {
        var (exit, output, err) = CliRunner.Run("enquete", "aanbesteding");
        Assert.True(exit == 0, err);
        // §7.3 merges 'zorg_cultuur' into 'zakelijk', which had 1.066 respondents.
        Assert.Contains("(1.066 respondenten)", output);
        Assert.DoesNotContain("1066", output);
        // No number with a decimal point in the weights table (the printed population shares were "0.25"-style before).
        var table = output[output.IndexOf("sector        klasse", StringComparison.Ordinal)..output.IndexOf("Keten", StringComparison.Ordinal)];
        Assert.DoesNotMatch(new Regex(@"\d\.\d{1,2}(?!\d)"), table);
    }

    [Fact]
    public void Controle_and_rapport_without_a_named_database_do_not_read_a_banenmonitor_db_in_the_working_folder()
    {
        var dir = Directory.CreateTempSubdirectory("banenmonitor-cli-geen-db-").FullName;
        var (oldDir, oldDb, oldProvider) = (Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE"),
            Environment.GetEnvironmentVariable("BANENMONITOR_DATABASE_PROVIDER"));
        try
        {
            Environment.SetEnvironmentVariable("BANENMONITOR_DATABASE", null);
            Environment.SetEnvironmentVariable("BANENMONITOR_DATABASE_PROVIDER", null);
            Directory.SetCurrentDirectory(dir);
            // A banenmonitor.db in the working folder with every 2023 finding resolved.
            var (_, json, _) = CliRunner.Run("controle", "--jaar", "2023", "--format", "json");
            var keys = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("afwijkingen").EnumerateArray()
                .Where(a => a.GetProperty("ernst").GetString() == "inhoudelijk").Select(a => a.GetProperty("sleutel").GetString()!).ToList();
            foreach (var key in keys)
                Assert.Equal(0, CliRunner.Run("controle", "oplossen", "--jaar", "2023", "--bevinding", key, "--waarde", "herberekend", "--reden", "Herberekening geldt").Exit);
            Assert.True(File.Exists(Path.Combine(dir, "banenmonitor.db")));

            var (plain, text, _) = CliRunner.Run("controle", "--jaar", "2023");
            Assert.Equal(1, plain); // the file is not read: the findings are open
            Assert.Contains("Zonder database", text);
            Assert.DoesNotContain("OPGELOST", text);

            var (named, namedText, _) = CliRunner.Run("controle", "--jaar", "2023", "--database", "banenmonitor.db");
            Assert.Equal(0, named);
            Assert.Contains("Database: ", namedText);

            var (refused, _, refusedErr) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "html", "--uit", "r.html");
            Assert.Equal(1, refused);
            Assert.Contains("wordt niet gemaakt", refusedErr);

            Environment.SetEnvironmentVariable("BANENMONITOR_DATABASE", "banenmonitor.db");
            var (built, builtOut, builtErr) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "html", "--uit", "r.html");
            Assert.True(built == 0, builtErr);
            Assert.Matches(@"\(html, \d{1,3}(\.\d{3})+ bytes, 13 sector\(en\), \d+ bronnen, \d+ berekende cijfers met uitleg in de bijlage", builtOut);
            Assert.Contains("Database: ", builtOut);
            var html = File.ReadAllText(Path.Combine(dir, "r.html"));
            Assert.Contains("Bijlage: uitleg van de berekende cijfers", html);
            Assert.Contains("<h2>Werkagenda's</h2>", html);
        }
        finally
        {
            Directory.SetCurrentDirectory(oldDir);
            Environment.SetEnvironmentVariable("BANENMONITOR_DATABASE", oldDb);
            Environment.SetEnvironmentVariable("BANENMONITOR_DATABASE_PROVIDER", oldProvider);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
