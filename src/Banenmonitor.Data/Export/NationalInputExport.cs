using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Export;

/// <summary>What an export of the stored data to the national engine's input files wrote.</summary>
public sealed record NationalInputFiles(string Directory, int Year, long Employers, long PayrollRows, long Registrations, long Attributions,
    string InputsFingerprint);

/// <summary>
/// Writes the stored payroll (<i>verloonde uren</i>) of a year, the target-group register, the year's hired-in attributions,
/// the employers and the previous year's A as the national engine's input files (CSV, docs/analytics-schemas.md). Rows are
/// streamed in key order, so the files and their fingerprint (SHA-256 over all files) only change when the stored data do.
/// Pseudonyms become the engine's person numbers (1, 2, … in order of first appearance); no citizen number is involved.
/// </summary>
public static class NationalInputExport
{
    public static async Task<NationalInputFiles> ExportAsync(BanenmonitorDbContext db, string dir, int year, Action<string>? progress = null,
        CancellationToken ct = default)
    {
        Directory.CreateDirectory(dir);
        var inv = CultureInfo.InvariantCulture;
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var employers = await db.Employers.AsNoTracking().Include(e => e.Sector).OrderBy(e => e.Id).ToListAsync(ct);
        var lhn = employers.ToDictionary(e => e.Id, e => e.PayrollTaxNumber);
        var persons = new Dictionary<string, long>(StringComparer.Ordinal);
        long Person(string p) => persons.TryGetValue(p, out var n) ? n : persons[p] = persons.Count + 1;
        static string Form(WorkingRelation f) => f switch
        {
            WorkingRelation.Direct => "dienstverband", WorkingRelation.Agency => "uitzending", WorkingRelation.Secondment => "detachering", _ => "payroll",
        };

        async Task<long> Write<T>(string name, string header, IAsyncEnumerable<T> rows, Func<T, string> line)
        {
            long n = 0;
            await using var w = new StreamWriter(Path.Combine(dir, name + ".csv"), false, new UTF8Encoding(false), 1 << 16);
            void Line(string s)
            {
                w.Write(s);
                w.Write('\n');
                hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
            }
            hash.AppendData(Encoding.UTF8.GetBytes("#" + name + "\n"));
            Line(header);
            await foreach (var r in rows.WithCancellation(ct))
            {
                Line(line(r));
                if (++n % 1_000_000 == 0) progress?.Invoke($"{name}: {n:N0} regels uitgevoerd");
            }
            return n;
        }

        await Write("werkgevers", "loonheffingennummer,sector,uitlenertype,gemeente", employers.ToAsyncEnumerable(), e =>
            $"{e.PayrollTaxNumber},{e.Sector!.LegalSectorCode?.ToString(inv) ?? "markt"},{e.LenderType switch { LenderType.Agency => "uitzendbureau", LenderType.ShelteredEmployment => "sw-bedrijf", _ => "geen" }}," +
            (e.Municipality is { } m ? "\"" + m.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : ""));
        var (yearStart, yearEnd, prevStart) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));
        var payroll = await Write("verloning", "loonheffingennummer,persoon,periode_begin,periode_einde,uren,vorm",
            db.PaidHours.AsNoTracking().Where(r => r.PeriodStart >= yearStart && r.PeriodStart <= yearEnd).OrderBy(r => r.Id)
                .Select(r => new { r.EmployerId, r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, r.Form }).AsAsyncEnumerable(),
            r => $"{lhn[r.EmployerId]},{Person(r.Pseudonym)},{r.PeriodStart:yyyy-MM-dd},{r.PeriodEnd:yyyy-MM-dd},{r.Hours.ToString(inv)},{Form(r.Form)}");
        var registrations = await Write("doelgroepregister", "persoon,begindatum,einddatum",
            db.TargetGroupRegistrations.AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Pseudonym, g.StartDate, g.EndDate }).AsAsyncEnumerable(),
            g => $"{Person(g.Pseudonym)},{g.StartDate:yyyy-MM-dd},{g.EndDate?.ToString("yyyy-MM-dd", inv)}");
        var attributions = await Write("toerekeningen", "uitlener,inlener,persoon,uren,overeengekomen_op",
            db.HiredInHours.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.Id)
                .Select(a => new { a.LenderId, a.HirerId, a.Pseudonym, a.Hours, a.AgreedOn }).AsAsyncEnumerable(),
            a => $"{lhn[a.LenderId]},{lhn[a.HirerId]},{Person(a.Pseudonym)},{a.Hours.ToString(inv)},{a.AgreedOn:yyyy-MM-dd}");

        // The previous year's A as the file defines it: all paid hours minus those of agency staff (summed here: SQLite
        // cannot sum decimals).
        var previous = new SortedDictionary<int, (decimal All, decimal Agency)>();
        await foreach (var r in db.PaidHours.AsNoTracking().Where(r => r.PeriodStart >= prevStart && r.PeriodStart < yearStart)
                           .Select(r => new { r.EmployerId, r.Hours, r.Form }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (all, agency) = previous.GetValueOrDefault(r.EmployerId);
            previous[r.EmployerId] = (all + r.Hours, agency + (r.Form == WorkingRelation.Agency ? r.Hours : 0m));
        }
        await Write("vorig_jaar", "loonheffingennummer,verloonde_uren", previous.ToAsyncEnumerable(),
            kv => $"{lhn[kv.Key]},{Math.Max(0m, kv.Value.All - kv.Value.Agency).ToString(inv)}");
        return new NationalInputFiles(dir, year, employers.Count, payroll, registrations, attributions,
            Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
