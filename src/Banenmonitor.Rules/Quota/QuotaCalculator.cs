using Banenmonitor.Rules.Explanations;
using Banenmonitor.Rules.Parameters;
using Banenmonitor.Rules.Units;
using Banenmonitor.Rules.Laws;
using static Banenmonitor.Rules.Laws.LawCatalog;

namespace Banenmonitor.Rules.Quota;

/// <summary>
/// The employer quota under the quotumregeling (Wfsv art. 34, 38b–38j; Besluit Wfsv art. 2.20–2.33):
/// size threshold, shortfall (A × B − C) / D with the legal rounding, levy per missing job.
/// </summary>
public sealed class QuotaCalculator(ParameterSet parameters)
{
    /// <summary>Stands in for the trace on the path without explanation; never handed out.</summary>
    private static readonly Trace NoTrace = new();

    // The articles of the two exemptions, built once: the path without trace passes them without allocating.
    private static readonly LegalReference[] MarketSectorLaw = [Wfsv.Article("38c"), RegelingWfsv.Article("3.27")];
    private static readonly LegalReference[] ThresholdLaw = [Wfsv.Article("34", "4"), Wfsv.Article("34", "6")];

    /// <summary>The quota with its full trace.</summary>
    public QuotaResult Compute(QuotaInput input) => Compute(input, new Trace());

    /// <summary>
    /// The same computation without building the trace (for bulk runs over hundreds of thousands of employers, whose
    /// explanation is asked for one at a time). Every figure is computed by the same code as <see cref="Compute(QuotaInput)"/>:
    /// only the trace steps are skipped, because they are added through <c>trace?.Add</c> and their arguments are then
    /// not evaluated.
    /// </summary>
    public QuotaFigures Figures(QuotaInput input) => Compute(input, null).Figures;

    private QuotaResult Compute(QuotaInput input, Trace? trace)
    {
        if (input.TotalPaidHours.Value < 0) throw new ArgumentOutOfRangeException(nameof(input), "Verloonde uren kunnen niet negatief zijn.");
        if (input.TargetGroupHours.Value < 0) throw new ArgumentOutOfRangeException(nameof(input), "Uren van de doelgroep kunnen niet negatief zijn.");
        if (input.TargetGroupHours > input.TotalPaidHours)
            throw new ArgumentOutOfRangeException(nameof(input), "Uren van de doelgroep kunnen niet groter zijn dan de totale verloonde uren.");

        var year = input.Year;
        var q = QuotaParameters.For(parameters, year, trace);

        // Step 1: A — total paid hours, minus agency staff hours for a lender.
        var a = input.TotalPaidHours;
        if (input.AgencyStaffHours is { } agency && agency.Value > 0)
        {
            var before = a;
            a = PaidHours.Max(PaidHours.Zero, a - agency);
            trace?.Add("Verloonde uren van uitzendkrachten tellen niet mee bij de uitlener",
                "A = verloonde uren − uren uitzendkrachten", a.Value, "uur",
                [new("verloonde uren", before.Value, "uur"), new("uren uitzendkrachten", agency.Value, "uur")],
                legal: [BesluitWfsv.Article("2.31")]);
        }
        var decVar = q.VariableDecimals;
        var aRounded = LegalRounding.Down(a.Value, decVar);
        trace?.Add("Totaal verloonde uren van de werkgever in het jaar (variabele A), naar beneden afgerond",
            $"A = afronding omlaag op {decVar} decimalen", aRounded, "uur",
            [new("verloonde uren", a.Value, "uur")],
            legal: [Wfsv.Article("38g", "3"), BesluitWfsv.Article("2.22")]);

        // Step 2: sector — the quota only applies to government employers.
        if (!input.IsGovernmentEmployer)
            return ExemptResult(input, trace, q, "De quotumregeling is alleen geactiveerd voor de sector overheid; deze werkgever valt in de sector markt.",
                MarketSectorLaw, aRounded);

        // Step 3: size threshold in the year itself and in the year before.
        var threshold = q.ThresholdEmployees * q.AverageHoursPerEmployee.Value;
        trace?.Add("Omvangsdrempel: 25 × gemiddeld aantal verloonde uren van een werknemer",
            "drempel = aantal werknemers × E", threshold, "uur",
            legal: [Wfsv.Article("34", "4"), Wfsv.Article("34", "6"), BesluitWfsv.Articles("2.20", "2.21")]);

        var belowNow = a.Value < threshold;
        trace?.Add($"Toets drempel in {year}: A {(belowNow ? "<" : "≥")} drempel",
            "A ≥ drempel?", belowNow ? 0 : 1, "ja(1)/nee(0)",
            [new("A", a.Value, "uur"), new("drempel", threshold, "uur")], legal: [Wfsv.Article("34", "6")]);
        string? prevNote = null;
        bool belowPrev = false;
        if (input.TotalPaidHoursPreviousYear is { } prev)
        {
            belowPrev = prev.Value < threshold;
            trace?.Add($"Toets drempel in {year - 1}: verloonde uren vorig jaar {(belowPrev ? "<" : "≥")} drempel",
                "verloonde uren vorig jaar ≥ drempel?", belowPrev ? 0 : 1, "ja(1)/nee(0)",
                [new("verloonde uren vorig jaar", prev.Value, "uur"), new("drempel", threshold, "uur")], legal: [Wfsv.Article("34", "4")]);
        }
        else
        {
            prevNote = $"Verloonde uren over {year - 1} niet opgegeven: de drempel in het jaar ervoor is niet getoetst.";
        }
        if (belowNow || belowPrev)
        {
            var which = belowNow && belowPrev ? $"{year - 1} en {year}" : belowNow ? $"{year}" : $"{year - 1}";
            return ExemptResult(input, trace, q,
                $"Vrijgesteld: de verloonde uren in {which} liggen onder de drempel van {DutchFormat.Number(threshold)} uur (25 werknemers).",
                ThresholdLaw, aRounded);
        }

        // Step 4: B — quota percentage of the year, rounded down.
        var published = q.QuotaPercentage.Points;
        var decPct = q.PercentageDecimals;
        var b = LegalRounding.Down(published, decPct);
        trace?.Add($"Quotumpercentage sector overheid {year} (variabele B), naar beneden afgerond op {decPct} decimalen",
            "B", b, "%",
            legal: [Wfsv.Article("38f"), BesluitWfsv.Article("2.22")],
            note: q.QuotaPercentageUnconfirmed ? "Let op: dit percentage is onbevestigd." : null);

        // Step 5: C — target-group hours incl. hired-in attribution.
        var c = ComputeTargetGroupHours(input, trace, q);
        var cRounded = LegalRounding.Down(c.Value, q.VariableDecimals);
        trace?.Add("Verloonde uren van werknemers uit de doelgroep (variabele C), naar beneden afgerond",
            $"C = afronding omlaag op {decVar} decimalen", cRounded, "uur",
            [new("uren doelgroep", c.Value, "uur")],
            legal: [Wfsv.Article("38g", "3"), Wfsv.Article("38g", "8"), BesluitWfsv.Article("2.22")]);

        // Step 6: required and realised jobs.
        var aTimesB = LegalRounding.Down(aRounded * b / 100m, decVar);
        var required = aTimesB / q.HoursPerJob.Value;
        var decShort = q.ShortfallDecimals;
        trace?.Add("Vereiste banen: A × B gedeeld door het aantal uren per baan (variabele D)",
            "vereiste banen = (A × B) ÷ D", LegalRounding.Down(required, decShort), "banen",
            [new("A", aRounded, "uur"), new("B", b, "%"), new("A × B", aTimesB, "uur")], legal: [Wfsv.Article("38g", "3")]);
        var realised = cRounded / q.HoursPerJob.Value;
        trace?.Add("Gerealiseerde banen: C gedeeld door D", "gerealiseerde banen = C ÷ D", LegalRounding.Down(realised, q.ShortfallDecimals), "banen",
            [new("C", cRounded, "uur")], legal: [Wfsv.Article("38g", "3")]);

        // Step 7: shortfall.
        var d = q.HoursPerJob.Value;
        var raw = (aTimesB - cRounded) / d;
        var shortfall = Math.Max(0m, LegalRounding.Down(raw, q.ShortfallDecimals));
        trace?.Add($"Quotumtekort: (A × B − C) ÷ D, naar beneden afgerond op {decShort} decimaal, niet minder dan nul",
            "quotumtekort = max(0, (A × B − C) ÷ D)", shortfall, "banen",
            [new("A × B", aTimesB, "uur"), new("C", cRounded, "uur"), new("onafgerond", raw, "banen")],
            legal: [Wfsv.Article("38g", "3"), BesluitWfsv.Article("2.23")]);

        // Step 8: levy.
        var levy = shortfall * q.LevyPerMissingJob.Value;
        var suspended = q.LevySuspended;
        trace?.Add("Quotumheffing: quotumtekort × heffing per ontbrekende baan",
            "heffing = quotumtekort × bedrag per ontbrekende baan", levy, "euro",
            [new("quotumtekort", shortfall, "banen")], legal: [Wfsv.Article("38h", "4")],
            note: suspended ? "De heffing is opgeschort (Wfsv art. 122na) en is nooit geïnd; het bedrag is wat de wet zonder opschorting zou opleggen." : null);

        return new QuotaResult(year, new QuotaFigures(new PaidHours(aRounded), new Percentage(b), new Jobs(LegalRounding.Down(required, decShort)),
            new Jobs(LegalRounding.Down(realised, decShort)), new Jobs(shortfall), new Euros(levy), false, suspended), prevNote, trace ?? NoTrace,
            trace is null ? null : new QuotaWorking(aTimesB, cRounded, d, required, realised, raw, decVar, decShort));
    }

    private static PaidHours ComputeTargetGroupHours(QuotaInput input, Trace? trace, QuotaParameters q)
    {
        var c = input.TargetGroupHours;
        if (input.Attributions is not { Count: > 0 } attributions) return c;
        foreach (var at in attributions)
        {
            if (at.AttributedHours.Value < 0) throw new ArgumentOutOfRangeException(nameof(input), "Toegerekende uren kunnen niet negatief zijn.");
            var deadline = q.AttributionDeadline;
            if (at.AgreedOn >= deadline)
            {
                trace?.Add($"Toerekening {at.PersonReference} telt niet: overeengekomen op {at.AgreedOn:dd-MM-yyyy}, niet vóór {deadline:dd-MM-yyyy}",
                    "geen wijziging van C", 0m, "uur", legal: [BesluitWfsv.Articles("2.27", "2.31")]);
                continue;
            }
            var hours = PaidHours.Min(at.AttributedHours, at.PersonRecordedHours);
            var before = c;
            if (at.Side == AttributionSide.Hirer)
            {
                c += hours;
                trace?.Add($"Ingeleende werknemer {at.PersonReference}: uren tellen mee bij de inlener (ten hoogste de verloonde uren van de persoon)",
                    "C = C + min(toegerekende uren, verloonde uren persoon)", c.Value, "uur",
                    [new("C vóór", before.Value, "uur"), new("toegerekend", at.AttributedHours.Value, "uur"), new("verloonde uren persoon", at.PersonRecordedHours.Value, "uur")],
                    legal: [BesluitWfsv.Articles("2.27", "2.30")]);
            }
            else
            {
                c = PaidHours.Max(PaidHours.Zero, c - hours);
                trace?.Add($"Uitgeleende werknemer {at.PersonReference}: uren tellen niet meer mee bij de uitlener",
                    "C = C − min(toegerekende uren, verloonde uren persoon)", c.Value, "uur",
                    [new("C vóór", before.Value, "uur"), new("toegerekend", at.AttributedHours.Value, "uur"), new("verloonde uren persoon", at.PersonRecordedHours.Value, "uur")],
                    legal: [BesluitWfsv.Articles("2.27", "2.30")]);
            }
        }
        return c;
    }

    private static QuotaResult ExemptResult(QuotaInput input, Trace? trace, QuotaParameters q, string reason, IReadOnlyList<LegalReference> legal, decimal a)
    {
        var realised = LegalRounding.Down(Math.Max(0m, input.TargetGroupHours.Value) / q.HoursPerJob.Value, q.ShortfallDecimals);
        trace?.Add(reason, "geen quotumtekort en geen heffing", 0m, "banen", legal: legal);
        return new QuotaResult(input.Year, new QuotaFigures(new PaidHours(a), null, null, new Jobs(realised), Jobs.Zero, Euros.Zero, true, false), reason,
            trace ?? NoTrace);
    }
}
