using System.Text;
using Banenmonitor.Data.Import;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>Valid sample files for every kind, and a dump of the stored data by natural keys (independent of the exporter).</summary>
public static class Samples
{
    /// <summary>Valid BSNs (eleven-test), generated from a seed; never real persons' numbers in any meaningful sense.</summary>
    public static IEnumerable<string> Bsns(int start = 10_000_000)
    {
        for (var n = start; ; n++)
        {
            var digits = n.ToString("D8");
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (digits[i] - '0');
            var check = sum % 11;
            if (check == 10) continue;
            yield return digits + check;
        }
    }

    public static readonly string[] Bsn = Bsns().Take(6).ToArray();

    public static readonly IReadOnlyDictionary<string, string> Csv = new Dictionary<string, string>
    {
        ["werkgevers"] = """
            loonheffingennummer;naam;sector;grootteklasse;uitlener
            100000001L01;Gemeente Testdorp;gemeenten;groot;geen
            100000002L01;'=Som van alles B.V.;markt;middel;geen
            100000003L01;Uitzendbureau Test;markt;groot;uitzendbureau
            100000004L01;'s-Hertogenbosch Scholen;po;middel;geen
            """,
        ["doelgroepregistraties"] = $"""
            bsn;pseudoniem;grond;startdatum;einddatum
            {Bsn[0]};;wajong;2016-03-01;
            {Bsn[1]};;participatiewet;2018-01-15;2023-06-30
            {Bsn[2]};;wsw;2015-04-01;
            """,
        ["verloonde-uren"] = $"""
            loonheffingennummer;bsn;pseudoniem;periode_begin;periode_einde;uren;vorm
            100000001L01;{Bsn[0]};;2024-01-01;2024-01-31;110,92;dienstverband
            100000001L01;{Bsn[0]};;2024-02-01;2024-02-29;100,5;dienstverband
            100000003L01;{Bsn[1]};;2024-01-01;2024-01-31;80;uitzending
            100000004L01;{Bsn[2]};;2024-01-01;2024-01-28;96;detachering
            """,
        ["inleen-toerekeningen"] = $"""
            uitlener_loonheffingennummer;inlener_loonheffingennummer;bsn;pseudoniem;jaar;uren;overeengekomen_op
            100000003L01;100000001L01;{Bsn[1]};;2024;960;2025-07-31
            """,
        ["sroi-plaatsingen"] = $"""
            contractnummer;opdrachtgever_loonheffingennummer;leverancier;leverancier_loonheffingennummer;contractwaarde;verplichting;plaatsingsnummer;bsn;pseudoniem;aantal_personen;jaar;uren
            SROI-1;100000001L01;Bouw B.V.;100000002L01;1500000;75000;1;{Bsn[3]};;;2024;1200
            SROI-1;100000001L01;Bouw B.V.;100000002L01;1500000;75000;2;;;3;2024;2400,5
            """,
        ["sectorrapportages"] = """
            sector;jaar;doel;realisatie;realisatiepercentage;sroi_banen;percentage_incl_sroi;inhuur_banen;aandeel_vast;aandeel_tijdelijk;dekking;algemeen_beeld;kwaliteit_en_duurzaamheid;status;bron
            defensie;2020;633;346;54,7;210;88;;;;;"Defensie rapporteert; inclusief ""SROI"".";;goedgekeurd;Kamerbrief BZK 2021
            gemeenten;2023;6000;5500,5;91,7;;;120;60;40;85;'-Een regel met een streepje;"Twee
            regels";ingediend;Sectorrapportage 2023
            """,
        ["werkgeversrapportages"] = """
            loonheffingennummer;jaar;realisatie;doel;toelichting;bron
            100000004L01;2023;12,5;14;Eigen telling;Schoolbestuur
            """,
    };

    /// <summary>The kinds in dependency order (employers first).</summary>
    public static readonly string[] Kinds = ["werkgevers", "doelgroepregistraties", "verloonde-uren", "inleen-toerekeningen", "sroi-plaatsingen", "sectorrapportages", "werkgeversrapportages"];

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Imports every sample (in order) and asserts success.</summary>
    public static async Task ImportAllAsync(BanenmonitorDbContext db)
    {
        var service = new ImportService(db, TestDatabases.Key);
        foreach (var kind in Kinds)
        {
            var r = await service.ImportAsync(Stream(Csv[kind]), kind, kind + ".csv", "test");
            Assert.True(r.Success, kind + ": " + string.Join("\n", r.Errors));
        }
    }

    /// <summary>All figures as sorted lines of natural values (no database ids), for comparing two databases.</summary>
    public static async Task<List<string>> DumpAsync(BanenmonitorDbContext db)
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture; // flows only within this async call
        var lines = new List<string>();
        var emp = await db.Employers.AsNoTracking().Include(e => e.Sector).ToListAsync();
        var tax = emp.ToDictionary(e => e.Id, e => e.PayrollTaxNumber);
        lines.AddRange(emp.Select(e => $"W {e.PayrollTaxNumber} {e.Name} {e.Sector!.Code} {e.SizeClass} {e.LenderType}"));
        lines.AddRange((await db.TargetGroupRegistrations.AsNoTracking().ToListAsync()).Select(r => $"D {r.Pseudonym} {r.Ground} {r.StartDate} {r.EndDate}"));
        lines.AddRange((await db.PaidHours.AsNoTracking().ToListAsync()).Select(r => $"U {tax[r.EmployerId]} {r.Pseudonym} {r.PeriodStart} {r.PeriodEnd} {r.Hours:0.00} {r.Form}"));
        lines.AddRange((await db.HiredInHours.AsNoTracking().ToListAsync()).Select(r => $"I {tax[r.LenderId]} {tax[r.HirerId]} {r.Pseudonym} {r.Year} {r.Hours:0.00} {r.AgreedOn}"));
        lines.AddRange((await db.SroiPlacements.AsNoTracking().Include(p => p.Contract).ToListAsync()).Select(p =>
            $"S {p.Contract!.Reference} {tax[p.Contract.ProcurerId]} {p.Contract.SupplierName} {p.Contract.SupplierPayrollTaxNumber} {p.Contract.Value:0.00} {p.Contract.Obligation:0.00} {p.Reference} {p.Pseudonym} {p.PersonCount} {p.Year} {p.Hours:0.00}"));
        lines.AddRange((await db.SectorReports.AsNoTracking().Include(r => r.Sector).ToListAsync()).Select(r =>
            $"R {r.Sector!.Code} {r.Year} {r.TargetJobs:0.00} {r.RealisedJobs:0.00} {r.Percentage:0.00} {r.SroiJobs:0.00} {r.PercentageIncludingSroi:0.00} {r.HiredInJobs:0.00} {r.PermanentShare:0.00} {r.TemporaryShare:0.00} {r.Coverage:0.00} [{r.GeneralPicture}] [{r.QualityAndSustainability}] {r.Status} {r.Source}"));
        lines.AddRange((await db.EmployerReports.AsNoTracking().ToListAsync()).Select(r => $"E {tax[r.EmployerId]} {r.Year} {r.RealisedJobs:0.00} {r.TargetJobs:0.00} {r.Note} {r.Source}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Row counts of every figure table plus the audit trail and import runs.</summary>
    public static async Task<string> CountsAsync(BanenmonitorDbContext db) =>
        $"werkgevers={await db.Employers.CountAsync()} registraties={await db.TargetGroupRegistrations.CountAsync()} uren={await db.PaidHours.CountAsync()} " +
        $"inleen={await db.HiredInHours.CountAsync()} contracten={await db.SroiContracts.CountAsync()} plaatsingen={await db.SroiPlacements.CountAsync()} " +
        $"sector={await db.SectorReports.CountAsync()} werkgeverrapp={await db.EmployerReports.CountAsync()} audit={await db.AuditEntries.CountAsync()} wijzigingen={await db.ImportChanges.CountAsync()} runs={await db.ImportRuns.CountAsync()}";
}
