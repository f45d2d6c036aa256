using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Export;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The export of the stored data to the national engine's input files (<see cref="NationalInputExport"/>, a plain data
/// reader): byte for byte the files and the inputs' fingerprint of the entity-based export it replaced (kept here as the
/// reference), with the previous year summed in the database or row by row, on both providers.
/// </summary>
public sealed class NationalInputExportTests
{
    private const int Year = StoredQuotaSamples.Year;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_files_and_fingerprint_equal_the_entity_based_export(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "nationalexport");
        await using var db = t.Context();
        var ids = await StoredQuotaSamples.SeedAsync(db);
        // Municipalities with a quote and letters outside ASCII; hours with 0, 1 and 2 decimals; a registration with an end.
        var employers = await db.Employers.OrderBy(e => e.Id).ToListAsync();
        employers[0].Municipality = "Súdwest-Fryslân";
        employers[1].Municipality = "'s-Hertogenbosch \"Den Bosch\"";
        var agency = ids["200000005L01"];
        db.PaidHours.AddRange(
            new PaidHoursRecord { EmployerId = agency, Pseudonym = StoredQuotaSamples.Pseudonym(9001), PeriodStart = new(Year - 1, 3, 1), PeriodEnd = new(Year - 1, 3, 31), Hours = 12.5m, Form = WorkingRelation.Agency },
            new PaidHoursRecord { EmployerId = agency, Pseudonym = StoredQuotaSamples.Pseudonym(9001), PeriodStart = new(Year, 3, 1), PeriodEnd = new(Year, 3, 31), Hours = 7m, Form = WorkingRelation.Payroll },
            new PaidHoursRecord { EmployerId = ids["200000003L01"], Pseudonym = StoredQuotaSamples.Pseudonym(9002), PeriodStart = new(Year - 1, 5, 1), PeriodEnd = new(Year - 1, 5, 31), Hours = 0.25m, Form = WorkingRelation.Direct });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var root = Path.Combine(Path.GetTempPath(), "banenmonitor-tests", "export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (expected, expectedFingerprint) = await EntityExportReference.WriteAsync(db, Year);
            foreach (var rowByRow in new[] { false, true })
            {
                var dir = Path.Combine(root, rowByRow ? "rij-voor-rij" : "standaard");
                var steps = new List<string>();
                var files = await NationalInputExport.ExportAsync(db, dir, Year, steps.Add, previousYearRowByRow: rowByRow);
                foreach (var (name, text) in expected)
                    Assert.True(text == await File.ReadAllTextAsync(Path.Combine(dir, name + ".csv")), $"{name}.csv ({provider}, rij voor rij: {rowByRow}) wijkt af");
                Assert.Equal(expectedFingerprint, files.InputsFingerprint);
                Assert.Equal(expected["verloning"].Count(c => c == '\n') - 1, files.PayrollRows);
                Assert.Contains("uitvoeren: verloning", steps);
            }
            // The data exercise what the export must get right.
            Assert.Contains("\"'s-Hertogenbosch \"\"Den Bosch\"\"\"", expected["werkgevers"], StringComparison.Ordinal);
            Assert.Contains(",uitzending", expected["verloning"], StringComparison.Ordinal);
            Assert.Equal(1 + employers.Count, expected["vorig_jaar"].Count(c => c == '\n'));
            Assert.True(expected["doelgroepregister"].Split('\n').Count(l => l.Length > 0 && !l.EndsWith(',')) >= 2);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    /// <summary>The export as it was written with EF Core entities (issue 20), kept as the reference for its files and fingerprint.</summary>
    private static class EntityExportReference
    {
        public static async Task<(Dictionary<string, string> Files, string Fingerprint)> WriteAsync(BanenmonitorDbContext db, int year)
        {
            var inv = CultureInfo.InvariantCulture;
            var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var files = new Dictionary<string, string>();
            var employers = await db.Employers.AsNoTracking().Include(e => e.Sector).OrderBy(e => e.Id).ToListAsync();
            var lhn = employers.ToDictionary(e => e.Id, e => e.PayrollTaxNumber);
            var persons = new Dictionary<string, long>(StringComparer.Ordinal);
            long Person(string p) => persons.TryGetValue(p, out var n) ? n : persons[p] = persons.Count + 1;
            static string Form(WorkingRelation f) => f switch
            {
                WorkingRelation.Direct => "dienstverband", WorkingRelation.Agency => "uitzending", WorkingRelation.Secondment => "detachering", _ => "payroll",
            };
            void Write<T>(string name, string header, IEnumerable<T> rows, Func<T, string> line)
            {
                var text = new StringBuilder();
                void Line(string s)
                {
                    text.Append(s).Append('\n');
                    hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
                }
                hash.AppendData(Encoding.UTF8.GetBytes("#" + name + "\n"));
                Line(header);
                foreach (var r in rows) Line(line(r));
                files[name] = text.ToString();
            }

            Write("werkgevers", "loonheffingennummer,sector,uitlenertype,gemeente", employers, e =>
                $"{e.PayrollTaxNumber},{e.Sector!.LegalSectorCode?.ToString(inv) ?? "markt"},{e.LenderType switch { LenderType.Agency => "uitzendbureau", LenderType.ShelteredEmployment => "sw-bedrijf", _ => "geen" }}," +
                (e.Municipality is { } m ? "\"" + m.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : ""));
            var (yearStart, yearEnd, prevStart) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));
            Write("verloning", "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm",
                await db.PaidHours.AsNoTracking().Where(r => r.PeriodStart >= yearStart && r.PeriodStart <= yearEnd).OrderBy(r => r.Id).ToListAsync(),
                r => $"{lhn[r.EmployerId]},{Person(r.Pseudonym)},{r.PeriodStart:yyyy-MM-dd},{r.PeriodEnd:yyyy-MM-dd},{r.Hours.ToString(inv)},{Form(r.Form)}");
            Write("doelgroepregister", "persoon,begindatum,einddatum", await db.TargetGroupRegistrations.AsNoTracking().OrderBy(g => g.Id).ToListAsync(),
                g => $"{Person(g.Pseudonym)},{g.StartDate:yyyy-MM-dd},{g.EndDate?.ToString("yyyy-MM-dd", inv)}");
            Write("toerekeningen", "uitlener,inlener,persoon,uren,overeengekomen_op",
                await db.HiredInHours.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.Id).ToListAsync(),
                a => $"{lhn[a.LenderId]},{lhn[a.HirerId]},{Person(a.Pseudonym)},{a.Hours.ToString(inv)},{a.AgreedOn:yyyy-MM-dd}");
            var previous = new SortedDictionary<int, (decimal All, decimal Agency)>();
            foreach (var r in await db.PaidHours.AsNoTracking().Where(r => r.PeriodStart >= prevStart && r.PeriodStart < yearStart).ToListAsync())
            {
                var (all, agency) = previous.GetValueOrDefault(r.EmployerId);
                previous[r.EmployerId] = (all + r.Hours, agency + (r.Form == WorkingRelation.Agency ? r.Hours : 0m));
            }
            Write("vorig_jaar", "loonheffingennummer,verloonde_uren", previous,
                kv => $"{lhn[kv.Key]},{Math.Max(0m, kv.Value.All - kv.Value.Agency).ToString(inv)}");
            return (files, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }
}
