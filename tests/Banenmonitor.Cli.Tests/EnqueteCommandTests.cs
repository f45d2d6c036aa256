using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Banenmonitor.Cli.Tests;

/// <summary>Runs the real <c>banenmonitor</c> binary for <c>enquete schat</c> and <c>enquete aanbesteding</c>.</summary>
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
    public void Aanbesteding_flags_the_hired_in_persons_step()
    {
        var (exit, output, err) = Run("enquete", "aanbesteding", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var t = Assert.Single(doc.RootElement.GetProperty("tegenstrijdigheden").EnumerateArray());
        Assert.Equal("personen_inleen", t.GetProperty("naam").GetString());
        Assert.Equal(34694m, t.GetProperty("gedrukt").GetDecimal());
        Assert.Equal(14723m, doc.RootElement.GetProperty("gedruktOndergrens").GetDecimal());
        Assert.Equal(21, doc.RootElement.GetProperty("gewichten").GetArrayLength());

        var text = Run("enquete", "aanbesteding");
        Assert.Equal(0, text.Exit);
        Assert.Contains("TEGENSTRIJDIG", text.Out);
        Assert.Contains("34.694", text.Out);
        Assert.Contains("Kamerstuk 34 352, nr. 279", text.Out);
        Assert.DoesNotContain("seed", text.Out, StringComparison.OrdinalIgnoreCase);

        // the old name still runs, but is not offered in the help
        var old = Run("enquete", "seed003", "--format", "json");
        Assert.Equal(0, old.Exit);
        Assert.Equal(output, old.Out);
        var help = Run("enquete", "--help");
        Assert.Contains("aanbesteding", help.Out);
        Assert.DoesNotContain("seed003", help.Out);
    }

    [Fact]
    public void Schat_with_poststrata_apart_from_strata_matches_R_survey()
    {
        // stratified on 'stratum' with fpc from column N, post-stratified to the population per 'cel' (R: postStratify(~cel))
        var (exit, output, err) = Run("enquete", "schat", "--populatie", Fixture("populatie_cel.csv"), "--respons", Fixture("respondenten.csv"),
            "--schatter", "gemiddelde", "--teller", "noemer", "--strata", "stratum", "--poststrata", "cel", "--fpc-kolom", "N",
            "--domein", "regio", "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var expected = File.ReadAllLines(Fixture("verwacht.csv"))
            .Single(l => l.StartsWith("\"gestratificeerd_fpc_poststratificatie_cel\",\"gemiddelde\"") && l.Contains(",\"\",")).Split(',');
        double V(int i) => double.Parse(expected[i].Trim('"'), CultureInfo.InvariantCulture);
        var totaal = doc.RootElement.GetProperty("totaal");
        Assert.Equal(V(4), totaal.GetProperty("schatting").GetDouble(), 1e-12);
        Assert.Equal(V(5), totaal.GetProperty("standaardfout").GetDouble(), 1e-12);
        Assert.Equal(4, doc.RootElement.GetProperty("cellen").GetArrayLength());
        Assert.Contains("per cel (poststratificatie", doc.RootElement.GetProperty("methode").GetString());

        // unstratified (SRS) sample, post-stratified, fpc from the population total
        var srs = Run("enquete", "schat", "--populatie", Fixture("populatie_cel.csv"), "--respons", Fixture("respondenten.csv"),
            "--schatter", "proportie", "--teller", "sroi", "--poststrata", "cel", "--fpc", "ja", "--format", "json");
        Assert.True(srs.Exit == 0, srs.Err);
        using var d2 = JsonDocument.Parse(srs.Out);
        var e2 = File.ReadAllLines(Fixture("verwacht.csv"))
            .Single(l => l.StartsWith("\"srs_fpc_poststratificatie\",\"proportie\"") && l.Contains(",\"\",")).Split(',');
        Assert.Equal(double.Parse(e2[5].Trim('"'), CultureInfo.InvariantCulture), d2.RootElement.GetProperty("totaal").GetProperty("standaardfout").GetDouble(), 1e-12);

        var text = Run("enquete", "schat", "--populatie", Fixture("populatie_cel.csv"), "--respons", Fixture("respondenten.csv"),
            "--schatter", "gemiddelde", "--teller", "noemer", "--poststrata", "cel");
        Assert.Equal(0, text.Exit);
        Assert.Contains("factor", text.Out);
        Assert.Contains("k1", text.Out);
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
    public void Schat_reads_an_xlsx_response_file_with_its_number_cells()
    {
        var dir = Directory.CreateTempSubdirectory("enquete-xlsx");
        try
        {
            var lines = File.ReadAllLines(Fixture("respondenten.csv"));
            var header = lines[0].Split(';').Select(h => h.Trim('"')).ToArray();
            var rows = lines.Skip(1).Select(l =>
            {
                var cells = l.Split(';');
                IDictionary<string, object?> d = new Dictionary<string, object?>();
                for (var i = 0; i < header.Length; i++)
                    d[header[i]] = decimal.TryParse(cells[i], NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL"), out var v) ? v : cells[i].Trim('"');
                return d;
            }).ToList();
            var xlsx = Path.Combine(dir.FullName, "respondenten.xlsx");
            MiniExcelLibs.MiniExcel.SaveAs(xlsx, rows);
            var (exit, output, err) = Run("enquete", "schat", "--populatie", Fixture("populatie_cel.csv"), "--respons", xlsx,
                "--schatter", "totaal", "--teller", "teller", "--gewicht", "gewicht", "--poststrata", "cel", "--format", "json");
            Assert.True(exit == 0, err);
            using var doc = JsonDocument.Parse(output);
            var expected = File.ReadAllLines(Fixture("verwacht.csv"))
                .Single(l => l.StartsWith("\"poststratificatie\",\"totaal\"") && l.Contains(",\"\",")).Split(',');
            Assert.Equal(double.Parse(expected[5].Trim('"'), CultureInfo.InvariantCulture),
                doc.RootElement.GetProperty("totaal").GetProperty("standaardfout").GetDouble(), 1e-9);
        }
        finally { dir.Delete(true); }
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

            // Dutch numbers: in a file that writes decimals with a point, 5.250 can mean two numbers and is refused
            File.WriteAllText(resp, "stratum,y,x\nA,1.5,2\nA,5.250,3\nB,1,4\nB,2,2\n");
            var amb = Run("enquete", "schat", "--populatie", pop, "--respons", resp, "--schatter", "ratio", "--teller", "y", "--noemer", "x", "--strata", "stratum");
            Assert.Equal(2, amb.Exit);
            Assert.Contains("resp.csv, rij 3, kolom 'y': '5.250' kan 5250 of 5,25 betekenen", amb.Err);
            // and in a Dutch file 5.250 is five thousand two hundred and fifty
            File.WriteAllText(resp, "stratum;y;x\nA;1,5;2\nA;5.250;3\nB;1;4\nB;2;2\n");
            var dutch = Run("enquete", "schat", "--respons", resp, "--schatter", "totaal", "--teller", "y", "--format", "json");
            Assert.True(dutch.Exit == 0, dutch.Err);
            using (var d = JsonDocument.Parse(dutch.Out))
                Assert.Equal(5254.5, d.RootElement.GetProperty("totaal").GetProperty("schatting").GetDouble(), 9);

            var bad = Run("enquete", "schat", "--respons", resp, "--schatter", "mediaan", "--teller", "y");
            Assert.Equal(2, bad.Exit);
            Assert.Contains("Onbekende schatter 'mediaan'", bad.Err);
        }
        finally { dir.Delete(true); }
    }
}
