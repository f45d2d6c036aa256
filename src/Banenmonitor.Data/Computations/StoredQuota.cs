using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Contracts;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Quota;
using Microsoft.EntityFrameworkCore;
using RulesAttribution = Banenmonitor.Rules.Quota.HiredInAttribution;

namespace Banenmonitor.Data.Computations;

/// <summary>A Dutch message why the quota cannot be computed from stored data (unknown employer, a year the rules cannot compute).</summary>
public sealed class StoredQuotaException(string message, QuotaYearBlock? block = null) : Exception(message)
{
    public QuotaYearBlock? YearBlock { get; } = block;
}

/// <summary>
/// An employer's quota computed from the stored data: the rules core's input and outcome (with its full trace), the
/// Dutch view with the counted sources, what is missing (<see cref="Missing"/>: the outcome is then <i>onvolledig</i>)
/// and the fingerprint of the rows read.
/// </summary>
public sealed record StoredQuotaOutcome(Employer Employer, int Year, QuotaInput Input, QuotaResult Result, WerkgeverQuotumView View,
    IReadOnlyList<string> Missing, string InputsFingerprint)
{
    public bool Incomplete => Missing.Count > 0;
}

/// <summary>
/// The quota of one employer and year from what the database holds, through the one rules core: A from the stored payroll
/// (<i>verloonde uren</i>) of the year, minus agency staff hours; C the hours of the periods in which the person
/// (pseudonymised citizen number, the key that joins payroll and register) was registered in the target-group register,
/// by <see cref="TargetGroupPeriodRule"/>; A of the year before for the threshold; the hired-in attributions of the year on
/// the hirer's and the lender's side; then <see cref="QuotaInput.OfAggregates"/> and <see cref="QuotaCalculator"/>, as the
/// national engine does for every employer. Lives in Data so that the CLI and the web both use it.
/// </summary>
public static class StoredQuota
{
    public static async Task<StoredQuotaOutcome> ComputeAsync(BanenmonitorDbContext db, ParameterSet parameters, string payrollTaxNumber,
        int year, CancellationToken ct = default)
    {
        var number = payrollTaxNumber.Trim().ToUpperInvariant();
        var employer = await db.Employers.AsNoTracking().Include(e => e.Sector).FirstOrDefaultAsync(e => e.PayrollTaxNumber == number, ct)
            ?? throw new StoredQuotaException($"Werkgever {number} staat niet in de database.");
        return await ComputeAsync(db, parameters, employer, year, ct);
    }

    public static async Task<StoredQuotaOutcome> ComputeAsync(BanenmonitorDbContext db, ParameterSet parameters, int employerId,
        int year, CancellationToken ct = default)
    {
        var employer = await db.Employers.AsNoTracking().Include(e => e.Sector).FirstOrDefaultAsync(e => e.Id == employerId, ct)
            ?? throw new StoredQuotaException($"Werkgever {employerId} staat niet in de database.");
        return await ComputeAsync(db, parameters, employer, year, ct);
    }

    private sealed record Row(string Pseudonym, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Hours, WorkingRelation Form);
    private sealed record Attribution(string Lender, string Hirer, int LenderId, int HirerId, string Pseudonym, decimal Hours, DateOnly AgreedOn);

    private static async Task<StoredQuotaOutcome> ComputeAsync(BanenmonitorDbContext db, ParameterSet parameters, Employer employer,
        int year, CancellationToken ct)
    {
        if (year < QuotaQuestion.FirstYear)
            throw new StoredQuotaException($"Kies een jaar vanaf {QuotaQuestion.FirstYear}: de quotumregeling geldt voor werkgevers in de sector overheid vanaf dat jaar.");
        if (QuotaYears.Check(parameters, year).Block is { } block) throw new StoredQuotaException(block.Message, block);
        var id = employer.Id;
        var (yearStart, yearEnd, prevStart) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));

        var rows = await db.PaidHours.AsNoTracking()
            .Where(r => r.EmployerId == id && r.PeriodStart >= prevStart && r.PeriodStart <= yearEnd)
            .Select(r => new Row(r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, r.Form)).ToListAsync(ct);
        var otherYears = await db.PaidHours.CountAsync(r => r.EmployerId == id && (r.PeriodStart < prevStart || r.PeriodStart > yearEnd), ct);
        var attributions = await db.HiredInHours.AsNoTracking()
            .Where(a => a.Year == year && (a.LenderId == id || a.HirerId == id))
            .Select(a => new Attribution(a.Lender!.PayrollTaxNumber, a.Hirer!.PayrollTaxNumber, a.LenderId, a.HirerId, a.Pseudonym, a.Hours, a.AgreedOn))
            .ToListAsync(ct);
        var attributionsOtherYears = await db.HiredInHours.CountAsync(a => a.Year != year && (a.LenderId == id || a.HirerId == id), ct);

        // Hired in: the person's target-group hours at the lender in the year bound what the hirer may count.
        var hiredIn = attributions.Where(a => a.HirerId == id && a.LenderId != id).ToList();
        var lenderIds = hiredIn.Select(a => a.LenderId).Distinct().ToList();
        var hiredPersons = hiredIn.Select(a => a.Pseudonym).Distinct().ToList();
        var lenderRows = hiredIn.Count == 0 ? [] : await db.PaidHours.AsNoTracking()
            .Where(r => lenderIds.Contains(r.EmployerId) && hiredPersons.Contains(r.Pseudonym) && r.PeriodStart >= yearStart && r.PeriodStart <= yearEnd)
            .Select(r => new { r.EmployerId, Row = new Row(r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, r.Form) }).ToListAsync(ct);

        var persons = rows.Where(r => r.PeriodStart >= yearStart).Select(r => r.Pseudonym).Concat(hiredPersons).Distinct().ToList();
        var registrations = (await db.TargetGroupRegistrations.AsNoTracking().Where(g => persons.Contains(g.Pseudonym))
                .Select(g => new { g.Pseudonym, g.StartDate, g.EndDate }).ToListAsync(ct))
            .GroupBy(g => g.Pseudonym)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RegistrationInterval>)g.Select(x => new RegistrationInterval(x.StartDate, x.EndDate))
                .OrderBy(x => x.Start).ThenBy(x => x.End).ToList(), StringComparer.Ordinal);
        var registerLoaded = await db.TargetGroupRegistrations.AnyAsync(ct);

        // The year: A, agency hours, C under the period rule.
        decimal total = 0, agency = 0, c = 0;
        int yearRows = 0, targetRows = 0;
        var yearPersons = new HashSet<string>(StringComparer.Ordinal);
        var targetHours = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var leftOut = new Dictionary<string, int>();
        foreach (var r in rows.Where(r => r.PeriodStart >= yearStart))
        {
            yearRows++;
            yearPersons.Add(r.Pseudonym);
            total += r.Hours;
            if (r.Form == WorkingRelation.Agency) agency += r.Hours;
            var outcome = TargetGroupPeriodRule.Apply(r.PeriodStart, r.PeriodEnd, year, registrations.GetValueOrDefault(r.Pseudonym));
            if (outcome == PeriodRuleOutcome.Counts)
            {
                c += r.Hours;
                targetRows++;
                targetHours[r.Pseudonym] = targetHours.GetValueOrDefault(r.Pseudonym) + r.Hours;
            }
            else if (outcome != PeriodRuleOutcome.NotRegistered)
            {
                var reason = TargetGroupPeriodRule.Dutch(outcome);
                leftOut[reason] = leftOut.GetValueOrDefault(reason) + 1;
            }
        }
        var prevRows = rows.Where(r => r.PeriodStart < yearStart).ToList();
        decimal? previous = prevRows.Count == 0 ? null
            : Math.Max(0m, prevRows.Sum(r => r.Hours) - prevRows.Where(r => r.Form == WorkingRelation.Agency).Sum(r => r.Hours));

        // Registrations of the employer's persons: those that touch the year are the ones the rule reads.
        var ownRegistrations = yearPersons.Where(registrations.ContainsKey).SelectMany(p => registrations[p]).ToList();
        var inYear = ownRegistrations.Count(g => g.Start <= yearEnd && (g.End ?? DateOnly.MaxValue) >= yearStart);

        // Attributions: hirer side first, then lender side (as the national engine); each bounded by the person's
        // target-group hours at the lender in the year.
        decimal LenderTargetHours(Attribution a) => a.LenderId == id ? targetHours.GetValueOrDefault(a.Pseudonym)
            : lenderRows.Where(x => x.EmployerId == a.LenderId && x.Row.Pseudonym == a.Pseudonym
                                    && TargetGroupPeriodRule.Apply(x.Row.PeriodStart, x.Row.PeriodEnd, year, registrations.GetValueOrDefault(a.Pseudonym)) == PeriodRuleOutcome.Counts)
                .Sum(x => x.Row.Hours);
        static IOrderedEnumerable<Attribution> Ordered(IEnumerable<Attribution> s) =>
            s.OrderBy(a => a.Pseudonym, StringComparer.Ordinal).ThenBy(a => a.Lender, StringComparer.Ordinal).ThenBy(a => a.Hirer, StringComparer.Ordinal).ThenBy(a => a.AgreedOn);
        var asHirer = Ordered(attributions.Where(a => a.HirerId == id)).ToList();
        var asLender = Ordered(attributions.Where(a => a.LenderId == id)).ToList();
        var ruleAttributions = asHirer.Select(a => new RulesAttribution(Reference(a.Pseudonym), AttributionSide.Hirer, new(a.Hours), new(LenderTargetHours(a)), a.AgreedOn))
            .Concat(asLender.Select(a => new RulesAttribution(Reference(a.Pseudonym), AttributionSide.Lender, new(a.Hours), new(LenderTargetHours(a)), a.AgreedOn)))
            .ToList();

        var missing = new List<string>();
        if (yearRows == 0) missing.Add($"Geen verloonde uren over {year} opgeslagen voor deze werkgever: A en C zijn onbekend.");
        if (previous is null) missing.Add($"Geen verloonde uren over {year - 1} opgeslagen: de drempel in {year - 1} is niet getoetst.");
        if (!registerLoaded) missing.Add("Het doelgroepregister is niet geladen: welke uren van de doelgroep zijn (C), is onbekend.");

        var input = QuotaInput.OfAggregates(year, total, agency, c, previous, ruleAttributions, QuotaSector.IsGovernment(employer.Sector?.LegalSectorCode));
        var result = new QuotaCalculator(parameters).Compute(input);

        var weggelaten = leftOut.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new WeggelatenView("verloningsregels", kv.Value, $"{kv.Key} (Wfsv art. 38g lid 8): telt mee in A, niet in C")).ToList();
        if (ownRegistrations.Count - inYear is > 0 and var outside)
            weggelaten.Add(new("inschrijvingen", outside, $"inschrijving van een werknemer valt buiten {year}"));
        if (otherYears > 0) weggelaten.Add(new("verloningsregels", otherYears, $"periode in een ander jaar dan {year} of {year - 1}"));
        if (attributionsOtherYears > 0) weggelaten.Add(new("toerekeningen", attributionsOtherYears, $"toerekening voor een ander jaar dan {year}"));
        var bronnen = new BronnenView(yearRows, yearPersons.Count, targetRows, targetHours.Count, inYear, prevRows.Count,
            asHirer.Count, asLender.Count, weggelaten);
        var view = new WerkgeverQuotumView(QuotumView.From(result), employer.PayrollTaxNumber, employer.Name, missing.Count > 0, missing,
            new UrenView(total, agency, c, previous), bronnen);

        var fingerprint = Fingerprint(employer, year, rows, registrations, attributions, lenderRows.Select(x => (x.EmployerId, x.Row)), registerLoaded);
        return new StoredQuotaOutcome(employer, year, input, result, view, missing, fingerprint);
    }

    /// <summary>How a person shows in the trace: the start of the pseudonym, never a citizen number.</summary>
    private static string Reference(string pseudonym) => "persoon " + (pseudonym.Length > 12 ? pseudonym[..12] : pseudonym);

    private static string Hours(decimal h) => h.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of every stored value the computation read, in a canonical order and notation.</summary>
    private static string Fingerprint(Employer employer, int year, IEnumerable<Row> rows, Dictionary<string, IReadOnlyList<RegistrationInterval>> registrations,
        IEnumerable<Attribution> attributions, IEnumerable<(int, Row)> lenderRows, bool registerLoaded)
    {
        var lines = new List<string>
        {
            $"werkgever|{employer.PayrollTaxNumber}|{employer.Sector?.LegalSectorCode}|{year}|register:{registerLoaded}",
        };
        static string R(Row r) => $"{r.Pseudonym}|{r.PeriodStart:yyyy-MM-dd}|{r.PeriodEnd:yyyy-MM-dd}|{Hours(r.Hours)}|{r.Form}";
        lines.AddRange(rows.Select(r => "v|" + R(r)).Order(StringComparer.Ordinal));
        lines.AddRange(lenderRows.Select(x => $"l|{x.Item1}|" + R(x.Item2)).Order(StringComparer.Ordinal));
        lines.AddRange(registrations.SelectMany(kv => kv.Value.Select(g => $"g|{kv.Key}|{g.Start:yyyy-MM-dd}|{g.End:yyyy-MM-dd}")).Order(StringComparer.Ordinal));
        lines.AddRange(attributions.Select(a => $"t|{a.Lender}|{a.Hirer}|{a.Pseudonym}|{Hours(a.Hours)}|{a.AgreedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}
