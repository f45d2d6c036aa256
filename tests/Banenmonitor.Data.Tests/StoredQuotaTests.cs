using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Analytics;
using Banenmonitor.Data.Computations;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Data.Tests;

/// <summary>
/// The quota from stored data (<see cref="StoredQuota"/>): equal to the national engine on the same rows exported to its
/// input files, the counted and left-out sources, <i>onvolledig</i> when an input is missing, and the computation records.
/// </summary>
public sealed class StoredQuotaTests
{
    private const int Year = StoredQuotaSamples.Year;
    private static readonly ParameterSet Parameters = ParameterSet.Embedded;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_employer_equals_the_national_engine_on_the_exported_rows(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "storedquota");
        await using var db = t.Context();
        await StoredQuotaSamples.SeedAsync(db);
        var dir = Path.Combine(Path.GetTempPath(), "banenmonitor-tests", "export-" + Guid.NewGuid().ToString("N"));
        try
        {
            await StoredQuotaSamples.ExportAsync(db, dir, Year);
            var run = new NationalEngine(Parameters).Run(new NationalRunOptions(dir, Year, KeepEmployers: true));
            var engine = run.Employers!.ToDictionary(e => e.Input.PayrollTaxNumber);
            var employers = await db.Employers.AsNoTracking().ToListAsync();
            Assert.Equal(employers.Count, engine.Count);
            var liableWithShortfall = 0;
            foreach (var e in employers)
            {
                var stored = await StoredQuota.ComputeAsync(db, Parameters, e.PayrollTaxNumber, Year);
                var x = engine[e.PayrollTaxNumber];
                var f = stored.Result.Figures;
                var label = e.PayrollTaxNumber;
                Assert.False(stored.Incomplete, label + ": " + string.Join(" ", stored.Missing));
                Assert.Equal((x.Input.TotalPaidHours, x.Input.AgencyStaffHours, x.Input.TargetGroupHours, x.Input.TotalPaidHoursPreviousYear),
                    (stored.Input.TotalPaidHours.Value, stored.Input.AgencyStaffHours?.Value ?? 0m, stored.Input.TargetGroupHours.Value, stored.Input.TotalPaidHoursPreviousYear?.Value));
                Assert.Equal(x.Input.Attributions.Count, stored.Input.Attributions!.Count);
                Assert.Equal((x.A, x.RequiredJobs, x.RealisedJobs, x.Shortfall, x.Levy, x.Exempt),
                    (f.TotalPaidHours.Value, f.RequiredJobs?.Value, f.RealisedJobs.Value, f.Shortfall.Value, f.Levy.Value, f.Exempt));
                if (!f.Exempt && f.Shortfall.Value > 0) liableWithShortfall++;
            }
            // The data exercise the rules: liable employers with a shortfall, exempt ones, attributions that moved C.
            Assert.True(liableWithShortfall >= 2, $"{liableWithShortfall} werkgevers met een tekort");
            Assert.Contains(engine.Values, x => x.Exempt);
            Assert.Contains(engine.Values, x => x.Input.Attributions.Count > 0 && x.Input.TargetGroupHours > 0);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Sources_count_rows_persons_and_registrations_and_name_what_was_left_out(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "storedquotabronnen");
        await using var db = t.Context();
        await StoredQuotaSamples.SeedAsync(db);
        var o = await StoredQuota.ComputeAsync(db, Parameters, "200000001L01", Year);
        var b = o.View.Bronnen;
        // 42 persons × 12 months, person 3 with one extra December period.
        Assert.Equal(42 * 12 + 1, b.Verloningsregels);
        Assert.Equal(42, b.Personen);
        Assert.Equal(42 * 12 + 1, b.VerloningsregelsVorigJaar);
        Assert.True(b.VerloningsregelsDoelgroep > 0 && b.PersonenDoelgroep > 0 && b.Inschrijvingen >= b.PersonenDoelgroep);
        // Registered after the period: persons 3, 12, 21, 30, 39 (from January next year) in every period, person 3's
        // December period over New Year included (13 periods); persons 1, 10, 19, 28, 37 (from 15 June) in January–May.
        var after = Assert.Single(b.Weggelaten, w => w.Reden.StartsWith("ingeschreven na de periode", StringComparison.Ordinal));
        Assert.Equal(13 + 4 * 12 + 5 * 5, after.Aantal);
        Assert.Contains(b.Weggelaten, w => w.Reden.StartsWith("inschrijving beëindigd vóór de periode", StringComparison.Ordinal));
        Assert.Contains(b.Weggelaten, w => w.Soort == "toerekeningen" && w.Reden.Contains("ander jaar", StringComparison.Ordinal) && w.Aantal == 1);
        Assert.Equal(1, b.ToerekeningenAlsInlener);
        // C is exactly the hours of the counted periods, and below A.
        Assert.InRange(o.View.Uren.UrenDoelgroep, 1m, o.View.Uren.VerloondeUren - 1m);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Missing_inputs_make_the_outcome_onvolledig_and_name_them(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "storedquotaonvolledig");
        await using var db = t.Context();
        await StoredQuotaSamples.SeedAsync(db, withPreviousYear: false, withRegister: false);
        var o = await StoredQuota.ComputeAsync(db, Parameters, "200000002L01", Year);
        Assert.True(o.Incomplete);
        Assert.True(o.View.Onvolledig);
        Assert.Contains(o.Missing, m => m.Contains($"Geen verloonde uren over {Year - 1}", StringComparison.Ordinal));
        Assert.Contains(o.Missing, m => m.Contains("doelgroepregister is niet geladen", StringComparison.Ordinal));
        Assert.Null(o.Input.TotalPaidHoursPreviousYear);

        // An employer without payroll for the year: onvolledig, never a silent zero.
        db.Employers.Add(new Employer { PayrollTaxNumber = "200000099L01", Name = "Nieuw", SectorId = 1, SizeClass = SizeClass.Small });
        await db.SaveChangesAsync();
        var empty = await StoredQuota.ComputeAsync(db, Parameters, "200000099L01", Year);
        Assert.Contains(empty.Missing, m => m.Contains($"Geen verloonde uren over {Year} opgeslagen", StringComparison.Ordinal));

        await Assert.ThrowsAsync<StoredQuotaException>(() => StoredQuota.ComputeAsync(db, Parameters, "999999999L01", Year));
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_record_is_reused_while_inputs_and_parameters_are_unchanged_and_a_change_adds_one(string provider)
    {
        await using var t = await TestDatabases.CreateAsync(provider, "computationrecords");
        await using var db = t.Context();
        var ids = await StoredQuotaSamples.SeedAsync(db);
        const string lhn = "200000002L01";
        var first = await ComputationRecords.RecordQuotaAsync(db, Parameters, await StoredQuota.ComputeAsync(db, Parameters, lhn, Year), "test");
        Assert.False(first.Reused);
        Assert.Contains(first.Parameters, p => p.Parameter == ParameterNames.QuotaPercentageGovernment && p.Bron.Length > 0);
        Assert.Equal(64, first.Record.InputsFingerprint.Length);
        Assert.Equal(ComputationRecords.SoftwareVersion, first.Record.SoftwareVersion);
        Assert.Contains("\"bronnen\"", first.Record.Outcome, StringComparison.Ordinal);

        var again = await ComputationRecords.RecordQuotaAsync(db, Parameters, await StoredQuota.ComputeAsync(db, Parameters, lhn, Year), "test");
        Assert.True(again.Reused);
        Assert.Equal(first.Record.Id, again.Record.Id);
        Assert.Equal(first.Record.ComputedAt, again.Record.ComputedAt);

        // A change in the inputs: one paid-hours row changes.
        var row = await db.PaidHours.FirstAsync(r => r.EmployerId == ids[lhn] && r.PeriodStart == new DateOnly(Year, 5, 1));
        row.Hours += 10m;
        await db.SaveChangesAsync();
        var changed = await ComputationRecords.RecordQuotaAsync(db, Parameters, await StoredQuota.ComputeAsync(db, Parameters, lhn, Year), "test");
        Assert.False(changed.Reused);
        Assert.NotEqual(first.Record.InputsFingerprint, changed.Record.InputsFingerprint);
        Assert.Equal(first.Record.ParametersFingerprint, changed.Record.ParametersFingerprint);

        // A change in the parameters: another quota percentage with its source.
        var other = Parameters.WithOverride($"{ParameterNames.QuotaPercentageGovernment}={Year}:2.80:Testbron");
        var byParameter = await ComputationRecords.RecordQuotaAsync(db, other, await StoredQuota.ComputeAsync(db, other, lhn, Year), "test");
        Assert.False(byParameter.Reused);
        Assert.NotEqual(changed.Record.ParametersFingerprint, byParameter.Record.ParametersFingerprint);
        Assert.Contains("Testbron", byParameter.Record.Parameters, StringComparison.Ordinal);

        // The old records are kept.
        var history = await ComputationRecords.QuotaHistoryAsync(db, ids[lhn], Year);
        Assert.Equal([first.Record.Id, changed.Record.Id, byParameter.Record.Id], history.Select(h => h.Id));
    }
}

/// <summary>Stored payroll, register and attributions for the stored-quota tests, and their export to the engine's files.</summary>
public static class StoredQuotaSamples
{
    public const int Year = 2022;

    public static string Pseudonym(int i) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("persoon-" + i)));

    /// <summary>
    /// A realistic small population: government employers above and below the threshold, a market employer, an agency
    /// (with agency rows) and a sheltered-employment company lending workers with attributions (one agreed too late); target-
    /// group persons registered all year, from mid-year, until mid-year, only after the year, and a four-week period over
    /// the year's end with a registration from January of the next year (must not count).
    /// </summary>
    public static async Task<Dictionary<string, int>> SeedAsync(BanenmonitorDbContext db, bool withPreviousYear = true, bool withRegister = true)
    {
        var rng = new Random(20);
        (string Lhn, int Sector, LenderType Lender, int Persons)[] employers =
        [
            ("200000001L01", 1, LenderType.None, 42), ("200000002L01", 4, LenderType.None, 55), ("200000003L01", 8, LenderType.None, 12),
            ("200000004L01", 15, LenderType.None, 40), ("200000005L01", 15, LenderType.Agency, 45), ("200000006L01", 14, LenderType.ShelteredEmployment, 38),
            ("200000007L01", 12, LenderType.None, 48),
        ];
        var ids = new Dictionary<string, int>();
        foreach (var e in employers)
        {
            var emp = new Employer { PayrollTaxNumber = e.Lhn, Name = "Werkgever " + e.Lhn[..9], SectorId = e.Sector, SizeClass = SizeClass.Large, LenderType = e.Lender };
            db.Employers.Add(emp);
            await db.SaveChangesAsync();
            ids[e.Lhn] = emp.Id;
        }
        var person = 0;
        var registrations = new List<TargetGroupRegistration>();
        foreach (var e in employers)
        {
            for (var k = 0; k < e.Persons; k++, person++)
            {
                var p = Pseudonym(person);
                var form = e.Lender == LenderType.Agency && k % 3 == 0 ? WorkingRelation.Agency
                    : e.Lender == LenderType.ShelteredEmployment && k % 2 == 0 ? WorkingRelation.Secondment : WorkingRelation.Direct;
                var years = withPreviousYear ? new[] { Year - 1, Year } : [Year];
                foreach (var y in years)
                    for (var m = 1; m <= 12; m++)
                    {
                        var start = new DateOnly(y, m, 1);
                        var end = start.AddMonths(1).AddDays(-1);
                        // Person 3 of each employer is paid in four-week periods in December: the last one runs into January.
                        if (k == 3 && m == 12)
                        {
                            db.PaidHours.Add(new PaidHoursRecord { EmployerId = ids[e.Lhn], Pseudonym = p, PeriodStart = new DateOnly(y, 12, 1), PeriodEnd = new DateOnly(y, 12, 17), Hours = 60m, Form = form });
                            start = new DateOnly(y, 12, 18);
                            end = new DateOnly(y + 1, 1, 14);
                        }
                        var hours = Math.Round(80m + (decimal)rng.NextDouble() * 90m, 2);
                        db.PaidHours.Add(new PaidHoursRecord { EmployerId = ids[e.Lhn], Pseudonym = p, PeriodStart = start, PeriodEnd = end, Hours = hours, Form = form });
                    }
                if (!withRegister) continue;
                // Employers 2 and 7 have few target-group workers (a shortfall): only the first nine persons' shapes that count little.
                if (e.Lhn is "200000002L01" or "200000007L01" && (k >= 9 || k % 9 is not (2 or 3 or 5))) continue;
                // Registrations: about a third of the persons are in the register, in different shapes.
                TargetGroupRegistration R(DateOnly s, DateOnly? t, RegistrationGround g = RegistrationGround.Participatiewet) =>
                    new() { Pseudonym = p, Ground = g, StartDate = s, EndDate = t };
                switch (k % 9)
                {
                    case 0: registrations.Add(R(new(2016, 3, 1), null, RegistrationGround.Wajong)); break;
                    case 1: registrations.Add(R(new(Year, 6, 15), null)); break;
                    case 2: registrations.Add(R(new(2019, 1, 1), new(Year, 4, 10))); break;
                    case 3: registrations.Add(R(new(Year + 1, 1, 5), null)); break; // after the year: the December period over New Year must not count
                    case 4:
                        registrations.Add(R(new(2018, 1, 1), new(Year, 2, 28)));
                        registrations.Add(R(new(Year, 9, 1), null, RegistrationGround.Wsw));
                        break;
                    case 5: if (k % 2 == 1) registrations.Add(R(new(2010, 1, 1), new(Year - 2, 12, 31))); break; // ended before the year
                }
            }
        }
        db.TargetGroupRegistrations.AddRange(registrations);
        // Attributions: the sheltered-employment company lends workers to two government employers; one agreed too late.
        var lender = ids["200000006L01"];
        var shelteredFirst = employers.TakeWhile(e => e.Lhn != "200000006L01").Sum(e => e.Persons);
        db.HiredInHours.AddRange(
            new HiredInHoursRecord { LenderId = lender, HirerId = ids["200000001L01"], Pseudonym = Pseudonym(shelteredFirst + 0), Year = Year, Hours = 900m, AgreedOn = new(Year + 1, 3, 1) },
            new HiredInHoursRecord { LenderId = lender, HirerId = ids["200000002L01"], Pseudonym = Pseudonym(shelteredFirst + 1), Year = Year, Hours = 5000m, AgreedOn = new(Year + 1, 6, 30) },
            new HiredInHoursRecord { LenderId = lender, HirerId = ids["200000007L01"], Pseudonym = Pseudonym(shelteredFirst + 9), Year = Year, Hours = 700m, AgreedOn = new(Year + 1, 12, 1) },
            new HiredInHoursRecord { LenderId = lender, HirerId = ids["200000001L01"], Pseudonym = Pseudonym(shelteredFirst + 18), Year = Year - 1, Hours = 300m, AgreedOn = new(Year, 3, 1) });
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>
    /// Many government employers that each hire in one registered worker from a sheltered-employment company (synthetic,
    /// deterministic): per employer one own employee paid monthly in the year and the year before (a third of them in the
    /// register), and an attribution of 600–1.800 hours (some above what the lent worker made at the lender, so the cap
    /// applies), agreed at different dates. Returns the employers' ids with their payroll tax numbers.
    /// </summary>
    public static async Task<Dictionary<int, string>> SeedGovernmentHirersAsync(BanenmonitorDbContext db, int employers)
    {
        int[] governmentSectors = [1, 4, 5, 6, 7]; // gemeenten, rijk, defensie, politie, umc
        var lender = new Employer { PayrollTaxNumber = "300000000L01", Name = "Sw-bedrijf", SectorId = 14, SizeClass = SizeClass.Large, LenderType = LenderType.ShelteredEmployment };
        db.Employers.Add(lender);
        var hirers = Enumerable.Range(0, employers).Select(k => new Employer
        {
            PayrollTaxNumber = $"{300000001 + k:D9}L01", Name = $"Overheid {k}", SectorId = governmentSectors[k % governmentSectors.Length], SizeClass = SizeClass.Large,
        }).ToList();
        db.Employers.AddRange(hirers);
        await db.SaveChangesAsync();
        for (var k = 0; k < employers; k++)
        {
            var own = Pseudonym(100_000 + k);
            var lent = Pseudonym(200_000 + k);
            foreach (var y in new[] { Year - 1, Year })
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(y, m, 1);
                    db.PaidHours.Add(new PaidHoursRecord { EmployerId = hirers[k].Id, Pseudonym = own, PeriodStart = start, PeriodEnd = start.AddMonths(1).AddDays(-1), Hours = 5000m + k % 7 * 400m, Form = WorkingRelation.Direct });
                    if (y == Year)
                        db.PaidHours.Add(new PaidHoursRecord { EmployerId = lender.Id, Pseudonym = lent, PeriodStart = start, PeriodEnd = start.AddMonths(1).AddDays(-1), Hours = 120m, Form = WorkingRelation.Secondment });
                }
            db.TargetGroupRegistrations.Add(new TargetGroupRegistration { Pseudonym = lent, Ground = RegistrationGround.Wsw, StartDate = new(2015, 1, 1) });
            if (k % 3 == 0) db.TargetGroupRegistrations.Add(new TargetGroupRegistration { Pseudonym = own, Ground = RegistrationGround.Wajong, StartDate = new(Year, 7, 1) });
            db.HiredInHours.Add(new HiredInHoursRecord
            {
                LenderId = lender.Id, HirerId = hirers[k].Id, Pseudonym = lent, Year = Year, Hours = 600m + k % 5 * 300m,
                AgreedOn = k % 11 == 0 ? new DateOnly(Year + 1, 12, 1) : new DateOnly(Year + 1, 3, 1),
            });
        }
        await db.SaveChangesAsync();
        return hirers.ToDictionary(h => h.Id, h => h.PayrollTaxNumber);
    }

    /// <summary>Writes the stored data as the national engine's input files (the shared export the CLI uses too).</summary>
    public static Task<Banenmonitor.Data.Export.NationalInputFiles> ExportAsync(BanenmonitorDbContext db, string dir, int year) =>
        Banenmonitor.Data.Export.NationalInputExport.ExportAsync(db, dir, year);
}
