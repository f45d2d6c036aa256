using System.Diagnostics;
using System.Text;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Privacy;

namespace Banenmonitor.Web.Tests;

/// <summary>Real files for the tests: a PDF's text by pdftotext, and an employer's payroll and register imported by the platform's importer.</summary>
public static class TestFiles
{
    /// <summary>The text of a PDF by pdftotext (poppler-utils), layout kept so table rows stay on one line.</summary>
    public static string PdfText(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }

    /// <summary>
    /// <paramref name="persons"/> persons paid <paramref name="hoursPerMonth"/> hours every month of <paramref name="years"/>
    /// at the employer, and the register rows given (CSV lines without header), through the importer as the CLI's <c>import</c> does.
    /// </summary>
    public static async Task ImportPayrollAsync(AppFixture app, string employer, Func<int, string> pseudonym, int persons, decimal hoursPerMonth,
        IEnumerable<int> years, string registerRows)
    {
        var hours = new StringBuilder("loonheffingennummer;pseudoniem;periode_begin;periode_einde;uren;vorm\n");
        foreach (var y in years)
            for (var p = 0; p < persons; p++)
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(y, m, 1);
                    hours.Append($"{employer};{pseudonym(p)};{start:yyyy-MM-dd};{start.AddMonths(1).AddDays(-1):yyyy-MM-dd};{hoursPerMonth};dienstverband\n");
                }
        var register = "pseudoniem;grond;startdatum;einddatum\n" + registerRows;
        await using var db = app.Db();
        var import = new ImportService(db, PseudonymKey.None);
        foreach (var (kind, text) in new[] { ("doelgroepregistraties", register), ("verloonde-uren", hours.ToString()) })
        {
            var r = await import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), kind, kind + ".csv", "test");
            Assert.True(r.Success, string.Join("\n", r.Errors));
        }
    }
}
