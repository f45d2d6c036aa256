using System.Diagnostics;

namespace Banenmonitor.Cli.Tests;

/// <summary>
/// <c>banenmonitor rapport</c> end to end: real Chromium for the PDF, poppler-utils (pdftoppm, pdftotext) to read it back.
/// Expected numbers are those of seed 001 (BZK letter over 2023).
/// </summary>
public class RapportCommandTests
{
    private static string Tool(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), tool);
        Assert.True(p.ExitCode == 0, $"{tool}: {e.Result}");
        return o.Result;
    }

    private static string TempDir() => Directory.CreateTempSubdirectory("banenmonitor-cli-rapport-").FullName;

    [Fact]
    public void Report_2023_without_concept_is_refused_with_the_mismatches_and_nothing_is_written()
    {
        var dir = TempDir();
        try
        {
            var file = Path.Combine(dir, "rapport.pdf");
            var (exit, _, err) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "pdf", "--uit", file);
            Assert.NotEqual(0, exit);
            Assert.Contains("wordt niet gemaakt", err);
            Assert.Contains("inhoudelijke tegenstrijdigheden", err);
            Assert.Contains("Waterschappen", err);
            Assert.Contains("Hoger beroepsonderwijs", err);
            Assert.Contains("--concept", err);
            Assert.DoesNotContain("   at ", err);
            Assert.False(File.Exists(file));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Concept_pdf_2023_has_the_sector_figures_of_seed_001_and_shows_the_contradictions()
    {
        var dir = TempDir();
        try
        {
            var file = Path.Combine(dir, "rapport-2023.pdf");
            var (exit, output, err) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "pdf", "--concept", "--uit", file);
            Assert.True(exit == 0, err);
            Assert.Contains("CONCEPT", output);
            Assert.True(new FileInfo(file).Length > 10_000);

            Tool("pdftoppm", "-r", "40", "-png", file, Path.Combine(dir, "pagina"));
            var pngs = Directory.GetFiles(dir, "pagina*.png");
            var pages = int.Parse(Tool("pdfinfo", file).Split('\n').First(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
            Assert.True(pages >= 3, $"{pages} pagina's");
            Assert.Equal(pages, pngs.Length);

            var text = Tool("pdftotext", "-layout", file, "-");
            // Seed 001, "Cijfermatige realisatie 2023" per sector.
            foreach (var n in new[]
                     {
                         "5.637", "4.517", "80%",                 // Rijksoverheid
                         "822 fta", "508,5", "61,9%", "235,8", "90,5%", // Defensie
                         "5.250", "6.320", "120,4%", "6.490",     // Gemeenten
                         "458,3", "395,5", "86,3%",               // Provincies
                         "552 fta", "329 fta", "56,6%",          // Waterschappen (table)
                         "713 fta", "387 fta", "54,3%",          // Politie
                         "2.483", "506 fta", "20%",              // umc's
                         "5.845", "1.290", "3.809", "840 fta",   // po, vo
                         "1.900", "700 fta", "37%",              // mbo
                         "1.685", "498 fta", "30%", "36,6%",     // hbo
                         "2.514", "1.040", "41%", "46%",         // wo
                         "113 fta", "49 fta", "44%",             // onderzoeksinstellingen
                         "265.445", "138.885", "52,3%",          // doelgroepregister
                     })
                Assert.Contains(n, text);
            // The flagged contradiction: the water boards' table 56,6% with the computed 59,6% beside it.
            Assert.Contains("berekend: 59,6%", text);
            Assert.Contains("Tegenstrijdigheden in de bronnen", text);
            for (var p = 1; p <= pages; p++)
                Assert.Contains("CONCEPT", Tool("pdftotext", "-f", p.ToString(), "-l", p.ToString(), file, "-"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Html_and_xlsx_are_written_and_bad_options_give_dutch_errors()
    {
        var dir = TempDir();
        try
        {
            var html = Path.Combine(dir, "gemeenten.html");
            var (exit, _, err) = CliRunner.Run("rapport", "--jaar", "2023", "--sector", "gemeenten", "--formaat", "html", "--uit", html);
            Assert.True(exit == 0, err);
            var text = File.ReadAllText(html);
            Assert.Contains("6.320 fta", text);
            Assert.DoesNotContain("CONCEPT", text);

            // With a (new, empty) SQLite database: migrated on first use, no approved reports, same figures.
            var withDb = Path.Combine(dir, "gemeenten-db.html");
            (exit, _, err) = CliRunner.Run("rapport", "--jaar", "2023", "--sector", "gemeenten", "--formaat", "html", "--uit", withDb, "--database", Path.Combine(dir, "bm.db"));
            Assert.True(exit == 0, err);
            Assert.Contains("6.320 fta", File.ReadAllText(withDb));

            var xlsx = Path.Combine(dir, "rapport.xlsx");
            (exit, _, err) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "xlsx", "--concept", "--uit", xlsx);
            Assert.True(exit == 0, err);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(xlsx), 0, 2));

            (exit, _, err) = CliRunner.Run("rapport", "--jaar", "2023", "--formaat", "docx", "--uit", Path.Combine(dir, "x"));
            Assert.Equal(2, exit);
            Assert.Contains("Onbekend formaat 'docx'", err);
            (exit, _, err) = CliRunner.Run("rapport", "--jaar", "2023", "--sector", "markt", "--formaat", "html", "--uit", Path.Combine(dir, "x"));
            Assert.Equal(2, exit);
            Assert.Contains("Onbekende sector 'markt'", err);
        }
        finally { Directory.Delete(dir, true); }
    }
}
