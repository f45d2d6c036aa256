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
        var registrations = await RegistrationsAsync(db, persons, ct);
        var registerLoaded = await db.TargetGroupRegistrations.AnyAsync(ct);

        var a = Aggregate(id, year, rows, attributions, lenderRows.ToLookup(x => (x.EmployerId, x.Row.Pseudonym), x => x.Row), registrations);
        var (total, agency, c, previous, ruleAttributions) = (a.Total, a.Agency, a.TargetGroup, a.Previous, a.Attributions);
        var (yearRows, yearPersons, targetRows, targetHours, leftOut, prevRows, asHirer, asLender) =
            (a.YearRows, a.YearPersons, a.TargetRows, a.TargetHours, a.LeftOut, a.PreviousRows, a.AsHirer, a.AsLender);

        // Registrations of the employer's persons: those that touch the year are the ones the rule reads.
        var ownRegistrations = yearPersons.Where(registrations.ContainsKey).SelectMany(p => registrations[p]).ToList();
        var inYear = ownRegistrations.Count(g => g.Start <= yearEnd && (g.End ?? DateOnly.MaxValue) >= yearStart);

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

    /// <summary>The registration intervals of <paramref name="persons"/>, per pseudonym, in order.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<RegistrationInterval>>> RegistrationsAsync(BanenmonitorDbContext db, List<string> persons,
        CancellationToken ct) =>
        (await db.TargetGroupRegistrations.AsNoTracking().Where(g => persons.Contains(g.Pseudonym))
            .Select(g => new { g.Pseudonym, g.StartDate, g.EndDate }).ToListAsync(ct))
        .GroupBy(g => g.Pseudonym)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<RegistrationInterval>)g.Select(x => new RegistrationInterval(x.StartDate, x.EndDate))
            .OrderBy(x => x.Start).ThenBy(x => x.End).ToList(), StringComparer.Ordinal);

    /// <summary>What one employer's stored rows give the rules core, and what was counted on the way (for the view).</summary>
    private sealed record Aggregation(decimal Total, decimal Agency, decimal TargetGroup, decimal? Previous, List<RulesAttribution> Attributions,
        int YearRows, HashSet<string> YearPersons, int TargetRows, Dictionary<string, decimal> TargetHours, Dictionary<string, int> LeftOut,
        List<Row> PreviousRows, List<Attribution> AsHirer, List<Attribution> AsLender);

    /// <summary>
    /// The one mapping from an employer's stored rows to the rules core's aggregates — used for one employer
    /// (<see cref="ComputeAsync(BanenmonitorDbContext, ParameterSet, int, int, CancellationToken)"/>) and for many at once
    /// (<see cref="InputsAsync"/>). <paramref name="rows"/>: the employer's payroll of the year and the year before;
    /// <paramref name="attributions"/>: those of the year with the employer on either side (others are ignored);
    /// <paramref name="lenderRows"/>: payroll of the year at the lenders by lender and person (other persons or lenders are not read);
    /// <paramref name="registrations"/>: at least those of the employer's and the hired-in persons.
    /// </summary>
    private static Aggregation Aggregate(int id, int year, IEnumerable<Row> rows, IEnumerable<Attribution> attributions, ILookup<(int Lender, string Pseudonym), Row> lenderRows,
        IReadOnlyDictionary<string, IReadOnlyList<RegistrationInterval>> registrations)
    {
        var yearStart = new DateOnly(year, 1, 1);
        // The year: A, agency hours, C under the period rule.
        decimal total = 0, agency = 0, c = 0;
        int yearRows = 0, targetRows = 0;
        var yearPersons = new HashSet<string>(StringComparer.Ordinal);
        var targetHours = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var leftOut = new Dictionary<string, int>();
        var prevRows = new List<Row>();
        foreach (var r in rows)
        {
            if (r.PeriodStart < yearStart) { prevRows.Add(r); continue; }
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
        decimal? previous = prevRows.Count == 0 ? null
            : Math.Max(0m, prevRows.Sum(r => r.Hours) - prevRows.Where(r => r.Form == WorkingRelation.Agency).Sum(r => r.Hours));

        // Attributions: hirer side first, then lender side (as the national engine); each bounded by the person's
        // target-group hours at the lender in the year.
        decimal LenderTargetHours(Attribution a) => a.LenderId == id ? targetHours.GetValueOrDefault(a.Pseudonym)
            : lenderRows[(a.LenderId, a.Pseudonym)]
                .Where(r => TargetGroupPeriodRule.Apply(r.PeriodStart, r.PeriodEnd, year, registrations.GetValueOrDefault(a.Pseudonym)) == PeriodRuleOutcome.Counts)
                .Sum(r => r.Hours);
        static IOrderedEnumerable<Attribution> Ordered(IEnumerable<Attribution> s) =>
            s.OrderBy(a => a.Pseudonym, StringComparer.Ordinal).ThenBy(a => a.Lender, StringComparer.Ordinal).ThenBy(a => a.Hirer, StringComparer.Ordinal).ThenBy(a => a.AgreedOn);
        var asHirer = Ordered(attributions.Where(a => a.HirerId == id)).ToList();
        var asLender = Ordered(attributions.Where(a => a.LenderId == id)).ToList();
        var ruleAttributions = asHirer.Select(a => new RulesAttribution(Reference(a.Pseudonym), AttributionSide.Hirer, new(a.Hours), new(LenderTargetHours(a)), a.AgreedOn))
            .Concat(asLender.Select(a => new RulesAttribution(Reference(a.Pseudonym), AttributionSide.Lender, new(a.Hours), new(LenderTargetHours(a)), a.AgreedOn)))
            .ToList();
        return new Aggregation(total, agency, c, previous, ruleAttributions, yearRows, yearPersons, targetRows, targetHours, leftOut, prevRows, asHirer, asLender);
    }

    /// <summary>
    /// The rules core's input of many employers of one year from the stored data, by the same mapping as one employer's
    /// (<see cref="Aggregate"/>), read set-wise: per batch of <paramref name="batchSize"/> employer ids one query each for
    /// their payroll, their attributions, the lenders' payroll of the hired-in persons and those persons' registrations —
    /// never one query per employer. Only one batch's rows are held at a time; <paramref name="onBatch"/> gets each batch's
    /// inputs as it is done. Nothing when the rules cannot compute the year.
    /// </summary>
    public static async Task InputsAsync(BanenmonitorDbContext db, ParameterSet parameters, IReadOnlyList<int> employerIds, int year,
        Action<IReadOnlyDictionary<int, QuotaInput>> onBatch, int batchSize = 200, CancellationToken ct = default)
    {
        if (year < QuotaQuestion.FirstYear || QuotaYears.Check(parameters, year).Block is not null) return;
        var (yearStart, yearEnd, prevStart) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));
        foreach (var chunk in employerIds.Distinct().Chunk(Math.Max(1, batchSize)))
        {
            var ids = chunk.ToList();
            var sectors = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new { e.Id, Code = e.Sector == null ? null : e.Sector.LegalSectorCode }).ToDictionaryAsync(e => e.Id, e => e.Code, ct);
            var rows = (await db.PaidHours.AsNoTracking()
                    .Where(r => ids.Contains(r.EmployerId) && r.PeriodStart >= prevStart && r.PeriodStart <= yearEnd)
                    .Select(r => new { r.EmployerId, Row = new Row(r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, r.Form) }).ToListAsync(ct))
                .ToLookup(x => x.EmployerId, x => x.Row);
            var attributions = await db.HiredInHours.AsNoTracking()
                .Where(a => a.Year == year && (ids.Contains(a.LenderId) || ids.Contains(a.HirerId)))
                .Select(a => new Attribution(a.Lender!.PayrollTaxNumber, a.Hirer!.PayrollTaxNumber, a.LenderId, a.HirerId, a.Pseudonym, a.Hours, a.AgreedOn))
                .ToListAsync(ct);
            var hiredIn = attributions.Where(a => ids.Contains(a.HirerId) && a.LenderId != a.HirerId).ToList();
            var lenderIds = hiredIn.Select(a => a.LenderId).Distinct().ToList();
            var hiredPersons = hiredIn.Select(a => a.Pseudonym).Distinct().ToList();
            var lenderRows = (hiredIn.Count == 0 ? [] : await db.PaidHours.AsNoTracking()
                    .Where(r => lenderIds.Contains(r.EmployerId) && hiredPersons.Contains(r.Pseudonym) && r.PeriodStart >= yearStart && r.PeriodStart <= yearEnd)
                    .Select(r => new { r.EmployerId, Row = new Row(r.Pseudonym, r.PeriodStart, r.PeriodEnd, r.Hours, r.Form) }).ToListAsync(ct))
                .ToLookup(x => (x.EmployerId, x.Row.Pseudonym), x => x.Row);
            var persons = rows.SelectMany(g => g).Where(r => r.PeriodStart >= yearStart).Select(r => r.Pseudonym).Concat(hiredPersons).Distinct().ToList();
            var registrations = await RegistrationsAsync(db, persons, ct);
            var byEmployer = attributions.SelectMany(a => new[] { (a.HirerId, a), (a.LenderId, a) }).Distinct().ToLookup(x => x.Item1, x => x.a);
            var inputs = new Dictionary<int, QuotaInput>(ids.Count);
            foreach (var id in ids)
            {
                if (!sectors.TryGetValue(id, out var code)) continue;
                var a = Aggregate(id, year, rows[id], byEmployer[id], lenderRows, registrations);
                inputs[id] = QuotaInput.OfAggregates(year, a.Total, a.Agency, a.TargetGroup, a.Previous, a.Attributions, QuotaSector.IsGovernment(code));
            }
            onBatch(inputs);
        }
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
