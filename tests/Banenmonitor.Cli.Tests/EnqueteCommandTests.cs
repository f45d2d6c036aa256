using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Banenmonitor.Cli.Tests;

/// <summary>Runs the real <c>banenmonitor</c> binary for <c>enquete schat</c> and <c>enquete seed003</c>.</summary>
public class EnqueteCommandTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "published", "aanbestedingsenquete"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root");
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot() };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "banenmonitor.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var outTask = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, outTask.Result, err);
    }

    private static string Fixture(string f) => Path.Combine(RepoRoot(), "tests", "Banenmonitor.Survey.Tests", "Fixtures", f);

    [Fact]
    public void Seed003_flags_the_hired_in_persons_step()
    {
        var (exit, output, err) = Run("enquete", "seed003", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var t = Assert.Single(doc.RootElement.GetProperty("tegenstrijdigheden").EnumerateArray());
        Assert.Equal("personen_inleen", t.GetProperty("naam").GetString());
        Assert.Equal(34694m, t.GetProperty("gedrukt").GetDecimal());
        Assert.Equal(14723m, doc.RootElement.GetProperty("gedruktOndergrens").GetDecimal());
        Assert.Equal(21, doc.RootElement.GetProperty("gewichten").GetArrayLength());

        var text = Run("enquete", "seed003");
        Assert.Equal(0, text.Exit);
        Assert.Contains("TEGENSTRIJDIG", text.Out);
        Assert.Contains("34.694", text.Out);
    }

    [Fact]
    public void Schat_ratio_matches_R_survey_and_explains_in_Dutch()
    {
        var (exit, output, err) = Run("enquete", "schat", "--populatie", Fixture("populatie_stratum.csv"), "--respons", Fixture("respondenten.csv"),
            "--schatter", "ratio", "--teller", "teller", "--noemer", "noemer", "--strata", "stratum", "--fpc", "ja", "--domein", "regio", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var totaal = doc.RootElement.GetProperty("totaal");
        var expected = File.ReadAllLines(Fixture("verwacht.csv"))
            .Single(l => l.StartsWith("\"gestratificeerd_fpc_poststratificatie\",\"ratio\"") && l.Contains(",\"\",")).Split(',');
        double V(int i) => double.Parse(expected[i].Trim('"'), CultureInfo.InvariantCulture);
        Assert.Equal(V(4), totaal.GetProperty("schatting").GetDouble(), 1e-12);
        Assert.Equal(V(5), totaal.GetProperty("standaardfout").GetDouble(), 1e-12);
        Assert.Equal(V(7), totaal.GetProperty("interval").GetProperty("ondergrens").GetDouble(), 1e-12);
        Assert.Contains("t-verdeling", totaal.GetProperty("interval").GetProperty("methode").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("deelgroepen").GetArrayLength());

        var text = Run("enquete", "schat", "--populatie", Fixture("populatie_stratum.csv"), "--respons", Fixture("respondenten.csv"),
            "--schatter", "ratio", "--teller", "teller", "--noemer", "noemer", "--strata", "stratum", "--interval", "normaal");
        Assert.Equal(0, text.Exit);
        Assert.Contains("betrouwbaarheidsinterval", text.Out);
        Assert.Contains("normale verdeling", text.Out);
        Assert.Contains("Aannames", text.Out);
    }

    [Fact]
    public void Bad_input_gives_Dutch_error_with_file_row_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("enquete");
        try
        {
            var pop = Path.Combine(dir.FullName, "pop.csv");
            var resp = Path.Combine(dir.FullName, "resp.csv");
            File.WriteAllText(pop, "stratum,aantal\nA,10\nB,12\n");
            File.WriteAllText(resp, "stratum,y,x\nA,1,2\nA,twee,3\nB,1,4\nB,2,2\n");
            var (exit, output, err) = Run("enquete", "schat", "--populatie", pop, "--respons", resp, "--schatter", "ratio", "--teller", "y", "--noemer", "x", "--strata", "stratum");
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Contains("resp.csv, rij 3, kolom 'y': 'twee' is geen getal.", err);
            Assert.DoesNotContain("   at ", err);

            var bad = Run("enquete", "schat", "--respons", resp, "--schatter", "mediaan", "--teller", "y");
            Assert.Equal(2, bad.Exit);
            Assert.Contains("Onbekende schatter 'mediaan'", bad.Err);
        }
        finally { dir.Delete(true); }
    }
}
