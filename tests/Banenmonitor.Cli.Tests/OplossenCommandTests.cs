using System.Text.Json;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// <c>controle oplossen</c> / <c>controle oplossingen</c> on a real SQLite file: each 2023 finding resolved by its key,
/// a second resolution supersedes the first, <c>controle</c> then shows them as resolved (exit 0), and <c>rapport</c>
/// builds the final report with the resolutions in its annex and a Dutch byte count.
/// </summary>
public class OplossenCommandTests
{
    [Fact]
    public void Resolving_every_2023_finding_lets_controle_pass_and_the_final_report_list_the_resolutions()
    {
        var dir = Directory.CreateTempSubdirectory("banenmonitor-cli-oplossen-").FullName;
        try
        {
            var db = Path.Combine(dir, "b.db");
            var (exit, json, _) = CliRunner.Run("controle", "--jaar", "2023", "--database", db, "--format", "json");
            Assert.Equal(1, exit);
            var keys = JsonDocument.Parse(json).RootElement.GetProperty("afwijkingen").EnumerateArray()
                .Where(a => a.GetProperty("ernst").GetString() == "inhoudelijk").Select(a => a.GetProperty("sleutel").GetString()!).ToList();
            Assert.Contains("waterschappen:percentage:realisatiepercentage-tabel", keys);

            var (bad, _, err) = CliRunner.Run("controle", "oplossen", "--jaar", "2023", "--bevinding", "bestaat:niet", "--waarde", "gepubliceerd", "--reden", "Geen", "--database", db);
            Assert.NotEqual(0, bad);
            Assert.Contains("Geen inhoudelijke bevinding 'bestaat:niet'", err);
            Assert.Contains(keys[0], err); // lists the keys that do exist

            foreach (var key in keys)
            {
                var (ok, output, e) = CliRunner.Run("controle", "oplossen", "--jaar", "2023", "--bevinding", key, "--waarde", "herberekend", "--reden", $"Herberekening geldt voor {key}", "--database", db);
                Assert.True(ok == 0, e);
                Assert.Contains("opgelost", output);
            }
            var (again, againOut, _) = CliRunner.Run("controle", "oplossen", "--jaar", "2023", "--bevinding", keys[0], "--waarde", "1.234,5", "--bron", "Erratum bij de brief, tabel 1",
                "--reden", "Gecorrigeerd volgens het erratum", "--database", db);
            Assert.Equal(0, again);
            Assert.Contains("vervangt oplossing", againOut);

            var (listExit, list, _) = CliRunner.Run("controle", "oplossingen", "--jaar", "2023", "--database", db);
            Assert.Equal(0, listExit);
            Assert.Contains($"Oplossingen van bevindingen over 2023: {keys.Count + 1}", list);
            Assert.Contains("vervangen door", list);
            Assert.Contains("1.234,5", list);

            var (after, text, _) = CliRunner.Run("controle", "--jaar", "2023", "--database", db);
            Assert.Equal(0, after);
            Assert.Contains("INHOUDELIJK, OPGELOST", text);
            Assert.Contains("Gecorrigeerd volgens het erratum", text);

            var file = Path.Combine(dir, "rapport.html");
            var (rapport, rapportOut, rapportErr) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "html", "--uit", file, "--database", db);
            Assert.True(rapport == 0, rapportErr);
            Assert.Matches(@"\(html, \d{1,3}(\.\d{3})+ bytes", rapportOut); // Dutch thousands separator, not 637,296
            Assert.Contains($"{keys.Count} opgeloste bevindingen in de bijlage", rapportOut);
            var html = File.ReadAllText(file);
            Assert.Contains("Bijlage: opgeloste tegenstrijdigheden", html);
            Assert.Contains("Gecorrigeerd volgens het erratum", html);
            Assert.DoesNotContain("CONCEPT", html);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
