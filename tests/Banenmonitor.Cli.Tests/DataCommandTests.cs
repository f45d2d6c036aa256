using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Banenmonitor.Cli.Tests;

/// <summary>The data commands end to end on a real SQLite file: sjabloon, import, export, audit, and an import killed mid-file.</summary>
public class DataCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("banenmonitor-cli-data").FullName;
    private string Db => Path.Combine(dir, "cli.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    private static long Count(string db, string table)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void Template_import_export_and_audit_work_from_the_command_line()
    {
        var template = Path.Combine(dir, "werkgevers.csv");
        var (exit, output, err) = CliRunner.Run("sjabloon", "werkgevers", "--uit", template);
        Assert.True(exit == 0, err);
        Assert.Contains("loonheffingennummer (verplicht)", output);
        // Check first (as the web page "Gegevens inlezen" does): what the import would do, nothing written.
        (exit, output, err) = CliRunner.Run("import", "werkgevers", template, "--database", Db, "--controleren");
        Assert.True(exit == 0, err);
        Assert.Contains("1 rijen gecontroleerd, geen fouten gevonden (1 nieuw, 0 gewijzigd, 0 ongewijzigd bij inlezen); er is niets opgeslagen", output);
        Assert.Equal(0, Count(Db, "ImportRuns"));
        (exit, output, err) = CliRunner.Run("import", "werkgevers", template, "--database", Db);
        Assert.True(exit == 0, err);
        Assert.Contains("1 nieuw", output);
        (exit, output, _) = CliRunner.Run("import", "werkgevers", template, "--database", Db);
        Assert.Contains("0 nieuw, 0 gewijzigd, 1 ongewijzigd", output);

        var bad = Path.Combine(dir, "fout.csv");
        File.WriteAllText(bad, "loonheffingennummer;naam;sector;grootteklasse;uitlener\n12345;X;nergens;reus;geen\n");
        (exit, _, err) = CliRunner.Run("import", "werkgevers", bad, "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("rij 2, kolom 'loonheffingennummer'", err);
        Assert.Contains("rij 2, kolom 'sector': onbekende sector 'nergens'", err);
        Assert.Contains("rij 2, kolom 'grootteklasse'", err);
        Assert.Contains("er is niets opgeslagen", err);

        // The employer's municipality (for the measurement per labour-market region): in the template, checked on import.
        Assert.Contains("gemeente", File.ReadLines(template).First());
        var municipalities = Path.Combine(dir, "gemeenten.csv");
        File.WriteAllText(municipalities, "loonheffingennummer;naam;sector;grootteklasse;uitlener;gemeente\n" +
            "223456789L01;Werkgever Noord;gemeenten;groot;geen;assen\n223456789L02;Werkgever Gooi;gemeenten;groot;geen;Gooise Meren\n");
        (exit, _, err) = CliRunner.Run("import", "werkgevers", municipalities, "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("rij 3, kolom 'gemeente': onbekende gemeente 'Gooise Meren' in de indeling in arbeidsmarktregio's (Besluit werkgebieden UWV 2015", err);
        File.WriteAllText(municipalities, File.ReadAllText(municipalities).Replace("Gooise Meren", ""));
        (exit, output, err) = CliRunner.Run("import", "werkgevers", municipalities, "--database", Db);
        Assert.True(exit == 0, err);
        Assert.Contains("2 nieuw", output);

        var export = Path.Combine(dir, "export.xlsx");
        (exit, _, err) = CliRunner.Run("export", "werkgevers", "--uit", export, "--database", Db);
        Assert.True(exit == 0, err);
        Assert.True(new FileInfo(export).Length > 0);
        (exit, output, _) = CliRunner.Run("audit", "--werkgever", "123456789L01", "--database", Db, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Contains("\"actie\": \"toegevoegd\"", output);
        Assert.Contains("import werkgevers (werkgevers.csv)", output);

        var exportCsv = Path.Combine(dir, "export.csv");
        Assert.Equal(0, CliRunner.Run("export", "werkgevers", "--uit", exportCsv, "--database", Db).Exit);
        Assert.Contains("223456789L01;Werkgever Noord;gemeenten;groot;geen;Assen", File.ReadAllText(exportCsv));

        (exit, _, err) = CliRunner.Run("export", "werkgevers", "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("'--uit' is verplicht", err);
        (exit, _, err) = CliRunner.Run("import", "salarissen", template, "--database", Db);
        Assert.Equal(2, exit);
        Assert.Contains("Onbekende soort 'salarissen'", err);
    }

    [Fact]
    public async Task Killing_the_import_process_mid_file_leaves_the_database_unchanged()
    {
        var employers = Path.Combine(dir, "w.csv");
        File.WriteAllText(employers, "loonheffingennummer;naam;sector;grootteklasse;uitlener\n100000001L01;Gemeente Test;gemeenten;groot;geen\n");
        Assert.Equal(0, CliRunner.Run("import", "werkgevers", employers, "--database", Db).Exit);
        var hours = new StringBuilder("loonheffingennummer;pseudoniem;periode_begin;periode_einde;uren;vorm\n");
        for (var p = 0; p < 50_000; p++) hours.Append($"100000001L01;{p:x64};2024-01-01;2024-01-31;100;dienstverband\n");
        var file = Path.Combine(dir, "uren.csv");
        await File.WriteAllTextAsync(file, hours.ToString());
        var auditBefore = Count(Db, "AuditEntries");
        var changesBefore = Count(Db, "ImportChanges");

        var cli = Path.Combine(AppContext.BaseDirectory, "banenmonitor.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "import", "verloonde-uren", file, "--database", Db, "--batch", "500", "--voortgang", "1000" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        string? line;
        var killedAfterWrite = false;
        while ((line = await process.StandardError.ReadLineAsync()) is not null)
        {
            // "… 2.000 rijen gelezen, 1.500 weggeschreven": rows are in the open transaction — kill the process now.
            var m = System.Text.RegularExpressions.Regex.Match(line, @"rijen gelezen, ([\d.]+) weggeschreven");
            if (m.Success && m.Groups[1].Value != "0")
            {
                process.Kill(entireProcessTree: true);
                killedAfterWrite = true;
                break;
            }
        }
        await process.WaitForExitAsync();
        Assert.True(killedAfterWrite, "het importproces meldde geen weggeschreven rijen voordat het klaar was");
        Assert.NotEqual(0, process.ExitCode);
        SqliteConnection.ClearAllPools();
        Assert.Equal(0, Count(Db, "PaidHours"));
        Assert.Equal(auditBefore, Count(Db, "AuditEntries"));
        Assert.Equal(changesBefore, Count(Db, "ImportChanges"));
        Assert.Equal(1, Count(Db, "ImportRuns"));
    }

    [Fact]
    public void A_changed_key_is_refused_and_sleutel_wisselen_re_pseudonymises_in_one_go()
    {
        var old = Environment.GetEnvironmentVariable("BANENMONITOR_PSEUDONIEM_SLEUTEL");
        try
        {
            var registrations = Path.Combine(dir, "doelgroep.csv");
            File.WriteAllText(registrations, "bsn;grond;startdatum\n111222333;wajong;2020-01-01\n123456782;wsw;2019-05-01\n");
            Environment.SetEnvironmentVariable("BANENMONITOR_PSEUDONIEM_SLEUTEL", "sleutel-A-van-de-eerste-import");
            var (exit, _, err) = CliRunner.Run("import", "doelgroepregistraties", registrations, "--database", Db);
            Assert.True(exit == 0, err);

            Environment.SetEnvironmentVariable("BANENMONITOR_PSEUDONIEM_SLEUTEL", "sleutel-B-de-nieuwe-sleutel");
            (exit, _, err) = CliRunner.Run("import", "doelgroepregistraties", registrations, "--database", Db);
            Assert.NotEqual(0, exit);
            Assert.Contains("andere dan de sleutel", err);
            Assert.Contains("sleutel wisselen", err);

            var bsns = Path.Combine(dir, "bsns.csv");
            File.WriteAllText(bsns, "bsn\n111222333\n");
            Environment.SetEnvironmentVariable(Banenmonitor.Cli.Commands.SleutelCommand.OldKeyVariable, "sleutel-A-van-de-eerste-import");
            (exit, _, err) = CliRunner.Run("sleutel", "wisselen", "--bsn-bestand", bsns, "--database", Db);
            Assert.Equal(1, exit);
            Assert.Contains("1 pseudoniem(en) in de database horen bij geen van de BSN's", err);
            File.WriteAllText(bsns, "bsn\n111222333\n123456782\n");
            (exit, var output, err) = CliRunner.Run("sleutel", "wisselen", "--bsn-bestand", bsns, "--database", Db);
            Assert.True(exit == 0, err);
            Assert.Contains("2 personen", output);
            (exit, output, err) = CliRunner.Run("import", "doelgroepregistraties", registrations, "--database", Db);
            Assert.True(exit == 0, err);
            Assert.Contains("0 nieuw", output); // the same persons, now under the new key
            Assert.Equal(2, Count(Db, "TargetGroupRegistrations"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BANENMONITOR_PSEUDONIEM_SLEUTEL", old);
            Environment.SetEnvironmentVariable(Banenmonitor.Cli.Commands.SleutelCommand.OldKeyVariable, null);
        }
    }
}
