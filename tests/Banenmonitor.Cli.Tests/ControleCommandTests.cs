using System.Diagnostics;
using System.Text.Json;

namespace Banenmonitor.Cli.Tests;

/// <summary><c>banenmonitor controle</c>, run as the real program (a child process) against the repository's data files.</summary>
public class ControleCommandTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Banenmonitor.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "banenmonitor.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException(); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Lists_the_contradictions_in_Dutch_and_exits_with_1()
    {
        var (exit, output, err) = Run("controle");
        Assert.Equal(1, exit);
        Assert.Equal("", err);
        Assert.Contains("[INHOUDELIJK] 2023 waterschappen — realisatiepercentage (tabel) (Kamerbrief BZK 2024 over 2023)", output);
        Assert.Contains("gepubliceerd: 56,6%", output);
        Assert.Contains("329 ÷ 552 × 100 = 59,6%", output);
        Assert.Contains("[INHOUDELIJK] 2023 hbo — realisatiepercentage inclusief SROI (Kamerbrief BZK 2024 over 2023)", output);
        Assert.Contains("(498 + 114) ÷ 1.685 × 100 = 36,32%", output);
        Assert.Contains("[AFRONDING] 2021 rijk — realisatiepercentage (Kamerbrief BZK 2022 over 2021)", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public void Json_gives_every_mismatch_with_document_values_severity_and_explanation()
    {
        var (exit, output, _) = Run("controle", "--format", "json");
        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var list = root.GetProperty("afwijkingen").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("aantalAfronding").GetInt32() + root.GetProperty("aantalInhoudelijk").GetInt32(), list.Count);
        var ws = list.Single(a => a.GetProperty("sector").GetString() == "waterschappen" && a.GetProperty("soort").GetString() == "percentage"
                                  && a.GetProperty("ernst").GetString() == "inhoudelijk");
        Assert.Equal("001", ws.GetProperty("document").GetString());
        Assert.Equal(2023, ws.GetProperty("jaar").GetInt32());
        Assert.Equal(56.6m, ws.GetProperty("gepubliceerd").GetDecimal());
        Assert.Equal(59.6m, Math.Round(ws.GetProperty("berekend").GetDecimal(), 1));
        Assert.Contains("Niet verklaarbaar door afronding", ws.GetProperty("toelichting").GetString());
        Assert.Contains("Realisatiepercentage 56,6%", ws.GetProperty("bron").GetString());
        Assert.Equal(2, ws.GetProperty("invoer").GetArrayLength());
        Assert.All(list, a => Assert.Contains(a.GetProperty("ernst").GetString(), new[] { "afronding", "inhoudelijk" }));
    }

    [Fact]
    public void Only_rounding_differences_give_exit_code_0()
    {
        var (exit, output, _) = Run("controle", "--jaar", "2021", "--sector", "rijk");
        Assert.Equal(0, exit);
        Assert.Contains("[AFRONDING] 2021 rijk", output);
        Assert.Contains("3.203 ÷ 4.674 × 100 = 68,53%", output);
        Assert.DoesNotContain("INHOUDELIJK", output);
    }

    [Fact]
    public void Filters_on_year_and_sector_including_the_national_measurement()
    {
        var (exit, output, _) = Run("controle", "--jaar", "2021", "--sector", "landelijk", "--alles", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var list = doc.RootElement.GetProperty("afwijkingen").EnumerateArray().ToList();
        Assert.NotEmpty(list);
        Assert.All(list, a => { Assert.Equal(2021, a.GetProperty("jaar").GetInt32()); Assert.Equal("landelijk", a.GetProperty("sector").GetString()); });
        Assert.Contains(list, a => a.GetProperty("cijfer").GetString() == "Tabel 1: toename overheid / inleen" && a.GetProperty("ernst").GetString() == "gelijk");
    }

    [Fact]
    public void Unknown_sector_is_a_Dutch_user_error()
    {
        var (exit, _, err) = Run("controle", "--sector", "ministeries");
        Assert.Equal(2, exit);
        Assert.Contains("Onbekende sector 'ministeries'", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_users_own_file_is_checked_and_bad_rows_are_reported_by_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("controle");
        try
        {
            var docs = Path.Combine(dir.FullName, "documenten.csv");
            File.WriteAllText(docs, "document,titel,kenmerk,verslagjaar,status,bestand\neigen,Eigen rapportage,,2024,unconfirmed,\n");
            var good = Path.Combine(dir.FullName, "goed.csv");
            File.WriteAllText(good, "document,jaar,sector,grootheid,kenmerk,waarde,eenheid,benadering,sectie,citaat,toelichting\n" +
                "eigen,2024,defensie,doel,,850,fta,nee,tabel,\"Doel 850 fta\",\n" +
                "eigen,2024,defensie,realisatie,,520,fta,nee,tabel,\"Realisatie 520 fta\",\n" +
                "eigen,2024,defensie,realisatiepercentage,,65.2,%,nee,tabel,\"Realisatiepercentage 65,2%\",\n");
            var (exit, output, _) = Run("controle", "--documenten", docs, "--sectoren", good, "--sector", "defensie");
            Assert.Equal(1, exit);
            Assert.Contains("[INHOUDELIJK] 2024 defensie — realisatiepercentage (document eigen)", output);
            Assert.Contains("520 ÷ 850 × 100 = 61,18%", output);

            var bad = Path.Combine(dir.FullName, "fout.csv");
            File.WriteAllText(bad, "document,jaar,sector,grootheid,kenmerk,waarde,eenheid,benadering,sectie,citaat,toelichting\n" +
                "eigen,2024,defensie,doel,,8x0,fta,nee,tabel,\"Doel\",\n");
            var (exit2, _, err2) = Run("controle", "--documenten", docs, "--sectoren", bad);
            Assert.Equal(2, exit2);
            Assert.Contains("fout.csv, regel 2, kolom waarde: '8x0' is geen getal", err2);
        }
        finally { dir.Delete(true); }
    }
}
